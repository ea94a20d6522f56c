/**
 * The JSON shapes only signed-in staff see: the admin page's snapshot, the audit log, reports,
 * the counter's ticket details and no-show list. Shared by the server and the staff pages.
 * Instants inside admin lists are epoch milliseconds where the admin page formats them itself.
 */
import type { BookingView, Priority, TicketStatus } from './types';

/** `assistant`: a kelurahan helper (pendamping) who books on citizens' behalf in its office, and nothing else. */
export type Role = 'admin' | 'supervisor' | 'counter' | 'assistant';

export type OfficeSettings = {
  name: string;
  roomCapacity: number | null;
  bookingHorizonDays: number;
  bookingCutoffMinutes: number;
  checkInEarlyMinutes: number;
  maxActiveBookingsPerNik: number;
  /** Active bookings one phone number may hold in the office, whatever their NIK. */
  maxActiveBookingsPerPhone: number;
  onePerServicePerDay: boolean;
  walkInEvery: number;
  recallLimit: number;
  /** The kiosk issues tickets from this many minutes before opening (calling starts at opening). */
  issueEarlyMinutes: number;
  /** How the lobby board speaks: 'auto' (the browser's Indonesian voice, else recorded clips), 'clips' or 'browser' (shared/voiceClips BoardVoice). */
  boardVoice: string;
  /** Fair booking's release ('HH:mm' local): each day at this time the day `releaseDaysAhead` ahead opens; null = rolling horizon. */
  releaseTime: string | null;
  releaseDaysAhead: number;
  waitingRoomMinutes: number;
  admissionMinutes: number;
};
export type OpeningHours = { weekday: number; open: string; close: string };
/** A booked slot that changed opening hours no longer hold ('HH:mm' local): kept, reported to the admin. */
export type SlotConflict = { date: string; service: string; start: string; end: string; booked: number };
/** What changing the opening hours answers: the week as stored, and the booked slots it leaves outside. */
export type OpeningHoursChange = { hours: OpeningHours[]; conflicts: SlotConflict[] };

export type ServiceFields = {
  nameId: string;
  nameEn: string;
  requirementsId: string;
  requirementsEn: string;
  bookable: boolean;
  walkIn: boolean;
  typicalMinutes: number;
  walkInQuota: number | null;
  needsBlanko: boolean;
  serviceGroup: string;
  /** Blanko kept for first prints and PRR: a service that needs blanko stops while the stock is at or below this. */
  blankoReserve: number;
};

export type TemplateSlot = { weekday: number; start: string; end: string; capacity: number };
export type DaySlot = { start: string; end: string; capacity: number };
export type OverrideDay = { service: string; date: string; slots: DaySlot[] };

export type StaffView = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  officeId: string | null;
  disabled: boolean;
  createdAt: number;
  lastSeenAt: number | null;
  /** The account's own WhatsApp number (an assistant's): it receives the messages of bookings made for citizens without a phone. */
  contactPhone: string | null;
};

export type KioskView = { id: number; name: string; createdAt: number; revokedAt: number | null };

export type ClosureKind = 'closure' | 'urgent_only';
export type ClosureView = {
  id: number;
  service: string | null;
  from: string;
  to: string | null;
  reason: string;
  action: 'cancel' | 'move';
  kind: ClosureKind;
  /** upcoming | active (covers today) | ended (its last day has passed) | withdrawn (ended before it began) */
  state: 'upcoming' | 'active' | 'ended' | 'withdrawn';
  createdAt: number;
  createdBy: string | null;
  endedAt: number | null;
};

export type UrgentOnlyState = {
  active: boolean;
  /** Services kept open (all services when the mode is off). */
  open: string[];
  closed: string[];
  from: string | null;
  reason: string | null;
};

export type OutboxSummary = {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  recentFailures: { id: number; template: string; recipient: string; attempts: number; lastError: string | null; createdAt: string }[];
  /** Where new messages go (NOTIFY_CHANNEL): 'log' writes them to the server's log only, and nobody receives them. */
  configuredChannel: 'log' | 'whatsapp';
  /** Of `sent`: only written to the server's log (the log channel), never delivered: "Dicatat (tidak dikirim)". */
  logged: number;
  /** Of `sent`: accepted by the WhatsApp endpoint: "Terkirim lewat WhatsApp". */
  sentByWhatsapp: number;
  /** The counts per channel each message was queued for (the `channel` it went, or goes, through). */
  byChannel: { channel: string; pending: number; sending: number; sent: number; failed: number }[];
};

/** Everything the admin page shows for one office, read in one go. */
export type AdminSnapshot = {
  today: string;
  /** `published`: false while the office is a draft (not listed to visitors, no visitor bookings). */
  office: Omit<OfficeSettings, 'name'> & { id: string; name: string; timezone: string; blankoStock: number; published: boolean };
  hours: OpeningHours[];
  services: (ServiceFields & { code: string; templates: TemplateSlot[] })[];
  overrides: OverrideDay[];
  counters: { id: number; name: string; status: string; services: string[] }[];
  staff: StaffView[];
  kiosks: KioskView[];
  /** `targets`: where it shows (board, booking, kiosk); `startsOn`/`endsOn`: local dates, inclusive, null = open-ended. */
  notices: { id: number; textId: string; textEn: string; active: boolean; startsOn: string | null; endsOn: string | null; targets: ('board' | 'booking' | 'kiosk')[] }[];
  contacts: { id: number; label: string; phone: string; serviceGroup: string }[];
  closures: ClosureView[];
  urgentOnly: UrgentOnlyState;
  outbox: OutboxSummary;
};

export type AuditEntry = {
  at: string;
  officeId: string | null;
  user: { id: number; username: string; displayName: string } | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
};
export type AuditQuery = { from: string; to: string; limit: number; offset: number; kind: 'all' | 'admin' | 'tickets' };

export type Figures = {
  issued: number;
  called: number;
  served: number;
  noShow: number;
  cancelledBookings: number;
  /** Urgent cases: tickets served in a service closed that day (domain/urgentCase). */
  urgent: number;
  /** Served with a surat keterangan (suket) instead of a KTP-el card: no blanko was left. */
  suket: number;
  averageWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  averageServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
};
export type ServiceRangeReport = Figures & { service: string; name: string; nameEn: string };
export type CounterRangeReport = Omit<Figures, 'issued' | 'cancelledBookings' | 'urgent' | 'suket'> & { counterId: number; counter: string };
export type HourArrivals = { hour: number; total: number; byService: Record<string, number> };
export type DayTotals = { date: string; issued: number; served: number; noShow: number; cancelledBookings: number };
export type RangeReport = {
  office: string;
  officeName: string;
  from: string;
  to: string;
  services: ServiceRangeReport[];
  total: Figures;
  counters: CounterRangeReport[];
  arrivalsPerHour: HourArrivals[];
  days: DayTotals[];
};
export type ServiceDayReport = ServiceRangeReport & { averageWaitMinutes: number | null; averageServiceMinutes: number | null };

export type StaffBookingDetails = {
  code: string;
  /** Null once the retention job erased the personal data. */
  name: string | null;
  nikMasked: string;
  phoneMasked: string;
  slot: string;
};

export type StaffTicketDetails = {
  id: string;
  number: string;
  service: string;
  serviceName: string;
  status: TicketStatus;
  source: 'walkin' | 'booking';
  priority: Priority | null;
  counter: string | null;
  recallCount: number;
  recallLimit: number;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  booking: StaffBookingDetails | null;
  /** What the visitor must bring or wear for the ticket's service (e.g. "wajib masker dan sarung tangan"), Indonesian; '' when none. */
  requirements: string;
  /** Set when staff serve it as an urgent case in a service closed today: why. */
  urgentReason: string | null;
};

export type NoShowEntry = { id: string; number: string; service: string; counter: string | null; noShowAt: string; recallCount: number };

/** The staff view of one booking: the holder's name and full phone number, for calling them back. */
export type StaffBookingView = BookingView & { name: string | null; phone: string | null; createdByUserId: number | null; erased: boolean };

/** What a calendar entry needs: the booking, where it is, and what to bring. */
export type BookingCalendar = {
  booking: BookingView;
  office: { id: string; name: string; timezone: string };
  requirements: string;
  requirementsEn: string;
};

/**
 * One booking an assistant (or any staff member) made on a citizen's behalf, as its maker's own
 * list shows it: the name they typed, the phone masked, and what a printed proof needs.
 */
export type AssistedBookingView = {
  code: string;
  service: string;
  serviceName: string;
  date: string;
  /** Instants with the office's offset. */
  start: string;
  end: string;
  status: BookingView['status'];
  /** Null once the retention job erased the personal data. */
  name: string | null;
  phoneMasked: string;
  /** The phone is the helper's own: the citizen has none. */
  contactIsHelper: boolean;
  requirements: string;
  requirementsEn: string;
  createdAt: number;
};
