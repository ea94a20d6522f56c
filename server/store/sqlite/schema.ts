/**
 * The Giliran schema. Every row names its office. Instants are epoch milliseconds
 * (UTC); local dates are 'YYYY-MM-DD' strings in the office's calendar; local
 * times of day are 'HH:mm'.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const offices = sqliteTable(
  'offices',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
    /** How many visitors may wait inside at once; null = no limit. */
    roomCapacity: integer('room_capacity'),
    bookingHorizonDays: integer('booking_horizon_days').notNull().default(14),
    bookingCutoffMinutes: integer('booking_cutoff_minutes').notNull().default(30),
    /** Check-in opens this many minutes before the slot begins. */
    checkInEarlyMinutes: integer('check_in_early_minutes').notNull().default(30),
    maxActiveBookingsPerNik: integer('max_active_bookings_per_nik').notNull().default(3),
    /** Active bookings one phone number may hold in this office (fair booking: one phone, many made-up NIKs). */
    maxActiveBookingsPerPhone: integer('max_active_bookings_per_phone').notNull().default(2),
    onePerServicePerDay: integer('one_per_service_per_day', { mode: 'boolean' }).notNull().default(true),
    walkInEvery: integer('walk_in_every').notNull().default(3),
    recallLimit: integer('recall_limit').notNull().default(3),
    /** KTP-el blank cards in stock; completing a service that needs one uses one. */
    blankoStock: integer('blanko_stock').notNull().default(0),
    /** The kiosk issues tickets from this many minutes before the day's opening (people queue early; calling starts at opening). */
    issueEarlyMinutes: integer('issue_early_minutes').notNull().default(0),
    /** How the lobby board speaks: auto (the browser's Indonesian voice, else recorded clips), clips, or browser. */
    boardVoice: text('board_voice').notNull().default('auto'),
    /**
     * Fair booking's release (API.md "Release and waiting room"): each day at this local time ('HH:mm')
     * the day `releaseDaysAhead` ahead opens for booking; null = a rolling horizon.
     */
    releaseTime: text('release_time'),
    releaseDaysAhead: integer('release_days_ahead').notNull().default(7),
    /** The waiting room opens this many minutes before a release. */
    waitingRoomMinutes: integer('waiting_room_minutes').notNull().default(15),
    /** An admitted waiting-room entry has this long to book. */
    admissionMinutes: integer('admission_minutes').notNull().default(10),
    createdAt: integer('created_at').notNull(),
    /** When an admin published the office to visitors; null: a draft (not listed, not bookable) while it is being set up. */
    publishedAt: integer('published_at'),
  },
  // The list of offices, by name (the booking page, every live handshake), without a sort.
  (t) => [index('offices_name').on(t.name)],
);

export const openingHours = sqliteTable(
  'opening_hours',
  {
    officeId: text('office_id').notNull().references(() => offices.id),
    weekday: integer('weekday').notNull(),
    open: text('open').notNull(),
    close: text('close').notNull(),
  },
  // Several intervals a day (a lunch break, Friday prayer): one row per interval, keyed by its opening.
  (t) => [primaryKey({ columns: [t.officeId, t.weekday, t.open] })],
);

export const services = sqliteTable(
  'services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull().references(() => offices.id),
    code: text('code').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    requirementsId: text('requirements_id').notNull().default(''),
    requirementsEn: text('requirements_en').notNull().default(''),
    bookable: integer('bookable', { mode: 'boolean' }).notNull().default(true),
    walkIn: integer('walk_in', { mode: 'boolean' }).notNull().default(true),
    typicalMinutes: integer('typical_minutes').notNull().default(10),
    /** Walk-in tickets this service may issue per local day; null = no limit. */
    walkInQuota: integer('walk_in_quota'),
    needsBlanko: integer('needs_blanko', { mode: 'boolean' }).notNull().default(false),
    /** Which WhatsApp contact group answers questions about this service (e.g. "Pencatatan Sipil"); free text. */
    serviceGroup: text('service_group').notNull().default(''),
    /** Blanko kept for first prints and PRR: the service stops taking people while the stock is at or below this. */
    blankoReserve: integer('blanko_reserve').notNull().default(0),
    position: integer('position').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('services_office_code').on(t.officeId, t.code),
    // The office's services in its order, read by every live view without a sort.
    index('services_office_position').on(t.officeId, t.position, t.code),
  ],
);

export const slotTemplates = sqliteTable(
  'slot_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull().references(() => offices.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    weekday: integer('weekday').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [index('slot_templates_service').on(t.serviceId, t.weekday)],
);

export const slotOverrides = sqliteTable(
  'slot_overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull().references(() => offices.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    date: text('date').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [index('slot_overrides_service_date').on(t.serviceId, t.date)],
);

export const slots = sqliteTable(
  'slots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull().references(() => offices.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    date: text('date').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    capacity: integer('capacity').notNull(),
    /** Active bookings in this slot, kept in the same transaction as every booking change. */
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    uniqueIndex('slots_service_date_start').on(t.serviceId, t.date, t.start),
    index('slots_office_date').on(t.officeId, t.date),
  ],
);

export const bookings = sqliteTable(
  'bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull().references(() => offices.id),
    code: text('code').notNull(),
    serviceId: integer('service_id').notNull().references(() => services.id),
    slotId: integer('slot_id').notNull().references(() => slots.id),
    date: text('date').notNull(),
    /** HMAC-SHA256 of the NIK under the server's secret: the NIK is never stored in plain text. */
    nikHash: text('nik_hash'),
    nikLast4: text('nik_last4'),
    name: text('name'),
    phone: text('phone'),
    /** pending (awaiting its WhatsApp code) | booked | checked_in | cancelled | expired (never confirmed) */
    status: text('status').notNull(),
    /** A pending booking holds its place until this instant; then it expires and the place returns. */
    holdUntil: integer('hold_until'),
    /** HMAC of the confirmation code sent by WhatsApp (never the code itself). */
    otpHash: text('otp_hash'),
    confirmedAt: integer('confirmed_at'),
    /** Set when staff booked a closed or urgent-only service for an urgent case: why. */
    urgentReason: text('urgent_reason'),
    /** The phone is the assisting helper's (a citizen without a phone): it receives the messages and is not the holder's for the per-phone rule. */
    contactIsHelper: integer('contact_is_helper', { mode: 'boolean' }).notNull().default(false),
    cancelReason: text('cancel_reason'),
    createdAt: integer('created_at').notNull(),
    cancelledAt: integer('cancelled_at'),
    checkedInAt: integer('checked_in_at'),
    /** Staff member who booked on a citizen's behalf (assisted booking). */
    createdByUserId: integer('created_by_user_id'),
    /** When the retention job erased the personal data; the row stays for counts. */
    erasedAt: integer('erased_at'),
  },
  (t) => [
    uniqueIndex('bookings_code').on(t.code),
    index('bookings_nik').on(t.officeId, t.nikHash, t.status),
    // One phone's active bookings (fair booking: maxActiveBookingsPerPhone).
    index('bookings_phone').on(t.officeId, t.phone, t.status),
    index('bookings_slot').on(t.slotId, t.status),
    // A day's bookings: the staff queue's slot times, reminders, the cancelled bookings of a report.
    index('bookings_office_date').on(t.officeId, t.date, t.status),
    // Bookings whose personal data the retention job has still to erase (erased ones leave the index).
    index('bookings_unerased').on(t.officeId, t.date).where(sql`${t.erasedAt} IS NULL`),
    // Pending bookings by the end of their hold (the expiry job); confirmed ones leave the index.
    index('bookings_pending').on(t.holdUntil).where(sql`${t.status} = 'pending'`),
  ],
);

export const tickets = sqliteTable(
  'tickets',
  {
    /** Unguessable public id (the /t/{id} status page). */
    id: text('id').primaryKey(),
    officeId: text('office_id').notNull().references(() => offices.id),
    date: text('date').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    /** The service whose sequence numbered it. */
    issuedServiceId: integer('issued_service_id').notNull().references(() => services.id),
    /** The service it waits for now (differs after a transfer). */
    serviceId: integer('service_id').notNull().references(() => services.id),
    source: text('source').notNull(),
    bookingId: integer('booking_id').references(() => bookings.id),
    slotStartAt: integer('slot_start_at'),
    priority: text('priority'),
    status: text('status').notNull(),
    counterId: integer('counter_id'),
    recallCount: integer('recall_count').notNull().default(0),
    issuedAt: integer('issued_at').notNull(),
    queuedAt: integer('queued_at').notNull(),
    calledAt: integer('called_at'),
    lastCalledAt: integer('last_called_at'),
    startedAt: integer('started_at'),
    completedAt: integer('completed_at'),
    noShowAt: integer('no_show_at'),
    /** True when the service could not be given in full (e.g. a suket instead of a KTP-el card). */
    /** Set when staff issued or transferred it into a closed or urgent-only service for an urgent case: why. */
    urgentReason: text('urgent_reason'),
    suket: integer('suket', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // Backstop: one number per service prefix per office-local day.
    uniqueIndex('tickets_office_date_number').on(t.officeId, t.date, t.number),
    uniqueIndex('tickets_office_date_service_seq').on(t.officeId, t.date, t.issuedServiceId, t.sequence),
    index('tickets_office_date_status').on(t.officeId, t.date, t.status),
    // The day's tickets in issue order (every live view), without a sort.
    index('tickets_office_date_issued').on(t.officeId, t.date, t.issuedAt),
    // The last completions of a service (the wait estimate's moving average): ten index entries, whatever the history.
    index('tickets_done_recent').on(t.officeId, t.serviceId, t.completedAt).where(sql`${t.status} = 'done' AND ${t.startedAt} IS NOT NULL`),
    index('tickets_booking').on(t.bookingId),
  ],
);

/** Every step of a ticket's life with its instant: issued, called, each recall, started, completed, no-show… */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull(),
    ticketId: text('ticket_id').notNull().references(() => tickets.id),
    type: text('type').notNull(),
    at: integer('at').notNull(),
    counterId: integer('counter_id'),
    userId: integer('user_id'),
    serviceId: integer('service_id'),
  },
  (t) => [index('ticket_events_ticket').on(t.ticketId), index('ticket_events_office_at').on(t.officeId, t.at)],
);

export const counters = sqliteTable(
  'counters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull().references(() => offices.id),
    name: text('name').notNull(),
    /** open | paused | closed */
    status: text('status').notNull().default('open'),
    currentTicketId: text('current_ticket_id'),
    /** Booking calls in a row since the last walk-in call (the anti-starvation ratio). */
    bookingStreak: integer('booking_streak').notNull().default(0),
  },
  (t) => [
    uniqueIndex('counters_office_name').on(t.officeId, t.name),
    // The office's counters in id order (every live view), without a sort.
    index('counters_office').on(t.officeId),
  ],
);

export const counterServices = sqliteTable(
  'counter_services',
  {
    counterId: integer('counter_id').notNull().references(() => counters.id),
    serviceId: integer('service_id').notNull().references(() => services.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceId] })],
);

export const closures = sqliteTable(
  'closures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull().references(() => offices.id),
    serviceId: integer('service_id').references(() => services.id),
    fromDate: text('from_date').notNull(),
    /** Null: "until further notice", ended later by an admin. */
    toDate: text('to_date'),
    reason: text('reason').notNull(),
    /** cancel | move */
    action: text('action').notNull().default('cancel'),
    /** closure (one closure an admin made) | urgent_only (made by urgent-only mode for each service kept shut) */
    kind: text('kind').notNull().default('closure'),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
    /** When an admin ended an open-ended closure (set its last day), and who. */
    endedAt: integer('ended_at'),
    endedBy: integer('ended_by'),
    /** When the holders of the bookings it cancelled were told the office is open again (once). */
    reopenNotifiedAt: integer('reopen_notified_at'),
  },
  (t) => [index('closures_office').on(t.officeId, t.fromDate)],
);

export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeId: text('office_id').notNull().references(() => offices.id),
    textId: text('text_id').notNull(),
    textEn: text('text_en').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Shown from this local date (inclusive); null = from now. */
    startsOn: text('starts_on'),
    /** Shown until this local date (inclusive); null = until switched off. */
    endsOn: text('ends_on'),
    /** Where it is shown: a comma list of board, booking, kiosk. */
    targets: text('targets').notNull().default('board,booking,kiosk'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('notices_office').on(t.officeId, t.active)],
);

export const whatsappContacts = sqliteTable('whatsapp_contacts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  officeId: text('office_id').notNull().references(() => offices.id),
  label: text('label').notNull(),
  phone: text('phone').notNull(),
  /** e.g. "Pendaftaran Penduduk" or "Pencatatan Sipil"; free text. */
  serviceGroup: text('service_group').notNull().default(''),
});

// Staff accounts and devices, and what the system records as it runs, each in its own file.
export * from './schemaAccounts';
export * from './schemaRecords';
