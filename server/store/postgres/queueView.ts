/**
 * Read models of the day's queue (as ../sqlite/queueView.ts): a ticket's public shape (position,
 * estimate, wait outside), the lobby board, and the staff queue. Derived from the database on
 * demand; the day's rows are reused only while the database is provably unchanged (see dayRows).
 */
import type { DateTime } from 'luxon';
import type pg from 'pg';
import { callOrder, positionsInService, type CallingCounter, type QueueCandidate } from '../../domain/queue';
import { admitToRoom, waitsOutside } from '../../domain/room';
import type { TicketStatus } from '../../domain/ticketState';
import { isoInZone, todayIn } from '../../domain/time';
import { estimateWaitMinutes, movingAverageMinutes } from '../../domain/waitEstimate';
import * as t from './schema';
import type { StaffState } from '../../../shared/protocol';
import type { BoardState, CallEvent, CounterView, Priority, PublicTicket } from '../../../shared/types';
import { allRows, getRow, row, rows, withTx, type Conn, type PgCtx } from './connection';
import type { LiveViews, LiveWanted } from '../store';
import { heldAtCounter } from '../../../shared/ticketSteps';
import { loadOffice, loadServices, type OfficeRow, type ServiceRow } from './offices';
import type { TicketRow } from './tickets';

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

export const toCandidate = (ticket: TicketRow): QueueCandidate => ({
  id: ticket.id,
  serviceId: ticket.serviceId,
  priority: ticket.priority !== null,
  source: ticket.source as QueueCandidate['source'],
  slotStartMs: ticket.slotStartAt,
  queuedAtMs: ticket.queuedAt,
  sequence: ticket.sequence,
});

/** Everything needed to describe the office's day: loaded once per change, then mapped to each view. */
export type QueueSnapshot = {
  office: OfficeRow;
  services: Map<number, ServiceRow>;
  counters: CounterRow[];
  tickets: TicketRow[];
  positions: Map<string, number>;
  /** Ids of active tickets inside the room (all of them when there is no room capacity). */
  inside: Set<string>;
  averageMinutes: Map<number, number>;
  nowMs: number;
};

type DayRows = Pick<QueueSnapshot, 'office' | 'services' | 'counters' | 'tickets' | 'averageMinutes'> & { date: string };

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
const copyOf = <T extends DayRows>(rows: T): T => ({ ...rows, services: new Map(rows.services), counters: [...rows.counters], tickets: [...rows.tickets] });

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
  return { office, services, counters: await loadCounters(c, officeId), tickets, averageMinutes, date };
};

/**
 * The open counters in the order they will call next: a free counter first (it calls as soon as
 * its staff press call), then each counter still holding a ticket, the one that took it earliest
 * first (its visitor is likeliest to leave first); id order breaks ties.
 */
export const callingCounters = (counters: readonly CounterRow[], tickets: readonly TicketRow[]): CallingCounter[] => {
  const held = new Map<number, number>();
  for (const c of counters) {
    const current = c.currentTicketId ? tickets.find((tk) => tk.id === c.currentTicketId) : undefined;
    if (current && heldAtCounter(current.status)) held.set(c.id, current.lastCalledAt ?? current.calledAt ?? 0);
  }
  return counters
    .filter((c) => c.status === 'open')
    .map((c, i) => ({ c, i, busy: held.has(c.id), since: held.get(c.id) ?? 0 }))
    .sort((a, b) => Number(a.busy) - Number(b.busy) || a.since - b.since || a.i - b.i)
    .map(({ c }) => ({ serviceIds: c.serviceIds, bookingStreak: c.bookingStreak }));
};

export const loadSnapshot = async (ctx: PgCtx, officeId: string, now: DateTime): Promise<QueueSnapshot> => {
  const { office, services, counters, tickets, averageMinutes } = await dayRows(ctx, officeId, now);
  const waiting = tickets.filter((tk) => tk.status === 'waiting');
  const candidates = waiting.map(toCandidate);
  const nowMs = now.toMillis();
  const inside =
    office.roomCapacity === null
      ? admitToRoom(tickets, null)
      : admitToRoom(
          tickets,
          office.roomCapacity,
          callOrder(candidates, callingCounters(counters, tickets), nowMs, { walkInEvery: office.walkInEvery }, office.roomCapacity),
        );
  return {
    office,
    services,
    counters,
    tickets,
    positions: positionsInService(candidates, nowMs),
    inside,
    averageMinutes,
    nowMs,
  };
};

/** How many open counters serve a service: the divisor of every wait estimate. */
export const openCountersFor = (snap: QueueSnapshot, serviceId: number): number =>
  snap.counters.filter((c) => c.status === 'open' && c.serviceIds.includes(serviceId)).length;

export const ticketStatusUrl = (ticketId: string): string => `/t/${ticketId}`;

export const publicTicket = (snap: QueueSnapshot, ticket: TicketRow): PublicTicket => {
  const service = snap.services.get(ticket.serviceId);
  const counter = snap.counters.find((c) => c.id === ticket.counterId);
  const position = ticket.status === 'waiting' ? (snap.positions.get(ticket.id) ?? null) : null;
  const openCounters = openCountersFor(snap, ticket.serviceId);
  const estimate =
    position === null ? null : estimateWaitMinutes(position - 1, snap.averageMinutes.get(ticket.serviceId) ?? 10, openCounters);
  return {
    id: ticket.id,
    office: ticket.officeId,
    number: ticket.number,
    service: service?.code ?? '?',
    serviceName: service?.nameId ?? '',
    status: ticket.status as TicketStatus,
    position,
    estimatedWaitMinutes: estimate,
    ...(counter && heldAtCounter(ticket.status) ? { counter: counter.name } : {}),
    waitOutside: waitsOutside(ticket, snap.inside),
    issuedAt: isoInZone(ticket.issuedAt, snap.office.timezone),
    date: ticket.date,
    priority: ticket.priority as Priority | null,
    statusUrl: ticketStatusUrl(ticket.id),
  };
};

export const counterViews = (snap: QueueSnapshot): CounterView[] =>
  snap.counters.map((c) => {
    const current = snap.tickets.find((tk) => tk.id === c.currentTicketId);
    return {
      id: c.id,
      name: c.name,
      services: c.serviceIds.map((id) => snap.services.get(id)?.code ?? '?'),
      status: c.status as CounterView['status'],
      ...(current
        ? { current: { id: current.id, number: current.number, service: snap.services.get(current.serviceId)?.code ?? '?', status: current.status as TicketStatus } }
        : {}),
    };
  });

/**
 * The office's latest calls, newest first, along its (office, instant) index; bounded below by
 * the day's first ticket, since a call of one of the day's tickets cannot come before it.
 */
export const RECENT_CALLS_SQL = "WHERE office_id = ? AND type IN ('called', 'recalled') AND at >= ? ORDER BY at DESC, id DESC LIMIT ?";

export const recentCalls = async (c: Conn, snap: QueueSnapshot, limit = 6): Promise<CallEvent[]> => {
  const ids = new Set(snap.tickets.map((tk) => tk.id));
  if (ids.size === 0) return [];
  const firstIssued = snap.tickets.reduce((min, tk) => Math.min(min, tk.issuedAt), Infinity);
  const events = (await allRows(c, t.ticketEvents, RECENT_CALLS_SQL, snap.office.id, firstIssued, limit)).filter((e) => ids.has(e.ticketId));
  return events.map((e) => callEvent(snap, e));
};

type CallRecord = Pick<typeof t.ticketEvents.$inferSelect, 'ticketId' | 'type' | 'at' | 'counterId' | 'serviceId'>;

export const callEvent = (snap: QueueSnapshot, e: CallRecord): CallEvent => {
  const ticket = snap.tickets.find((tk) => tk.id === e.ticketId);
  return {
    number: ticket?.number ?? '?',
    counter: snap.counters.find((c) => c.id === e.counterId)?.name ?? '?',
    service: snap.services.get(e.serviceId ?? ticket?.serviceId ?? -1)?.code ?? '?',
    calledAt: isoInZone(e.at, snap.office.timezone),
    recall: e.type === 'recalled',
  };
};

export const ACTIVE_NOTICES_SQL = 'WHERE office_id = ? AND active ORDER BY id';

export const boardState = async (c: Conn, snap: QueueSnapshot): Promise<BoardState> => {
  const waiting = snap.tickets.filter((tk) => tk.status === 'waiting');
  const notices = await allRows(c, t.notices, ACTIVE_NOTICES_SQL, snap.office.id);
  return {
    office: { id: snap.office.id, name: snap.office.name, timezone: snap.office.timezone },
    now: isoInZone(snap.nowMs, snap.office.timezone),
    counters: snap.counters.map((counter) => ({
      id: counter.id,
      name: counter.name,
      status: counter.status as CounterView['status'],
      current: snap.tickets.find((tk) => tk.id === counter.currentTicketId)?.number ?? null,
    })),
    lastCalls: await recentCalls(c, snap),
    waiting: [...snap.services.values()].map((s) => ({
      service: s.code,
      name: s.nameId,
      count: waiting.filter((tk) => tk.serviceId === s.id).length,
    })),
    admitted:
      snap.office.roomCapacity === null ? null : waiting.filter((tk) => snap.inside.has(tk.id)).map((tk) => tk.number),
    roomCapacity: snap.office.roomCapacity,
    notices: notices.map((n) => ({ id: n.id, text: n.textId, textEn: n.textEn })),
  };
};

/** The slot time of each of a day's bookings, by booking id (the staff queue shows it). */
export const DAY_BOOKING_SLOTS_SQL = 'SELECT b.id AS id, s.start AS start, s."end" AS "end" FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.office_id = ? AND b.date = ?';

export const staffState = async (c: Conn, snap: QueueSnapshot): Promise<StaffState> => {
  const slotByBooking = new Map(
    (await rows<{ id: number; start: string; end: string }>(c, DAY_BOOKING_SLOTS_SQL, snap.office.id, snap.tickets[0]?.date ?? ''))
      .map((r) => [r.id, `${r.start}–${r.end}`]),
  );
  const slotOf = (bookingId: number | null) => (bookingId === null ? null : (slotByBooking.get(bookingId) ?? null));
  const waiting = snap.tickets.filter((tk) => tk.status === 'waiting');
  const order = snap.positions;
  return {
    officeId: snap.office.id,
    counters: counterViews(snap),
    now: isoInZone(snap.nowMs, snap.office.timezone),
    waiting: waiting
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || a.queuedAt - b.queuedAt)
      .map((tk) => ({
        id: tk.id,
        number: tk.number,
        service: snap.services.get(tk.serviceId)?.code ?? '?',
        status: 'waiting' as const,
        priority: tk.priority,
        source: tk.source as 'walkin' | 'booking',
        slot: slotOf(tk.bookingId),
        issuedAt: isoInZone(tk.issuedAt, snap.office.timezone),
        waitOutside: waitsOutside(tk, snap.inside),
      })),
  };
};

/** Everything the live layer sends after a change: the calls to announce, the followed tickets, and the board and the staff queue when watched. */
export const liveViews = async (c: Conn, snap: QueueSnapshot, wanted: LiveWanted): Promise<LiveViews> => {
  const byId = new Map(snap.tickets.map((tk) => [tk.id, tk]));
  return {
    calls: wanted.calls.map((call) =>
      callEvent(snap, { ticketId: call.ticketId, type: call.recall ? 'recalled' : 'called', at: call.at, counterId: call.counterId, serviceId: null }),
    ),
    tickets: wanted.tickets.flatMap((id) => {
      const ticket = byId.get(id);
      return ticket ? [publicTicket(snap, ticket)] : [];
    }),
    ...(wanted.board ? { board: await boardState(c, snap) } : {}),
    ...(wanted.staff ? { staff: await staffState(c, snap) } : {}),
  };
};

export const ticketById = (c: Conn, ticketId: string): Promise<TicketRow | undefined> => getRow(c, t.tickets, 'WHERE id = ?', ticketId);
