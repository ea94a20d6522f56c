/**
 * What a kelurahan assistant (or any staff member booking on a citizen's behalf) reads: its own
 * WhatsApp number, and the bookings it made. Booking itself is `bookPlace` with `createdByUserId`.
 */
import type { DateTime } from 'luxon';
import type { AssistedBookingView } from '../../shared/staffTypes';

/** How many of its own bookings the list shows at most, newest first. */
export const ASSISTED_LIST_LIMIT = 100;
/** How far back the list reaches (office days before today); later days, future ones included, are all shown. */
export const ASSISTED_LIST_DAYS = 30;

export interface AssistStore {
  /** The account's own WhatsApp number (E.164), or null: none set, or no such account. */
  contactPhoneOf(userId: number): Promise<string | null>;
  /**
   * The bookings `userId` made in the office on a citizen's behalf (`created_by_user_id`), for
   * days from ASSISTED_LIST_DAYS before today on, newest first, at most ASSISTED_LIST_LIMIT.
   */
  assistedBookings(officeId: string, userId: number, now: DateTime): Promise<AssistedBookingView[]>;
}
