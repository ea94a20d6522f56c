/** Everything the admin page shows for one office, read in one go. */
import { parseBoardVoice } from '../../../shared/voiceClips';
import { targetsOf } from '../../domain/notices';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import * as t from './schema';
import type { StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { listClosures } from './closures';
import { loadOffice, loadServices, todayIn } from './offices';
import { listKiosks } from './kiosks';
import { listContacts, listNotices } from './notices';
import { outboxSummary } from './outbox';
import { listOverrides, listTemplates } from './slotPlan';
import { listStaff } from './staffAccounts';
import { urgentOnlyState } from './urgentOnly';
import type { AdminSnapshot } from '../../../shared/staffTypes';

export const adminSnapshot = (ctx: StoreCtx, officeId: string, actor: Actor, now: DateTime, notifyChannel: string): AdminSnapshot => {
  const office = loadOffice(ctx, officeId);
  const services = loadServices(ctx, officeId);
  const codeOf = new Map(services.map((s) => [s.id, s.code]));
  const counters = ctx.db.select().from(t.counters).where(eq(t.counters.officeId, officeId)).orderBy(asc(t.counters.id)).all();
  const links = counters.length
    ? ctx.db
        .select()
        .from(t.counterServices)
        .where(inArray(t.counterServices.counterId, counters.map((c) => c.id)))
        .orderBy(asc(t.counterServices.position))
        .all()
    : [];
  return {
    today: todayIn(office, now),
    office: {
      id: office.id,
      name: office.name,
      timezone: office.timezone,
      roomCapacity: office.roomCapacity,
      bookingHorizonDays: office.bookingHorizonDays,
      bookingCutoffMinutes: office.bookingCutoffMinutes,
      checkInEarlyMinutes: office.checkInEarlyMinutes,
      maxActiveBookingsPerNik: office.maxActiveBookingsPerNik,
      maxActiveBookingsPerPhone: office.maxActiveBookingsPerPhone,
      onePerServicePerDay: office.onePerServicePerDay,
      walkInEvery: office.walkInEvery,
      recallLimit: office.recallLimit,
      issueEarlyMinutes: office.issueEarlyMinutes,
      boardVoice: parseBoardVoice(office.boardVoice),
      published: office.publishedAt !== null,
      releaseTime: office.releaseTime,
      releaseDaysAhead: office.releaseDaysAhead,
      waitingRoomMinutes: office.waitingRoomMinutes,
      admissionMinutes: office.admissionMinutes,
      blankoStock: office.blankoStock,
    },
    hours: ctx.db
      .select({ weekday: t.openingHours.weekday, open: t.openingHours.open, close: t.openingHours.close })
      .from(t.openingHours)
      .where(eq(t.openingHours.officeId, officeId))
      .orderBy(asc(t.openingHours.weekday), asc(t.openingHours.open))
      .all(),
    services: services.map((s) => ({
      code: s.code,
      nameId: s.nameId,
      nameEn: s.nameEn,
      requirementsId: s.requirementsId,
      requirementsEn: s.requirementsEn,
      bookable: s.bookable,
      walkIn: s.walkIn,
      typicalMinutes: s.typicalMinutes,
      walkInQuota: s.walkInQuota,
      needsBlanko: s.needsBlanko,
      serviceGroup: s.serviceGroup,
      blankoReserve: s.blankoReserve,
      templates: listTemplates(ctx, s.id),
    })),
    overrides: listOverrides(ctx, office, codeOf, now),
    counters: counters.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      services: links.filter((l) => l.counterId === c.id).map((l) => codeOf.get(l.serviceId)).filter((x): x is string => !!x),
    })),
    staff: listStaff(ctx, officeId, actor),
    kiosks: listKiosks(ctx, officeId),
    notices: listNotices(ctx, officeId).map((n) => ({ id: n.id, textId: n.textId, textEn: n.textEn, active: n.active, startsOn: n.startsOn, endsOn: n.endsOn, targets: targetsOf(n.targets) })),
    contacts: listContacts(ctx, officeId).map((c) => ({ id: c.id, label: c.label, phone: c.phone, serviceGroup: c.serviceGroup })),
    closures: listClosures(ctx, office, now),
    urgentOnly: urgentOnlyState(ctx, office, now),
    outbox: outboxSummary(ctx, office, notifyChannel),
  };
};


