/** The holder confirms a pending booking with the code sent by WhatsApp (domain/confirmation). */
import type { BookingView } from '../../shared/types';
import { outcome, type CommandDeps, type Outcome } from './command';

/** `address` is the caller's, audited with a wrong nik4 or a wrong code. */
export const confirmBooking = async (
  { store, clock }: CommandDeps, code: string, nik4: string, otp: string, address: string,
): Promise<Outcome<BookingView>> => outcome(await store.confirmBooking(code, nik4, otp, clock.now(), address));
