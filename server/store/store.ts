/**
 * The store contract: every operation Giliran performs on its data, each one transaction inside,
 * async, taking and returning plain data. The rules themselves live in `server/domain/`: an
 * engine loads rows, asks the domain, and applies the answer atomically (capacity and ticket
 * state are compared-and-set inside the transaction). `server/store/sqlite/` is the embedded
 * engine; any other engine implements this same interface and passes `tests/contract/`.
 *
 * Operations never publish anything: the command that called them returns the `Change`.
 * Operations that act on a row found by id (a ticket, a counter, a slot, a user) check the
 * actor's office against that row with `domain/policy`; everything else is authorised by the
 * command before the store is called.
 */
import type { NoticeInput } from '../domain/notices';
import type { DateTime } from 'luxon';
import type { StaffState } from '../../shared/protocol';
import type {
  AdminSnapshot, AuditEntry, AuditQuery, BookingCalendar, ClosureView, DaySlot, KioskView, NoShowEntry, OfficeSettings, OpeningHours, OpeningHoursChange,
  RangeReport, Role, ServiceDayReport, ServiceFields, StaffBookingView, StaffTicketDetails, StaffView, TemplateSlot, UrgentOnlyState,
} from '../../shared/staffTypes';
import type {
  BoardState, BookingView, CallEvent, CounterStatus, CounterView, KioskState, OfficeDetail, OfficeSummary, Priority, PublicTicket, SlotDay,
} from '../../shared/types';
import type { TicketAction } from '../domain/ticketState';
import type {
  Actor, ClosureRecord, ContactRecord, CounterRecord, KioskRecord, NoticeRecord, NotificationRecord, OfficeRecord, ServiceRecord, SessionUser,
  SlotRecord, UserRecord,
} from './records';
import type { WaitingRoomStore } from './waitingRoomStore';
import type { SurveyStore } from './surveyStore';
import type { AssistStore } from './assistStore';

export type BookInput = {
  service: string; slotId: number; nik: string; name: string; phone: string;
  /** The admission token of a waiting-room entry (needed while that day's room is active; domain/waitingRoom). */
  admission?: string;
  /** Set by staff for an urgent case on a closed day (domain/urgentCase, commands/bookUrgent): why. */
  urgentReason?: string;
  /** Staff booking on a citizen's behalf (commands/bookPlace): the role recorded in the `booking.assisted` audit row. */
  actorRole?: Role;
  /**
   * The phone is the assisting helper's own (a citizen without a phone): it receives the messages,
   * and neither counts for nor is limited by the per-phone rule; the per-NIK rules still apply.
   */
  contactIsHelper?: boolean;
};
export type ClosureInput = { from: string; to: string | null; service?: string; reason: string; action: 'cancel' | 'move' };
export type ClosureResult = { id: number; affectedBookings: number; moved: number; cancelled: number };
export type UrgentOnlyInput = { open: string[]; reason: string; from?: string; action: 'cancel' | 'move' };
export type SessionLimits = { idleMinutes: number; absoluteHours: number };

/** What a ticket step did: the ticket's public shape afterwards, the event recorded, and the counter involved. */
export type TicketStepResult = { ticket: PublicTicket; event: string; counterId: number | null; at: number; comeIn?: boolean };

/** A call to announce, as the publisher receives it from a command. */
/** `comeIn`: the ticket waited outside the room until this call. */
export type CallToAnnounce = { ticketId: string; counterId: number; recall: boolean; at: number; comeIn?: boolean };
/** Everything the live layer sends after a change in one office, read from one snapshot; the board and the staff queue only when asked for. */
export type LiveViews = { calls: CallEvent[]; tickets: PublicTicket[]; board?: BoardState; staff?: StaffState };
/** What the live layer asks for: the calls to announce, the followed tickets, and whether anyone watches the board or the staff queue. */
export type LiveWanted = { calls: CallToAnnounce[]; tickets: string[]; board: boolean; staff: boolean };

/** A new office's whole setup, written in one transaction (the demo seed, an import). */
export type OfficeSetup = {
  office: Pick<OfficeRecord, 'id' | 'name' | 'timezone' | 'roomCapacity' | 'blankoStock'>;
  hours: OpeningHours[];
  services: (ServiceFields & { code: string; templates: TemplateSlot[] })[];
  counters: { name: string; services: string[] }[];
  notices: { textId: string; textEn: string }[];
  contacts: { label: string; phone: string; serviceGroup: string }[];
  /** Materialise this many days of slots from today. */
  slotDays: number;
};

export interface PublicStore {
  /** Every office, drafts too (`published` false while an admin sets it up). */
  listOffices(): Promise<(OfficeSummary & { published: boolean })[]>;
  officeDetail(officeId: string, now: DateTime): Promise<OfficeDetail>;
  availability(officeId: string, service: string, from: string, days: number, now: DateTime): Promise<SlotDay[]>;
  bookPlace(officeId: string, input: BookInput, now: DateTime, createdByUserId?: number): Promise<BookingView>;
  /*
   * The operations that take a booking code with the NIK's last four digits count wrong answers
   * per code (domain/codeAttempts): a locked code answers TOO_MANY_ATTEMPTS to every try; a wrong
   * answer or an unknown code is counted, audited with `address` (the caller's, never the digits)
   * and answered NOT_FOUND; the answer that locks a code tells its holder (outbox, 'code_locked').
   */
  getBooking(code: string, nik4: string, now: DateTime, address: string): Promise<BookingView>;
  bookingCalendar(code: string, nik4: string, now: DateTime, address: string): Promise<BookingCalendar>;
  cancelBooking(code: string, nik4: string, now: DateTime, address: string): Promise<BookingView>;
  rescheduleBooking(code: string, nik4: string, slotId: number, now: DateTime, address: string): Promise<BookingView>;
  /**
   * Confirms a pending booking with the code sent to its holder (domain/confirmation): booked, and
   * the "booked" message queued. A wrong code is counted like a wrong `nik4` and answered VALIDATION
   * (field `otp`); past its hold, BOOKING_EXPIRED; a booking already confirmed answers as it is.
   */
  confirmBooking(code: string, nik4: string, otp: string, now: DateTime, address: string): Promise<BookingView>;
  publicTicket(ticketId: string, now: DateTime): Promise<PublicTicket | undefined>;
  /**
   * Spends a proof-of-work solution (its challenge's signature): true the first time, false when
   * it was used already or its challenge has expired at `nowMs`. Kept until `expiresAtMs`.
   */
  useChallenge(signature: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
}

export interface KioskStore {
  resolveKiosk(token: string): Promise<KioskRecord | undefined>;
  kioskState(kiosk: { id: number; name: string; officeId: string }, now: DateTime, publicBaseUrl: string | null): Promise<KioskState>;
  issueWalkIn(officeId: string, input: { service: string; priority?: Priority | null }, now: DateTime): Promise<PublicTicket>;
  checkIn(officeId: string, code: string, now: DateTime): Promise<PublicTicket>;
}

export interface CounterStore {
  callNext(counterId: number, actor: Actor, now: DateTime): Promise<TicketStepResult | null>;
  /** `reason`: why a transfer into a service closed today is an urgent case (supervisors and admins only; domain/urgentCase). */
  stepTicket(ticketId: string, action: Exclude<TicketAction, 'call'>, actor: Actor, now: DateTime, options?: { service?: string; reason?: string }): Promise<TicketStepResult>;
  /** Staff issue a ticket for a service closed today, for an urgent case with its reason (domain/urgentCase); audited. */
  issueUrgent(officeId: string, input: { service: string; reason: string; priority?: Priority | null }, actor: Actor, now: DateTime): Promise<PublicTicket>;
  /**
   * Whether the NIK typed at the counter is the holder's of a booked ticket (domain/holderCheck):
   * compared by hash, never stored; audited without digits; refused after a few mismatches.
   */
  verifyHolder(ticketId: string, nik: string, actor: Actor, now: DateTime): Promise<{ match: boolean }>;
  listCounters(officeId: string, now: DateTime): Promise<CounterView[]>;
  setCounterStatus(counterId: number, status: CounterStatus, actor: Actor, now: DateTime): Promise<{ officeId: string; counter: CounterView }>;
  ticketDetails(ticketId: string, actor: Actor, now: DateTime): Promise<StaffTicketDetails>;
  noShowsToday(officeId: string, now: DateTime): Promise<NoShowEntry[]>;
  staffBooking(officeId: string, code: string, actor: Actor, now: DateTime): Promise<StaffBookingView>;
}

export interface AccountStore {
  findUserByUsername(username: string): Promise<UserRecord | undefined>;
  countUsers(): Promise<number>;
  createUser(user: { username: string; displayName: string; passwordHash: string; role: Role; officeId: string | null }, now: DateTime): Promise<UserRecord>;
  /**
   * Starts a fresh session and forgets the user's sign-in failures; `endOlderSessions` ends the
   * sessions the user already had (the SINGLE_SESSION setting); `address` goes into the audit.
   */
  startSession(userId: number, now: DateTime, options?: { endOlderSessions?: boolean; address?: string }): Promise<string>;
  /** When the sign-in name is locked (domain/signInThrottle): the instant it ends, after auditing the refused try; otherwise null. */
  signInLock(username: string, address: string, now: DateTime): Promise<number | null>;
  /** Counts and audits a failed sign-in for the name (known or not); returns when it is now locked, or null. */
  recordSignInFailure(username: string, address: string, now: DateTime): Promise<number | null>;
  /** The signed-in user behind a cookie token; `touch: false` checks without counting as activity. */
  resolveSession(token: string, now: DateTime, limits: SessionLimits, options?: { touch?: boolean }): Promise<SessionUser | undefined>;
  endSession(sessionId: string, now: DateTime): Promise<void>;
  setUserDisabled(userId: number, disabled: boolean, actor: Actor, now: DateTime): Promise<void>;
  listStaff(officeId: string, actor: Actor): Promise<StaffView[]>;
  /** `contactPhone`: the account's own WhatsApp number (normalised by domain/staffAccounts), for an assistant. */
  createStaff(officeId: string | null, input: { username: string; displayName: string; role: Role; contactPhone?: string | null }, passwordHash: string, actor: Actor, now: DateTime): Promise<StaffView>;
  updateStaff(officeId: string, userId: number, patch: { displayName?: string; role?: Role; disabled?: boolean; contactPhone?: string | null }, actor: Actor, now: DateTime): Promise<StaffView>;
  resetPassword(officeId: string, userId: number, passwordHash: string, actor: Actor, now: DateTime): Promise<StaffView>;
  changeOwnPassword(actor: Actor, passwordHash: string, keepSessionId: string, now: DateTime): Promise<void>;
  createKiosk(officeId: string, name: string, actor: Actor | null, now: DateTime): Promise<{ id: number; name: string; officeId: string; token: string }>;
  listKiosks(officeId: string): Promise<KioskView[]>;
  revokeKiosk(officeId: string, kioskId: number, actor: Actor, now: DateTime): Promise<KioskView>;
}

export interface AdminStore {
  adminSnapshot(officeId: string, actor: Actor, now: DateTime): Promise<AdminSnapshot>;
  countOffices(): Promise<number>;
  createOffice(input: { id: string; name: string; timezone: string }, actor: Actor, now: DateTime): Promise<OfficeRecord>;
  setUpOffice(setup: OfficeSetup, now: DateTime): Promise<void>;
  updateOffice(officeId: string, patch: Partial<OfficeSettings>, actor: Actor, now: DateTime): Promise<OfficeRecord>;
  /** Publishes the office to visitors (domain/publishing: it needs a service and opening hours) or takes it back to a draft. */
  setOfficePublished(officeId: string, published: boolean, actor: Actor, now: DateTime): Promise<OfficeRecord>;
  /** Replaces the week's opening intervals; future slots follow, booked ones outside them are answered as conflicts. */
  setOpeningHours(officeId: string, hours: OpeningHours[], actor: Actor, now: DateTime): Promise<OpeningHoursChange>;
  changeBlanko(officeId: string, change: { set: number } | { add: number }, actor: Actor, now: DateTime): Promise<number>;
  createService(officeId: string, input: ServiceFields & { code: string }, actor: Actor, now: DateTime): Promise<ServiceRecord>;
  updateService(officeId: string, code: string, patch: Partial<ServiceFields> & { code?: string }, actor: Actor, now: DateTime): Promise<ServiceRecord>;
  reorderServices(officeId: string, codes: string[], actor: Actor, now: DateTime): Promise<void>;
  retireService(officeId: string, code: string, actor: Actor, now: DateTime): Promise<void>;
  setTemplates(officeId: string, code: string, slots: TemplateSlot[], actor: Actor, now: DateTime): Promise<TemplateSlot[]>;
  setOverride(officeId: string, code: string, date: string, slots: DaySlot[] | null, actor: Actor, now: DateTime): Promise<DaySlot[] | null>;
  setSlotCapacity(slotId: number, capacity: number, actor: Actor, now: DateTime): Promise<SlotRecord>;
  createCounter(officeId: string, input: { name: string; services: string[] }, actor: Actor, now: DateTime): Promise<Omit<CounterRecord, 'serviceIds'>>;
  updateCounter(officeId: string, counterId: number, patch: { name?: string; services?: string[] }, actor: Actor, now: DateTime): Promise<Omit<CounterRecord, 'serviceIds'>>;
  deleteCounter(officeId: string, counterId: number, actor: Actor, now: DateTime): Promise<void>;
  /** A notice, scheduled (startsOn/endsOn) and targeted (domain/notices checkNotice decides what is refused). */
  createNotice(officeId: string, input: NoticeInput, actor: Actor, now: DateTime): Promise<NoticeRecord>;
  updateNotice(officeId: string, id: number, patch: Partial<NoticeInput>, actor: Actor, now: DateTime): Promise<NoticeRecord>;
  deleteNotice(officeId: string, id: number, actor: Actor, now: DateTime): Promise<void>;
  createContact(officeId: string, input: { label: string; phone: string; serviceGroup: string }, actor: Actor, now: DateTime): Promise<ContactRecord>;
  updateContact(officeId: string, id: number, patch: Partial<{ label: string; phone: string; serviceGroup: string }>, actor: Actor, now: DateTime): Promise<ContactRecord>;
  deleteContact(officeId: string, id: number, actor: Actor, now: DateTime): Promise<void>;
}

export interface ClosureStore {
  createClosure(officeId: string, input: ClosureInput, actor: Actor, now: DateTime): Promise<ClosureResult>;
  listClosures(officeId: string, now: DateTime): Promise<ClosureView[]>;
  endClosure(officeId: string, closureId: number, to: string, actor: Actor, now: DateTime): Promise<ClosureRecord>;
  urgentOnly(officeId: string, now: DateTime): Promise<UrgentOnlyState>;
  setUrgentOnly(officeId: string, input: UrgentOnlyInput, actor: Actor, now: DateTime): Promise<UrgentOnlyState>;
  endUrgentOnly(officeId: string, input: { from?: string }, actor: Actor, now: DateTime): Promise<UrgentOnlyState>;
}

export interface ReportStore {
  dailyReport(officeId: string, date: string): Promise<ServiceDayReport[]>;
  rangeReport(officeId: string, from: string, to: string): Promise<RangeReport>;
  readAudit(officeId: string, query: AuditQuery): Promise<{ entries: AuditEntry[]; more: boolean }>;
}

/** The notification outbox and the jobs that keep personal data short-lived. */
export interface JobStore {
  /** Claims up to `limit` due messages for one sender, with a lease (at-least-once delivery across processes). */
  claimDueNotifications(nowMs: number, limit: number, leaseMs: number): Promise<NotificationRecord[]>;
  /** Fenced by the attempt number: false when another sender took the message over. */
  markNotificationSent(message: NotificationRecord, nowMs: number): Promise<boolean>;
  /** A live sender's heartbeat: extends the lease of the messages it still holds (fenced by attempt number); returns the ids it still holds. */
  renewNotificationLeases(messages: Pick<NotificationRecord, 'id' | 'attempts'>[], nowMs: number, leaseMs: number): Promise<number[]>;
  markNotificationFailed(message: NotificationRecord, nowMs: number, error: string, next: { status: 'pending' | 'failed'; retryAt: number }): Promise<void>;
  retryFailedNotifications(officeId: string, actor: Actor, now: DateTime): Promise<number>;
  /** Queues the reminders now due in every office; returns how many were added (idempotent). */
  enqueueReminders(now: DateTime, channel: string, reminderTime: string): Promise<number>;
  /**
   * Erases name, phone and NIK of bookings older than `retentionDays` in their office's calendar,
   * in short transactions of a bounded number of bookings, yielding between them. Also forgets the
   * counts of wrong `nik4` tries that no longer matter (window passed, lock ended).
   */
  eraseExpiredPersonalData(now: DateTime, retentionDays: number): Promise<{ erased: number }>;
  /**
   * Keeps the report figures of every day before today (each office's calendar) that has none,
   * a few days per short transaction, yielding between them; returns how many days it made.
   * `rangeReport` reads them instead of every ticket of the range.
   */
  fillReportDays(now: DateTime): Promise<number>;
  /**
   * Makes the missing slot rows of every office's bookable days (today to the end of its booking
   * horizon), one office per short transaction, taking no write lock when none is missing;
   * returns how many it made. `availability` then only reads.
   */
  materialiseSlots(now: DateTime): Promise<number>;
  /** Expires the pending bookings whose hold ended before `now` and gives their places back, in short batches; returns how many. */
  expirePendingBookings(now: DateTime): Promise<number>;
  /** Forgets the used challenges that expired before `nowMs`, in short batches, yielding between them; returns how many. */
  forgetUsedChallenges(nowMs: number, batch?: number): Promise<number>;
}

/** Read models for the live layer, built from one snapshot of the office's day. */
export interface LiveStore {
  boardState(officeId: string, now: DateTime): Promise<BoardState>;
  staffState(officeId: string, now: DateTime): Promise<StaffState>;
  liveViews(officeId: string, now: DateTime, wanted: LiveWanted): Promise<LiveViews>;
}

export interface Store extends PublicStore, KioskStore, CounterStore, AccountStore, AdminStore, ClosureStore, ReportStore, JobStore, LiveStore, WaitingRoomStore, SurveyStore, AssistStore {
  close(): Promise<void>;
}
