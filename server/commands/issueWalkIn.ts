/** A kiosk issues a walk-in ticket while the service's quota lasts. */
import type { Priority, PublicTicket } from '../../shared/types';
import { officeChanged } from '../events/change';
import type { Actor } from '../domain/policy';
import { outcome, type CommandDeps, type Outcome } from './command';
import { withServiceContact } from './serviceContact';

export const issueWalkIn = async (
  { store, clock }: CommandDeps,
  officeId: string,
  input: { service: string; priority: Priority | null },
): Promise<Outcome<PublicTicket>> => {
  const ticket = await withServiceContact({ store, clock }, officeId, input.service, () => store.issueWalkIn(officeId, input, clock.now()));
  return outcome(ticket, officeChanged(officeId, [ticket.id]));
};

/** A supervisor or an admin issues a ticket for a service closed today: an urgent case, with its reason (domain/urgentCase). */
export const issueUrgent = async (
  { store, clock }: CommandDeps,
  actor: Actor,
  officeId: string,
  input: { service: string; reason: string; priority: Priority | null },
): Promise<Outcome<PublicTicket>> => {
  const ticket = await store.issueUrgent(officeId, input, actor, clock.now());
  return outcome(ticket, officeChanged(officeId, [ticket.id]));
};
