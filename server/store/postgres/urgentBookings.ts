/**
 * An assisted booking made for an urgent case (domain/urgentCase), as ../sqlite/urgentBookings.ts:
 * its reason is kept on the booking (its ticket takes it at check-in) and the decision goes on the
 * audit log. Called inside the booking's own transaction.
 */
import type { DateTime } from 'luxon';
import { URGENT_AUDIT } from '../../domain/urgentCase';
import { exec, type Conn } from './connection';
import { audit } from './journal';

export const markUrgentBooking = async (c: Conn, booking: { id: number; officeId: string; code: string }, reason: string, userId: number | null, now: DateTime): Promise<void> => {
  await exec(c, 'UPDATE bookings SET urgent_reason = ? WHERE id = ?', reason, booking.id);
  await audit(c, { officeId: booking.officeId, userId, action: URGENT_AUDIT, target: booking.code, detail: { via: 'booking', reason } }, now);
};
