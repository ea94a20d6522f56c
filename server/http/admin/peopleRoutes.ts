/** Counters, staff accounts and kiosks; and a staff member's own password. */
import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { verifyPassword } from '../../store/passwords';
import { requireStaff, staffOf } from '../auth';
import type { Deps } from '../deps';
import { perMinute } from '../rateLimits';
import { route } from '../route';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const peopleRoutes = (deps: Deps, router: Router): void => {
  const { store, clock } = deps;
  const admin = requireStaff(deps, 'admin');
  const anyStaff = requireStaff(deps);

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/counters', summary: 'Create a counter (closed until someone opens it) with the services it serves, in order', params: officeParams, body: s.counterBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => store.createCounter(params.officeId, body, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/counters/{id}', summary: "Rename a counter or change its services and their order", params: s.idParams, body: s.counterPatchBody }),
    ({ params, body }, _req, res) => store.updateCounter(params.officeId, params.id, body, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/counters/{id}', summary: 'Remove a counter that is not handling a ticket', params: s.idParams }),
    async ({ params }, _req, res) => {
      await store.deleteCounter(params.officeId, params.id, staffOf(res), clock.now());
      return null;
    },
    admin,
  );

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/staff', summary: "The office's staff accounts (never a password)", params: officeParams }),
    ({ params }, _req, res) => store.listStaff(params.officeId, staffOf(res)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/staff', summary: 'Create a staff account; its generated password is in this answer only', params: officeParams, body: s.staffCreateBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => store.createStaff(params.officeId, body, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/admins', summary: 'Create a deployment-wide admin (deployment-wide admins only); its password is in this answer only', body: s.staffCreateBody.omit({ role: true }), responseStatus: 201 }),
    ({ body }, _req, res) => store.createStaff(null, { ...body, role: 'admin' }, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/staff/{id}', summary: 'Change a name or role, or disable an account (its sessions end)', params: s.idParams, body: s.staffPatchBody }),
    ({ params, body }, _req, res) => store.updateStaff(params.officeId, params.id, body, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/staff/{id}/reset-password', summary: "Reset a password: a new one is generated and shown in this answer only; the user's sessions end", params: s.idParams }),
    ({ params }, _req, res) => store.resetPassword(params.officeId, params.id, staffOf(res), clock.now()),
    admin,
  );

  route(
    router,
    { method: 'post', path: '/auth/password', summary: 'Change your own password; your other sessions end', tag: 'auth', auth: 'session', body: s.ownPasswordBody, errors: ['VALIDATION', 'UNAUTHENTICATED', 'RATE_LIMITED'] },
    async ({ body }, _req, res) => {
      const me = staffOf(res);
      const user = await store.findUserByUsername(me.username);
      if (!user || !(await verifyPassword(body.current, user.passwordHash))) throw new DomainError('VALIDATION', {}, { current: { key: 'credentials' } });
      await store.changeOwnPassword(me, body.next, me.sessionId, clock.now());
      return null;
    },
    perMinute(deps.config.loginRateLimit),
    anyStaff,
  );

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/kiosks', summary: "The office's kiosks (tokens are never shown again)", params: officeParams, response: z.array(z.object({ id: z.number(), name: z.string(), createdAt: z.number(), revokedAt: z.number().nullable() })) }),
    ({ params }, _req, res) => store.listKiosks(params.officeId, staffOf(res)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/kiosks/{id}/revoke', summary: 'Revoke a kiosk: its token stops working at once', params: s.idParams }),
    ({ params }, _req, res) => store.revokeKiosk(params.officeId, params.id, staffOf(res), clock.now()),
    admin,
  );
};
