/** Counters, staff accounts and kiosks; and a staff member's own password. */
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

export const peopleRoutes = (deps: Deps, router: Router): void => {
  const reads = commands.staffReads(deps);
  const admin = requireStaff(deps, 'admin');
  const anyStaff = requireStaff(deps);

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/counters', summary: 'Create a counter (closed until someone opens it) with the services it serves, in order', params: officeParams, body: s.counterBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => perform(deps, commands.createCounter(deps, staffOf(res), params.officeId, body)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/counters/{id}', summary: "Rename a counter or change its services and their order", params: s.idParams, body: s.counterPatchBody }),
    ({ params, body }, _req, res) => perform(deps, commands.updateCounter(deps, staffOf(res), params.officeId, params.id, body)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/counters/{id}', summary: 'Remove a counter that is not handling a ticket', params: s.idParams }),
    async ({ params }, _req, res) => {
      await perform(deps, commands.deleteCounter(deps, staffOf(res), params.officeId, params.id));
      return null;
    },
    admin,
  );

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/staff', summary: "The office's staff accounts (never a password)", params: officeParams }),
    ({ params }, _req, res) => reads.listStaff(staffOf(res), params.officeId),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/staff', summary: 'Create a staff account; its generated password is in this answer only', params: officeParams, body: s.staffCreateBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => perform(deps, commands.createStaff(deps, staffOf(res), params.officeId, body)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/admins', summary: 'Create a deployment-wide admin (deployment-wide admins only); its password is in this answer only', body: s.staffCreateBody.omit({ role: true }), responseStatus: 201 }),
    ({ body }, _req, res) => perform(deps, commands.createStaff(deps, staffOf(res), null, { ...body, role: 'admin' })),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/staff/{id}', summary: 'Change a name or role, or disable an account (its sessions end)', params: s.idParams, body: s.staffPatchBody }),
    ({ params, body }, _req, res) => perform(deps, commands.updateStaff(deps, staffOf(res), params.officeId, params.id, body)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/staff/{id}/reset-password', summary: "Reset a password: a new one is generated and shown in this answer only; the user's sessions end", params: s.idParams }),
    ({ params }, _req, res) => perform(deps, commands.resetPassword(deps, staffOf(res), params.officeId, params.id)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/kiosks', summary: "The office's kiosks (tokens are never shown again)", params: officeParams, response: z.array(z.object({ id: z.number(), name: z.string(), createdAt: z.number(), revokedAt: z.number().nullable() })) }),
    ({ params }, _req, res) => reads.listKiosks(staffOf(res), params.officeId),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/kiosks/{id}/revoke', summary: 'Revoke a kiosk: its token stops working at once', params: s.idParams }),
    ({ params }, _req, res) => perform(deps, commands.revokeKiosk(deps, staffOf(res), params.officeId, params.id)),
    admin,
  );

  route(
    router,
    { method: 'post', path: '/offices/{officeId}/kiosks', summary: 'Create a kiosk; its token is shown once', tag: 'admin', auth: 'session', params: officeParams, body: publicSchemas.kioskBody, responseStatus: 201, response: z.object({ id: z.number(), name: z.string(), token: z.string() }), errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] },
    async ({ params, body }, _req, res) => {
      const kiosk = await perform(deps, commands.createKiosk(deps, staffOf(res), params.officeId, body.name));
      return { id: kiosk.id, name: kiosk.name, token: kiosk.token };
    },
    admin,
  );
};
