/**
 * The store: Giliran's atomic operations, each one transaction inside, returning Promises
 * so that a PostgreSQL store can later implement the same interface. After a commit it
 * tells its listeners what changed; the realtime publisher turns that into events.
 */
import type { DateTime } from 'luxon';
import type { TicketAction } from '../domain/ticketState';
import type { CounterStatus, Priority } from '../../shared/types';
import type { StoreCtx } from './context';
import type { Actor } from './actor';
import * as bookings from './bookings';
import { setSlotCapacity } from './capacity';
import * as closures from './closures';
import * as counters from './counters';
import * as views from './officeViews';
import * as queue from './queueView';
import * as reports from './reports';
import * as staff from './staff';
import * as tickets from './tickets';
import { adminStore } from './ext/admin';
import { bookingStore } from './ext/booking';
import { counterStore } from './ext/counter';
import { kioskStore } from './ext/kiosk';

/** What a committed change touched: enough for the publisher to recompute the views it affects. */
export type Change = {
  officeId: string;
  ticketIds: string[];
  /** A call or recall to announce on the board. */
  call?: { ticketId: string; counterId: number; recall: boolean; at: number };
};
export type ChangeListener = (change: Change) => void;
/** A session that ended (sign-out) or every session of a user (disabled): live sockets must close. */
export type SessionEnd = { sessionId?: string; userId?: number };

export const createStore = (ctx: StoreCtx, opts: { notifyChannel: string }) => {
  const listeners = new Set<ChangeListener>();
  const sessionListeners = new Set<(end: SessionEnd) => void>();
  const sessionEnded = (end: SessionEnd) => {
    for (const listener of sessionListeners) listener(end);
  };
  const changed = (change: Change) => {
    for (const listener of listeners) listener(change);
  };
  const ticketChanged = (result: counters.TicketChange, now: DateTime) => {
    const isCall = result.event === 'called' || result.event === 'recalled';
    changed({
      officeId: result.ticket.officeId,
      ticketIds: [result.ticket.id],
      ...(isCall && result.counterId !== null
        ? { call: { ticketId: result.ticket.id, counterId: result.counterId, recall: result.event === 'recalled', at: now.toMillis() } }
        : {}),
    });
    return result.ticket;
  };
  const snapshotTicket = (ticket: tickets.TicketRow, now: DateTime) =>
    queue.publicTicket(queue.loadSnapshot(ctx, ticket.officeId, now), ticket);

  return {
    ctx,
    onChange(listener: ChangeListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    onSessionEnd(listener: (end: SessionEnd) => void) {
      sessionListeners.add(listener);
      return () => sessionListeners.delete(listener);
    },

    // Staff accounts and sessions
    findUserByUsername: async (username: string) => staff.findUserByUsername(ctx, username),
    startSession: async (userId: number, now: DateTime) => staff.startSession(ctx, userId, now),
    endSession: async (sessionId: string, now: DateTime) => {
      staff.endSession(ctx, sessionId, now);
      sessionEnded({ sessionId });
    },
    setUserDisabled: async (userId: number, disabled: boolean, actor: Actor, now: DateTime) => {
      staff.setUserDisabled(ctx, userId, disabled, actor, now);
      if (disabled) sessionEnded({ userId });
    },

    // Public
    listOffices: async () => views.listOffices(ctx),
    officeDetail: async (officeId: string, now: DateTime) => views.officeDetail(ctx, officeId, now),
    availability: async (officeId: string, service: string, from: string, days: number, now: DateTime) =>
      views.availability(ctx, officeId, service, from, days, now),
    bookPlace: async (officeId: string, input: bookings.BookInput, now: DateTime, createdByUserId?: number) =>
      bookings.bookPlace(ctx, officeId, input, now, { notifyChannel: opts.notifyChannel, ...(createdByUserId !== undefined ? { createdByUserId } : {}) }),
    getBooking: async (code: string, nik4: string) => bookings.getBooking(ctx, code, nik4),
    cancelBooking: async (code: string, nik4: string, now: DateTime) => bookings.cancelBooking(ctx, code, nik4, now, opts.notifyChannel),
    rescheduleBooking: async (code: string, nik4: string, slotId: number, now: DateTime) =>
      bookings.rescheduleBooking(ctx, code, nik4, slotId, now, opts.notifyChannel),
    publicTicket: async (ticketId: string, now: DateTime) => {
      const ticket = queue.ticketById(ctx, ticketId);
      return ticket ? snapshotTicket(ticket, now) : undefined;
    },

    // Kiosk
    resolveKiosk: async (token: string) => staff.resolveKiosk(ctx, token),
    issueWalkIn: async (officeId: string, input: { service: string; priority?: Priority | null }, now: DateTime) => {
      const ticket = tickets.issueWalkIn(ctx, officeId, input, now);
      changed({ officeId, ticketIds: [ticket.id] });
      return snapshotTicket(ticket, now);
    },
    checkIn: async (officeId: string, code: string, now: DateTime) => {
      const ticket = tickets.checkIn(ctx, officeId, code, now);
      changed({ officeId, ticketIds: [ticket.id] });
      return snapshotTicket(ticket, now);
    },

    // Staff
    callNext: async (counterId: number, actor: Actor, now: DateTime) => {
      const result = counters.callNext(ctx, counterId, actor, now);
      return result ? snapshotTicket(ticketChanged(result, now), now) : null;
    },
    stepTicket: async (ticketId: string, action: Exclude<TicketAction, 'call'>, actor: Actor, now: DateTime, options?: { service?: string }) =>
      snapshotTicket(ticketChanged(counters.stepTicketAt(ctx, ticketId, action, actor, now, options), now), now),
    listCounters: async (officeId: string, now: DateTime) => queue.counterViews(queue.loadSnapshot(ctx, officeId, now)),
    setCounterStatus: async (counterId: number, status: CounterStatus, actor: Actor, now: DateTime) => {
      const counter = counters.setCounterStatus(ctx, counterId, status, actor, now);
      changed({ officeId: counter.officeId, ticketIds: [] });
      return queue.counterViews(queue.loadSnapshot(ctx, counter.officeId, now)).find((c) => c.id === counterId)!;
    },
    createKiosk: async (officeId: string, name: string, actor: Actor | null, now: DateTime) => staff.createKiosk(ctx, officeId, name, actor, now),
    createClosure: async (officeId: string, input: closures.ClosureInput, actor: Actor, now: DateTime) => {
      const result = closures.createClosure(ctx, officeId, input, actor, now, opts.notifyChannel);
      changed({ officeId, ticketIds: [] });
      return result;
    },
    dailyReport: async (officeId: string, date: string) => reports.dailyReport(ctx, officeId, date),
    setSlotCapacity: async (slotId: number, capacity: number, actor: Actor, now: DateTime) => {
      const slot = setSlotCapacity(ctx, slotId, capacity, actor, now);
      changed({ officeId: slot.officeId, ticketIds: [] });
      return slot;
    },

    ...adminStore(ctx, changed, { notifyChannel: opts.notifyChannel, sessionEnded }),
    ...bookingStore(ctx, changed),
    ...counterStore(ctx, changed),
    ...kioskStore(ctx, changed),

    // Read models for the live layer
    boardState: async (officeId: string, now: DateTime) => queue.boardState(ctx, queue.loadSnapshot(ctx, officeId, now)),
    staffState: async (officeId: string, now: DateTime) => queue.staffState(ctx, queue.loadSnapshot(ctx, officeId, now)),
    snapshot: (officeId: string, now: DateTime) => queue.loadSnapshot(ctx, officeId, now),
  };
};

export type Store = ReturnType<typeof createStore>;
