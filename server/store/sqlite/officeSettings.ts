/** The office itself: creating one, its rules and capacity, opening hours, blanko stock. */
import { and, eq, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail, invalid } from '../../domain/errors';
import { changedFields } from '../../domain/auditTrail';
import { checkOpeningHours, checkTimezone, DEFAULT_HOURS, nextBlankoStock } from '../../domain/officeSettings';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadOffice, type OfficeRow } from './offices';
import type { OfficeSettings, OpeningHours, OpeningHoursChange } from '../../../shared/staffTypes';
import { replanForHours } from './slotPlan';


export const createOffice = (ctx: StoreCtx, input: { id: string; name: string; timezone: string }, actor: Actor, now: DateTime): OfficeRow =>
  writeTx(ctx, () => {
    checkTimezone(input.timezone);
    if (ctx.db.select({ id: t.offices.id }).from(t.offices).where(eq(t.offices.id, input.id)).get()) invalid({ id: { key: 'taken' } });
    const office = ctx.db
      .insert(t.offices)
      .values({ id: input.id, name: input.name, timezone: input.timezone, createdAt: now.toMillis() })
      .returning()
      .get();
    ctx.db.insert(t.openingHours).values(DEFAULT_HOURS.map((h) => ({ officeId: office.id, ...h }))).run();
    audit(ctx, { officeId: office.id, userId: actor.userId, action: 'office.create', target: office.id, detail: input }, now);
    return office;
  });

export const updateOffice = (ctx: StoreCtx, officeId: string, patch: Partial<OfficeSettings>, actor: Actor, now: DateTime): OfficeRow =>
  writeTx(ctx, () => {
    const before = loadOffice(ctx, officeId);
    const updated = Object.keys(patch).length
      ? ctx.db.update(t.offices).set(patch).where(eq(t.offices.id, officeId)).returning().get()
      : before;
    audit(ctx, { officeId, userId: actor.userId, action: 'office.update', target: officeId, detail: changedFields(before, patch) }, now);
    return updated;
  });

/**
 * Replaces the week's opening hours (several intervals a day allowed); a weekday left out is a
 * closed day. The future slots follow at once (slotPlan replanForHours): empty ones outside the
 * new hours go, booked ones stay and are answered as conflicts, and audited with the change.
 */
export const setOpeningHours = (ctx: StoreCtx, officeId: string, hours: OpeningHours[], actor: Actor, now: DateTime): OpeningHoursChange =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const week = checkOpeningHours(hours);
    ctx.db.delete(t.openingHours).where(eq(t.openingHours.officeId, officeId)).run();
    if (hours.length) ctx.db.insert(t.openingHours).values(hours.map((h) => ({ officeId, ...h }))).run();
    const conflicts = replanForHours(ctx, office, now);
    audit(ctx, { officeId, userId: actor.userId, action: 'office.hours', target: officeId, detail: { hours, conflicts } }, now);
    return { hours: week, conflicts };
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
    const before = loadOffice(ctx, officeId).blankoStock;
    nextBlankoStock(before, change);
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
