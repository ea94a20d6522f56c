/**
 * The booking operations of the PostgreSQL store (see groups.ts): the public office views and
 * bookings, closures and urgent-only mode, slot plans, and the slot and retention jobs. How each
 * one locks is told in its module (bookingLocks.ts sums it up).
 */
import * as bookings from './bookings';
import { bookingCalendar, eraseExpiredPersonalData, staffBooking } from './bookingRecords';
import * as closures from './closures';
import { confirmBooking, expirePendingBookings } from './confirmations';
import { checkCodeTry } from './codeAttempts';
import type { BookingOperations } from './groups';
import type { PgStoreCtx } from './index';
import { loadOffice } from './offices';
import * as views from './officeViews';
import { setSlotCapacity } from './slotCapacity';
import { materialiseSlots } from './slotJobs';
import * as slotPlan from './slotPlan';
import { endUrgentOnly, setUrgentOnly, urgentOnlyState } from './urgentOnly';

export const bookingOperations = (ctx: PgStoreCtx): BookingOperations => {
  const channel = ctx.notifyChannel;
  return {
    listOffices: () => views.listOffices(ctx),
    officeDetail: (officeId, now) => views.officeDetail(ctx, officeId, now),
    availability: (officeId, service, from, days, now) => views.availability(ctx, officeId, service, from, days, now),
    bookPlace: (officeId, input, now, createdByUserId) =>
      bookings.bookPlace(ctx, officeId, input, now, {
        notifyChannel: channel, confirmation: ctx.confirmation, ...(createdByUserId !== undefined ? { createdByUserId } : {}),
      }),
    // Each try is counted (codeAttempts.ts) before the operation.
    getBooking: async (code, nik4, now, address) => {
      await checkCodeTry(ctx, code, nik4, now, address, channel);
      return bookings.getBooking(ctx, code, nik4, now);
    },
    confirmBooking: async (code, nik4, otp, now, address) => {
      await checkCodeTry(ctx, code, nik4, now, address, channel);
      return confirmBooking(ctx, code, nik4, otp, now, address, channel);
    },
    expirePendingBookings: (now) => expirePendingBookings(ctx, now),
    bookingCalendar: async (code, nik4, now, address) => {
      await checkCodeTry(ctx, code, nik4, now, address, channel);
      return bookingCalendar(ctx, code, nik4);
    },
    cancelBooking: async (code, nik4, now, address) => {
      await checkCodeTry(ctx, code, nik4, now, address, channel);
      return bookings.cancelBooking(ctx, code, nik4, now, channel);
    },
    rescheduleBooking: async (code, nik4, slotId, now, address) => {
      await checkCodeTry(ctx, code, nik4, now, address, channel);
      return bookings.rescheduleBooking(ctx, code, nik4, slotId, now, channel);
    },
    staffBooking: (officeId, code, actor, now) => staffBooking(ctx, officeId, code, actor, now),

    createClosure: (officeId, input, actor, now) => closures.createClosure(ctx, officeId, input, actor, now, channel),
    listClosures: (officeId, now) => closures.listClosures(ctx, officeId, now),
    endClosure: (officeId, closureId, to, actor, now) => closures.endClosure(ctx, officeId, closureId, to, actor, now, channel),
    urgentOnly: async (officeId, now) => urgentOnlyState(ctx, await loadOffice(ctx, officeId), now),
    setUrgentOnly: (officeId, input, actor, now) => setUrgentOnly(ctx, officeId, input, actor, now, channel),
    endUrgentOnly: (officeId, input, actor, now) => endUrgentOnly(ctx, officeId, input, actor, now),

    setTemplates: (officeId, code, slots, actor, now) => slotPlan.setTemplates(ctx, officeId, code, slots, actor, now),
    setOverride: (officeId, code, date, slots, actor, now) => slotPlan.setOverride(ctx, officeId, code, date, slots, actor, now),
    setSlotCapacity: (slotId, capacity, actor, now) => setSlotCapacity(ctx, slotId, capacity, actor, now),

    materialiseSlots: (now) => materialiseSlots(ctx, now),
    eraseExpiredPersonalData: (now, retentionDays) => eraseExpiredPersonalData(ctx, now, retentionDays),
  };
};
