/** Reading an office and its rules, and materialising its slots from the plan. */
import type Database from 'better-sqlite3';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { fail } from '../../domain/errors';
import { closedReasonOn, planSlots, type ClosureSpan, type DayFacts, type OpeningHours } from '../../domain/slots';
import { atLocal, dateRange, weekdayOf } from '../../domain/time';
import * as t from './schema';
import type { StoreCtx } from './connection';
import { allRows, getRow, stmt } from './prepared';

export type OfficeRow = typeof t.offices.$inferSelect;
export type ServiceRow = typeof t.services.$inferSelect;
export type SlotRow = typeof t.slots.$inferSelect;

// The three reads of every booking and every live update run as prepared statements (prepared.ts).
export const loadOffice = (ctx: StoreCtx, officeId: string): OfficeRow =>
  getRow(ctx, t.offices, 'WHERE id = ?', officeId) ?? fail('NOT_FOUND');

export const loadServices = (ctx: StoreCtx, officeId: string): ServiceRow[] =>
  allRows(ctx, t.services, 'WHERE office_id = ? AND active = 1 ORDER BY position, code', officeId);

export const serviceByCode = (ctx: StoreCtx, officeId: string, code: string): ServiceRow | undefined =>
  getRow(ctx, t.services, 'WHERE office_id = ? AND code = ? AND active = 1', officeId, code);

/** An office's row and its active services by code: the rules every booking attempt is decided by. */
export type OfficeRules = { office: OfficeRow; services: ReadonlyMap<string, ServiceRow> };
const rulesCache = new WeakMap<Database.Database, Map<string, OfficeRules & { version: number }>>();

/**
 * The office's rules, read again only when its number in `office_versions` has moved (triggers on
 * `offices` and `services`, migration 0003_live_triggers): a burst of booking attempts reads one
 * short row instead of the office's and the service's. Call it only inside a read transaction
 * (the number and the rows from one snapshot) with no write of its own: a number seen inside a
 * write transaction could still be rolled back and later reused for other rows. The rows are
 * shared between callers: read them, never change them.
 */
export const officeRules = (ctx: StoreCtx, officeId: string): OfficeRules => {
  let offices = rulesCache.get(ctx.sqlite);
  if (!offices) rulesCache.set(ctx.sqlite, (offices = new Map()));
  const version = (stmt(ctx, 'SELECT version FROM office_versions WHERE office_id = ?').get(officeId) as { version: number } | undefined)?.version;
  const cached = offices.get(officeId);
  if (cached && version !== undefined && cached.version === version) return cached;
  const rules = { office: loadOffice(ctx, officeId), services: new Map(loadServices(ctx, officeId).map((s) => [s.code, s])) };
  if (version !== undefined) offices.set(officeId, { ...rules, version });
  return rules;
};

export const loadClosures = (ctx: StoreCtx, officeId: string): ClosureSpan[] =>
  ctx.db
    .select()
    .from(t.closures)
    .where(eq(t.closures.officeId, officeId))
    .all()
    .map((c) => ({ id: c.id, serviceId: c.serviceId, from: c.fromDate, to: c.toDate, reason: c.reason }));

/** The rows of loadClosures that cover `date` (what a single booking needs), as a prepared statement. */
const closuresOn = (ctx: StoreCtx, officeId: string, date: string): ClosureSpan[] =>
  allRows(ctx, t.closures, 'WHERE office_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)', officeId, date, date)
    .map((c) => ({ id: c.id, serviceId: c.serviceId, from: c.fromDate, to: c.toDate, reason: c.reason }));

/** The office's opening hours on the weekday of `date` (none: closed that day), as a prepared statement. */
const hoursOnWeekday = (ctx: StoreCtx, officeId: string, date: string): OpeningHours[] =>
  stmt(ctx, 'SELECT weekday, open, close FROM opening_hours WHERE office_id = ? AND weekday = ? ORDER BY open').all(officeId, weekdayOf(date)) as OpeningHours[];

/** The office's opening hours: every interval, Monday first, then by opening. */
export const loadOpeningHours = (ctx: StoreCtx, officeId: string): OpeningHours[] =>
  stmt(ctx, 'SELECT weekday, open, close FROM opening_hours WHERE office_id = ? ORDER BY weekday, open').all(officeId) as OpeningHours[];

/** What the domain needs to know whether a date is open: the closures covering it and the hours of its weekday. */
export const dayFacts = (ctx: StoreCtx, officeId: string, date: string): DayFacts =>
  ({ closures: closuresOn(ctx, officeId, date), hours: hoursOnWeekday(ctx, officeId, date) });

/** The reason a service cannot be used on a date, or undefined when it is open (domain/slots closedReasonOn). */
export const closedReason = (
  ctx: StoreCtx,
  office: OfficeRow,
  serviceId: number,
  date: string,
  closures = closuresOn(ctx, office.id, date),
): string | undefined => closedReasonOn(closures, hoursOnWeekday(ctx, office.id, date), serviceId, date);

type NewSlot = typeof t.slots.$inferInsert;

/**
 * The slots the plan (weekly templates, per-date overrides) gives a service on these dates that
 * have no row yet: what `ensureSlots` would add. Reads only; `made` may pass the service's slot
 * rows of those dates when already in hand.
 */
export const unmadeSlots = (ctx: StoreCtx, office: OfficeRow, serviceId: number, dates: readonly string[], made?: readonly SlotRow[]): NewSlot[] => {
  if (dates.length === 0) return [];
  const from = dates[0]!;
  const to = dates.at(-1)!;
  const templates = allRows(ctx, t.slotTemplates, 'WHERE service_id = ?', serviceId);
  const overrides = allRows(ctx, t.slotOverrides, 'WHERE service_id = ? AND date >= ? AND date <= ?', serviceId, from, to);
  const have = new Set((made ?? slotsFor(ctx, serviceId, from, to)).map((r) => `${r.date}|${r.start}`));
  // Only slots inside the day's opening intervals are made (domain/slots planSlots).
  const hours = loadOpeningHours(ctx, office.id);
  return dates.flatMap((date) =>
    planSlots(templates, overrides, serviceId, date, hours)
      .filter((p) => !have.has(`${date}|${p.start}`))
      .map((p) => ({
        officeId: office.id,
        serviceId,
        date,
        start: p.start,
        end: p.end,
        startAt: atLocal(date, p.start, office.timezone).toMillis(),
        endAt: atLocal(date, p.end, office.timezone).toMillis(),
        capacity: p.capacity,
      })),
  );
};

/** Adds slot rows; one already there (same service, date and start) is left as it is. Call inside a write transaction. */
export const insertSlots = (ctx: StoreCtx, rows: readonly NewSlot[]): number => {
  let added = 0;
  for (let i = 0; i < rows.length; i += 200) added += ctx.db.insert(t.slots).values(rows.slice(i, i + 200)).onConflictDoNothing().run().changes;
  return added;
};

/**
 * Makes sure the slot rows for these dates exist, from templates and per-date overrides.
 * Idempotent (INSERT OR IGNORE on service+date+start), so any process may run it at any time.
 * Call inside a write transaction.
 */
export const ensureSlots = (ctx: StoreCtx, office: OfficeRow, serviceIds: number[], from: string, days: number): void => {
  const dates = dateRange(from, days);
  for (const serviceId of serviceIds) insertSlots(ctx, unmadeSlots(ctx, office, serviceId, dates));
};

export const slotsFor = (ctx: StoreCtx, serviceId: number, from: string, to: string): SlotRow[] =>
  ctx.db
    .select()
    .from(t.slots)
    .where(and(eq(t.slots.serviceId, serviceId), gte(t.slots.date, from), lte(t.slots.date, to)))
    .orderBy(asc(t.slots.date), asc(t.slots.start))
    .all();

export { todayIn } from '../../domain/time';
