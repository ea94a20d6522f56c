/**
 * Services of an office: create (or bring back a retired code), change, retire. A service is
 * retired, never deleted: its tickets and bookings keep pointing at it for the reports.
 * Every change runs under the office's lock (the live queue reads services); a change that
 * bookings decide on (retiring, or any field of a service) also holds the plan lock exclusively
 * (bookingLocks.ts), so that no booking of the service is being decided meanwhile.
 */
import { eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { changedFields } from '../../domain/auditTrail';
import { checkCodeFree, checkRetire, orderServices, retiredCode, serviceIdsOf } from '../../domain/serviceSetup';
import * as t from './schema';
import { allRows, exec, getRow, officeLock, row, withTx, type Conn, type PgCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { planLock } from './bookingLocks';
import { audit } from './journal';
import { loadOffice, todayIn, type ServiceRow } from './offices';
import type { ServiceFields } from '../../../shared/staffTypes';

/** Every service of the office with that code, retired ones too. */
const anyServiceByCode = (c: Conn, officeId: string, code: string): Promise<ServiceRow | undefined> =>
  getRow(c, t.services, 'WHERE office_id = ? AND code = ?', officeId, code);

export const activeServiceOrFail = async (c: Conn, officeId: string, code: string): Promise<ServiceRow> => {
  const service = await anyServiceByCode(c, officeId, code);
  if (!service || !service.active) return fail('NOT_FOUND');
  return service;
};

export const createService = (ctx: PgCtx, officeId: string, input: ServiceFields & { code: string }, actor: Actor, now: DateTime): Promise<ServiceRow> =>
  withTx(ctx, async (tx) => {
    await loadOffice(tx, officeId);
    const existing = await anyServiceByCode(tx, officeId, input.code);
    checkCodeFree(existing);
    const last = await row<{ p: number | null }>(tx, 'SELECT max(position) AS p FROM services WHERE office_id = ?', officeId);
    const position = (last?.p ?? -1) + 1;
    const { code, ...fields } = input;
    const [service] = existing
      ? await tx.db.update(t.services).set({ ...fields, active: true, position }).where(eq(t.services.id, existing.id)).returning()
      : await tx.db.insert(t.services).values({ officeId, code, position, ...fields }).returning();
    await audit(tx, { officeId, userId: actor.userId, action: 'service.create', target: code, detail: fields }, now);
    return service!;
  }, { locks: [officeLock(officeId)] });

export const updateService = (
  ctx: PgCtx,
  officeId: string,
  code: string,
  patch: Partial<ServiceFields> & { code?: string; position?: number },
  actor: Actor,
  now: DateTime,
): Promise<ServiceRow> =>
  withTx(ctx, async (tx) => {
    const service = await activeServiceOrFail(tx, officeId, code);
    if (patch.code && patch.code !== service.code) {
      const clash = await anyServiceByCode(tx, officeId, patch.code);
      checkCodeFree(clash);
      // A retired service holding the letter gives it up (its rows keep their ids and numbers).
      if (clash) await exec(tx, 'UPDATE services SET code = ? WHERE id = ?', retiredCode(clash.id), clash.id);
    }
    const [updated] = await tx.db.update(t.services).set(patch).where(eq(t.services.id, service.id)).returning();
    await audit(tx, { officeId, userId: actor.userId, action: 'service.update', target: code, detail: changedFields(service, patch) }, now);
    return updated!;
  }, { locks: [officeLock(officeId), planLock(officeId)] });

/** Puts the services in the given order (codes first to last); the others keep their order after them. */
export const reorderServices = (ctx: PgCtx, officeId: string, codes: string[], actor: Actor, now: DateTime): Promise<void> =>
  withTx(ctx, async (tx) => {
    const services = await allRows(tx, t.services, 'WHERE office_id = ? AND active ORDER BY position, code', officeId);
    for (const [position, s] of orderServices(services, codes).entries()) await exec(tx, 'UPDATE services SET position = ? WHERE id = ?', position, s.id);
    await audit(tx, { officeId, userId: actor.userId, action: 'service.reorder', detail: { codes } }, now);
  }, { locks: [officeLock(officeId)] });

/** Retires a service, unless it still has active bookings from today on (`domain/serviceSetup` `checkRetire`). */
export const retireService = (ctx: PgCtx, officeId: string, code: string, actor: Actor, now: DateTime): Promise<void> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const service = await activeServiceOrFail(tx, officeId, code);
    const pending = await row<{ n: number }>(
      tx,
      "SELECT count(*)::int AS n FROM bookings WHERE service_id = ? AND status IN ('booked', 'pending') AND date >= ?",
      service.id, todayIn(office, now),
    );
    checkRetire(pending?.n ?? 0);
    await exec(tx, 'UPDATE services SET active = false WHERE id = ?', service.id);
    await exec(tx, 'DELETE FROM counter_services WHERE service_id = ?', service.id);
    await audit(tx, { officeId, userId: actor.userId, action: 'service.retire', target: code }, now);
  }, { locks: [officeLock(officeId), planLock(officeId)] });

export const serviceIdsByCode = async (c: Conn, officeId: string, codes: string[]): Promise<number[]> => {
  if (codes.length === 0) return [];
  const services = await allRows(c, t.services, 'WHERE office_id = ? AND active AND code = ANY(?)', officeId, codes);
  return serviceIdsOf(services, codes);
};
