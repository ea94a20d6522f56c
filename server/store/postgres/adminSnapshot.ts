/** Everything the admin page shows for one office, read in one go (one REPEATABLE READ snapshot). */
import { parseBoardVoice } from '../../../shared/voiceClips';
import { targetsOf } from '../../domain/notices';
import type { DateTime } from 'luxon';
import * as t from './schema';
import { allRows, rows, withTx, type PgCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { listClosures } from './closures';
import { loadOffice, loadOpeningHours, loadServices, todayIn } from './offices';
import { listKiosks } from './kiosks';
import { listContacts, listNotices } from './notices';
import { outboxSummary } from './outbox';
import { listOverrides, listTemplates } from './slotPlan';
import { listStaff } from './staffAccounts';
import { urgentOnlyState } from './urgentOnly';
import type { AdminSnapshot } from '../../../shared/staffTypes';

/** One query at a time: a transaction's connection runs them one after the other anyway. */
const mapInOrder = async <T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
};

export const adminSnapshot = (ctx: PgCtx, officeId: string, actor: Actor, now: DateTime, notifyChannel: string): Promise<AdminSnapshot> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const services = await loadServices(tx, officeId);
    const codeOf = new Map(services.map((s) => [s.id, s.code]));
    const counters = await allRows(tx, t.counters, 'WHERE office_id = ? ORDER BY id', officeId);
    const links = await rows<{ counterId: number; serviceId: number }>(
      tx,
      'SELECT cs.counter_id AS "counterId", cs.service_id AS "serviceId" FROM counter_services cs JOIN counters c ON c.id = cs.counter_id WHERE c.office_id = ? ORDER BY cs.position',
      officeId,
    );
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
      hours: await loadOpeningHours(tx, officeId),
      services: await mapInOrder(services, async (s) => ({
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
        templates: await listTemplates(tx, s.id),
      })),
      overrides: await listOverrides(tx, office, codeOf, now),
      counters: counters.map((c) => ({
        id: c.id,
        name: c.name,
        status: c.status,
        services: links.filter((l) => l.counterId === c.id).map((l) => codeOf.get(l.serviceId)).filter((x): x is string => !!x),
      })),
      staff: await listStaff(tx, officeId, actor),
      kiosks: await listKiosks(tx, officeId),
      notices: (await listNotices(tx, officeId)).map((n) => ({ id: n.id, textId: n.textId, textEn: n.textEn, active: n.active, startsOn: n.startsOn, endsOn: n.endsOn, targets: targetsOf(n.targets) })),
      contacts: (await listContacts(tx, officeId)).map((c) => ({ id: c.id, label: c.label, phone: c.phone, serviceGroup: c.serviceGroup })),
      closures: await listClosures(tx, officeId, now),
      urgentOnly: await urgentOnlyState(tx, office, now),
      outbox: await outboxSummary(tx, office, notifyChannel),
    };
  }, { readOnly: true });
