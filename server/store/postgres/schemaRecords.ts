/** What the system records as it runs: the notification outbox, the audit log, stored report days, live versions. */
import { bigint, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** Notification outbox: written in the same transaction as the change it reports. */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    officeId: text('office_id').notNull(),
    bookingId: integer('booking_id'),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    payload: text('payload').notNull(),
    /** pending | sending (claimed by a sender until lease_until) | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
    /** A claimed message belongs to its sender until this instant; after that (a crashed sender) it is retried. */
    leaseUntil: bigint('lease_until', { mode: 'number' }),
    /** Makes a scheduled message (e.g. one reminder per booking and date) enqueue at most once. */
    dedupeKey: text('dedupe_key'),
    lastError: text('last_error'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    sentAt: bigint('sent_at', { mode: 'number' }),
  },
  (t) => [
    index('notifications_due').on(t.status, t.nextAttemptAt),
    uniqueIndex('notifications_dedupe').on(t.dedupeKey),
    index('notifications_office').on(t.officeId, t.status),
    index('notifications_booking').on(t.bookingId),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    officeId: text('office_id'),
    userId: integer('user_id'),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail').notNull().default('{}'),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('audit_office_at').on(t.officeId, t.at)],
);

/**
 * The figures of one office's day (domain/rangeReport `DayFigures`, as JSON), computed once from
 * that day's tickets, steps and cancelled bookings so that a report over a year reads a row per
 * day instead of every ticket. Derived data: a row is deleted by triggers (migration
 * 0003_live_triggers) whenever anything it was computed from changes, and made again by the
 * report job or the next report that needs it.
 */
export const reportDays = pgTable(
  'report_days',
  {
    officeId: text('office_id').notNull(),
    date: text('date').notNull(),
    /** The office's zone the arrival hours were counted in; a row of another zone is made again. */
    timezone: text('timezone').notNull(),
    /** The shape of `figures` (reports.ts FIGURES_FORMAT); a row of another shape is made again. */
    format: integer('format').notNull(),
    figures: text('figures').notNull(),
    computedAt: bigint('computed_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.date] })],
);

/**
 * A number per office that moves whenever a row the live views are built from changes (its
 * tickets, counters and their services, services, the office itself): the day snapshot of
 * queueView is reused while it stands still. Kept by triggers (migration 0003_live_triggers), so writes from
 * any connection or process count, and a write in one office leaves the others' snapshots alone.
 */
export const officeVersions = pgTable('office_versions', {
  officeId: text('office_id').primaryKey(),
  version: integer('version').notNull().default(0),
});

/**
 * PostgreSQL only: the last ticket sequence given per numbering service per office-local day.
 * A number is taken by `INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last`, a
 * row lock that makes concurrent issuers in any process queue for the next number, never max()+1.
 */
export const ticketSequences = pgTable(
  'ticket_sequences',
  {
    officeId: text('office_id').notNull(),
    date: text('date').notNull(),
    serviceId: integer('service_id').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.date, t.serviceId] })],
);

/**
 * Wrong `nik4` answers per booking code (fair booking): after too many within the window the code
 * is locked for every `nik4` try, from any address, until `locked_until`. The digits are never stored.
 */
export const codeAttempts = pgTable('code_attempts', {
  code: text('code').primaryKey(),
  failures: integer('failures').notNull(),
  /** When the first wrong answer of the current window came. */
  windowStartedAt: bigint('window_started_at', { mode: 'number' }).notNull(),
  lockedUntil: bigint('locked_until', { mode: 'number' }),
});

/** Proof-of-work solutions already used (single use), kept until their challenge expires. */
export const usedChallenges = pgTable(
  'used_challenges',
  {
    /** The challenge's signature: one solution per challenge. */
    signature: text('signature').primaryKey(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('used_challenges_expires').on(t.expiresAt)],
);

/**
 * A release of a day's places (fair booking, API.md "Release and waiting room"): one row per office
 * and released day, made when its waiting room first opens. `seed` is the cryptographic seed of
 * the draw made at `releaseAt` (shown to admins afterwards so the order can be checked).
 */
export const releases = pgTable(
  'releases',
  {
    officeId: text('office_id').notNull(),
    /** The day whose places it opens (office-local 'YYYY-MM-DD'). */
    date: text('date').notNull(),
    opensAt: bigint('opens_at', { mode: 'number' }).notNull(),
    releaseAt: bigint('release_at', { mode: 'number' }).notNull(),
    seed: text('seed'),
    drawnAt: bigint('drawn_at', { mode: 'number' }),
    /** How many entries joined before the release (the drawn ones). */
    drawnEntries: integer('drawn_entries').notNull().default(0),
    /** Arrival counter: the next entry's arrival number. */
    arrivals: integer('arrivals').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.date] })],
);

/** One visitor's place in a release's waiting room. The bearer token is stored as a hash. */
export const waitingRoomEntries = pgTable(
  'waiting_room_entries',
  {
    id: text('id').primaryKey(),
    officeId: text('office_id').notNull(),
    date: text('date').notNull(),
    tokenHash: text('token_hash').notNull(),
    joinedAt: bigint('joined_at', { mode: 'number' }).notNull(),
    /** 1, 2, 3… in the order entries joined. */
    arrival: integer('arrival').notNull(),
    /** Place in the release's order (1 = first): drawn at the release for early joiners, arrival order after; null before the draw. */
    position: integer('position'),
    /** waiting | admitted | used | expired */
    status: text('status').notNull().default('waiting'),
    admittedAt: bigint('admitted_at', { mode: 'number' }),
    admittedUntil: bigint('admitted_until', { mode: 'number' }),
    usedAt: bigint('used_at', { mode: 'number' }),
    bookingId: integer('booking_id'),
  },
  (t) => [
    uniqueIndex('waiting_room_arrival').on(t.officeId, t.date, t.arrival),
    index('waiting_room_position').on(t.officeId, t.date, t.status, t.position),
  ],
);

/**
 * Satisfaction survey answers (SKM, PermenPANRB 14/2017): one per completed ticket, anonymous (no
 * name, NIK or phone; the ticket id only keeps it single), nine elements scored 1–4.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    ticketId: text('ticket_id').primaryKey(),
    officeId: text('office_id').notNull(),
    serviceId: integer('service_id').notNull(),
    /** The ticket's local day (the report's period). */
    date: text('date').notNull(),
    answeredAt: bigint('answered_at', { mode: 'number' }).notNull(),
    u1: integer('u1').notNull(),
    u2: integer('u2').notNull(),
    u3: integer('u3').notNull(),
    u4: integer('u4').notNull(),
    u5: integer('u5').notNull(),
    u6: integer('u6').notNull(),
    u7: integer('u7').notNull(),
    u8: integer('u8').notNull(),
    u9: integer('u9').notNull(),
    /** Free text suggestion (optional, short). */
    comment: text('comment').notNull().default(''),
  },
  (t) => [index('survey_responses_office_date').on(t.officeId, t.date, t.serviceId)],
);
