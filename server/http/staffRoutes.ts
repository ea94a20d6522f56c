/** The staff section of API.md: sign-in, counters, ticket steps, kiosks, closures, reports, assisted booking. */
import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { assertOffice } from '../store/actor';
import { DUMMY_HASH, verifyPassword } from '../store/passwords';
import { reportCsv } from '../store/reports';
import * as s from './schemas';
import { requireStaff, SESSION_COOKIE, sessionCookie, staffOf } from './auth';
import type { Deps } from './deps';
import { perMinute } from './rateLimits';
import { route } from './route';

const meShape = z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(['admin', 'supervisor', 'counter']), officeId: z.string().nullable() });

export const staffRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock } = deps;
  const staff = requireStaff(deps);
  const admin = requireStaff(deps, 'admin');
  const reader = requireStaff(deps, 'admin', 'supervisor');

  route(
    router,
    { method: 'post', path: '/auth/login', summary: 'Sign in; sets an httpOnly session cookie', tag: 'auth', body: s.loginBody, response: meShape, errors: ['VALIDATION', 'UNAUTHENTICATED', 'RATE_LIMITED'] },
    async ({ body }, _req, res) => {
      const user = await store.findUserByUsername(body.username);
      // Verify even for an unknown name so that timing does not tell which names exist.
      const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled) throw new DomainError('UNAUTHENTICATED', {}, { password: { key: 'credentials' } });
      const token = await store.startSession(user.id, clock.now());
      res.setHeader('Set-Cookie', sessionCookie(token, deps, deps.config.sessionAbsoluteHours * 3600));
      return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, officeId: user.officeId };
    },
    perMinute(deps.config.loginRateLimit),
  );

  route(router, { method: 'post', path: '/auth/logout', summary: 'Sign out: ends the session and its live sockets', tag: 'auth', auth: 'session' }, async (_i, _req, res) => {
    await store.endSession(staffOf(res).sessionId, clock.now());
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return null;
  }, staff);

  route(router, { method: 'get', path: '/auth/me', summary: 'The signed-in staff member', tag: 'auth', auth: 'session', response: meShape, errors: ['UNAUTHENTICATED'] }, (_i, _req, res) => {
    const me = staffOf(res);
    return { id: me.userId, username: me.username, displayName: me.displayName, role: me.role, officeId: me.officeId };
  }, staff);

  route(
    router,
    { method: 'post', path: '/counters/{counterId}/call-next', summary: 'Call the next ticket for this counter (204 when nobody waits)', tag: 'staff', auth: 'session', params: s.counterParams, response: z.object({ ticket: s.publicTicket }), errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'COUNTER_BUSY', 'COUNTER_NOT_OPEN'] },
    async ({ params }, _req, res) => {
      const ticket = await store.callNext(params.counterId, staffOf(res), clock.now());
      return ticket ? { ticket } : null;
    },
    staff,
  );

  for (const action of ['recall', 'start', 'complete', 'no-show', 'requeue'] as const) {
    route(
      router,
      { method: 'post', path: `/tickets/{ticketId}/${action}`, summary: `Ticket step: ${action}`, tag: 'staff', auth: 'session', params: s.ticketParams, response: z.object({ ticket: s.publicTicket }), errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE'] },
      async ({ params }, _req, res) => ({
        ticket: await store.stepTicket(params.ticketId, action === 'no-show' ? 'no_show' : action, staffOf(res), clock.now()),
      }),
      staff,
    );
  }

  route(
    router,
    { method: 'post', path: '/tickets/{ticketId}/transfer', summary: 'Transfer a ticket to another service: same number, now waiting there', tag: 'staff', auth: 'session', params: s.ticketParams, body: s.transferBody, response: z.object({ ticket: s.publicTicket }), errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE'] },
    async ({ params, body }, _req, res) => ({ ticket: await store.stepTicket(params.ticketId, 'transfer', staffOf(res), clock.now(), { service: body.service }) }),
    staff,
  );

  route(router, { method: 'get', path: '/offices/{officeId}/counters', summary: 'Counters with their services, status and current ticket', tag: 'staff', auth: 'session', params: s.officeParams, response: z.array(s.counterView), errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] }, ({ params }, _req, res) => {
    assertOffice(staffOf(res), params.officeId);
    return store.listCounters(params.officeId, clock.now());
  }, staff);

  route(
    router,
    { method: 'patch', path: '/counters/{counterId}', summary: 'Open, pause or close a counter', tag: 'staff', auth: 'session', params: s.counterParams, body: s.counterPatchBody, response: s.counterView, errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'COUNTER_BUSY'] },
    ({ params, body }, _req, res) => store.setCounterStatus(params.counterId, body.status, staffOf(res), clock.now()),
    staff,
  );

  route(
    router,
    { method: 'post', path: '/offices/{officeId}/kiosks', summary: 'Create a kiosk; its token is shown once', tag: 'admin', auth: 'session', params: s.officeParams, body: s.kioskBody, responseStatus: 201, response: z.object({ id: z.number(), name: z.string(), token: z.string() }), errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] },
    async ({ params, body }, _req, res) => {
      assertOffice(staffOf(res), params.officeId);
      const kiosk = await store.createKiosk(params.officeId, body.name, staffOf(res), clock.now());
      return { id: kiosk.id, name: kiosk.name, token: kiosk.token };
    },
    admin,
  );

  route(
    router,
    { method: 'post', path: '/offices/{officeId}/closures', summary: 'Close the office or one service for a date range (or until further notice); affected bookings are cancelled or moved and their holders notified', tag: 'admin', auth: 'session', params: s.officeParams, body: s.closureBody, responseStatus: 201, response: z.object({ id: z.number(), affectedBookings: z.number(), moved: z.number(), cancelled: z.number() }), errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] },
    ({ params, body }, _req, res) =>
      store.createClosure(params.officeId, { from: body.from, to: body.to ?? null, reason: body.reason, action: body.action, ...(body.service ? { service: body.service } : {}) }, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    { method: 'get', path: '/offices/{officeId}/reports/daily', summary: 'Daily report per service; format=csv for a spreadsheet', tag: 'admin', auth: 'session', params: s.officeParams, query: s.reportQuery, errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] },
    async ({ params, query }, _req, res) => {
      assertOffice(staffOf(res), params.officeId);
      const rows = await store.dailyReport(params.officeId, query.date);
      if (query.format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="giliran-${params.officeId}-${query.date}.csv"`);
        res.send(reportCsv(query.date, rows));
        return undefined;
      }
      return { office: params.officeId, date: query.date, services: rows };
    },
    reader,
  );

  route(
    router,
    { method: 'post', path: '/offices/{officeId}/assisted-bookings', summary: "Book on a citizen's behalf (staff or kelurahan); recorded in the audit log", tag: 'staff', auth: 'session', params: s.officeParams, body: s.bookingBody, response: s.bookingView, responseStatus: 201, errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'SLOT_FULL', 'DUPLICATE_BOOKING', 'CLOSED'] },
    ({ params, body }, _req, res) => {
      assertOffice(staffOf(res), params.officeId);
      return store.bookPlace(params.officeId, body, clock.now(), staffOf(res).userId);
    },
    staff,
  );

  return router;
};
