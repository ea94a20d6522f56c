/** Closures beyond creating one (staffRoutes): the list, ending an open-ended one, urgent-only mode, failed notifications. */
import { Router } from 'express';
import { z } from 'zod';
import { requireStaff, staffOf } from '../auth';
import { perform, type Deps } from '../deps';
import * as commands from '../../commands';
import { route } from '../route';
import * as publicSchemas from '../schemas';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const closureRoutes = (deps: Deps, router: Router): void => {
  const reads = commands.staffReads(deps);
  const admin = requireStaff(deps, 'admin');

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/closures', summary: 'Closures, newest first, with their state (upcoming, active, ended, withdrawn)', params: officeParams }),
    ({ params }, _req, res) => reads.listClosures(staffOf(res), params.officeId),
    admin,
  );

  route(
    router,
    adminDoc({
      method: 'post', path: '/offices/{officeId}/closures/{id}/end',
      summary: 'End a closure: `to` becomes its last closed day (yesterday re-opens today; before its first day withdraws it). Bookings it cancelled stay cancelled; ending it early tells their holders once, by WhatsApp, that they can book again.',
      params: s.idParams, body: s.endClosureBody,
    }),
    async ({ params, body }, _req, res) => {
      const c = await perform(deps, commands.endClosure(deps, staffOf(res), params.officeId, params.id, body.to));
      return { id: c.id, from: c.fromDate, to: c.toDate, reason: c.reason };
    },
    admin,
  );

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/urgent-only', summary: 'Urgent-only mode: which services are kept open', params: officeParams }),
    ({ params }, _req, res) => reads.urgentOnly(staffOf(res), params.officeId),
    admin,
  );

  route(
    router,
    adminDoc({
      method: 'put', path: '/offices/{officeId}/urgent-only',
      summary: 'Keep only these services open from `from` (default today), until further notice: every other service gets an open-ended closure; its bookings are cancelled or moved and their holders notified',
      params: officeParams, body: s.urgentOnlyBody,
    }),
    ({ params, body }, _req, res) =>
      perform(deps, commands.setUrgentOnly(deps, staffOf(res), params.officeId, { open: body.open, reason: body.reason, action: body.action, ...(body.from ? { from: body.from } : {}) })),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/urgent-only', summary: 'End urgent-only mode: every service opens again from `from` (default today)', params: officeParams, query: s.urgentOnlyEndQuery }),
    ({ params, query }, _req, res) => perform(deps, commands.endUrgentOnly(deps, staffOf(res), params.officeId, query.from ? { from: query.from } : {})),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/notifications/retry-failed', summary: 'Queue every failed notification of the office again', params: officeParams }),
    async ({ params }, _req, res) => ({ requeued: await perform(deps, commands.retryFailedNotifications(deps, staffOf(res), params.officeId)) }),
    admin,
  );

  route(
    router,
    { method: 'post', path: '/offices/{officeId}/closures', summary: 'Close the office or one service for a date range (or until further notice); affected bookings are cancelled or moved and their holders notified', tag: 'admin', auth: 'session', params: officeParams, body: publicSchemas.closureBody, responseStatus: 201, response: z.object({ id: z.number(), affectedBookings: z.number(), moved: z.number(), cancelled: z.number() }), errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] },
    ({ params, body }, _req, res) =>
      perform(deps, commands.createClosure(deps, staffOf(res), params.officeId, { from: body.from, to: body.to ?? null, reason: body.reason, action: body.action, ...(body.service ? { service: body.service } : {}) })),
    admin,
  );
};
