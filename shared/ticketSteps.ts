/**
 * The steps a ticket's status allows (PRODUCT.md rule 4 and the ticket life): one table, read by
 * the server's state machine (server/domain/ticketState.ts) and by the counter page's buttons.
 * Pure, with no server imports, so that any page may use it.
 */
import type { TicketStatus } from './types';

export type TicketStep = 'call' | 'recall' | 'start' | 'complete' | 'no_show' | 'transfer' | 'requeue';

/** For each step, the statuses a ticket may take it from. */
export const STEP_FROM: Readonly<Record<TicketStep, readonly TicketStatus[]>> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  complete: ['serving'],
  no_show: ['called'],
  transfer: ['waiting', 'called', 'serving'],
  requeue: ['no_show'],
};

const ALL_STEPS = Object.keys(STEP_FROM) as TicketStep[];

export const canStep = (status: TicketStatus, step: TicketStep): boolean => STEP_FROM[step].includes(status);

/** The steps a ticket in `status` may take, in the table's order. */
export const stepsFrom = (status: TicketStatus): TicketStep[] => ALL_STEPS.filter((step) => canStep(status, step));

/** Called or being served: the ticket occupies its counter until it is done, a no-show, or waiting again. */
export const heldAtCounter = (status: TicketStatus | string): boolean => status === 'called' || status === 'serving';
