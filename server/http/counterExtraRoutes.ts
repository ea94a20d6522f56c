/**
 * Routes beyond API.md for the counter screens: the current ticket's booking details
 * (name and masked NIK, for staff only) and today's no-shows to requeue.
 */
import { Router } from 'express';
import { z } from 'zod';
import * as s from './schemas';
import { requireStaff, staffOf } from './auth';
import type { Deps } from './deps';
import { route } from './route';

const ticketStatus = z.enum(['waiting', 'called', 'serving', 'done', 'no_show']);

const ticketDetails = z.object({
  id: z.string(),
  number: z.string(),
  service: z.string(),
  serviceName: z.string(),
  status: ticketStatus,
  source: z.enum(['walkin', 'booking']),
  priority: z.enum(['elderly', 'disabled', 'pregnant']).nullable(),
  counter: z.string().nullable(),
  recallCount: z.number(),
  recallLimit: z.number(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  booking: z
    .object({ code: z.string(), name: z.string().nullable(), nikMasked: z.string(), phoneMasked: z.string(), slot: z.string() })
    .nullable(),
});

const noShow = z.object({
  id: z.string(), number: z.string(), service: z.string(), counter: z.string().nullable(), noShowAt: z.string(), recallCount: z.number(),
});

export const counterExtraRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock } = deps;
  const staff = requireStaff(deps);

  route(
    router,
    {
      method: 'get', path: '/tickets/{ticketId}/details', tag: 'staff', auth: 'session', params: s.ticketParams, response: ticketDetails,
      summary: "A ticket for the counter screen, with its booking's holder (name, masked NIK and phone): staff only, never public",
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
    },
    async ({ params }, _req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      return store.ticketDetails(params.ticketId, staffOf(res), deps.clock.now());
    },
    staff,
  );

  route(
    router,
    {
      method: 'get', path: '/offices/{officeId}/no-shows', tag: 'staff', auth: 'session', params: s.officeParams, response: z.array(noShow),
      summary: "Today's no-show tickets, latest first: the ones staff may requeue",
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
    },
    ({ params }, _req, res) => store.noShowsToday(params.officeId, staffOf(res), clock.now()),
    staff,
  );

  return router;
};
