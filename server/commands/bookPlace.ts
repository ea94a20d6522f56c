/** A visitor books a place in a slot; or staff book on a citizen's behalf (assisted, audited). */
import type { BookingView } from '../../shared/types';
import type { AssistedBookingView } from '../../shared/staffTypes';
import { assistedContact, type AssistedPhone } from '../domain/assisted';
import { authorize, type Actor } from '../domain/policy';
import type { BookInput } from '../store/store';
import { outcome, type CommandDeps, type Outcome } from './command';
import { withServiceContact } from './serviceContact';

export const bookPlace = async ({ store, clock }: CommandDeps, officeId: string, input: BookInput): Promise<Outcome<BookingView>> =>
  outcome(await withServiceContact({ store, clock }, officeId, input.service, () => store.bookPlace(officeId, input, clock.now())));

/** What staff or an assistant send: the citizen, and their phone or `noPhone` (the helper's own number then receives the messages). */
export type AssistedInput = { service: string; slotId: number; nik: string; name: string } & AssistedPhone;

/**
 * Staff or a kelurahan assistant book on a citizen's behalf in their office (`assist`); the audit
 * row records who, with their role. A citizen without a phone is booked with the helper's number.
 */
export const bookOnBehalf = async ({ store, clock }: CommandDeps, actor: Actor, officeId: string, asked: AssistedInput): Promise<Outcome<BookingView>> => {
  authorize(actor, 'assist', officeId);
  const contact = assistedContact(asked, asked.noPhone ? await store.contactPhoneOf(actor.userId) : null);
  const input: BookInput = {
    service: asked.service, slotId: asked.slotId, nik: asked.nik, name: asked.name, phone: contact.phone, actorRole: actor.role,
    ...(contact.contactIsHelper ? { contactIsHelper: true } : {}),
  };
  return outcome(await withServiceContact({ store, clock }, officeId, input.service, () => store.bookPlace(officeId, input, clock.now(), actor.userId)));
};

/** The caller's own assisted bookings in the office (an assistant sees nobody else's). */
export const ownAssistedBookings = ({ store, clock }: CommandDeps, actor: Actor, officeId: string): Promise<AssistedBookingView[]> => {
  authorize(actor, 'assist', officeId);
  return store.assistedBookings(officeId, actor.userId, clock.now());
};
