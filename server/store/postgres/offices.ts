/** Reading an office and its rules, and materialising its slots from the plan (as ../sqlite/offices.ts). */
import { fail } from '../../domain/errors';
import { closedReasonOn, planSlots, type ClosureSpan, type DayFacts, type OpeningHours } from '../../domain/slots';
import { atLocal, dateRange, weekdayOf } from '../../domain/time';
import * as t from './schema';
import { allRows, getRow, rows, type Conn, type PgCtx } from './connection';

export type OfficeRow = typeof t.offices.$inferSelect;
export type ServiceRow = typeof t.services.$inferSelect;
export type SlotRow = typeof t.slots.$inferSelect;

export const loadOffice = async (c: Conn, officeId: string): Promise<OfficeRow> =>
  (await getRow(c, t.offices, 'WHERE id = ?', officeId)) ?? fail('NOT_FOUND');

export const loadServices = (c: Conn, officeId: string): Promise<ServiceRow[]> =>
  allRows(c, t.services, 'WHERE office_id = ? AND active ORDER BY position, code', officeId);

export const serviceByCode = (c: Conn, officeId: string, code: string): Promise<ServiceRow | undefined> =>
  getRow(c, t.services, 'WHERE office_id = ? AND code = ? AND active', officeId, code);

/** An office's row and its active services by code: the rules every booking attempt is decided by. */
export type OfficeRules = { office: OfficeRow; services: ReadonlyMap<string, ServiceRow> };
const rulesCache = new WeakMap<PgCtx, Map<string, OfficeRules & { version: number }>>();

/**
 * The office's rules for the number `version` of the office in `office_versions` (moved by the
 * triggers on `offices` and `services`, 0001_live_triggers), read again only when it has moved.
 * `version` must have been read before this call and outside any transaction of the caller's: the
 * rows read here are then at least as new as that number, so an entry is never older than its
 * number says. The rows are shared between callers: read them, never change them.
 */
export const officeRules = async (ctx: PgCtx, officeId: string, version: number | null): Promise<OfficeRules> => {
  let offices = rulesCache.get(ctx);
  if (!offices) rulesCache.set(ctx, (offices = new Map()));
  const cached = offices.get(officeId);
  if (cached && version !== null && cached.version === version) return cached;
  const [office, services] = await Promise.all([loadOffice(ctx, officeId), loadServices(ctx, officeId)]);
  const rules = { office, services: new Map(services.map((service) => [service.code, service])) };
  if (version !== null) offices.set(officeId, { ...rules, version });
  return rules;
};

const span = (c: typeof t.closures.$inferSelect): ClosureSpan => ({ id: c.id, serviceId: c.serviceId, from: c.fromDate, to: c.toDate, reason: c.reason });

export const loadClosures = async (c: Conn, officeId: string): Promise<ClosureSpan[]> =>
  (await allRows(c, t.closures, 'WHERE office_id = ? ORDER BY id', officeId)).map(span);

/** The closures that cover `date` (what a single booking needs). */
const closuresOn = async (c: Conn, officeId: string, date: string): Promise<ClosureSpan[]> =>
  (await allRows(c, t.closures, 'WHERE office_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY id', officeId, date, date)).map(span);

/** The office's opening hours on the weekday of `date` (none: closed that day). */
const hoursOnWeekday = (c: Conn, officeId: string, date: string): Promise<OpeningHours[]> =>
  rows<OpeningHours>(c, 'SELECT weekday, open, close FROM opening_hours WHERE office_id = ? AND weekday = ? ORDER BY open', officeId, weekdayOf(date));

/** The office's opening hours: every interval, Monday first, then by opening. */
export const loadOpeningHours = (c: Conn, officeId: string): Promise<OpeningHours[]> =>
  rows<OpeningHours>(c, 'SELECT weekday, open, close FROM opening_hours WHERE office_id = ? ORDER BY weekday, open', officeId);

/** What the domain needs to know whether a date is open: the closures covering it and the hours of its weekday. */
export const dayFacts = async (c: Conn, officeId: string, date: string): Promise<DayFacts> =>
  ({ closures: await closuresOn(c, officeId, date), hours: await hoursOnWeekday(c, officeId, date) });

/** The reason a service cannot be used on a date, or undefined when it is open (domain/slots closedReasonOn). */
export const closedReason = async (c: Conn, office: OfficeRow, serviceId: number, date: string, closures?: ClosureSpan[]): Promise<string | undefined> =>
  closedReasonOn(closures ?? (await closuresOn(c, office.id, date)), await hoursOnWeekday(c, office.id, date), serviceId, date);

type NewSlot = typeof t.slots.$inferInsert;

/** The slots the plan gives a service on these dates that have no row yet. Reads only. */
export const unmadeSlots = async (c: Conn, office: OfficeRow, serviceId: number, dates: readonly string[], made?: readonly SlotRow[]): Promise<NewSlot[]> => {
  if (dates.length === 0) return [];
  const from = dates[0]!;
  const to = dates.at(-1)!;
  const templates = await allRows(c, t.slotTemplates, 'WHERE service_id = ? ORDER BY id', serviceId);
  const overrides = await allRows(c, t.slotOverrides, 'WHERE service_id = ? AND date >= ? AND date <= ? ORDER BY id', serviceId, from, to);
  const have = new Set((made ?? (await slotsFor(c, serviceId, from, to))).map((r) => `${r.date}|${r.start}`));
  // Only slots inside the day's opening intervals are made (domain/slots planSlots).
  const hours = await loadOpeningHours(c, office.id);
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

/** Adds slot rows; one already there (same service, date and start) is left as it is. */
export const insertSlots = async (c: Conn, newSlots: readonly NewSlot[]): Promise<number> => {
  let added = 0;
  for (let i = 0; i < newSlots.length; i += 200) {
    const result = await c.db.insert(t.slots).values(newSlots.slice(i, i + 200)).onConflictDoNothing();
    added += result.rowCount ?? 0;
  }
  return added;
};

/** Makes sure the slot rows for these dates exist (idempotent: ON CONFLICT DO NOTHING on service+date+start). */
export const ensureSlots = async (c: Conn, office: OfficeRow, serviceIds: number[], from: string, days: number): Promise<void> => {
  const dates = dateRange(from, days);
  for (const serviceId of serviceIds) await insertSlots(c, await unmadeSlots(c, office, serviceId, dates));
};

export const slotsFor = (c: Conn, serviceId: number, from: string, to: string): Promise<SlotRow[]> =>
  allRows(c, t.slots, 'WHERE service_id = ? AND date >= ? AND date <= ? ORDER BY date, start', serviceId, from, to);

export { todayIn } from '../../domain/time';
