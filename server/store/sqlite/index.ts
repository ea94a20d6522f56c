/**
 * The embedded engine: `Store` on one SQLite file (WAL), through better-sqlite3 and drizzle.
 * Each operation below is one transaction of the module that names it; this file only opens
 * the database and composes them into the contract.
 */
import { waitingOutside as waitingOutsideOf } from '../daySnapshot';
import { stmt } from './prepared';
import { tellBlankoHolders } from './blankoNotices';
import type { ConfirmationPolicy } from '../../domain/confirmation';
import { confirmBooking, expirePendingBookings } from './confirmations';
import type { DateTime } from 'luxon';
import type { Store } from '../store';
import type { Actor } from '../records';
import * as bookings from './bookings';
import { bookingCalendar, eraseExpiredPersonalData, staffBooking } from './bookingRecords';
import * as closures from './closures';
import { checkCodeTry } from './codeAttempts';
import { type StoreCtx } from './connection';
import { commitEachAlone, createGroupCommit } from './groupCommit';
import { adminOperations } from './adminOperations';
import { jobOperations } from './jobs';
import { kioskState } from './kioskState';
import { openDatabase, type Synchronous } from './open';
import { claimDue, markFailed, markSent, renewLeases, retryFailed } from './outbox';
import * as views from './officeViews';
import * as queue from './queueView';
import { enqueueReminders } from './reminders';
import { challengeOperations } from './usedChallenges';
import { waitingRoomOperations } from './waitingRoom';
import { surveyOperations } from './survey';
import { assistOperations } from './assistedBookings';
import * as reports from './reports';
import * as sessions from './sessions';
import * as signIns from './signIns';
import { noShowsToday, ticketDetails, verifyHolder } from './ticketDetails';
import * as steps from './ticketSteps';
import * as tickets from './tickets';

export type SqliteStoreOptions = {
  databasePath: string;
  synchronous?: Synchronous;
  nikSecret: string;
  notifyChannel: string;
  /** The deployment's public address, for links in messages (PUBLIC_BASE_URL). */
  publicBaseUrl?: string;
  /** Apply the writes that arrive together in one transaction (one fsync); default on. */
  groupCommit?: boolean;
  /** Visitors' bookings are pending until confirmed by a code (domain/confirmation); default off. */
  confirmation?: ConfirmationPolicy | null;
};

export const createSqliteStore = (options: SqliteStoreOptions): Store => {
  const { db, sqlite } = openDatabase(options.databasePath, options.synchronous ?? 'FULL');
  const ctx: StoreCtx = { db, sqlite, nikSecret: options.nikSecret, ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}) };
  const channel = options.notifyChannel;
  const confirmation = options.confirmation ?? null;
  // The writes of the live paths (bookings, tickets, calls) share commits; admin writes run alone.
  const grouped = options.groupCommit === false ? commitEachAlone : createGroupCommit(sqlite);

  const snapshotTicket = (ticket: tickets.TicketRow, now: DateTime) => queue.publicTicket(queue.loadSnapshot(ctx, ticket.officeId, now), ticket);
  /** Where the room has a capacity: the waiting tickets outside it just before a call (a call of one is announced "silakan masuk"). */
  const waitingOutside = (counterId: number, now: DateTime): Set<string> => {
    const counter = stmt(ctx, 'SELECT office_id AS officeId FROM counters WHERE id = ?').get(counterId) as { officeId: string } | undefined;
    if (!counter) return new Set();
    return waitingOutsideOf(queue.loadSnapshot(ctx, counter.officeId, now));
  };
  const stepResult = (change: steps.TicketChange, now: DateTime) =>
    ({ ticket: snapshotTicket(change.ticket, now), event: change.event, counterId: change.counterId, at: now.toMillis() });

  return {
    // Public
    listOffices: async () => views.listOffices(ctx),
    officeDetail: async (officeId, now) => views.officeDetail(ctx, officeId, now),
    availability: async (officeId, service, from, days, now) => views.availability(ctx, officeId, service, from, days, now),
    bookPlace: async (officeId, input, now, createdByUserId) => {
      bookings.precheckBooking(ctx, officeId, input, now);
      const opts = { notifyChannel: channel, confirmation, ...(createdByUserId !== undefined ? { createdByUserId } : {}) };
      return grouped(() => bookings.takeBooking(ctx, officeId, input, now, opts));
    },
    // Each try is counted before the operation, in its own transaction (outside a group commit,
    // whose savepoint a refusal would roll back).
    getBooking: async (code, nik4, now, address) => {
      checkCodeTry(ctx, code, nik4, now, address, channel);
      return bookings.getBooking(ctx, code, nik4, now);
    },
    confirmBooking: async (code, nik4, otp, now, address) => {
      checkCodeTry(ctx, code, nik4, now, address, channel);
      return confirmBooking(ctx, code, nik4, otp, now, address, channel);
    },
    bookingCalendar: async (code, nik4, now, address) => {
      checkCodeTry(ctx, code, nik4, now, address, channel);
      return bookingCalendar(ctx, code, nik4);
    },
    cancelBooking: async (code, nik4, now, address) => {
      checkCodeTry(ctx, code, nik4, now, address, channel);
      return grouped(() => bookings.cancelBooking(ctx, code, nik4, now, channel));
    },
    rescheduleBooking: async (code, nik4, slotId, now, address) => {
      checkCodeTry(ctx, code, nik4, now, address, channel);
      return grouped(() => bookings.rescheduleBooking(ctx, code, nik4, slotId, now, channel));
    },
    publicTicket: async (ticketId, now) => {
      const ticket = queue.ticketById(ctx, ticketId);
      return ticket ? snapshotTicket(ticket, now) : undefined;
    },

    // Kiosk
    resolveKiosk: async (token) => sessions.resolveKiosk(ctx, token),
    kioskState: async (kiosk, now, publicBaseUrl) => kioskState(ctx, kiosk, now, publicBaseUrl),
    issueWalkIn: async (officeId, input, now) => snapshotTicket(await grouped(() => tickets.issueWalkIn(ctx, officeId, input, now)), now),
    checkIn: async (officeId, code, now) => snapshotTicket(await grouped(() => tickets.checkIn(ctx, officeId, code, now)), now),

    // Counter
    callNext: async (counterId, actor, now) => {
      const outside = waitingOutside(counterId, now);
      const change = await grouped(() => steps.callNext(ctx, counterId, actor, now));
      return change ? { ...stepResult(change, now), ...(outside.has(change.ticket.id) ? { comeIn: true } : {}) } : null;
    },
    stepTicket: async (ticketId, action, actor, now, options) => {
      const change = await grouped(() => steps.stepTicketAt(ctx, ticketId, action, actor, now, options));
      // A completion may have used the last blanko a service could take: its booking holders are told (blankoNotices.ts).
      if (change.event === 'completed') tellBlankoHolders(ctx, change.ticket.officeId, now, channel);
      return stepResult(change, now);
    },
    listCounters: async (officeId, now) => queue.counterViews(queue.loadSnapshot(ctx, officeId, now)),
    setCounterStatus: async (counterId, status, actor, now) => {
      const counter = steps.setCounterStatus(ctx, counterId, status, actor, now);
      const view = queue.counterViews(queue.loadSnapshot(ctx, counter.officeId, now)).find((c) => c.id === counterId)!;
      return { officeId: counter.officeId, counter: view };
    },
    ticketDetails: async (ticketId, actor, now) => ticketDetails(ctx, ticketId, actor, now),
    noShowsToday: async (officeId, now) => noShowsToday(ctx, officeId, now),
    issueUrgent: async (officeId, input, actor, now) => snapshotTicket(await grouped(() => tickets.issueUrgent(ctx, officeId, input, actor, now)), now),
    // Alone, not grouped: a refused check (TOO_MANY_ATTEMPTS) must not roll back a neighbour's savepoint, nor the audit of others.
    verifyHolder: async (ticketId, nik, actor, now) => verifyHolder(ctx, ticketId, nik, actor, now),
    staffBooking: async (officeId, code, actor, now) => staffBooking(ctx, officeId, code, actor, now),

    // Accounts
    findUserByUsername: async (username) => sessions.findUserByUsername(ctx, username),
    countUsers: async () => sessions.countUsers(ctx),
    createUser: async (user, now) => sessions.createUser(ctx, user, now),
    startSession: async (userId, now, opts) => sessions.startSession(ctx, userId, now, opts),
    signInLock: async (username, address, now) => signIns.signInLock(ctx, username, address, now),
    recordSignInFailure: async (username, address, now) => signIns.recordSignInFailure(ctx, username, address, now),
    resolveSession: async (token, now, limits, opts) => sessions.resolveSession(ctx, token, now, limits, opts),
    endSession: async (sessionId, now) => sessions.endSession(ctx, sessionId, now),
    setUserDisabled: async (userId, disabled, actor: Actor, now) => sessions.setUserDisabled(ctx, userId, disabled, actor, now),
    createKiosk: async (officeId, name, actor, now) => sessions.createKiosk(ctx, officeId, name, actor, now),

    ...adminOperations(ctx, channel),
    ...jobOperations(ctx),
    ...challengeOperations(ctx, grouped),
    ...waitingRoomOperations(ctx, grouped),
    ...surveyOperations(ctx, channel),
    ...assistOperations(ctx),

    // Closures
    createClosure: async (officeId, input, actor, now) => closures.createClosure(ctx, officeId, input, actor, now, channel),

    // Reports
    dailyReport: async (officeId, date) => reports.dailyReport(ctx, officeId, date),
    rangeReport: async (officeId, from, to) => reports.rangeReport(ctx, officeId, from, to),

    // Jobs
    claimDueNotifications: async (nowMs, limit, leaseMs) => claimDue(ctx, nowMs, limit, leaseMs),
    markNotificationSent: async (message, nowMs) => markSent(ctx, message, nowMs),
    renewNotificationLeases: async (messages, nowMs, leaseMs) => renewLeases(ctx, messages, nowMs, leaseMs),
    markNotificationFailed: async (message, nowMs, error, next) => markFailed(ctx, message, nowMs, error, next),
    retryFailedNotifications: async (officeId, actor, now) => retryFailed(ctx, officeId, actor, now),
    enqueueReminders: async (now, reminderChannel, reminderTime) => enqueueReminders(ctx, now, reminderChannel, reminderTime),
    eraseExpiredPersonalData: async (now, retentionDays) => eraseExpiredPersonalData(ctx, now, retentionDays),
    expirePendingBookings: (now) => expirePendingBookings(ctx, now),

    // Live read models
    boardState: async (officeId, now) => queue.boardState(ctx, queue.loadSnapshot(ctx, officeId, now)),
    staffState: async (officeId, now) => queue.staffState(ctx, queue.loadSnapshot(ctx, officeId, now)),
    liveViews: async (officeId, now, wanted) => queue.liveViews(ctx, queue.loadSnapshot(ctx, officeId, now), wanted),

    close: async () => {
      sqlite.close();
    },
  };
};
