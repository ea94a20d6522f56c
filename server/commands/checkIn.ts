/** A visitor checks in a booking at the kiosk and gets a ticket for its slot. */
import type { PublicTicket } from '../../shared/types';
import { officeChanged } from '../events/change';
import { outcome, type CommandDeps, type Outcome } from './command';

export const checkIn = async ({ store, clock }: CommandDeps, officeId: string, code: string): Promise<Outcome<PublicTicket>> => {
  const ticket = await store.checkIn(officeId, code, clock.now());
  return outcome(ticket, officeChanged(officeId, [ticket.id]));
};
