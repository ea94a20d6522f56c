/** A supervisor or an admin books a place for an urgent case on a day its service is closed (domain/urgentCase); audited. */
import type { BookingView } from '../../shared/types';
import { authorizeUrgent, urgentReason } from '../domain/urgentCase';
import type { Actor } from '../domain/policy';
import type { BookInput } from '../store/store';
import { outcome, type CommandDeps, type Outcome } from './command';

export const bookUrgent = async ({ store, clock }: CommandDeps, actor: Actor, officeId: string, input: BookInput & { reason: string }): Promise<Outcome<BookingView>> => {
  authorizeUrgent(actor, officeId);
  const { reason, ...booking } = input;
  return outcome(await store.bookPlace(officeId, { ...booking, urgentReason: urgentReason(reason), actorRole: actor.role }, clock.now(), actor.userId));
};
