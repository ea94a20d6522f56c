/** Staff open, pause or close their counter (never while it still handles a ticket). */
import type { CounterStatus, CounterView } from '../../shared/types';
import { officeChanged } from '../events/change';
import { authorize, type Actor } from '../domain/policy';
import { outcome, type CommandDeps, type Outcome } from './command';

export const setCounterStatus = async ({ store, clock }: CommandDeps, actor: Actor, counterId: number, status: CounterStatus): Promise<Outcome<CounterView>> => {
  authorize(actor, 'serve');
  const { officeId, counter } = await store.setCounterStatus(counterId, status, actor, clock.now());
  return outcome(counter, officeChanged(officeId));
};
