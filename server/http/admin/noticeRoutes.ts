/** Notices for the lobby TV, kiosk and booking pages; WhatsApp contact numbers per service group. */
import { Router } from 'express';
import { requireStaff, staffOf } from '../auth';
import type { Deps } from '../deps';
import { route } from '../route';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const noticeRoutes = (deps: Deps, router: Router): void => {
  const { store, clock } = deps;
  const admin = requireStaff(deps, 'admin');

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/notices', summary: 'Add a notice (shown on the display, kiosk and booking pages while active)', params: officeParams, body: s.noticeBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => store.createNotice(params.officeId, body, staffOf(res), clock.now()),
    admin,
  );
  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/notices/{id}', summary: 'Change a notice or switch it on or off', params: s.idParams, body: s.noticePatchBody }),
    ({ params, body }, _req, res) => store.updateNotice(params.officeId, params.id, body, staffOf(res), clock.now()),
    admin,
  );
  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/notices/{id}', summary: 'Delete a notice', params: s.idParams }),
    async ({ params }, _req, res) => {
      await store.deleteNotice(params.officeId, params.id, staffOf(res), clock.now());
      return null;
    },
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/whatsapp-contacts', summary: 'Add a WhatsApp contact number for a service group', params: officeParams, body: s.contactBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => store.createContact(params.officeId, body, staffOf(res), clock.now()),
    admin,
  );
  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/whatsapp-contacts/{id}', summary: 'Change a WhatsApp contact', params: s.idParams, body: s.contactPatchBody }),
    ({ params, body }, _req, res) => store.updateContact(params.officeId, params.id, body, staffOf(res), clock.now()),
    admin,
  );
  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/whatsapp-contacts/{id}', summary: 'Delete a WhatsApp contact', params: s.idParams }),
    async ({ params }, _req, res) => {
      await store.deleteContact(params.officeId, params.id, staffOf(res), clock.now());
      return null;
    },
    admin,
  );
};
