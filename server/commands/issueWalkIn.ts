/** A kiosk issues a walk-in ticket while the service's quota lasts. */
import type { Priority, PublicTicket } from '../../shared/types';
import { officeChanged } from '../events/change';
import { outcome, type CommandDeps, type Outcome } from './command';

export const issueWalkIn = async (
  { store, clock }: CommandDeps,
  officeId: string,
  input: { service: string; priority: Priority | null },
): Promise<Outcome<PublicTicket>> => {
  const ticket = await store.issueWalkIn(officeId, input, clock.now());
  return outcome(ticket, officeChanged(officeId, [ticket.id]));
};
