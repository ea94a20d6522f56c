/**
 * Weekly slot templates and per-date overrides of a service, and re-planning the slot rows
 * already made from them. A slot that holds bookings is never removed, moved or shrunk below
 * its bookings (CAPACITY_BELOW_BOOKED); the whole change is refused instead.
 */
import { and, asc, eq, gte, inArray, max } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { DomainError, invalid } from '../../domain/errors';
import { planSlots } from '../../domain/slots';
import { addDays, atLocal, dateRange } from '../../domain/time';
import * as t from '../../db/schema';
import { writeTx, type StoreCtx } from '../context';
import type { Actor } from '../actor';
import { audit } from '../notify';
import { loadOffice, todayIn, type OfficeRow } from '../offices';
import { asOfficeAdmin } from './guard';
import { activeServiceOrFail } from './services';

export type TemplateSlot = { weekday: number; start: string; end: string; capacity: number };
export type DaySlot = { start: string; end: string; capacity: number };

/** Start before end, and no two slots of one day overlapping. `dayOf` groups the slots into days. */
const checkSlots = <S extends DaySlot>(slots: S[], dayOf: (s: S) => string | number, field: string): void => {
  const fields: Record<string, { key: string }> = {};
  slots.forEach((s, i) => {
    if (s.end <= s.start) fields[`${field}.${i}.end`] = { key: 'time_order' };
    const clash = slots.findIndex((o, j) => j !== i && dayOf(o) === dayOf(s) && o.start < s.end && s.start < o.end);
    if (clash !== -1 && !fields[`${field}.${i}.start`]) fields[`${field}.${i}.start`] = { key: 'overlap' };
  });
  if (Object.keys(fields).length) invalid(fields);
};

const slotHasBookings = (row: typeof t.slots.$inferSelect): never => {
  throw new DomainError('CAPACITY_BELOW_BOOKED', { booked: row.booked }, {
    slots: { key: 'slot_has_bookings', params: { date: row.date, start: row.start, booked: row.booked } },
  });
};

/**
 * Brings the slot rows of one service in line with its templates and overrides, from now to
 * the end of the booking horizon (or the last slot already made, if later). Slots that have
 * begun are history and stay as they are. Call inside a write transaction.
 */
export const replanService = (ctx: StoreCtx, office: OfficeRow, serviceId: number, now: DateTime, only?: string[]): void => {
  const nowMs = now.toMillis();
  const today = todayIn(office, now);
  const [lastRow] = ctx.db.select({ d: max(t.slots.date) }).from(t.slots).where(eq(t.slots.serviceId, serviceId)).all();
  const horizonEnd = addDays(today, office.bookingHorizonDays - 1);
  const lastDate = lastRow?.d && lastRow.d > horizonEnd ? lastRow.d : horizonEnd;
  const span = Math.round(DateTime.fromISO(lastDate, { zone: 'UTC' }).diff(DateTime.fromISO(today, { zone: 'UTC' }), 'days').days) + 1;
  const dates = only ?? dateRange(today, Math.max(span, 0));
  const templates = ctx.db.select().from(t.slotTemplates).where(eq(t.slotTemplates.serviceId, serviceId)).all();
  const overrides = ctx.db.select().from(t.slotOverrides).where(and(eq(t.slotOverrides.serviceId, serviceId), gte(t.slotOverrides.date, today))).all();
  const rows = ctx.db
    .select()
    .from(t.slots)
    .where(and(eq(t.slots.serviceId, serviceId), gte(t.slots.date, today)))
    .all()
    .filter((r) => r.startAt > nowMs);
  const referenced = new Set(
    rows.length
      ? ctx.db
          .selectDistinct({ slotId: t.bookings.slotId })
          .from(t.bookings)
          .where(inArray(t.bookings.slotId, rows.map((r) => r.id)))
          .all()
          .map((b) => b.slotId)
      : [],
  );
  for (const date of dates) {
    const plan = planSlots(templates, overrides, serviceId, date).filter((p) => atLocal(date, p.start, office.timezone).toMillis() > nowMs);
    const existing = rows.filter((r) => r.date === date);
    for (const p of plan) {
      const endAt = atLocal(date, p.end, office.timezone).toMillis();
      const row = existing.find((r) => r.start === p.start);
      if (!row) {
        ctx.db
          .insert(t.slots)
          .values({ officeId: office.id, serviceId, date, start: p.start, end: p.end, startAt: atLocal(date, p.start, office.timezone).toMillis(), endAt, capacity: p.capacity })
          .run();
        continue;
      }
      if (p.capacity < row.booked || (row.end !== p.end && row.booked > 0)) slotHasBookings(row);
      if (row.capacity !== p.capacity || row.end !== p.end) {
        ctx.db.update(t.slots).set({ capacity: p.capacity, end: p.end, endAt }).where(eq(t.slots.id, row.id)).run();
      }
    }
    for (const row of existing.filter((r) => !plan.some((p) => p.start === r.start))) {
      if (row.booked > 0) slotHasBookings(row);
      // A cancelled booking still points at its slot: such a row stays, with no places.
      if (referenced.has(row.id)) {
        if (row.capacity !== 0) ctx.db.update(t.slots).set({ capacity: 0 }).where(eq(t.slots.id, row.id)).run();
      } else {
        ctx.db.delete(t.slots).where(eq(t.slots.id, row.id)).run();
      }
    }
  }
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
    asOfficeAdmin(actor, officeId);
    const office = loadOffice(ctx, officeId);
    const service = activeServiceOrFail(ctx, officeId, code);
    checkSlots(slots, (s) => s.weekday, 'slots');
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
    asOfficeAdmin(actor, officeId);
    const office = loadOffice(ctx, officeId);
    const service = activeServiceOrFail(ctx, officeId, code);
    if (date < todayIn(office, now)) invalid({ date: { key: 'past_date' } });
    if (slots) checkSlots(slots, () => date, 'slots');
    const where = and(eq(t.slotOverrides.serviceId, service.id), eq(t.slotOverrides.date, date));
    ctx.db.delete(t.slotOverrides).where(where).run();
    const rows = slots === null ? [] : slots.length ? slots : [NO_SLOTS];
    if (rows.length) ctx.db.insert(t.slotOverrides).values(rows.map((s) => ({ officeId, serviceId: service.id, date, ...s }))).run();
    replanService(ctx, office, service.id, now, [date]);
    audit(ctx, { officeId, userId: actor.userId, action: slots ? 'slots.override' : 'slots.override_clear', target: `${code} ${date}`, detail: { slots: slots ?? null } }, now);
    return slots;
  });

export type OverrideDay = { service: string; date: string; slots: DaySlot[] };

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
