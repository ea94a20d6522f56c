/**
 * The `Store` contract split into the four groups of operations the PostgreSQL engine builds in
 * its own modules (index.ts composes them). The split follows the SQLite engine's modules.
 */
import type { Store } from '../store';

export type BookingOperations = Pick<
  Store,
  | 'listOffices' | 'officeDetail' | 'availability' | 'bookPlace' | 'getBooking' | 'bookingCalendar' | 'cancelBooking' | 'rescheduleBooking'
  | 'confirmBooking' | 'expirePendingBookings'
  | 'staffBooking' | 'createClosure' | 'listClosures' | 'endClosure' | 'urgentOnly' | 'setUrgentOnly' | 'endUrgentOnly' | 'setTemplates'
  | 'setOverride' | 'setSlotCapacity' | 'materialiseSlots' | 'eraseExpiredPersonalData'
>;

export type QueueOperations = Pick<
  Store,
  | 'publicTicket' | 'kioskState' | 'issueWalkIn' | 'checkIn' | 'callNext' | 'stepTicket' | 'listCounters' | 'setCounterStatus' | 'ticketDetails'
  | 'noShowsToday' | 'boardState' | 'staffState' | 'liveViews' | 'issueUrgent' | 'verifyHolder'
>;

export type AccountOperations = Pick<
  Store,
  | 'findUserByUsername' | 'countUsers' | 'createUser' | 'startSession' | 'signInLock' | 'recordSignInFailure' | 'resolveSession' | 'endSession'
  | 'setUserDisabled' | 'listStaff' | 'createStaff' | 'updateStaff' | 'resetPassword' | 'changeOwnPassword' | 'createKiosk' | 'listKiosks'
  | 'revokeKiosk' | 'resolveKiosk' | 'adminSnapshot' | 'countOffices' | 'createOffice' | 'setUpOffice' | 'updateOffice' | 'setOfficePublished' | 'setOpeningHours'
  | 'changeBlanko' | 'createService' | 'updateService' | 'reorderServices' | 'retireService' | 'createCounter' | 'updateCounter'
  | 'deleteCounter' | 'createNotice' | 'updateNotice' | 'deleteNotice' | 'createContact' | 'updateContact' | 'deleteContact' | 'readAudit'
>;

export type ReportOperations = Pick<
  Store,
  | 'dailyReport' | 'rangeReport' | 'fillReportDays' | 'claimDueNotifications' | 'markNotificationSent' | 'renewNotificationLeases'
  | 'markNotificationFailed' | 'retryFailedNotifications' | 'enqueueReminders'
  | 'surveyStatus' | 'answerSurvey' | 'surveyTotals'
>;

