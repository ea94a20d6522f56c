/** Services, their weekly slot templates and per-date overrides. */
import { Router } from 'express';
import { requireStaff, staffOf } from '../auth';
import { perform, type Deps } from '../deps';
import * as commands from '../../commands';
import { route } from '../route';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const serviceRoutes = (deps: Deps, router: Router): void => {
  const admin = requireStaff(deps, 'admin');

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/services', summary: 'Create a service (a retired letter is brought back)', params: officeParams, body: s.serviceCreateBody, responseStatus: 201 }),
    ({ params, body }, _req, res) => perform(deps, commands.createService(deps, staffOf(res), params.officeId, body)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'put', path: '/offices/{officeId}/services/order', summary: 'Order the services (kiosk buttons, booking list, reports)', params: officeParams, body: s.serviceOrderBody }),
    async ({ params, body }, _req, res) => {
      await perform(deps, commands.reorderServices(deps, staffOf(res), params.officeId, body.codes));
      return null;
    },
    admin,
  );

  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}/services/{code}', summary: 'Change a service', params: s.serviceParams, body: s.servicePatchBody }),
    ({ params, body }, _req, res) => perform(deps, commands.updateService(deps, staffOf(res), params.officeId, params.code, body)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/services/{code}', summary: 'Retire a service (refused while it has active bookings: close it first)', params: s.serviceParams }),
    async ({ params }, _req, res) => {
      await perform(deps, commands.retireService(deps, staffOf(res), params.officeId, params.code));
      return null;
    },
    admin,
  );

  route(
    router,
    adminDoc({
      method: 'put', path: '/offices/{officeId}/services/{code}/templates',
      summary: 'Replace the weekly slot template; future slots without bookings are re-planned, booked ones are never removed or shrunk below their bookings',
      params: s.serviceParams, body: s.templatesBody, errors: ['CAPACITY_BELOW_BOOKED'],
    }),
    async ({ params, body }, _req, res) => ({ slots: await perform(deps, commands.setTemplates(deps, staffOf(res), params.officeId, params.code, body.slots)) }),
    admin,
  );

  route(
    router,
    adminDoc({
      method: 'put', path: '/offices/{officeId}/services/{code}/overrides/{date}', summary: "Replace one date's slots (an empty list: no slots that day)",
      params: s.overrideParams, body: s.overrideBody, errors: ['CAPACITY_BELOW_BOOKED'],
    }),
    async ({ params, body }, _req, res) => ({ date: params.date, slots: await perform(deps, commands.setOverride(deps, staffOf(res), params.officeId, params.code, params.date, body.slots)) }),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'delete', path: '/offices/{officeId}/services/{code}/overrides/{date}', summary: 'Drop a per-date override: the weekly template applies again', params: s.overrideParams, errors: ['CAPACITY_BELOW_BOOKED'] }),
    async ({ params }, _req, res) => {
      await perform(deps, commands.setOverride(deps, staffOf(res), params.officeId, params.code, params.date, null));
      return null;
    },
    admin,
  );
};
