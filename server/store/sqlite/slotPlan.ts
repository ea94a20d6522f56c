/**
 * Weekly slot templates and per-date overrides of a service, and re-planning the slot rows
 * already made from them. The rules (a slot that holds bookings is never removed, moved or
 * shrunk below its bookings) are `domain/slotPlan`; this file loads, asks and applies.
 */
import { and, asc, eq, gte, inArray, max } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { checkOverrideDate, checkSlotPlan, decideHoursReplan, decideReplan, replanDates, type ReplanStep } from '../../domain/slotPlan';
import { dateRange } from '../../domain/time';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import type { Actor } from '../../domain/policy';
import { audit } from './journal';
import { insertSlots, loadOffice, loadOpeningHours, loadServices, todayIn, unmadeSlots, type OfficeRow } from './offices';
import { activeServiceOrFail } from './services';
import type { TemplateSlot, DaySlot, OverrideDay, SlotConflict } from '../../../shared/staffTypes';


/**
 * Brings the slot rows of one service in line with its templates, overrides and the office's
 * opening hours, from now to the end of the booking horizon (or the last slot already made, if
 * later), as `domain/slotPlan` `decideReplan` says. Call inside a write transaction. Answers the
 * booked slots left outside the opening hours (kept, for the admin to deal with).
 */
export const replanService = (ctx: StoreCtx, office: OfficeRow, serviceId: number, now: DateTime, only?: string[]): Omit<SlotConflict, 'service'>[] => {
  const today = todayIn(office, now);
  const [lastRow] = ctx.db.select({ d: max(t.slots.date) }).from(t.slots).where(eq(t.slots.serviceId, serviceId)).all();
  const rows = ctx.db.select().from(t.slots).where(and(eq(t.slots.serviceId, serviceId), gte(t.slots.date, today))).all();
  const referenced = referencedSlots(ctx, rows.map((r) => r.id));
  const steps = decideReplan({
    serviceId,
    dates: only ?? replanDates(today, office.bookingHorizonDays, lastRow?.d),
    templates: ctx.db.select().from(t.slotTemplates).where(eq(t.slotTemplates.serviceId, serviceId)).all(),
    overrides: ctx.db.select().from(t.slotOverrides).where(and(eq(t.slotOverrides.serviceId, serviceId), gte(t.slotOverrides.date, today))).all(),
    rows,
    referenced,
    now,
    zone: office.timezone,
    hours: loadOpeningHours(ctx, office.id),
  });
  return applySteps(ctx, office, serviceId, steps);
};

/** Applies re-plan steps to the slot rows of one service; answers the conflicts among them (rows kept as they are). */
const applySteps = (ctx: StoreCtx, office: OfficeRow, serviceId: number, steps: readonly ReplanStep[]): Omit<SlotConflict, 'service'>[] => {
  const conflicts: Omit<SlotConflict, 'service'>[] = [];
  for (const step of steps) {
    if (step.kind === 'conflict') {
      const { kind: _, id: __, ...conflict } = step;
      conflicts.push(conflict);
    } else if (step.kind === 'insert') {
      const { kind: _, ...slot } = step;
      ctx.db.insert(t.slots).values({ officeId: office.id, serviceId, ...slot }).run();
    } else if (step.kind === 'update') {
      ctx.db.update(t.slots).set({ capacity: step.capacity, end: step.end, endAt: step.endAt }).where(eq(t.slots.id, step.id)).run();
    } else if (step.kind === 'empty') {
      ctx.db.update(t.slots).set({ capacity: 0 }).where(eq(t.slots.id, step.id)).run();
    } else {
      ctx.db.delete(t.slots).where(eq(t.slots.id, step.id)).run();
    }
  }
  return conflicts;
};

/** Ids of the given slot rows that some booking (of any status) points at. */
const referencedSlots = (ctx: StoreCtx, ids: number[]): Set<number> =>
  new Set(
    ids.length
      ? ctx.db.selectDistinct({ slotId: t.bookings.slotId }).from(t.bookings).where(inArray(t.bookings.slotId, ids)).all().map((b) => b.slotId)
      : [],
  );

/**
 * After the opening hours changed: every service's future slots outside them go, booked ones
 * stay and are answered (`domain/slotPlan` decideHoursReplan), and the slots the new hours hold
 * are made up to the booking horizon. Call inside the write transaction that changed the hours.
 */
export const replanForHours = (ctx: StoreCtx, office: OfficeRow, now: DateTime): SlotConflict[] => {
  const today = todayIn(office, now);
  const hours = loadOpeningHours(ctx, office.id);
  return loadServices(ctx, office.id).flatMap((service) => {
    const rows = ctx.db.select().from(t.slots).where(and(eq(t.slots.serviceId, service.id), gte(t.slots.date, today))).orderBy(asc(t.slots.date), asc(t.slots.start)).all();
    const steps = decideHoursReplan(rows, hours, referencedSlots(ctx, rows.map((r) => r.id)), now);
    const conflicts = applySteps(ctx, office, service.id, steps).map((c) => ({ service: service.code, ...c }));
    insertSlots(ctx, unmadeSlots(ctx, office, service.id, dateRange(today, office.bookingHorizonDays)));
    return conflicts;
  });
};

export const listTemplates = (ctx: StoreCtx, serviceId: number): TemplateSlot[] =>
  ctx.db
    .select({ weekday: t.slotTemplates.weekday, start: t.slotTemplates.start, end: t.slotTemplates.end, capacity: t.slotTemplates.capacity })
    .from(t.slotTemplates)
    .where(eq(t.slotTemplates.serviceId, serviceId))
    .orderBy(asc(t.slotTemplates.weekday), asc(t.slotTemplates.start))
    .all();

/** Replaces a service's weekly template and re-plans its future slots, all or nothing. */
export const setTemplates = (ctx: StoreCtx, officeId: string, code: string, slots: TemplateSlot[], actor: Actor, now: DateTime): TemplateSlot[] =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const service = activeServiceOrFail(ctx, officeId, code);
    checkSlotPlan(slots, (s) => s.weekday, 'slots');
    ctx.db.delete(t.slotTemplates).where(eq(t.slotTemplates.serviceId, service.id)).run();
    if (slots.length) ctx.db.insert(t.slotTemplates).values(slots.map((s) => ({ officeId, serviceId: service.id, ...s }))).run();
    replanService(ctx, office, service.id, now);
    audit(ctx, { officeId, userId: actor.userId, action: 'slots.templates', target: code, detail: { slots: slots.length } }, now);
    return listTemplates(ctx, service.id);
  });

/** Marker for "no slots at all on this date": an override row with no places. */
const NO_SLOTS: DaySlot = { start: '00:00', end: '23:59', capacity: 0 };

/**
 * Replaces the slots of one service on one date (an empty list: no slots that day), or, with
 * `slots` null, drops the override so that the weekly template applies again.
 */
export const setOverride = (
  ctx: StoreCtx,
  officeId: string,
  code: string,
  date: string,
  slots: DaySlot[] | null,
  actor: Actor,
  now: DateTime,
): DaySlot[] | null =>
  writeTx(ctx, () => {
    const office = loadOffice(ctx, officeId);
    const service = activeServiceOrFail(ctx, officeId, code);
    checkOverrideDate(date, todayIn(office, now));
    if (slots) checkSlotPlan(slots, () => date, 'slots');
    const where = and(eq(t.slotOverrides.serviceId, service.id), eq(t.slotOverrides.date, date));
    ctx.db.delete(t.slotOverrides).where(where).run();
    const rows = slots === null ? [] : slots.length ? slots : [NO_SLOTS];
    if (rows.length) ctx.db.insert(t.slotOverrides).values(rows.map((s) => ({ officeId, serviceId: service.id, date, ...s }))).run();
    replanService(ctx, office, service.id, now, [date]);
    audit(ctx, { officeId, userId: actor.userId, action: slots ? 'slots.override' : 'slots.override_clear', target: `${code} ${date}`, detail: { slots: slots ?? null } }, now);
    return slots;
  });


/** Today's and future overrides, grouped per service and date; a "no slots" day has an empty list. */
export const listOverrides = (ctx: StoreCtx, office: OfficeRow, codeOf: Map<number, string>, now: DateTime): OverrideDay[] => {
  const rows = ctx.db
    .select()
    .from(t.slotOverrides)
    .where(and(eq(t.slotOverrides.officeId, office.id), gte(t.slotOverrides.date, todayIn(office, now))))
    .orderBy(asc(t.slotOverrides.date), asc(t.slotOverrides.start))
    .all();
  const days = new Map<string, OverrideDay>();
  for (const r of rows) {
    const code = codeOf.get(r.serviceId);
    if (!code) continue;
    const key = `${code}|${r.date}`;
    const day = days.get(key) ?? { service: code, date: r.date, slots: [] };
    if (r.capacity > 0) day.slots.push({ start: r.start, end: r.end, capacity: r.capacity });
    days.set(key, day);
  }
  return [...days.values()];
};
