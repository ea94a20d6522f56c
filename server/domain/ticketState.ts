/**
 * The ticket life of PRODUCT.md: waiting → called (→ recalled at most N times) → serving → done;
 * called → no-show (by staff, or by a recall past the limit); no-show → waiting (requeue);
 * waiting, called or serving → waiting in another service (transfer, same number).
 * Every other step is refused.
 */
import { DomainError } from './errors';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
export type TicketAction = 'call' | 'recall' | 'start' | 'complete' | 'no_show' | 'transfer' | 'requeue';

export type TicketLife = {
  status: TicketStatus;
  recallCount: number;
  counterId: number | null;
  serviceId: number;
};

export type StepContext = { counterId?: number; serviceId?: number; recallLimit: number };

const allowedFrom: Record<TicketAction, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['serving'],
  no_show: ['called'],
  transfer: ['waiting', 'called', 'serving'],
  requeue: ['no_show'],
};

export const canStep = (status: TicketStatus, action: TicketAction): boolean => allowedFrom[action].includes(status);

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
