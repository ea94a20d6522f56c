/** Notices for the lobby TV, kiosk and booking pages; WhatsApp contact numbers per service group. */
import { Router } from 'express';
import { requireStaff, staffOf } from '../auth';
import { perform, type Deps } from '../deps';
import * as commands from '../../commands';
import { route } from '../route';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const noticeRoutes = (deps: Deps, router: Router): void => {
  const admin = requireStaff(deps, 'admin');

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/notices', summary: 'Add a notice (shown on the display, kiosk and booking pages while active)', params: officeParams, body: s.noticeBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => perform(deps, commands.createNotice(deps, staffOf(res), params.officeId, body)),
    admin,
  );
  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/notices/{id}', summary: 'Change a notice or switch it on or off', params: s.idParams, body: s.noticePatchBody }),
    ({ params, body }, _req, res) => perform(deps, commands.updateNotice(deps, staffOf(res), params.officeId, params.id, body)),
    admin,
  );
  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/notices/{id}', summary: 'Delete a notice', params: s.idParams }),
    async ({ params }, _req, res) => {
      await perform(deps, commands.deleteNotice(deps, staffOf(res), params.officeId, params.id));
      return null;
    },
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/whatsapp-contacts', summary: 'Add a WhatsApp contact number for a service group', params: officeParams, body: s.contactBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => perform(deps, commands.createContact(deps, staffOf(res), params.officeId, body)),
    admin,
  );
  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/whatsapp-contacts/{id}', summary: 'Change a WhatsApp contact', params: s.idParams, body: s.contactPatchBody }),
    ({ params, body }, _req, res) => perform(deps, commands.updateContact(deps, staffOf(res), params.officeId, params.id, body)),
    admin,
  );
  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/whatsapp-contacts/{id}', summary: 'Delete a WhatsApp contact', params: s.idParams }),
    async ({ params }, _req, res) => {
      await perform(deps, commands.deleteContact(deps, staffOf(res), params.officeId, params.id));
      return null;
    },
    admin,
  );
};
