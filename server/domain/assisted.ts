/**
 * Assisted booking (Prabumulih: the kelurahan books for citizens who cannot): staff or a kelurahan
 * assistant book on a citizen's behalf. A citizen without a phone is booked with the helper's own
 * WhatsApp number: it receives the messages, and the booking is marked so that the per-phone rule
 * neither counts it nor limits it (the per-NIK rules still apply). Pure.
 */
import type { Role } from '../../shared/staffTypes';
import { invalid } from './errors';

/** What the request says about the citizen's phone: a number, or `noPhone` (then any number given is ignored). */
export type AssistedPhone = { phone?: string | undefined; noPhone?: boolean | undefined };

/**
 * The phone to book with: the citizen's as typed (checked with the rest of the person), or, for a
 * citizen without a phone, the helper's own number; refused under `phone` when the helper has none.
 */
export const assistedContact = (asked: AssistedPhone, helperPhone: string | null): { phone: string; contactIsHelper: boolean } => {
  if (!asked.noPhone) return { phone: asked.phone ?? '', contactIsHelper: false };
  if (!helperPhone) invalid({ phone: { key: 'helper_phone_missing' } });
  return { phone: helperPhone!, contactIsHelper: true };
};

/** The `booking.assisted` audit row's detail: who booked (their role) and whether the phone is the helper's. Never personal data. */
export const assistedDetail = (input: { actorRole?: Role | undefined; contactIsHelper?: boolean | undefined }): Record<string, unknown> => ({
  ...(input.actorRole ? { role: input.actorRole } : {}),
  ...(input.contactIsHelper ? { contactIsHelper: true } : {}),
});
