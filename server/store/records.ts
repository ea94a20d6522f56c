/**
 * Plain records the store hands back where a caller needs a stored row as it is (admin answers,
 * sign-in, the outbox). Every engine returns exactly these shapes: instants are epoch
 * milliseconds, local dates 'YYYY-MM-DD', local times 'HH:mm'.
 */
import type { OfficeSettings, Role, ServiceFields } from '../../shared/staffTypes';
import type { Priority } from '../../shared/types';

/** An office row: its settings (as the admin page edits them) and what only the system sets. */
/** `publishedAt`: when an admin published it to visitors; null while it is a draft. */
export type OfficeRecord = OfficeSettings & { id: string; timezone: string; blankoStock: number; createdAt: number; publishedAt: number | null };

/** A service row: its editable fields and what identifies and orders it. */
export type ServiceRecord = ServiceFields & { id: number; officeId: string; code: string; position: number; active: boolean };

export type SlotRecord = {
  id: number;
  officeId: string;
  serviceId: number;
  date: string;
  start: string;
  end: string;
  startAt: number;
  endAt: number;
  capacity: number;
  booked: number;
};

export type BookingRecord = {
  id: number;
  officeId: string;
  code: string;
  serviceId: number;
  slotId: number;
  date: string;
  nikHash: string | null;
  nikLast4: string | null;
  name: string | null;
  phone: string | null;
  status: string;
  cancelReason: string | null;
  createdAt: number;
  cancelledAt: number | null;
  checkedInAt: number | null;
  createdByUserId: number | null;
  erasedAt: number | null;
};

export type TicketRecord = {
  id: string;
  officeId: string;
  date: string;
  sequence: number;
  number: string;
  issuedServiceId: number;
  serviceId: number;
  source: string;
  bookingId: number | null;
  slotStartAt: number | null;
  priority: Priority | string | null;
  status: string;
  counterId: number | null;
  recallCount: number;
  issuedAt: number;
  queuedAt: number;
  calledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  noShowAt: number | null;
  suket: boolean;
};

export type CounterRecord = {
  id: number;
  officeId: string;
  name: string;
  status: string;
  currentTicketId: string | null;
  bookingStreak: number;
  serviceIds: number[];
};

export type UserRecord = {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  officeId: string | null;
  disabled: boolean;
  createdAt: number;
};

export type KioskRecord = { id: number; officeId: string; name: string; tokenHash: string; createdAt: number; revokedAt: number | null };

/** `targets`: a comma list of board, booking, kiosk (domain/notices). */
export type NoticeRecord = {
  id: number; officeId: string; textId: string; textEn: string; active: boolean; createdAt: number; startsOn: string | null; endsOn: string | null; targets: string;
};
export type ContactRecord = { id: number; officeId: string; label: string; phone: string; serviceGroup: string };

export type ClosureRecord = {
  id: number;
  officeId: string;
  serviceId: number | null;
  fromDate: string;
  toDate: string | null;
  reason: string;
  action: string;
  kind: string;
  createdBy: number | null;
  createdAt: number;
  endedAt: number | null;
  endedBy: number | null;
  /** When the holders of the bookings it cancelled were told it ended early (once). */
  reopenNotifiedAt: number | null;
};

export type NotificationTemplate = 'booked' | 'reminder' | 'cancelled' | 'moved' | 'closure' | 'closure_open' | 'reopened' | 'code_locked' | 'booking_otp' | 'blanko_out' | 'survey';

/** One message in the outbox, as a sender claims it. */
export type NotificationRecord = {
  id: number;
  officeId: string;
  bookingId: number | null;
  channel: string;
  recipient: string;
  template: string;
  payload: string;
  status: string;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  dedupeKey: string | null;
};

export type { Actor } from '../domain/policy';
import type { Actor } from '../domain/policy';
export type SessionUser = Actor & { username: string; displayName: string; sessionId: string };
