/** The office itself: creating one, its rules and capacity, opening hours, blanko stock. */
import { and, eq, sql } from 'drizzle-orm';
import { IANAZone, type DateTime } from 'luxon';
import { fail, invalid } from '../../domain/errors';
import * as t from '../../db/schema';
import { writeTx, type StoreCtx } from '../context';
import type { Actor } from '../actor';
import { audit } from '../notify';
import { loadOffice, type OfficeRow } from '../offices';
import { asDeploymentAdmin, asOfficeAdmin } from './guard';

export type OfficeSettings = {
  name: string;
  roomCapacity: number | null;
  bookingHorizonDays: number;
  bookingCutoffMinutes: number;
  checkInEarlyMinutes: number;
  maxActiveBookingsPerNik: number;
  onePerServicePerDay: boolean;
  walkInEvery: number;
  recallLimit: number;
};
export type Hours = { weekday: number; open: string; close: string };

const DEFAULT_HOURS: Hours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' }));

export const createOffice = (ctx: StoreCtx, input: { id: string; name: string; timezone: string }, actor: Actor, now: DateTime): OfficeRow =>
  writeTx(ctx, () => {
    asDeploymentAdmin(actor);
    if (!IANAZone.isValidZone(input.timezone)) invalid({ timezone: { key: 'timezone' } });
    if (ctx.db.select({ id: t.offices.id }).from(t.offices).where(eq(t.offices.id, input.id)).get()) invalid({ id: { key: 'taken' } });
    const office = ctx.db
      .insert(t.offices)
      .values({ id: input.id, name: input.name, timezone: input.timezone, createdAt: now.toMillis() })
      .returning()
      .get();
    // Monday to Friday 08:00–15:00 until the admin says otherwise: a new office is usable at once.
    ctx.db.insert(t.openingHours).values(DEFAULT_HOURS.map((h) => ({ officeId: office.id, ...h }))).run();
    audit(ctx, { officeId: office.id, userId: actor.userId, action: 'office.create', target: office.id, detail: input }, now);
    return office;
  });

export const updateOffice = (ctx: StoreCtx, officeId: string, patch: Partial<OfficeSettings>, actor: Actor, now: DateTime): OfficeRow =>
  writeTx(ctx, () => {
    asOfficeAdmin(actor, officeId);
    const before = loadOffice(ctx, officeId);
    const updated = Object.keys(patch).length
      ? ctx.db.update(t.offices).set(patch).where(eq(t.offices.id, officeId)).returning().get()
      : before;
    const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => before[k as keyof OfficeRow] !== v));
    audit(ctx, { officeId, userId: actor.userId, action: 'office.update', target: officeId, detail: changed }, now);
    return updated;
  });

/** Replaces the week's opening hours; a weekday left out is a closed day. */
export const setOpeningHours = (ctx: StoreCtx, officeId: string, hours: Hours[], actor: Actor, now: DateTime): Hours[] =>
  writeTx(ctx, () => {
    asOfficeAdmin(actor, officeId);
    loadOffice(ctx, officeId);
    const fields: Record<string, { key: string }> = {};
    const seen = new Set<number>();
    hours.forEach((h, i) => {
      if (h.close <= h.open) fields[`hours.${i}.close`] = { key: 'time_order' };
      if (seen.has(h.weekday)) fields[`hours.${i}.weekday`] = { key: 'taken' };
      seen.add(h.weekday);
    });
    if (Object.keys(fields).length) invalid(fields);
    ctx.db.delete(t.openingHours).where(eq(t.openingHours.officeId, officeId)).run();
    if (hours.length) ctx.db.insert(t.openingHours).values(hours.map((h) => ({ officeId, ...h }))).run();
    audit(ctx, { officeId, userId: actor.userId, action: 'office.hours', target: officeId, detail: { hours } }, now);
    return [...hours].sort((a, b) => a.weekday - b.weekday);
  });

/** Sets the blanko stock (a count after a stock-take) or adds a delivery; never below zero. */
export const changeBlanko = (
  ctx: StoreCtx,
  officeId: string,
  change: { set: number } | { add: number },
  actor: Actor,
  now: DateTime,
): number =>
  writeTx(ctx, () => {
    asOfficeAdmin(actor, officeId);
    const before = loadOffice(ctx, officeId).blankoStock;
    const next = 'set' in change ? change.set : before + change.add;
    if (next < 0) invalid({ add: { key: 'out_of_range' } });
    // Relative to the stock read in this same transaction: a KTP-el printed meanwhile is not lost.
    const row = ctx.db
      .update(t.offices)
      .set({ blankoStock: 'set' in change ? change.set : sql`${t.offices.blankoStock} + ${change.add}` })
      .where(and(eq(t.offices.id, officeId)))
      .returning({ stock: t.offices.blankoStock })
      .get() ?? fail('NOT_FOUND');
    audit(ctx, { officeId, userId: actor.userId, action: 'blanko.change', target: officeId, detail: { ...change, before, after: row.stock } }, now);
    return row.stock;
  });
