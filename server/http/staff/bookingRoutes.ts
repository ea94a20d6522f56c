/** Staff and bookings: booking on a citizen's behalf (assisted, audited) and reading a holder's booking (audited). */
import { Router } from 'express';
import { z } from 'zod';
import * as commands from '../../commands';
import { requireStaff, staffOf } from '../auth';
import { perform, type Deps } from '../deps';
import { route } from '../route';
import * as s from '../schemas';

const staffBookingView = s.bookingView.extend({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  createdByUserId: z.number().nullable(),
  erased: z.boolean(),
});

export const staffBookingRoutes = (deps: Deps): Router => {
  const router = Router();
  const reads = commands.staffReads(deps);
  const staff = requireStaff(deps);

  route(
    router,
    { method: 'post', path: '/offices/{officeId}/assisted-bookings', summary: "Book on a citizen's behalf (staff or kelurahan); recorded in the audit log", tag: 'staff', auth: 'session', params: s.officeParams, body: s.bookingBody, response: s.bookingView, responseStatus: 201, errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'SLOT_FULL', 'DUPLICATE_BOOKING', 'CLOSED'] },
    ({ params, body }, _req, res) => perform(deps, commands.bookOnBehalf(deps, staffOf(res), params.officeId, body)),
    staff,
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
