/** The office itself: creating one, its rules and capacity, opening hours, blanko stock. Each under the office's lock. */
import { eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { fail, invalid } from '../../domain/errors';
import { changedFields } from '../../domain/auditTrail';
import { checkOpeningHours, checkTimezone, DEFAULT_HOURS, nextBlankoStock } from '../../domain/officeSettings';
import * as t from './schema';
import { exec, insertReturning, officeLock, row, withTx, type PgCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { loadOffice, type OfficeRow } from './offices';
import type { OfficeSettings, OpeningHours, OpeningHoursChange } from '../../../shared/staffTypes';
import { planLocks, replanForHours } from './slotPlan';

export const createOffice = (ctx: PgCtx, input: { id: string; name: string; timezone: string }, actor: Actor, now: DateTime): Promise<OfficeRow> =>
  withTx(ctx, async (tx) => {
    checkTimezone(input.timezone);
    // Under the new id's lock: of two admins creating the same office at once, the second is told it is taken.
    if (await row(tx, 'SELECT 1 FROM offices WHERE id = ?', input.id)) invalid({ id: { key: 'taken' } });
    const office = await insertReturning(tx, t.offices, 'INSERT INTO offices (id, name, timezone, created_at) VALUES (?, ?, ?, ?)', input.id, input.name, input.timezone, now.toMillis());
    await tx.db.insert(t.openingHours).values(DEFAULT_HOURS.map((h) => ({ officeId: office.id, ...h })));
    await audit(tx, { officeId: office.id, userId: actor.userId, action: 'office.create', target: office.id, detail: input }, now);
    return office;
  }, { locks: [officeLock(input.id)] });

export const updateOffice = (ctx: PgCtx, officeId: string, patch: Partial<OfficeSettings>, actor: Actor, now: DateTime): Promise<OfficeRow> =>
  withTx(ctx, async (tx) => {
    const before = await loadOffice(tx, officeId);
    const updated = Object.keys(patch).length ? (await tx.db.update(t.offices).set(patch).where(eq(t.offices.id, officeId)).returning())[0]! : before;
    await audit(tx, { officeId, userId: actor.userId, action: 'office.update', target: officeId, detail: changedFields(before, patch) }, now);
    return updated;
  }, { locks: [officeLock(officeId)] });

/**
 * Replaces the week's opening hours (several intervals a day allowed); a weekday left out is a
 * closed day. The future slots follow at once (slotPlan replanForHours): empty ones outside the
 * new hours go, booked ones stay and are answered as conflicts, and audited with the change.
 * Under the office's lock and its plan lock, as a change of slot plan: no booking takes a place
 * and no slot is made meanwhile.
 */
export const setOpeningHours = (ctx: PgCtx, officeId: string, hours: OpeningHours[], actor: Actor, now: DateTime): Promise<OpeningHoursChange> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const week = checkOpeningHours(hours);
    await exec(tx, 'DELETE FROM opening_hours WHERE office_id = ?', officeId);
    if (hours.length) await tx.db.insert(t.openingHours).values(hours.map((h) => ({ officeId, ...h })));
    const conflicts = await replanForHours(tx, office, now);
    await audit(tx, { officeId, userId: actor.userId, action: 'office.hours', target: officeId, detail: { hours, conflicts } }, now);
    return { hours: week, conflicts };
  }, { locks: planLocks(officeId) });

/**
 * Sets the blanko stock (a count after a stock-take) or adds a delivery; never below zero.
 * Under the office's lock, which every ticket step that uses a blanko also holds, so the stock
 * checked here is the one the update changes; the update is relative all the same.
 */
export const changeBlanko = (ctx: PgCtx, officeId: string, change: { set: number } | { add: number }, actor: Actor, now: DateTime): Promise<number> =>
  withTx(ctx, async (tx) => {
    const before = (await loadOffice(tx, officeId)).blankoStock;
    nextBlankoStock(before, change);
    const { stock } =
      (await ('set' in change
        ? row<{ stock: number }>(tx, 'UPDATE offices SET blanko_stock = ? WHERE id = ? RETURNING blanko_stock AS stock', change.set, officeId)
        : row<{ stock: number }>(tx, 'UPDATE offices SET blanko_stock = blanko_stock + ? WHERE id = ? RETURNING blanko_stock AS stock', change.add, officeId))) ??
      fail('NOT_FOUND');
    await audit(tx, { officeId, userId: actor.userId, action: 'blanko.change', target: officeId, detail: { ...change, before, after: stock } }, now);
    return stock;
  }, { locks: [officeLock(officeId)] });
