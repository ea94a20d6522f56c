/**
 * Services of an office: create (or bring back a retired code), change, retire. A service is
 * retired, never deleted: its tickets and bookings keep pointing at it for the reports.
 */
import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail, invalid } from '../../domain/errors';
import * as t from '../../db/schema';
import { writeTx, type StoreCtx } from '../context';
import type { Actor } from '../actor';
import { audit } from '../notify';
import { loadOffice, todayIn, type ServiceRow } from '../offices';
import { asOfficeAdmin } from './guard';

export type ServiceFields = {
  nameId: string;
  nameEn: string;
  requirementsId: string;
  requirementsEn: string;
  bookable: boolean;
  walkIn: boolean;
  typicalMinutes: number;
  walkInQuota: number | null;
  needsBlanko: boolean;
  serviceGroup: string;
};

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
    asOfficeAdmin(actor, officeId);
    loadOffice(ctx, officeId);
    const existing = anyServiceByCode(ctx, officeId, input.code);
    if (existing?.active) invalid({ code: { key: 'taken' } });
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
    asOfficeAdmin(actor, officeId);
    const service = activeServiceOrFail(ctx, officeId, code);
    if (patch.code && patch.code !== service.code) {
      const clash = anyServiceByCode(ctx, officeId, patch.code);
      if (clash?.active) invalid({ code: { key: 'taken' } });
      // A retired service holding the letter gives it up (its rows keep their ids and numbers).
      if (clash) ctx.db.update(t.services).set({ code: `~${clash.id}` }).where(eq(t.services.id, clash.id)).run();
    }
    const updated = ctx.db.update(t.services).set(patch).where(eq(t.services.id, service.id)).returning().get();
    const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => service[k as keyof ServiceRow] !== v));
    audit(ctx, { officeId, userId: actor.userId, action: 'service.update', target: code, detail: changed }, now);
    return updated;
  });

/** Puts the services in the given order (codes first to last); the others keep their order after them. */
export const reorderServices = (ctx: StoreCtx, officeId: string, codes: string[], actor: Actor, now: DateTime): void =>
  writeTx(ctx, () => {
    asOfficeAdmin(actor, officeId);
    const rows = ctx.db
      .select()
      .from(t.services)
      .where(and(eq(t.services.officeId, officeId), eq(t.services.active, true)))
      .orderBy(asc(t.services.position), asc(t.services.code))
      .all();
    const ordered = [...codes.map((c) => rows.find((r) => r.code === c) ?? invalid({ codes: { key: 'unknown_service' } })), ...rows.filter((r) => !codes.includes(r.code))];
    ordered.forEach((r, position) => ctx.db.update(t.services).set({ position }).where(eq(t.services.id, r.id)).run());
    audit(ctx, { officeId, userId: actor.userId, action: 'service.reorder', detail: { codes } }, now);
  });

/**
 * Retires a service. Refused while it still has active bookings from today on: those holders
 * must be told, which is what a closure does.
 */
export const retireService = (ctx: StoreCtx, officeId: string, code: string, actor: Actor, now: DateTime): void =>
  writeTx(ctx, () => {
    asOfficeAdmin(actor, officeId);
    const office = loadOffice(ctx, officeId);
    const service = activeServiceOrFail(ctx, officeId, code);
    const [pending] = ctx.db
      .select({ n: count() })
      .from(t.bookings)
      .where(and(eq(t.bookings.serviceId, service.id), eq(t.bookings.status, 'booked'), sql`${t.bookings.date} >= ${todayIn(office, now)}`))
      .all();
    if ((pending?.n ?? 0) > 0) invalid({ code: { key: 'has_future_bookings', params: { count: pending!.n } } });
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
  return codes.map((c) => rows.find((r) => r.code === c)?.id ?? invalid({ services: { key: 'unknown_service' } }));
};
