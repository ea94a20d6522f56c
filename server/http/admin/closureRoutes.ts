/** Closures beyond creating one (staffRoutes): the list, ending an open-ended one, urgent-only mode, failed notifications. */
import { Router } from 'express';
import { requireStaff, staffOf } from '../auth';
import type { Deps } from '../deps';
import { route } from '../route';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const closureRoutes = (deps: Deps, router: Router): void => {
  const { store, clock } = deps;
  const admin = requireStaff(deps, 'admin');

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/closures', summary: 'Closures, newest first, with their state (upcoming, active, ended, withdrawn)', params: officeParams }),
    ({ params }, _req, res) => store.listClosures(params.officeId, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    adminDoc({
      method: 'post', path: '/offices/{officeId}/closures/{id}/end',
      summary: 'End a closure: `to` becomes its last closed day (yesterday re-opens today; before its first day withdraws it). Bookings it cancelled stay cancelled.',
      params: s.idParams, body: s.endClosureBody,
    }),
    async ({ params, body }, _req, res) => {
      const c = await store.endClosure(params.officeId, params.id, body.to, staffOf(res), clock.now());
      return { id: c.id, from: c.fromDate, to: c.toDate, reason: c.reason };
    },
    admin,
  );

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/urgent-only', summary: 'Urgent-only mode: which services are kept open', params: officeParams }),
    ({ params }, _req, res) => store.urgentOnly(params.officeId, staffOf(res), clock.now()),
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
      store.setUrgentOnly(params.officeId, { open: body.open, reason: body.reason, action: body.action, ...(body.from ? { from: body.from } : {}) }, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/urgent-only', summary: 'End urgent-only mode: every service opens again from `from` (default today)', params: officeParams, query: s.urgentOnlyEndQuery }),
    ({ params, query }, _req, res) => store.endUrgentOnly(params.officeId, query.from ? { from: query.from } : {}, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/notifications/retry-failed', summary: 'Queue every failed notification of the office again', params: officeParams }),
    async ({ params }, _req, res) => ({ requeued: await store.retryFailedNotifications(params.officeId, staffOf(res), clock.now()) }),
    admin,
  );
};
