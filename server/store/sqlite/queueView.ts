/**
 * Reads an office's day for the live views (a ticket's public shape, the lobby board, the staff
 * queue: built from the rows in ../daySnapshot.ts, the same for both engines).
 * Every change re-reads the day, so the reads are prepared statements (prepared.ts), and the
 * day's rows are reused only while the database is provably unchanged (see dayRows).
 */
import { screenNoticesFor } from './notices';
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { todayIn } from '../../domain/time';
import { movingAverageMinutes } from '../../domain/waitEstimate';
import * as t from './schema';
import type { StaffState } from '../../../shared/protocol';
import type { BoardState, CallEvent } from '../../../shared/types';
import { readTx, type StoreCtx } from './connection';
import type { LiveViews, LiveWanted } from '../store';
import { boardOf, dayCalls, firstIssuedAt, liveOf, snapshotOf, staffOf, type BookingSlot, type DayRows, type QueueSnapshot } from '../daySnapshot';
import { loadOffice, loadServices } from './offices';
import { allRows, getRow, stmt } from './prepared';
import type { TicketRow } from './tickets';

// The views themselves are engine-independent (../daySnapshot.ts); this file reads the rows.
export { counterViews, openCountersFor, publicTicket, toCandidate, type QueueSnapshot } from '../daySnapshot';

export type CounterRow = typeof t.counters.$inferSelect & { serviceIds: number[] };

/** The office's counters (id order) and the services each one serves, in its own order. */
export const COUNTERS_SQL = 'WHERE office_id = ? ORDER BY id';
export const COUNTER_LINKS_SQL = 'SELECT counter_id AS counterId, service_id AS serviceId, position FROM counter_services WHERE counter_id IN (SELECT id FROM counters WHERE office_id = ?)';

export const loadCounters = (ctx: StoreCtx, officeId: string): CounterRow[] => {
  const rows = allRows(ctx, t.counters, COUNTERS_SQL, officeId);
  const links = rows.length
    ? (stmt(ctx, COUNTER_LINKS_SQL).all(officeId) as { counterId: number; serviceId: number; position: number }[]).sort((a, b) => a.position - b.position)
    : [];
  return rows.map((r) => ({ ...r, serviceIds: links.filter((l) => l.counterId === r.id).map((l) => l.serviceId) }));
};

/**
 * The day's rows of an office are read again only when that office may have changed: its
 * number in `office_versions` moves with every write to its tickets, counters, services or
 * settings, from any connection (triggers, migration 0003_live_triggers). A call reads the day
 * for its HTTP answer and again for the live update; the second read is then free, and a write
 * in another office leaves this one's rows alone. Never inside a transaction (its writes could
 * still be rolled back); the version is read before the rows, so a change committed between
 * the two reads only makes the next read miss.
 */
const dayCache = new WeakMap<Database.Database, Map<string, DayRows & { version: number }>>();
export const OFFICE_VERSION_SQL = 'SELECT version FROM office_versions WHERE office_id = ?';
const officeVersion = (ctx: StoreCtx, officeId: string): number =>
  (stmt(ctx, OFFICE_VERSION_SQL).get(officeId) as { version: number } | undefined)?.version ?? -1;

const dayRows = (ctx: StoreCtx, officeId: string, now: DateTime): DayRows => {
  if (ctx.sqlite.inTransaction) return readDayRows(ctx, officeId, now);
  let offices = dayCache.get(ctx.sqlite);
  if (!offices) dayCache.set(ctx.sqlite, (offices = new Map()));
  // One read transaction: the version and the rows from the same snapshot.
  return readTx(ctx, () => {
    const version = officeVersion(ctx, officeId);
    // Every office has its number (the migration, then a trigger); one without is read each time, never kept.
    if (version < 0) return readDayRows(ctx, officeId, now);
    const cached = offices.get(officeId);
    if (cached && cached.version === version && cached.date === todayIn(cached.office, now)) {
      // Fresh containers: callers may sort or filter what they get.
      return { ...cached, services: new Map(cached.services), counters: [...cached.counters], tickets: [...cached.tickets], bookingSlots: new Map(cached.bookingSlots) };
    }
    const rows = readDayRows(ctx, officeId, now);
    offices.set(officeId, { ...rows, version, services: new Map(rows.services), counters: [...rows.counters], tickets: [...rows.tickets] });
    return rows;
  });
};

/** The day's tickets in issue order, and the last ten completions of a service (newest first): both read along an index. */
export const DAY_TICKETS_SQL = 'WHERE office_id = ? AND date = ? ORDER BY issued_at';
/** The slot of each of a day's bookings (a booking's ticket shows its session). */
export const DAY_BOOKING_SLOTS_SQL = `SELECT b.id AS id, s.start AS start, s."end" AS "end", s.start_at AS startAt, s.end_at AS endAt
  FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.office_id = ? AND b.date = ?`;
export const RECENT_DURATIONS_SQL = `SELECT started_at AS startedAt, completed_at AS completedAt FROM tickets
  WHERE office_id = ? AND service_id = ? AND status = 'done' AND started_at IS NOT NULL ORDER BY completed_at DESC LIMIT 10`;

const readDayRows = (ctx: StoreCtx, officeId: string, now: DateTime): DayRows => {
  const office = loadOffice(ctx, officeId);
  const services = new Map(loadServices(ctx, officeId).map((s) => [s.id, s]));
  const date = todayIn(office, now);
  const tickets = allRows(ctx, t.tickets, DAY_TICKETS_SQL, officeId, date);
  const averageMinutes = new Map<number, number>();
  for (const service of services.values()) {
    const recent = stmt(ctx, RECENT_DURATIONS_SQL).all(officeId, service.id) as { startedAt: number | null; completedAt: number | null }[];
    const durations = recent.reverse().map((r) => ((r.completedAt ?? 0) - (r.startedAt ?? 0)) / 60_000);
    averageMinutes.set(service.id, movingAverageMinutes(durations, service.typicalMinutes));
  }
  const bookingSlots = new Map(
    (stmt(ctx, DAY_BOOKING_SLOTS_SQL).all(officeId, date) as ({ id: number } & BookingSlot)[]).map(({ id, ...slot }) => [id, slot]),
  );
  return { office, services, counters: loadCounters(ctx, officeId), tickets, averageMinutes, bookingSlots, date };
};

export const loadSnapshot = (ctx: StoreCtx, officeId: string, now: DateTime): QueueSnapshot => snapshotOf(dayRows(ctx, officeId, now), now.toMillis());

/**
 * The office's latest calls, newest first, along its (office, instant) index; bounded below by
 * the day's first ticket, since a call of one of the day's tickets cannot come before it.
 */
export const RECENT_CALLS_SQL = "WHERE office_id = ? AND type IN ('called', 'recalled') AND at >= ? ORDER BY at DESC, id DESC LIMIT ?";

export const recentCalls = (ctx: StoreCtx, snap: QueueSnapshot, limit = 6): CallEvent[] =>
  snap.tickets.length === 0 ? [] : dayCalls(snap, allRows(ctx, t.ticketEvents, RECENT_CALLS_SQL, snap.office.id, firstIssuedAt(snap), limit));

export const boardState = (ctx: StoreCtx, snap: QueueSnapshot): BoardState =>
  boardOf(snap, recentCalls(ctx, snap), screenNoticesFor(ctx, snap.office.id, 'board', todayIn(snap.office, DateTime.fromMillis(snap.nowMs))));


export const staffState = (_ctx: StoreCtx, snap: QueueSnapshot): StaffState => staffOf(snap);

/** Everything the live layer sends after a change: the calls to announce, the followed tickets, and the board and the staff queue when watched. */
export const liveViews = (ctx: StoreCtx, snap: QueueSnapshot, wanted: LiveWanted): Promise<LiveViews> =>
  liveOf(snap, wanted, () => boardState(ctx, snap));

export const ticketById = (ctx: StoreCtx, ticketId: string): TicketRow | undefined =>
  getRow(ctx, t.tickets, 'WHERE id = ?', ticketId);
