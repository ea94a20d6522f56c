/** A visitor books a place in a slot; or staff book on a citizen's behalf (assisted, audited). */
import type { BookingView } from '../../shared/types';
import { authorize, type Actor } from '../domain/policy';
import type { BookInput } from '../store/store';
import { outcome, type CommandDeps, type Outcome } from './command';
import { withServiceContact } from './serviceContact';

export const bookPlace = async ({ store, clock }: CommandDeps, officeId: string, input: BookInput): Promise<Outcome<BookingView>> =>
  outcome(await withServiceContact({ store, clock }, officeId, input.service, () => store.bookPlace(officeId, input, clock.now())));

export const bookOnBehalf = async ({ store, clock }: CommandDeps, actor: Actor, officeId: string, input: BookInput): Promise<Outcome<BookingView>> => {
  authorize(actor, 'serve', officeId);
  return outcome(await withServiceContact({ store, clock }, officeId, input.service, () => store.bookPlace(officeId, input, clock.now(), actor.userId)));
};
