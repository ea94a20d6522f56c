/**
 * A new office's whole setup in one transaction: the demo seed uses it, an import could. Under
 * the office's lock; an office that already exists (another process seeded it first) is left as
 * it is, so several processes starting at once seed once.
 */
import { count } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { OfficeSetup } from '../store';
import * as t from './schema';
import { officeLock, row, withTx, type Conn, type PgCtx } from './connection';
import { ensureSlots, loadOffice, todayIn } from './offices';

export const countOffices = async (c: Conn): Promise<number> => (await c.db.select({ n: count() }).from(t.offices))[0]?.n ?? 0;

export const setUpOffice = (ctx: PgCtx, setup: OfficeSetup, now: DateTime): Promise<void> =>
  withTx(ctx, async (tx) => {
    const officeId = setup.office.id;
    if (await row(tx, 'SELECT 1 FROM offices WHERE id = ?', officeId)) return;
    // A complete setup (the demo, an import) is ready for visitors at once; an office made on the admin page starts as a draft.
    await tx.db.insert(t.offices).values({ ...setup.office, createdAt: now.toMillis(), publishedAt: now.toMillis() });
    if (setup.hours.length) await tx.db.insert(t.openingHours).values(setup.hours.map((hours) => ({ officeId, ...hours })));
    const serviceIds = new Map<string, number>();
    for (const [position, { templates, ...fields }] of setup.services.entries()) {
      const [service] = await tx.db.insert(t.services).values({ officeId, position, ...fields }).returning();
      serviceIds.set(service!.code, service!.id);
      if (templates.length) await tx.db.insert(t.slotTemplates).values(templates.map((slot) => ({ officeId, serviceId: service!.id, ...slot })));
    }
    for (const { name, services } of setup.counters) {
      const [counter] = await tx.db.insert(t.counters).values({ officeId, name, status: 'open' }).returning();
      if (services.length) {
        await tx.db.insert(t.counterServices).values(services.map((code, position) => ({ counterId: counter!.id, serviceId: serviceIds.get(code)!, position })));
      }
    }
    if (setup.notices.length) await tx.db.insert(t.notices).values(setup.notices.map((notice) => ({ officeId, ...notice, createdAt: now.toMillis() })));
    if (setup.contacts.length) await tx.db.insert(t.whatsappContacts).values(setup.contacts.map((c) => ({ officeId, ...c })));
    const office = await loadOffice(tx, officeId);
    await ensureSlots(tx, office, [...serviceIds.values()], todayIn(office, now), setup.slotDays);
  }, { locks: [officeLock(setup.office.id)] });
