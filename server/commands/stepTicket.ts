/** Counter staff move a ticket on: recall, start, complete, no-show, requeue, or transfer to another service. */
import type { PublicTicket } from '../../shared/types';
import { authorize, type Actor } from '../domain/policy';
import type { TicketAction } from '../domain/ticketState';
import { outcome, type CommandDeps, type Outcome } from './command';
import { ticketStepChange } from './ticketStepChange';

export const stepTicket = async (
  { store, clock }: CommandDeps,
  actor: Actor,
  ticketId: string,
  action: Exclude<TicketAction, 'call'>,
  options: { service?: string; reason?: string } = {},
): Promise<Outcome<PublicTicket>> => {
  authorize(actor, 'serve');
  const step = await store.stepTicket(ticketId, action, actor, clock.now(), options);
  return outcome(step.ticket, ticketStepChange(step));
};
