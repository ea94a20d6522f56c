/** A new office's whole setup in one transaction: the demo seed uses it, an import could. */
import { count } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { OfficeSetup } from '../store';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import { ensureSlots, loadOffice, todayIn } from './offices';

export const countOffices = (ctx: StoreCtx): number => ctx.db.select({ n: count() }).from(t.offices).all()[0]?.n ?? 0;

export const setUpOffice = (ctx: StoreCtx, setup: OfficeSetup, now: DateTime): void =>
  writeTx(ctx, () => {
    const officeId = setup.office.id;
    // A complete setup (the demo, an import) is ready for visitors at once; an office made on the admin page starts as a draft.
    ctx.db.insert(t.offices).values({ ...setup.office, createdAt: now.toMillis(), publishedAt: now.toMillis() }).run();
    for (const hours of setup.hours) ctx.db.insert(t.openingHours).values({ officeId, ...hours }).run();
    const serviceIds = new Map<string, number>();
    setup.services.forEach(({ templates, ...fields }, position) => {
      const service = ctx.db.insert(t.services).values({ officeId, position, ...fields }).returning().get();
      serviceIds.set(service.code, service.id);
      for (const slot of templates) ctx.db.insert(t.slotTemplates).values({ officeId, serviceId: service.id, ...slot }).run();
    });
    for (const { name, services } of setup.counters) {
      const counter = ctx.db.insert(t.counters).values({ officeId, name, status: 'open' }).returning().get();
      services.forEach((code, position) => ctx.db.insert(t.counterServices).values({ counterId: counter.id, serviceId: serviceIds.get(code)!, position }).run());
    }
    for (const notice of setup.notices) ctx.db.insert(t.notices).values({ officeId, ...notice, createdAt: now.toMillis() }).run();
    if (setup.contacts.length) ctx.db.insert(t.whatsappContacts).values(setup.contacts.map((c) => ({ officeId, ...c }))).run();
    const office = loadOffice(ctx, officeId);
    ensureSlots(ctx, office, [...serviceIds.values()], todayIn(office, now), setup.slotDays);
  });
