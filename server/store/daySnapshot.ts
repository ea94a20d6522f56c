/**
 * An office's day as both engines see it once its rows are read: the snapshot (who waits, in
 * which order, who is inside the room) and every live view built from it (a ticket, the
 * counters, a call, the board, the staff queue). Plain functions of plain records: the engines
 * (sqlite/queueView.ts, postgres/queueView.ts) only read the rows and call these.
 */
import { parseBoardVoice } from '../../shared/voiceClips';
import { blankoEmpty } from '../domain/blanko';
import { callOrder, positionsInService, type CallingCounter, type QueueCandidate } from '../domain/queue';
import { admitToRoom, waitsOutside } from '../domain/room';
import type { TicketStatus } from '../domain/ticketState';
import { isoInZone } from '../domain/time';
import { estimateWaitMinutes } from '../domain/waitEstimate';
import { STAFF_PAGE_PER_SERVICE, type StaffState } from '../../shared/protocol';
import { heldAtCounter } from '../../shared/ticketSteps';
import type { BoardState, CallEvent, CounterView, Notice, Priority, PublicTicket } from '../../shared/types';
import type { LiveViews, LiveWanted } from './store';
import type { CounterRecord, OfficeRecord, ServiceRecord, TicketRecord } from './records';

/** Everything needed to describe the office's day: loaded once per change, then mapped to each view. */
export type QueueSnapshot = {
  office: OfficeRecord;
  services: Map<number, ServiceRecord>;
  counters: CounterRecord[];
  tickets: TicketRecord[];
  positions: Map<string, number>;
  /** Ids of active tickets inside the room (all of them when there is no room capacity). */
  inside: Set<string>;
  averageMinutes: Map<number, number>;
  /** The booked slot of each of the day's bookings, by booking id (a booking's ticket shows its session). */
  bookingSlots: Map<number, BookingSlot>;
  nowMs: number;
};

/** A booking's slot: local times of day (the staff queue) and instants (the ticket). */
export type BookingSlot = { start: string; end: string; startAt: number; endAt: number };

/** The rows an engine reads for a day (its cache keeps them while the office's version stands still). */
export type DayRows = Pick<QueueSnapshot, 'office' | 'services' | 'counters' | 'tickets' | 'averageMinutes' | 'bookingSlots'> & { date: string };

export const toCandidate = (ticket: TicketRecord): QueueCandidate => ({
  id: ticket.id,
  serviceId: ticket.serviceId,
  priority: ticket.priority !== null,
  source: ticket.source as QueueCandidate['source'],
  slotStartMs: ticket.slotStartAt,
  queuedAtMs: ticket.queuedAt,
  sequence: ticket.sequence,
});

/**
 * The open counters in the order they will call next: a free counter first (it calls as soon as
 * its staff press call), then each counter still holding a ticket, the one that took it earliest
 * first (its visitor is likeliest to leave first); id order breaks ties.
 */
export const callingCounters = (counters: readonly CounterRecord[], tickets: readonly TicketRecord[]): CallingCounter[] => {
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

/** The snapshot of a day's rows at `nowMs`: positions in each service and who is let into the room, in call order. */
export const snapshotOf = ({ office, services, counters, tickets, averageMinutes, bookingSlots }: DayRows, nowMs: number): QueueSnapshot => {
  const candidates = tickets.filter((tk) => tk.status === 'waiting').map(toCandidate);
  const inside =
    office.roomCapacity === null
      ? admitToRoom(tickets, null)
      : admitToRoom(
          tickets,
          office.roomCapacity,
          callOrder(candidates, callingCounters(counters, tickets), nowMs, { walkInEvery: office.walkInEvery }, office.roomCapacity),
        );
  return { office, services, counters, tickets, positions: positionsInService(candidates, nowMs), inside, averageMinutes, bookingSlots, nowMs };
};

/** How many open counters serve a service: the divisor of every wait estimate. */
export const openCountersFor = (snap: QueueSnapshot, serviceId: number): number =>
  snap.counters.filter((c) => c.status === 'open' && c.serviceIds.includes(serviceId)).length;

export const ticketStatusUrl = (ticketId: string): string => `/t/${ticketId}`;

/**
 * Whether the ticket's visitor gets a surat keterangan instead of a KTP-el card: a done ticket as
 * recorded; an active one when its service needs a card and none is left for it (domain/blanko).
 */
export const getsSuket = (snap: QueueSnapshot, ticket: TicketRecord): boolean => {
  if (ticket.suket) return true;
  if (!['waiting', 'called', 'serving'].includes(ticket.status)) return false;
  const service = snap.services.get(ticket.serviceId);
  return service !== undefined && blankoEmpty(snap.office, service);
};

/** The waiting tickets told to wait outside (only where the room has a capacity): a call of one of them says "silakan masuk". */
export const waitingOutside = (snap: QueueSnapshot): Set<string> =>
  snap.office.roomCapacity === null ? new Set() : new Set(snap.tickets.filter((tk) => waitsOutside(tk, snap.inside)).map((tk) => tk.id));

export const publicTicket = (snap: QueueSnapshot, ticket: TicketRecord): PublicTicket => {
  const service = snap.services.get(ticket.serviceId);
  const counter = snap.counters.find((c) => c.id === ticket.counterId);
  const position = ticket.status === 'waiting' ? (snap.positions.get(ticket.id) ?? null) : null;
  const slot = ticket.bookingId === null ? undefined : snap.bookingSlots.get(ticket.bookingId);
  const estimate =
    position === null ? null : estimateWaitMinutes(position - 1, snap.averageMinutes.get(ticket.serviceId) ?? 10, openCountersFor(snap, ticket.serviceId));
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
    ...(slot ? { slot: { start: isoInZone(slot.startAt, snap.office.timezone), end: isoInZone(slot.endAt, snap.office.timezone) } } : {}),
    ...(getsSuket(snap, ticket) ? { suket: true } : {}),
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

/** A step of a ticket that announced it: a call or a recall. */
export type CallRecord = { ticketId: string; type: string; at: number; counterId: number | null; serviceId: number | null };

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

/** The latest calls among the day's tickets (the engine reads the office's latest call steps, newest first). */
export const dayCalls = (snap: QueueSnapshot, steps: readonly CallRecord[]): CallEvent[] => {
  const ids = new Set(snap.tickets.map((tk) => tk.id));
  return steps.filter((e) => ids.has(e.ticketId)).map((e) => callEvent(snap, e));
};

/** The earliest instant a call of the day's tickets can have (none can come before the first ticket). */
export const firstIssuedAt = (snap: QueueSnapshot): number => snap.tickets.reduce((min, tk) => Math.min(min, tk.issuedAt), Infinity);

/** `notices`: the board's, as domain/notices screenNotices gives them (closures first, then scheduled and targeted notices). */
export const boardOf = (snap: QueueSnapshot, lastCalls: CallEvent[], notices: Notice[]): BoardState => {
  const waiting = snap.tickets.filter((tk) => tk.status === 'waiting');
  return {
    office: { id: snap.office.id, name: snap.office.name, timezone: snap.office.timezone },
    now: isoInZone(snap.nowMs, snap.office.timezone),
    counters: snap.counters.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status as CounterView['status'],
      current: snap.tickets.find((tk) => tk.id === c.currentTicketId)?.number ?? null,
    })),
    lastCalls,
    waiting: [...snap.services.values()].map((s) => ({
      service: s.code,
      name: s.nameId,
      count: waiting.filter((tk) => tk.serviceId === s.id).length,
    })),
    admitted: snap.office.roomCapacity === null ? null : waiting.filter((tk) => snap.inside.has(tk.id)).map((tk) => tk.number),
    roomCapacity: snap.office.roomCapacity,
    notices,
    voice: parseBoardVoice(snap.office.boardVoice),
  };
};

/** The staff queue (a booking's ticket with its slot's times of day). */
export const staffOf = (snap: QueueSnapshot): StaffState => {
  const slotOf = (bookingId: number | null) => {
    const slot = bookingId === null ? undefined : snap.bookingSlots.get(bookingId);
    return slot ? `${slot.start}–${slot.end}` : null;
  };
  const order = snap.positions;
  const codeOf = (tk: TicketRecord) => snap.services.get(tk.serviceId)?.code ?? '?';
  const inOrder = snap.tickets
    .filter((tk) => tk.status === 'waiting')
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || a.queuedAt - b.queuedAt);
  // A bounded page: each service's first tickets in call order; the others only counted.
  const waitingCounts: Record<string, number> = {};
  const listed = inOrder.filter((tk) => {
    const code = codeOf(tk);
    waitingCounts[code] = (waitingCounts[code] ?? 0) + 1;
    return waitingCounts[code]! <= STAFF_PAGE_PER_SERVICE;
  });
  return {
    officeId: snap.office.id,
    counters: counterViews(snap),
    now: isoInZone(snap.nowMs, snap.office.timezone),
    waitingCounts,
    waitingTotal: inOrder.length,
    waiting: listed
      .map((tk) => ({
        id: tk.id,
        number: tk.number,
        service: codeOf(tk),
        status: 'waiting' as const,
        priority: tk.priority,
        source: tk.source as 'walkin' | 'booking',
        slot: slotOf(tk.bookingId),
        issuedAt: isoInZone(tk.issuedAt, snap.office.timezone),
        waitOutside: waitsOutside(tk, snap.inside),
        ...(getsSuket(snap, tk) ? { suket: true } : {}),
      })),
  };
};

/** The live layer's views of one change; the board (with the engine's reads) and the staff queue are built only when watched. */
export const liveOf = async (
  snap: QueueSnapshot,
  wanted: LiveWanted,
  board: () => BoardState | Promise<BoardState>,
): Promise<LiveViews> => {
  const byId = new Map(snap.tickets.map((tk) => [tk.id, tk]));
  return {
    calls: wanted.calls.map((c) => ({
      ...callEvent(snap, { ticketId: c.ticketId, type: c.recall ? 'recalled' : 'called', at: c.at, counterId: c.counterId, serviceId: null }),
      ...(c.comeIn ? { comeIn: true } : {}),
    })),
    tickets: wanted.tickets.flatMap((id) => {
      const ticket = byId.get(id);
      return ticket ? [publicTicket(snap, ticket)] : [];
    }),
    ...(wanted.board ? { board: await board() } : {}),
    ...(wanted.staff ? { staff: staffOf(snap) } : {}),
  };
};
