/** The public (no sign-in) section of API.md. */
import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import * as s from './schemas';
import type { Deps } from './deps';
import { perMinute } from './rateLimits';
import { route } from './route';

export const publicRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock } = deps;
  const bookingLimit = perMinute(deps.config.bookingRateLimit);
  const writeLimit = perMinute(deps.config.publicWriteRateLimit);

  route(router, { method: 'get', path: '/health', summary: 'Health: ok once the database answers', tag: 'public', response: z.object({ status: z.literal('ok') }) }, async () => {
    await store.listOffices();
    return { status: 'ok' };
  });

  route(router, { method: 'get', path: '/offices', summary: 'All offices', tag: 'public', response: z.array(z.object({ id: z.string(), name: z.string(), timezone: z.string() })) }, () =>
    store.listOffices(),
  );

  route(router, { method: 'get', path: '/offices/{officeId}', summary: 'An office: services, hours, notices, WhatsApp contacts, closures', tag: 'public', params: s.officeParams, errors: ['NOT_FOUND'] }, ({ params }) =>
    store.officeDetail(params.officeId, clock.now()),
  );

  route(
    router,
    { method: 'get', path: '/offices/{officeId}/availability', summary: 'Slots per day for a service', tag: 'public', params: s.officeParams, query: s.availabilityQuery, response: z.array(s.slotDay), errors: ['VALIDATION', 'NOT_FOUND'] },
    async ({ params, query }) => {
      const now = clock.now();
      const office = (await store.listOffices()).find((o) => o.id === params.officeId);
      if (!office) throw new DomainError('NOT_FOUND');
      const from = query.from ?? now.setZone(office.timezone).toISODate()!;
      return store.availability(params.officeId, query.service, from, query.days, now);
    },
  );

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/bookings', summary: 'Book a place in a slot', tag: 'public', params: s.officeParams, body: s.bookingBody,
      response: s.bookingView, responseStatus: 201, errors: ['VALIDATION', 'NOT_FOUND', 'SLOT_FULL', 'DUPLICATE_BOOKING', 'BOOKING_LIMIT', 'CLOSED', 'SLOT_NOT_BOOKABLE', 'RATE_LIMITED'],
    },
    ({ params, body }) => store.bookPlace(params.officeId, body, clock.now()),
    bookingLimit,
  );

  route(router, { method: 'get', path: '/bookings/{code}', summary: "A booking, given its code and the NIK's last four digits", tag: 'public', params: s.codeParams, query: s.nik4Query, response: s.bookingView, errors: ['NOT_FOUND'] }, ({ params, query }) =>
    store.getBooking(params.code, query.nik4),
  );

  route(
    router,
    { method: 'post', path: '/bookings/{code}/cancel', summary: 'Cancel a booking; its place returns to the slot', tag: 'public', params: s.codeParams, body: s.cancelBody, response: s.bookingView, errors: ['NOT_FOUND', 'INVALID_STATE'] },
    ({ params, body }) => store.cancelBooking(params.code, body.nik4, clock.now()),
    writeLimit,
  );

  route(
    router,
    {
      method: 'post', path: '/bookings/{code}/reschedule', summary: 'Move a booking to another slot; the old place is released only once the new one is secured', tag: 'public',
      params: s.codeParams, body: s.rescheduleBody, response: s.bookingView, errors: ['NOT_FOUND', 'SLOT_FULL', 'CLOSED', 'SLOT_NOT_BOOKABLE', 'INVALID_STATE'],
    },
    ({ params, body }) => store.rescheduleBooking(params.code, body.nik4, body.slotId, clock.now()),
    writeLimit,
  );

  route(router, { method: 'get', path: '/tickets/{ticketId}', summary: "A ticket's public status (no personal data)", tag: 'public', params: s.ticketParams, response: s.publicTicket, errors: ['NOT_FOUND'] }, async ({ params }) => {
    const ticket = await store.publicTicket(params.ticketId, clock.now());
    if (!ticket) throw new DomainError('NOT_FOUND');
    return ticket;
  });

  return router;
};
