/** The holder cancels a booking (code + the NIK's last four digits); the place returns to the slot. */
import type { BookingView } from '../../shared/types';
import { outcome, type CommandDeps, type Outcome } from './command';

/** `address` is the caller's, audited with a wrong nik4. */
export const cancelBooking = async ({ store, clock }: CommandDeps, code: string, nik4: string, address: string): Promise<Outcome<BookingView>> =>
  outcome(await store.cancelBooking(code, nik4, clock.now(), address));
