/**
 * An assisted booking made for an urgent case (domain/urgentCase): its reason is kept on the
 * booking (its ticket takes it at check-in) and the decision goes on the audit log. Called inside
 * the booking's own write transaction.
 */
import type { DateTime } from 'luxon';
import { URGENT_AUDIT } from '../../domain/urgentCase';
import type { StoreCtx } from './connection';
import { audit } from './journal';
import { stmt } from './prepared';

export const markUrgentBooking = (ctx: StoreCtx, booking: { id: number; officeId: string; code: string }, reason: string, userId: number | null, now: DateTime): void => {
  stmt(ctx, 'UPDATE bookings SET urgent_reason = ? WHERE id = ?').run(reason, booking.id);
  audit(ctx, { officeId: booking.officeId, userId, action: URGENT_AUDIT, target: booking.code, detail: { via: 'booking', reason } }, now);
};
