/** Counter staff check that the visitor holds the booked ticket: the NIK on the KTP against the stored hash. */
import { authorize, type Actor } from '../domain/policy';
import { outcome, type CommandDeps, type Outcome } from './command';

export const verifyHolder = async ({ store, clock }: CommandDeps, actor: Actor, ticketId: string, nik: string): Promise<Outcome<{ match: boolean }>> => {
  authorize(actor, 'serve');
  // Nothing anyone watches changes: the check is only on the record.
  return outcome(await store.verifyHolder(ticketId, nik, actor, clock.now()));
};
