/**
 * The ticket life of PRODUCT.md: waiting → called (→ recalled at most N times) → serving → done;
 * called → no-show (by staff, or by a recall past the limit); no-show → waiting (requeue);
 * waiting, called or serving → waiting in another service (transfer, same number).
 * Every other step is refused. Which status allows which step is one table, shared with the
 * counter page: shared/ticketSteps.ts.
 */
import { canStep, heldAtCounter, type TicketStep } from '../../shared/ticketSteps';
import type { TicketStatus } from '../../shared/types';
import { DomainError } from './errors';

export type { TicketStatus };
export type TicketAction = TicketStep;
export { canStep };

export type TicketLife = {
  status: TicketStatus;
  recallCount: number;
  counterId: number | null;
  serviceId: number;
};

export type StepContext = { counterId?: number; serviceId?: number; recallLimit: number };

/** Returns the ticket after the step, or throws INVALID_STATE. `event` names what happened. */
export const stepTicket = (
  ticket: TicketLife,
  action: TicketAction,
  ctx: StepContext,
): { ticket: TicketLife; event: TicketAction } => {
  if (!canStep(ticket.status, action)) throw new DomainError('INVALID_STATE', { status: ticket.status });
  switch (action) {
    case 'call':
      return { ticket: { ...ticket, status: 'called', counterId: ctx.counterId ?? null, recallCount: 0 }, event: 'call' };
    case 'recall':
      if (ticket.recallCount >= ctx.recallLimit) return { ticket: { ...ticket, status: 'no_show' }, event: 'no_show' };
      return { ticket: { ...ticket, recallCount: ticket.recallCount + 1 }, event: 'recall' };
    case 'start':
      return { ticket: { ...ticket, status: 'serving' }, event: 'start' };
    case 'complete':
      return { ticket: { ...ticket, status: 'done' }, event: 'complete' };
    case 'no_show':
      return { ticket: { ...ticket, status: 'no_show' }, event: 'no_show' };
    case 'transfer':
      if (ctx.serviceId === undefined) throw new DomainError('VALIDATION', {}, { service: { key: 'required' } });
      return {
        ticket: { ...ticket, status: 'waiting', serviceId: ctx.serviceId, counterId: null, recallCount: 0 },
        event: 'transfer',
      };
    case 'requeue':
      return { ticket: { ...ticket, status: 'waiting', counterId: null, recallCount: 0 }, event: 'requeue' };
  }
};

export const isActive = (status: TicketStatus): boolean => status === 'waiting' || status === 'called' || status === 'serving';

/**
 * A ticket belongs to its local day: once the office's midnight has passed, only completing it
 * (a visitor still at the counter) is allowed.
 */
export const checkTicketDay = (ticketDate: string, today: string, action: TicketAction): void => {
  if (ticketDate !== today && action !== 'complete') throw new DomainError('INVALID_STATE', { status: 'expired' });
};

/** The name each step is recorded under in a ticket's history (reports read these). */
export const STEP_EVENTS: Readonly<Record<TicketAction, string>> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  complete: 'completed',
  no_show: 'no_show',
  transfer: 'transferred',
  requeue: 'requeued',
};

export type StepStamps = {
  calledAt?: null;
  lastCalledAt?: number | null;
  startedAt?: number | null;
  completedAt?: number;
  noShowAt?: number;
  queuedAt?: number;
};

/**
 * The instants a step sets on a ticket at `ms`. A ticket that waits again (transfer, requeue)
 * forgets its calls and start; a requeued one joins the end of its queue, a transferred one keeps
 * its place in time.
 */
export const stepStamps = (event: TicketAction, ms: number): StepStamps => {
  switch (event) {
    case 'recall':
      return { lastCalledAt: ms };
    case 'start':
      return { startedAt: ms };
    case 'complete':
      return { completedAt: ms };
    case 'no_show':
      return { noShowAt: ms };
    case 'transfer':
      return { calledAt: null, lastCalledAt: null, startedAt: null };
    case 'requeue':
      return { calledAt: null, lastCalledAt: null, startedAt: null, queuedAt: ms };
    case 'call':
      // A call is stamped by the call-next compare-and-set itself, which keeps the first call's instant.
      return {};
  }
};

/** Whether a ticket in `status` after a step has left the counter that held it. */
export const leavesCounter = (status: TicketStatus): boolean => !heldAtCounter(status);
