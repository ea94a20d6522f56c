/** The holder moves a booking to another slot; the old place is released only once the new one is secured. */
import type { BookingView } from '../../shared/types';
import { outcome, type CommandDeps, type Outcome } from './command';

/** `address` is the caller's, audited with a wrong nik4. */
export const rescheduleBooking = async (
  { store, clock }: CommandDeps, code: string, nik4: string, slotId: number, address: string,
): Promise<Outcome<BookingView>> => outcome(await store.rescheduleBooking(code, nik4, slotId, clock.now(), address));
