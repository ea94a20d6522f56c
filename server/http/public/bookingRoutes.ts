/** Public: book a place, read, cancel or move a booking (code + the NIK's last four digits), its calendar file. */
import { Router } from 'express';
import * as commands from '../../commands';
import { perform, type Deps } from '../deps';
import { perMinute } from '../rateLimits';
import { leanRoute, route } from '../route';
import * as s from '../schemas';
import { calendarFile } from './calendarFile';
import { passChallenge } from './challengeRoutes';

export const publicBookingRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock } = deps;
  const bookingLimit = perMinute(deps.config.bookingRateLimit, deps.limitCounters, 'bookings');
  const writeLimit = perMinute(deps.config.publicWriteRateLimit, deps.limitCounters, 'public-writes');
  const readLimit = perMinute(deps.config.bookingReadRateLimit, deps.limitCounters, 'booking-reads');
  // Every route below that takes `nik4` has its tries counted per code (domain/codeAttempts) with the caller's address.

  // The booking burst's route: served by the lean lane too (leanLane.ts).
  leanRoute(
    router,
    deps.leanLane,
    {
      method: 'post', path: '/offices/{officeId}/bookings', summary: 'Book a place in a slot', tag: 'public', params: s.officeParams, body: s.publicBookingBody,
      response: s.bookingView, responseStatus: 201, errors: ['VALIDATION', 'CHALLENGE_FAILED', 'NOT_FOUND', 'SLOT_FULL', 'DUPLICATE_BOOKING', 'BOOKING_LIMIT', 'CLOSED', 'SLOT_NOT_BOOKABLE', 'NOT_OPEN_YET', 'WAITING_ROOM', 'RATE_LIMITED'],
    },
    async ({ params, body: { altcha, ...input } }) => {
      await passChallenge(deps, altcha);
      return perform(deps, commands.bookPlace(deps, params.officeId, input));
    },
    bookingLimit,
  );

  route(
    router,
    {
      method: 'get', path: '/bookings/{code}', summary: "A booking, given its code and the NIK's last four digits", tag: 'public', params: s.codeParams, query: s.nik4Query,
      response: s.bookingView, errors: ['NOT_FOUND', 'TOO_MANY_ATTEMPTS', 'RATE_LIMITED'],
    },
    ({ params, query }, req) => store.getBooking(params.code, query.nik4, clock.now(), req.ip ?? ''),
    readLimit,
  );

  route(
    router,
    {
      method: 'post', path: '/bookings/{code}/confirm', summary: 'Confirm a pending booking with the 6-digit code sent by WhatsApp', tag: 'public',
      params: s.codeParams, body: s.confirmBody, response: s.bookingView, errors: ['VALIDATION', 'NOT_FOUND', 'BOOKING_EXPIRED', 'INVALID_STATE', 'TOO_MANY_ATTEMPTS', 'RATE_LIMITED'],
    },
    ({ params, body }, req) => perform(deps, commands.confirmBooking(deps, params.code, body.nik4, body.otp, req.ip ?? '')),
    writeLimit,
  );

  route(
    router,
    { method: 'post', path: '/bookings/{code}/cancel', summary: 'Cancel a booking; its place returns to the slot', tag: 'public', params: s.codeParams, body: s.cancelBody, response: s.bookingView, errors: ['NOT_FOUND', 'INVALID_STATE', 'TOO_MANY_ATTEMPTS', 'RATE_LIMITED'] },
    ({ params, body }, req) => perform(deps, commands.cancelBooking(deps, params.code, body.nik4, req.ip ?? '')),
    writeLimit,
  );

  route(
    router,
    {
      method: 'post', path: '/bookings/{code}/reschedule', summary: 'Move a booking to another slot; the old place is released only once the new one is secured', tag: 'public',
      params: s.codeParams, body: s.rescheduleBody, response: s.bookingView, errors: ['CHALLENGE_FAILED', 'NOT_FOUND', 'SLOT_FULL', 'BOOKING_LIMIT', 'CLOSED', 'SLOT_NOT_BOOKABLE', 'NOT_OPEN_YET', 'WAITING_ROOM', 'INVALID_STATE', 'TOO_MANY_ATTEMPTS', 'RATE_LIMITED'],
    },
    async ({ params, body }, req) => {
      await passChallenge(deps, body.altcha);
      return perform(deps, commands.rescheduleBooking(deps, params.code, body.nik4, body.slotId, req.ip ?? ''));
    },
    writeLimit,
  );

  route(
    router,
    {
      method: 'get', path: '/bookings/{code}/calendar.ics', summary: "A booking as an .ics calendar file (times in the office's zone), given the NIK's last four digits",
      tag: 'public', params: s.codeParams, query: s.nik4Query, errors: ['NOT_FOUND', 'TOO_MANY_ATTEMPTS', 'RATE_LIMITED'],
    },
    async ({ params, query }, req, res) => {
      const cal = await store.bookingCalendar(params.code, query.nik4, clock.now(), req.ip ?? '');
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="giliran-${cal.booking.code}.ics"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(calendarFile(cal, clock.now(), deps.config.publicBaseUrl));
      return undefined;
    },
    readLimit,
  );

  return router;
};
