/** An admin closes the office or one service for a date range (or until further notice); bookings are cancelled or moved, holders told. */
import { officeChanged } from '../events/change';
import { authorize, type Actor } from '../domain/policy';
import type { ClosureInput, ClosureResult } from '../store/store';
import { outcome, type CommandDeps, type Outcome } from './command';

export const createClosure = async ({ store, clock }: CommandDeps, actor: Actor, officeId: string, input: ClosureInput): Promise<Outcome<ClosureResult>> => {
  authorize(actor, 'administer', officeId);
  return outcome(await store.createClosure(officeId, input, actor, clock.now()), officeChanged(officeId));
};
