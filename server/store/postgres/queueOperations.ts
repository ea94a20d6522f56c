/**
 * The queue operations of the PostgreSQL store (see groups.ts), wired as ../sqlite/index.ts wires
 * them: each write is one transaction of its module; its answer is read from the office's day
 * after the commit (queueView's snapshot), never from inside the transaction.
 */
import { waitingOutside as waitingOutsideOf } from '../daySnapshot';
import { row } from './connection';
import { tellBlankoHolders } from './blankoNotices';
import type { DateTime } from 'luxon';
import type { QueueOperations } from './groups';
import type { PgStoreCtx } from './index';
import { kioskState } from './kioskState';
import * as queue from './queueView';
import { noShowsToday, ticketDetails, verifyHolder } from './ticketDetails';
import * as steps from './ticketSteps';
import * as tickets from './tickets';

export const queueOperations = (ctx: PgStoreCtx): QueueOperations => {
  const snapshotTicket = async (ticket: tickets.TicketRow, now: DateTime) => queue.publicTicket(await queue.loadSnapshot(ctx, ticket.officeId, now), ticket);
  /** Where the room has a capacity: the waiting tickets outside it just before a call (a call of one is announced "silakan masuk"). */
  const waitingOutside = async (counterId: number, now: DateTime): Promise<Set<string>> => {
    const counter = await row<{ officeId: string }>(ctx, 'SELECT office_id AS "officeId" FROM counters WHERE id = ?', counterId);
    if (!counter) return new Set();
    return waitingOutsideOf(await queue.loadSnapshot(ctx, counter.officeId, now));
  };
  const stepResult = async (change: steps.TicketChange, now: DateTime) =>
    ({ ticket: await snapshotTicket(change.ticket, now), event: change.event, counterId: change.counterId, at: now.toMillis() });

  return {
    publicTicket: async (ticketId, now) => {
      const ticket = await queue.ticketById(ctx, ticketId);
      return ticket ? snapshotTicket(ticket, now) : undefined;
    },
    kioskState: (kiosk, now, publicBaseUrl) => kioskState(ctx, kiosk, now, publicBaseUrl),
    issueWalkIn: async (officeId, input, now) => snapshotTicket(await tickets.issueWalkIn(ctx, officeId, input, now), now),
    checkIn: async (officeId, code, now) => snapshotTicket(await tickets.checkIn(ctx, officeId, code, now), now),
    callNext: async (counterId, actor, now) => {
      const outside = await waitingOutside(counterId, now);
      const change = await steps.callNext(ctx, counterId, actor, now);
      return change ? { ...(await stepResult(change, now)), ...(outside.has(change.ticket.id) ? { comeIn: true } : {}) } : null;
    },
    stepTicket: async (ticketId, action, actor, now, options) => {
      const change = await steps.stepTicketAt(ctx, ticketId, action, actor, now, options);
      // A completion may have used the last blanko a service could take: its booking holders are told (blankoNotices.ts).
      if (change.event === 'completed') await tellBlankoHolders(ctx, change.ticket.officeId, now, ctx.notifyChannel);
      return stepResult(change, now);
    },
    listCounters: async (officeId, now) => queue.counterViews(await queue.loadSnapshot(ctx, officeId, now)),
    setCounterStatus: async (counterId, status, actor, now) => {
      const counter = await steps.setCounterStatus(ctx, counterId, status, actor, now);
      const view = queue.counterViews(await queue.loadSnapshot(ctx, counter.officeId, now)).find((c) => c.id === counterId)!;
      return { officeId: counter.officeId, counter: view };
    },
    ticketDetails: (ticketId, actor, now) => ticketDetails(ctx, ticketId, actor, now),
    noShowsToday: (officeId, now) => noShowsToday(ctx, officeId, now),
    issueUrgent: async (officeId, input, actor, now) => snapshotTicket(await tickets.issueUrgent(ctx, officeId, input, actor, now), now),
    verifyHolder: (ticketId, nik, actor, now) => verifyHolder(ctx, ticketId, nik, actor, now),
    boardState: async (officeId, now) => queue.boardState(ctx, await queue.loadSnapshot(ctx, officeId, now)),
    staffState: async (officeId, now) => queue.staffState(ctx, await queue.loadSnapshot(ctx, officeId, now)),
    liveViews: async (officeId, now, wanted) => queue.liveViews(ctx, await queue.loadSnapshot(ctx, officeId, now), wanted),
  };
};
