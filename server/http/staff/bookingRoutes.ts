/** Staff and bookings: booking on a citizen's behalf (assisted, audited) and reading a holder's booking (audited). */
import { Router } from 'express';
import { z } from 'zod';
import * as commands from '../../commands';
import { requireAnyStaff, requireStaff, staffOf } from '../auth';
import { perform, type Deps } from '../deps';
import { route } from '../route';
import * as s from '../schemas';

const staffBookingView = s.bookingView.extend({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  createdByUserId: z.number().nullable(),
  erased: z.boolean(),
});

/**
 * An assisted booking: the citizen's phone, or `noPhone: true` for a citizen without one (the
 * helper's own WhatsApp number, set on its account, then receives the messages; any `phone` is ignored).
 */
const assistedBookingBody = s.bookingBody.extend({ phone: z.string().max(32).optional(), noPhone: z.boolean().optional() });

/** One of the caller's own assisted bookings: the name they typed, the phone masked, what a printed proof needs. */
const assistedBookingView = z.object({
  code: z.string(), service: z.string(), serviceName: z.string(), date: z.string(), start: z.string(), end: z.string(),
  status: z.enum(['pending', 'booked', 'checked_in', 'cancelled', 'expired']), name: z.string().nullable(), phoneMasked: z.string(),
  contactIsHelper: z.boolean(), requirements: z.string(), requirementsEn: z.string(), createdAt: z.number(),
});

export const staffBookingRoutes = (deps: Deps): Router => {
  const router = Router();
  const reads = commands.staffReads(deps);
  const staff = requireStaff(deps);
  // Assisted booking is the one thing a kelurahan assistant may do (the command authorises `assist`).
  const helper = requireAnyStaff(deps);

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/assisted-bookings', tag: 'staff', auth: 'session', params: s.officeParams, body: assistedBookingBody, response: s.bookingView, responseStatus: 201,
      summary: "Book on a citizen's behalf (staff, or a kelurahan assistant of the office); `noPhone: true` books a citizen without a phone with the helper's own number; recorded in the audit log with the role",
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'SLOT_FULL', 'DUPLICATE_BOOKING', 'BOOKING_LIMIT', 'CLOSED'],
    },
    ({ params, body }, _req, res) => perform(deps, commands.bookOnBehalf(deps, staffOf(res), params.officeId, body)),
    helper,
  );

  route(
    router,
    {
      method: 'get', path: '/offices/{officeId}/assisted-bookings', tag: 'staff', auth: 'session', params: s.officeParams, response: z.array(assistedBookingView),
      summary: 'Your own assisted bookings in the office (from 30 days ago on, newest first, at most 100): never anybody else\'s',
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
    },
    ({ params }, _req, res) => commands.ownAssistedBookings(deps, staffOf(res), params.officeId),
    helper,
  );

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/urgent-bookings', tag: 'staff', auth: 'session', params: s.officeParams, body: s.bookingBody.extend({ reason: z.string().max(1000) }),
      response: s.bookingView, responseStatus: 201,
      summary: 'Book a place for an urgent case on a day its service is closed (closure or urgent-only mode): supervisor or admin, with a reason; audited, and its ticket is flagged urgent',
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'SLOT_FULL', 'DUPLICATE_BOOKING', 'BOOKING_LIMIT', 'SLOT_NOT_BOOKABLE'],
    },
    ({ params, body }, _req, res) => perform(deps, commands.bookUrgent(deps, staffOf(res), params.officeId, body)),
    staff,
  );

  route(
    router,
    {
      method: 'get', path: '/offices/{officeId}/bookings/{code}', summary: "Staff view of a booking with the holder's name and full phone number; the reading is audited",
      tag: 'staff', auth: 'session', params: s.officeParams.extend(s.codeParams.shape), response: staffBookingView, errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
    },
    ({ params }, _req, res) => reads.staffBooking(staffOf(res), params.officeId, params.code),
    staff,
  );

  return router;
};
