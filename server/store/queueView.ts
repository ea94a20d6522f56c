/**
 * Read models of the day's queue: a ticket's public shape (position, estimate, wait
 * outside), the lobby board, and the staff queue. Derived from the database on demand;
 * nothing here is kept in memory.
 */
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { positionsInService, type QueueCandidate } from '../domain/queue';
import { isActive, type TicketStatus } from '../domain/ticketState';
import { isoInZone } from '../domain/time';
import { estimateWaitMinutes, movingAverageMinutes } from '../domain/waitEstimate';
import * as t from '../db/schema';
import type { StaffState } from '../../shared/protocol';
import type { BoardState, CallEvent, CounterView, Priority, PublicTicket } from '../../shared/types';
import type { StoreCtx } from './context';
import { loadOffice, loadServices, todayIn, type OfficeRow, type ServiceRow } from './offices';
import type { TicketRow } from './tickets';

export type CounterRow = typeof t.counters.$inferSelect & { serviceIds: number[] };

export const loadCounters = (ctx: StoreCtx, officeId: string): CounterRow[] => {
  const rows = ctx.db.select().from(t.counters).where(eq(t.counters.officeId, officeId)).orderBy(asc(t.counters.id)).all();
  const links = rows.length
    ? ctx.db
        .select()
        .from(t.counterServices)
        .where(inArray(t.counterServices.counterId, rows.map((r) => r.id)))
        .orderBy(asc(t.counterServices.position))
        .all()
    : [];
  return rows.map((r) => ({ ...r, serviceIds: links.filter((l) => l.counterId === r.id).map((l) => l.serviceId) }));
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

export const loadSnapshot = (ctx: StoreCtx, officeId: string, now: DateTime): QueueSnapshot => {
  const office = loadOffice(ctx, officeId);
  const services = new Map(loadServices(ctx, officeId).map((s) => [s.id, s]));
  const tickets = ctx.db
    .select()
    .from(t.tickets)
    .where(and(eq(t.tickets.officeId, officeId), eq(t.tickets.date, todayIn(office, now))))
    .orderBy(asc(t.tickets.issuedAt))
    .all();
  const waiting = tickets.filter((tk) => tk.status === 'waiting');
  const active = tickets.filter((tk) => isActive(tk.status as TicketStatus)).sort((a, b) => a.queuedAt - b.queuedAt || a.sequence - b.sequence);
  const inside = new Set(office.roomCapacity === null ? active.map((tk) => tk.id) : active.slice(0, office.roomCapacity).map((tk) => tk.id));
  // Anyone already at a counter is inside whatever the order says.
  for (const tk of active) if (tk.status !== 'waiting') inside.add(tk.id);
  const averageMinutes = new Map<number, number>();
  for (const service of services.values()) {
    const recent = ctx.db
      .select({ startedAt: t.tickets.startedAt, completedAt: t.tickets.completedAt })
      .from(t.tickets)
      .where(and(eq(t.tickets.officeId, officeId), eq(t.tickets.serviceId, service.id), eq(t.tickets.status, 'done'), isNotNull(t.tickets.startedAt)))
      .orderBy(desc(t.tickets.completedAt))
      .limit(10)
      .all();
    const durations = recent.reverse().map((r) => ((r.completedAt ?? 0) - (r.startedAt ?? 0)) / 60_000);
    averageMinutes.set(service.id, movingAverageMinutes(durations, service.typicalMinutes));
  }
  return {
    office,
    services,
    counters: loadCounters(ctx, officeId),
    tickets,
    positions: positionsInService(waiting.map(toCandidate), now.toMillis()),
    inside,
    averageMinutes,
    nowMs: now.toMillis(),
  };
};

export const ticketStatusUrl = (ticketId: string): string => `/t/${ticketId}`;

export const publicTicket = (snap: QueueSnapshot, ticket: TicketRow): PublicTicket => {
  const service = snap.services.get(ticket.serviceId);
  const counter = snap.counters.find((c) => c.id === ticket.counterId);
  const position = ticket.status === 'waiting' ? (snap.positions.get(ticket.id) ?? null) : null;
  const openCounters = snap.counters.filter((c) => c.status === 'open' && c.serviceIds.includes(ticket.serviceId)).length;
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
    ...(counter && (ticket.status === 'called' || ticket.status === 'serving') ? { counter: counter.name } : {}),
    waitOutside: ticket.status === 'waiting' && !snap.inside.has(ticket.id),
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

export const recentCalls = (ctx: StoreCtx, snap: QueueSnapshot, limit = 6): CallEvent[] => {
  const ids = new Set(snap.tickets.map((tk) => tk.id));
  if (ids.size === 0) return [];
  const events = ctx.db
    .select()
    .from(t.ticketEvents)
    .where(and(eq(t.ticketEvents.officeId, snap.office.id), inArray(t.ticketEvents.type, ['called', 'recalled'])))
    .orderBy(desc(t.ticketEvents.at), desc(t.ticketEvents.id))
    .limit(limit)
    .all()
    .filter((e) => ids.has(e.ticketId));
  return events.map((e) => callEvent(snap, e));
};

export const callEvent = (snap: QueueSnapshot, e: typeof t.ticketEvents.$inferSelect): CallEvent => {
  const ticket = snap.tickets.find((tk) => tk.id === e.ticketId);
  return {
    number: ticket?.number ?? '?',
    counter: snap.counters.find((c) => c.id === e.counterId)?.name ?? '?',
    service: snap.services.get(e.serviceId ?? ticket?.serviceId ?? -1)?.code ?? '?',
    calledAt: isoInZone(e.at, snap.office.timezone),
    recall: e.type === 'recalled',
  };
};

export const boardState = (ctx: StoreCtx, snap: QueueSnapshot): BoardState => {
  const waiting = snap.tickets.filter((tk) => tk.status === 'waiting');
  const notices = ctx.db
    .select()
    .from(t.notices)
    .where(and(eq(t.notices.officeId, snap.office.id), eq(t.notices.active, true)))
    .all();
  return {
    office: { id: snap.office.id, name: snap.office.name, timezone: snap.office.timezone },
    now: isoInZone(snap.nowMs, snap.office.timezone),
    counters: snap.counters.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status as CounterView['status'],
      current: snap.tickets.find((tk) => tk.id === c.currentTicketId)?.number ?? null,
    })),
    lastCalls: recentCalls(ctx, snap),
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

export const staffState = (ctx: StoreCtx, snap: QueueSnapshot): StaffState => {
  const bookings = ctx.db
    .select({ id: t.bookings.id, slotId: t.bookings.slotId })
    .from(t.bookings)
    .where(and(eq(t.bookings.officeId, snap.office.id), eq(t.bookings.date, snap.tickets[0]?.date ?? '')))
    .all();
  const slotIds = [...new Set(bookings.map((b) => b.slotId))];
  const slotRows = slotIds.length ? ctx.db.select().from(t.slots).where(inArray(t.slots.id, slotIds)).all() : [];
  const slotOf = (bookingId: number | null) => {
    const b = bookings.find((x) => x.id === bookingId);
    const s = b && slotRows.find((x) => x.id === b.slotId);
    return s ? `${s.start}–${s.end}` : null;
  };
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
        waitOutside: !snap.inside.has(tk.id),
      })),
  };
};

export const ticketById = (ctx: StoreCtx, ticketId: string): TicketRow | undefined =>
  ctx.db.select().from(t.tickets).where(eq(t.tickets.id, ticketId)).get();
