/** A counter calls the next ticket in call order (null when nobody waits for its services). */
import type { PublicTicket } from '../../shared/types';
import { authorize, type Actor } from '../domain/policy';
import { outcome, type CommandDeps, type Outcome } from './command';
import { ticketStepChange } from './ticketStepChange';

export const callNext = async ({ store, clock }: CommandDeps, actor: Actor, counterId: number): Promise<Outcome<PublicTicket | null>> => {
  authorize(actor, 'serve');
  const step = await store.callNext(counterId, actor, clock.now());
  return step ? outcome(step.ticket, ticketStepChange(step)) : outcome(null);
};
