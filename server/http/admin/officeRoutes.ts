/** The office as a whole: the admin page's snapshot, creating an office, its rules, hours and blanko stock. */
import { Router } from 'express';
import { z } from 'zod';
import { requireStaff, staffOf } from '../auth';
import { perform, type Deps } from '../deps';
import * as commands from '../../commands';
import { route } from '../route';
import { officeParams } from '../schemas';
import { adminDoc } from './common';
import * as s from './schemas';

export const officeRoutes = (deps: Deps, router: Router): void => {
  const reads = commands.staffReads(deps);
  const admin = requireStaff(deps, 'admin');

  route(
    router,
    {
      method: 'get', path: '/staff/offices', summary: 'Every office for the staff pages, drafts too (published: false)', tag: 'staff', auth: 'session',
      response: z.array(z.object({ id: z.string(), name: z.string(), timezone: z.string(), published: z.boolean() })), errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
    },
    () => deps.store.listOffices(),
    requireStaff(deps),
  );

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/admin', summary: 'Everything the admin page shows for an office', params: officeParams }),
    ({ params }, _req, res) => reads.adminSnapshot(staffOf(res), params.officeId),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices', summary: 'Create an office (deployment-wide admins); opening hours start as Monday–Friday 08:00–15:00; a taken id is a 409 CONFLICT', body: s.officeCreateBody, responseStatus: 201, errors: ['CONFLICT'] }),
    async ({ body }, _req, res) => {
      const office = await perform(deps, commands.createOffice(deps, staffOf(res), body));
      return { id: office.id, name: office.name, timezone: office.timezone };
    },
    admin,
  );

  route(
    router,
    adminDoc({ method: 'patch', path: '/offices/{officeId}', summary: 'Change the office name, room capacity and booking and calling rules', params: officeParams, body: s.officeSettingsBody }),
    ({ params, body }, _req, res) => perform(deps, commands.updateOffice(deps, staffOf(res), params.officeId, body)),
    admin,
  );

  route(
    router,
    adminDoc({
      method: 'put', path: '/offices/{officeId}/published', summary: 'Publish the office to visitors (listed, bookable), or take it back to a draft; a new office starts as a draft',
      params: officeParams, body: z.object({ published: z.boolean() }), response: z.object({ id: z.string(), published: z.boolean() }), errors: ['OFFICE_NOT_READY'],
    }),
    async ({ params, body }, _req, res) => {
      const office = await perform(deps, commands.setOfficePublished(deps, staffOf(res), params.officeId, body.published));
      return { id: office.id, published: office.publishedAt !== null };
    },
    admin,
  );

  route(
    router,
    adminDoc({
      method: 'put', path: '/offices/{officeId}/hours', params: officeParams, body: s.hoursBody,
      summary: 'Replace the weekly opening hours: one row per opening interval, several a day allowed (a weekday left out is closed). Future empty slots outside them are removed; booked ones are kept and answered as `conflicts`',
      response: z.object({
        hours: z.array(z.object({ weekday: z.number(), open: z.string(), close: z.string() })),
        conflicts: z.array(z.object({ date: z.string(), service: z.string(), start: z.string(), end: z.string(), booked: z.number() })),
      }),
    }),
    // `{ hours, conflicts }`: the week as stored, and the booked slots the new hours leave outside.
    ({ params, body }, _req, res) => perform(deps, commands.setOpeningHours(deps, staffOf(res), params.officeId, body.hours)),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'put', path: '/offices/{officeId}/blanko', summary: 'Set the KTP-el blanko stock (after a count); at zero the services needing one stop', params: officeParams, body: s.blankoSetBody, response: z.object({ stock: z.number() }) }),
    async ({ params, body }, _req, res) => ({ stock: await perform(deps, commands.changeBlanko(deps, staffOf(res), params.officeId, { set: body.stock })) }),
    admin,
  );

  route(
    router,
    adminDoc({ method: 'post', path: '/offices/{officeId}/blanko', summary: 'Add a blanko delivery (or a negative correction) to the stock', params: officeParams, body: s.blankoAddBody, response: z.object({ stock: z.number() }) }),
    async ({ params, body }, _req, res) => ({ stock: await perform(deps, commands.changeBlanko(deps, staffOf(res), params.officeId, { add: body.add })) }),
    admin,
  );
};
