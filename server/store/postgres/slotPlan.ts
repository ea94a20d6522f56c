/**
 * Weekly slot templates and per-date overrides of a service, and re-planning the slot rows
 * already made from them (as ../sqlite/slotPlan.ts). The rules (a slot that holds bookings is
 * never removed, moved or shrunk below its bookings) are `domain/slotPlan`; this file loads, asks
 * and applies. Changes hold the office's lock and its plan lock exclusively (bookingLocks.ts): no
 * booking takes a place, and no slot is made, while the rows are re-planned.
 */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { checkOverrideDate, checkSlotPlan, decideHoursReplan, decideReplan, replanDates, type ReplanStep } from '../../domain/slotPlan';
import { dateRange } from '../../domain/time';
import * as t from './schema';
import { allRows, exec, officeLock, row, rows, withTx, type Conn, type PgCtx, type Tx } from './connection';
import type { Actor } from '../../domain/policy';
import { planLock } from './bookingLocks';
import { audit } from './journal';
import { insertSlots, loadOffice, loadOpeningHours, loadServices, serviceByCode, todayIn, unmadeSlots, type OfficeRow, type ServiceRow } from './offices';
import type { TemplateSlot, DaySlot, OverrideDay, SlotConflict } from '../../../shared/staffTypes';

const activeServiceOrFail = async (c: Conn, officeId: string, code: string): Promise<ServiceRow> =>
  (await serviceByCode(c, officeId, code)) ?? fail('NOT_FOUND');

/**
 * Brings the slot rows of one service in line with its templates, overrides and the office's
 * opening hours, from now to the end of the booking horizon (or the last slot already made, if
 * later), as `domain/slotPlan` `decideReplan` says. Call inside a transaction holding the plan
 * lock. Answers the booked slots left outside the opening hours (kept, for the admin to deal with).
 */
export const replanService = async (tx: Tx, office: OfficeRow, serviceId: number, now: DateTime, only?: string[]): Promise<Omit<SlotConflict, 'service'>[]> => {
  const today = todayIn(office, now);
  const last = await row<{ d: string | null }>(tx, 'SELECT max(date) AS d FROM slots WHERE service_id = ?', serviceId);
  const slotRows = await allRows(tx, t.slots, 'WHERE service_id = ? AND date >= ? ORDER BY id', serviceId, today);
  const referenced = await referencedSlots(tx, slotRows.map((r) => r.id));
  const steps = decideReplan({
    serviceId,
    dates: only ?? replanDates(today, office.bookingHorizonDays, last?.d),
    templates: await allRows(tx, t.slotTemplates, 'WHERE service_id = ? ORDER BY id', serviceId),
    overrides: await allRows(tx, t.slotOverrides, 'WHERE service_id = ? AND date >= ? ORDER BY id', serviceId, today),
    rows: slotRows,
    referenced,
    now,
    zone: office.timezone,
    hours: await loadOpeningHours(tx, office.id),
  });
  return applySteps(tx, office, serviceId, steps);
};

/** Applies re-plan steps to the slot rows of one service; answers the conflicts among them (rows kept as they are). */
const applySteps = async (tx: Tx, office: OfficeRow, serviceId: number, steps: readonly ReplanStep[]): Promise<Omit<SlotConflict, 'service'>[]> => {
  const conflicts: Omit<SlotConflict, 'service'>[] = [];
  for (const step of steps) {
    if (step.kind === 'conflict') {
      const { kind: _, id: __, ...conflict } = step;
      conflicts.push(conflict);
    } else if (step.kind === 'insert') {
      await exec(
        tx, 'INSERT INTO slots (office_id, service_id, date, start, "end", start_at, end_at, capacity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        office.id, serviceId, step.date, step.start, step.end, step.startAt, step.endAt, step.capacity,
      );
    } else if (step.kind === 'update') {
      await exec(tx, 'UPDATE slots SET capacity = ?, "end" = ?, end_at = ? WHERE id = ?', step.capacity, step.end, step.endAt, step.id);
    } else if (step.kind === 'empty') {
      await exec(tx, 'UPDATE slots SET capacity = 0 WHERE id = ?', step.id);
    } else {
      await exec(tx, 'DELETE FROM slots WHERE id = ?', step.id);
    }
  }
  return conflicts;
};

/** Ids of the given slot rows that some booking (of any status) points at. */
const referencedSlots = async (tx: Tx, ids: number[]): Promise<Set<number>> =>
  new Set(ids.length ? (await rows<{ slotId: number }>(tx, 'SELECT DISTINCT slot_id AS "slotId" FROM bookings WHERE slot_id = ANY(?::int[])', ids)).map((b) => b.slotId) : []);

/**
 * After the opening hours changed: every service's future slots outside them go, booked ones
 * stay and are answered (`domain/slotPlan` decideHoursReplan), and the slots the new hours hold
 * are made up to the booking horizon. Call inside the transaction that changed the hours, holding
 * the plan lock.
 */
export const replanForHours = async (tx: Tx, office: OfficeRow, now: DateTime): Promise<SlotConflict[]> => {
  const today = todayIn(office, now);
  const hours = await loadOpeningHours(tx, office.id);
  const conflicts: SlotConflict[] = [];
  for (const service of await loadServices(tx, office.id)) {
    const slotRows = await allRows(tx, t.slots, 'WHERE service_id = ? AND date >= ? ORDER BY date, start', service.id, today);
    const steps = decideHoursReplan(slotRows, hours, await referencedSlots(tx, slotRows.map((r) => r.id)), now);
    for (const c of await applySteps(tx, office, service.id, steps)) conflicts.push({ service: service.code, ...c });
    await insertSlots(tx, await unmadeSlots(tx, office, service.id, dateRange(today, office.bookingHorizonDays)));
  }
  return conflicts;
};

export const listTemplates = (c: Conn, serviceId: number): Promise<TemplateSlot[]> =>
  rows<TemplateSlot>(c, 'SELECT weekday, start, "end", capacity FROM slot_templates WHERE service_id = ? ORDER BY weekday, start', serviceId);

export const planLocks = (officeId: string): string[] => [officeLock(officeId), planLock(officeId)];

/** Replaces a service's weekly template and re-plans its future slots, all or nothing. */
export const setTemplates = (ctx: PgCtx, officeId: string, code: string, slots: TemplateSlot[], actor: Actor, now: DateTime): Promise<TemplateSlot[]> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const service = await activeServiceOrFail(tx, officeId, code);
    checkSlotPlan(slots, (s) => s.weekday, 'slots');
    await exec(tx, 'DELETE FROM slot_templates WHERE service_id = ?', service.id);
    if (slots.length) await tx.db.insert(t.slotTemplates).values(slots.map((s) => ({ officeId, serviceId: service.id, ...s })));
    await replanService(tx, office, service.id, now);
    await audit(tx, { officeId, userId: actor.userId, action: 'slots.templates', target: code, detail: { slots: slots.length } }, now);
    return listTemplates(tx, service.id);
  }, { locks: planLocks(officeId) });

/** Marker for "no slots at all on this date": an override row with no places. */
const NO_SLOTS: DaySlot = { start: '00:00', end: '23:59', capacity: 0 };

/**
 * Replaces the slots of one service on one date (an empty list: no slots that day), or, with
 * `slots` null, drops the override so that the weekly template applies again.
 */
export const setOverride = (
  ctx: PgCtx,
  officeId: string,
  code: string,
  date: string,
  slots: DaySlot[] | null,
  actor: Actor,
  now: DateTime,
): Promise<DaySlot[] | null> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const service = await activeServiceOrFail(tx, officeId, code);
    checkOverrideDate(date, todayIn(office, now));
    if (slots) checkSlotPlan(slots, () => date, 'slots');
    await exec(tx, 'DELETE FROM slot_overrides WHERE service_id = ? AND date = ?', service.id, date);
    const overrideRows = slots === null ? [] : slots.length ? slots : [NO_SLOTS];
    if (overrideRows.length) await tx.db.insert(t.slotOverrides).values(overrideRows.map((s) => ({ officeId, serviceId: service.id, date, ...s })));
    await replanService(tx, office, service.id, now, [date]);
    await audit(tx, { officeId, userId: actor.userId, action: slots ? 'slots.override' : 'slots.override_clear', target: `${code} ${date}`, detail: { slots: slots ?? null } }, now);
    return slots;
  }, { locks: planLocks(officeId) });

/** Today's and future overrides, grouped per service and date; a "no slots" day has an empty list. */
export const listOverrides = async (c: Conn, office: OfficeRow, codeOf: Map<number, string>, now: DateTime): Promise<OverrideDay[]> => {
  const overrideRows = await allRows(c, t.slotOverrides, 'WHERE office_id = ? AND date >= ? ORDER BY date, start', office.id, todayIn(office, now));
  const days = new Map<string, OverrideDay>();
  for (const r of overrideRows) {
    const code = codeOf.get(r.serviceId);
    if (!code) continue;
    const key = `${code}|${r.date}`;
    const day = days.get(key) ?? { service: code, date: r.date, slots: [] };
    if (r.capacity > 0) day.slots.push({ start: r.start, end: r.end, capacity: r.capacity });
    days.set(key, day);
  }
  return [...days.values()];
};
