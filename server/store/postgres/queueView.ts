/**
 * Reads an office's day for the live views (as ../sqlite/queueView.ts; the views themselves are
 * built in ../daySnapshot.ts). The day's rows are reused only while the database is provably
 * unchanged (see dayRows).
 */
import { screenNoticesFor } from './notices';
import { DateTime } from 'luxon';
import type pg from 'pg';
import { todayIn } from '../../domain/time';
import { movingAverageMinutes } from '../../domain/waitEstimate';
import * as t from './schema';
import type { StaffState } from '../../../shared/protocol';
import type { BoardState, CallEvent } from '../../../shared/types';
import { allRows, getRow, row, rows, withTx, type Conn, type PgCtx } from './connection';
import type { LiveViews, LiveWanted } from '../store';
import { boardOf, dayCalls, firstIssuedAt, liveOf, snapshotOf, staffOf, type BookingSlot, type DayRows, type QueueSnapshot } from '../daySnapshot';
import { loadOffice, loadServices } from './offices';
import type { TicketRow } from './tickets';

// The views themselves are engine-independent (../daySnapshot.ts); this file reads the rows.
export { counterViews, openCountersFor, publicTicket, toCandidate, type QueueSnapshot } from '../daySnapshot';

export type CounterRow = typeof t.counters.$inferSelect & { serviceIds: number[] };

/** The office's counters (id order) and the services each one serves, in its own order. */
export const COUNTERS_SQL = 'WHERE office_id = ? ORDER BY id';
export const COUNTER_LINKS_SQL =
  'SELECT counter_id AS "counterId", service_id AS "serviceId", position FROM counter_services WHERE counter_id IN (SELECT id FROM counters WHERE office_id = ?)';

export const loadCounters = async (c: Conn, officeId: string): Promise<CounterRow[]> => {
  const counters = await allRows(c, t.counters, COUNTERS_SQL, officeId);
  const links = counters.length
    ? (await rows<{ counterId: number; serviceId: number; position: number }>(c, COUNTER_LINKS_SQL, officeId)).sort((a, b) => a.position - b.position)
    : [];
  return counters.map((r) => ({ ...r, serviceIds: links.filter((l) => l.counterId === r.id).map((l) => l.serviceId) }));
};

/**
 * The day's rows of an office are read again only when that office may have changed: its
 * number in `office_versions` moves with every committed write to its tickets, counters,
 * services or settings, from any process (triggers, migration 0001_live_triggers). The version
 * is read from the database every time, so a cached day is reused only while no process has
 * changed the office. The rows themselves are read in one REPEATABLE READ snapshot together with
 * the version they are kept under. Only ever called on the pool, after a write has committed.
 */
const dayCache = new WeakMap<pg.Pool, Map<string, DayRows & { version: number }>>();
export const OFFICE_VERSION_SQL = 'SELECT version FROM office_versions WHERE office_id = ?';
const officeVersion = async (c: Conn, officeId: string): Promise<number> =>
  (await row<{ version: number }>(c, OFFICE_VERSION_SQL, officeId))?.version ?? -1;

/** Fresh containers: callers may sort or filter what they get. */
const copyOf = <T extends DayRows>(rows: T): T => ({ ...rows, services: new Map(rows.services), counters: [...rows.counters], tickets: [...rows.tickets], bookingSlots: new Map(rows.bookingSlots) });

const dayRows = async (ctx: PgCtx, officeId: string, now: DateTime): Promise<DayRows> => {
  let offices = dayCache.get(ctx.pool);
  if (!offices) dayCache.set(ctx.pool, (offices = new Map()));
  const cached = offices.get(officeId);
  if (cached && cached.date === todayIn(cached.office, now) && (await officeVersion(ctx, officeId)) === cached.version) return copyOf(cached);
  const read = await withTx(ctx, async (tx) => ({ version: await officeVersion(tx, officeId), ...(await readDayRows(tx, officeId, now)) }), { readOnly: true });
  // Every office has its number (the first write makes it); one without is read each time, never kept.
  if (read.version >= 0) offices.set(officeId, copyOf(read));
  return read;
};

/** The day's tickets in issue order, and the last ten completions of a service (newest first): both read along an index. */
export const DAY_TICKETS_SQL = 'WHERE office_id = ? AND date = ? ORDER BY issued_at';
/** The slot of each of a day's bookings (a booking's ticket shows its session). */
export const DAY_BOOKING_SLOTS_SQL = `SELECT b.id AS id, s.start AS start, s."end" AS "end", s.start_at AS "startAt", s.end_at AS "endAt"
  FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.office_id = ? AND b.date = ?`;
export const RECENT_DURATIONS_SQL = `SELECT started_at AS "startedAt", completed_at AS "completedAt" FROM tickets
  WHERE office_id = ? AND service_id = ? AND status = 'done' AND started_at IS NOT NULL ORDER BY completed_at DESC LIMIT 10`;

const readDayRows = async (c: Conn, officeId: string, now: DateTime): Promise<DayRows> => {
  const office = await loadOffice(c, officeId);
  const services = new Map((await loadServices(c, officeId)).map((s) => [s.id, s]));
  const date = todayIn(office, now);
  const tickets = await allRows(c, t.tickets, DAY_TICKETS_SQL, officeId, date);
  const averageMinutes = new Map<number, number>();
  for (const service of services.values()) {
    const recent = await rows<{ startedAt: number | null; completedAt: number | null }>(c, RECENT_DURATIONS_SQL, officeId, service.id);
    const durations = recent.reverse().map((r) => ((r.completedAt ?? 0) - (r.startedAt ?? 0)) / 60_000);
    averageMinutes.set(service.id, movingAverageMinutes(durations, service.typicalMinutes));
  }
  const bookingSlots = new Map(
    (await rows<{ id: number } & BookingSlot>(c, DAY_BOOKING_SLOTS_SQL, officeId, date)).map(({ id, ...slot }) => [id, slot]),
  );
  return { office, services, counters: await loadCounters(c, officeId), tickets, averageMinutes, bookingSlots, date };
};

export const loadSnapshot = async (ctx: PgCtx, officeId: string, now: DateTime): Promise<QueueSnapshot> =>
  snapshotOf(await dayRows(ctx, officeId, now), now.toMillis());

/**
 * The office's latest calls, newest first, along its (office, instant) index; bounded below by
 * the day's first ticket, since a call of one of the day's tickets cannot come before it.
 */
export const RECENT_CALLS_SQL = "WHERE office_id = ? AND type IN ('called', 'recalled') AND at >= ? ORDER BY at DESC, id DESC LIMIT ?";

export const recentCalls = async (c: Conn, snap: QueueSnapshot, limit = 6): Promise<CallEvent[]> =>
  snap.tickets.length === 0 ? [] : dayCalls(snap, await allRows(c, t.ticketEvents, RECENT_CALLS_SQL, snap.office.id, firstIssuedAt(snap), limit));

export const boardState = async (c: Conn, snap: QueueSnapshot): Promise<BoardState> =>
  boardOf(snap, await recentCalls(c, snap), await screenNoticesFor(c, snap.office.id, 'board', todayIn(snap.office, DateTime.fromMillis(snap.nowMs))));


export const staffState = async (_c: Conn, snap: QueueSnapshot): Promise<StaffState> => staffOf(snap);

/** Everything the live layer sends after a change: the calls to announce, the followed tickets, and the board and the staff queue when watched. */
export const liveViews = (c: Conn, snap: QueueSnapshot, wanted: LiveWanted): Promise<LiveViews> =>
  liveOf(snap, wanted, () => boardState(c, snap));

export const ticketById = (c: Conn, ticketId: string): Promise<TicketRow | undefined> => getRow(c, t.tickets, 'WHERE id = ?', ticketId);
