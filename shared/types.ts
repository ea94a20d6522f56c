/** The public JSON shapes, shared by the server and the pages. Instants are ISO strings with offset. */

export type Priority = 'elderly' | 'disabled' | 'pregnant';
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
export type CounterStatus = 'open' | 'paused' | 'closed';

export type ServiceInfo = {
  code: string;
  name: string;
  nameEn: string;
  bookable: boolean;
  walkIn: boolean;
  requirements: string;
  requirementsEn: string;
  typicalMinutes: number;
  walkInQuota: number | null;
  needsBlanko: boolean;
  /** The WhatsApp contact group that answers about this service (OKI: population registration vs civil records); '' when none. */
  serviceGroup: string;
  /** Whom to ask about this service: its group's WhatsApp contact, else the office's first; null when the office has none. */
  whatsapp: { label: string; phone: string } | null;
  /** Set when the service is closed today (closure or no blanko), with the reason. */
  closedToday?: string;
};

export type Notice = { id: number; text: string; textEn: string };
export type WhatsappContact = { id: number; label: string; phone: string; serviceGroup: string };
export type Closure = { id: number; service: string | null; from: string; to: string | null; reason: string };

/** `published`: given to staff pages only (false for a draft office, which visitors do not see). */
export type OfficeSummary = { id: string; name: string; timezone: string; published?: boolean };
export type OfficeDetail = OfficeSummary & {
  services: ServiceInfo[];
  openingHours: { weekday: number; open: string; close: string }[];
  notices: Notice[];
  whatsappContacts: WhatsappContact[];
  closures: Closure[];
  roomCapacity: number | null;
  bookingHorizonDays: number;
  /** Check-in at the kiosk opens this many minutes before a booked slot begins. */
  checkInEarlyMinutes: number;
  /** False while the office is a draft: not listed to visitors and taking no visitor's booking. */
  published: boolean;
  blankoStock: number;
  /**
   * Whether the visitor receives messages (booking confirmation, reminder, changes): 'whatsapp', or
   * 'none' where the deployment only logs them (NOTIFY_CHANNEL=log); pages then promise no message.
   * Set by GET /api/offices/{officeId}; absent (an older server) reads as 'whatsapp'.
   */
  messagesBy?: MessagesBy;
};
export type MessagesBy = 'whatsapp' | 'none';

export type SlotView = {
  id: number;
  start: string;
  end: string;
  capacity: number;
  booked: number;
  remaining: number;
  bookable: boolean;
  /** Set while the slot's day is not yet released (an office with `releaseTime`): when it opens for booking. */
  opensAt?: string;
};
export type SlotDay = { date: string; closed: boolean; reason?: string; slots: SlotView[]; opensAt?: string };

/** pending: awaiting the code sent by WhatsApp (until holdUntil); expired: never confirmed, its place released. */
export type BookingStatus = 'pending' | 'booked' | 'checked_in' | 'cancelled' | 'expired';
export type BookingView = {
  code: string;
  office: string;
  service: string;
  serviceName: string;
  date: string;
  start: string;
  end: string;
  slotId: number;
  status: BookingStatus;
  statusUrl: string;
  nikMasked: string;
  phoneMasked: string;
  cancelReason?: string;
  ticketId?: string;
  /** A pending booking holds its place until this instant (ISO, the office's offset). */
  holdUntil?: string;
  /** What to bring or wear (OKI: mask and gloves), Indonesian and English; absent when the service asks nothing. */
  requirements?: string;
  requirementsEn?: string;
};

export type PublicTicket = {
  id: string;
  office: string;
  number: string;
  service: string;
  serviceName: string;
  status: TicketStatus;
  position: number | null;
  estimatedWaitMinutes: number | null;
  counter?: string;
  waitOutside: boolean;
  issuedAt: string;
  date: string;
  priority: Priority | null;
  statusUrl: string;
  /**
   * A booking's ticket: its booked session, instants with the office's offset; absent for a walk-in.
   * The kiosk shows and prints it.
   */
  slot?: { start: string; end: string };
  /** No KTP-el blank card for this visitor (stock out, or kept in reserve): a surat keterangan (suket) instead. */
  suket?: boolean;
  /** A completed ticket's satisfaction survey (SKM): open to answer, answered, or closed (past its window). Read by GET /api/tickets/{id}. */
  survey?: import('./skm').SurveyStatus;
};

export type CounterView = {
  id: number;
  name: string;
  services: string[];
  status: CounterStatus;
  current?: { id: string; number: string; service: string; status: TicketStatus };
};

/** `comeIn`: the ticket was waiting outside the room when called (the board says "silakan masuk": come in now). */
export type CallEvent = { number: string; counter: string; service: string; calledAt: string; recall: boolean; comeIn?: boolean };

export type BoardState = {
  office: { id: string; name: string; timezone: string };
  now: string;
  counters: { id: number; name: string; status: CounterStatus; current: string | null }[];
  lastCalls: CallEvent[];
  waiting: { service: string; name: string; count: number }[];
  /** Ticket numbers of waiting tickets now allowed inside while room capacity applies; null when unlimited. */
  admitted: string[] | null;
  roomCapacity: number | null;
  notices: Notice[];
  /** How the office wants its board to speak (an admin's choice; a board's `?voice=` overrides it). */
  voice?: 'auto' | 'clips' | 'browser';
};

export type ApiError = { error: { code: string; message: string; fields?: Record<string, string> } };

/** What a paired kiosk shows: each service's walk-in availability right now, and the room. */
export type KioskServiceState = ServiceInfo & {
  walkInRemaining: number | null;
  /** Tickets of this service waiting now. */
  waiting: number;
  /** Estimated wait for a walk-in ticket taken now (same rule as a ticket's estimate). */
  estimatedWaitMinutes: number;
  /** Why no walk-in ticket can be taken now; absent when one can. */
  unavailable?: { code: 'CLOSED' | 'QUOTA_EXHAUSTED' | 'SERVICE_UNAVAILABLE'; reason?: string };
  /** Tickets are being handed out before opening: calling starts at this local time ('HH:mm'). */
  callingFrom?: string;
};
export type KioskState = {
  kiosk: { id: number; name: string };
  office: OfficeSummary;
  now: string;
  services: KioskServiceState[];
  notices: Notice[];
  roomCapacity: number | null;
  /** Active tickets counted in the room now. */
  inside: number;
  /** A ticket taken now would wait outside. */
  roomFull: boolean;
  blankoStock: number;
  /** Today's opening intervals ('HH:mm' local), earliest first; none: closed today. */
  hoursToday?: { open: string; close: string }[];
  /** Absolute base for the ticket's QR (PUBLIC_BASE_URL), or null to use the kiosk page's origin. */
  publicBaseUrl: string | null;
};
