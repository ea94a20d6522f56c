/**
 * Services of an office: create (or bring back a retired code), change, retire. A service is
 * retired, never deleted: its tickets and bookings keep pointing at it for the reports.
 */
import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { changedFields } from '../../domain/auditTrail';
import { checkCodeFree, checkRetire, orderServices, retiredCode, serviceIdsOf } from '../../domain/serviceSetup';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadOffice, todayIn, type ServiceRow } from './offices';
import type { ServiceFields } from '../../../shared/staffTypes';


/** Every service of the office with that code, retired ones too. */
const anyServiceByCode = (ctx: StoreCtx, officeId: string, code: string): ServiceRow | undefined =>
  ctx.db.select().from(t.services).where(and(eq(t.services.officeId, officeId), eq(t.services.code, code))).get();

export const activeServiceOrFail = (ctx: StoreCtx, officeId: string, code: string): ServiceRow => {
  const service = anyServiceByCode(ctx, officeId, code);
  if (!service || !service.active) return fail('NOT_FOUND');
  return service;
};

export const createService = (ctx: StoreCtx, officeId: string, input: ServiceFields & { code: string }, actor: Actor, now: DateTime): ServiceRow =>
  writeTx(ctx, () => {
    loadOffice(ctx, officeId);
    const existing = anyServiceByCode(ctx, officeId, input.code);
    checkCodeFree(existing);
    const [last] = ctx.db.select({ p: max(t.services.position) }).from(t.services).where(eq(t.services.officeId, officeId)).all();
    const position = (last?.p ?? -1) + 1;
    const { code, ...fields } = input;
    const service = existing
      ? ctx.db.update(t.services).set({ ...fields, active: true, position }).where(eq(t.services.id, existing.id)).returning().get()
      : ctx.db.insert(t.services).values({ officeId, code, position, ...fields }).returning().get();
    audit(ctx, { officeId, userId: actor.userId, action: 'service.create', target: code, detail: fields }, now);
    return service;
  });

export const updateService = (
  ctx: StoreCtx,
  officeId: string,
  code: string,
  patch: Partial<ServiceFields> & { code?: string; position?: number },
  actor: Actor,
  now: DateTime,
): ServiceRow =>
  writeTx(ctx, () => {
    const service = activeServiceOrFail(ctx, officeId, code);
    if (patch.code && patch.code !== service.code) {
      const clash = anyServiceByCode(ctx, officeId, patch.code);
      checkCodeFree(clash);
      // A retired service holding the letter gives it up (its rows keep their ids and numbers).
      if (clash) ctx.db.update(t.services).set({ code: retiredCode(clash.id) }).where(eq(t.services.id, clash.id)).run();
    }
    const updated = ctx.db.update(t.services).set(patch).where(eq(t.services.id, service.id)).returning().get();
    audit(ctx, { officeId, userId: actor.userId, action: 'service.update', target: code, detail: changedFields(service, patch) }, now);
    return updated;
  });

/** Puts the services in the given order (codes first to last); the others keep their order after them. */
export const reorderServices = (ctx: StoreCtx, officeId: string, codes: string[], actor: Actor, now: DateTime): void =>
  writeTx(ctx, () => {
    const rows = ctx.db
      .select()
      .from(t.services)
      .where(and(eq(t.services.officeId, officeId), eq(t.services.active, true)))
      .orderBy(asc(t.services.position), asc(t.services.code))
      .all();
    orderServices(rows, codes).forEach((r, position) => ctx.db.update(t.services).set({ position }).where(eq(t.services.id, r.id)).run());
    audit(ctx, { officeId, userId: actor.userId, action: 'service.reorder', detail: { codes } }, now);
  });

/** Retires a service, unless it still has active bookings from today on (`domain/serviceSetup` `checkRetire`). */
export const retireService = (ctx: StoreCtx, officeId: string, code: string, actor: Actor, now: DateTime): void =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const service = activeServiceOrFail(ctx, officeId, code);
    const [pending] = ctx.db
      .select({ n: count() })
      .from(t.bookings)
      .where(and(eq(t.bookings.serviceId, service.id), inArray(t.bookings.status, ['booked', 'pending']), sql`${t.bookings.date} >= ${todayIn(office, now)}`))
      .all();
    checkRetire(pending?.n ?? 0);
    ctx.db.update(t.services).set({ active: false }).where(eq(t.services.id, service.id)).run();
    ctx.db.delete(t.counterServices).where(eq(t.counterServices.serviceId, service.id)).run();
    audit(ctx, { officeId, userId: actor.userId, action: 'service.retire', target: code }, now);
  });

export const serviceIdsByCode = (ctx: StoreCtx, officeId: string, codes: string[]): number[] => {
  if (codes.length === 0) return [];
  const rows = ctx.db
    .select()
    .from(t.services)
    .where(and(eq(t.services.officeId, officeId), eq(t.services.active, true), inArray(t.services.code, codes)))
    .all();
  return serviceIdsOf(rows, codes);
};
