/** An admin ends a closure: `to` becomes its last closed day (before its first day withdraws it). */
import { officeChanged } from '../events/change';
import { authorize, type Actor } from '../domain/policy';
import type { ClosureRecord } from '../store/records';
import { outcome, type CommandDeps, type Outcome } from './command';

export const endClosure = async ({ store, clock }: CommandDeps, actor: Actor, officeId: string, closureId: number, to: string): Promise<Outcome<ClosureRecord>> => {
  authorize(actor, 'administer', officeId);
  return outcome(await store.endClosure(officeId, closureId, to, actor, clock.now()), officeChanged(officeId));
};
