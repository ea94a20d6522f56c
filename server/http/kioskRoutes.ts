/** The kiosk section of API.md: walk-in tickets and booking check-ins, with a kiosk bearer token. */
import { Router } from 'express';
import { z } from 'zod';
import * as s from './schemas';
import { requireKiosk } from './auth';
import type { Deps } from './deps';
import { route } from './route';

export const kioskRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock } = deps;
  const kiosk = requireKiosk(deps);

  route(router, { method: 'get', path: '/kiosk/me', summary: 'The paired kiosk and its office', tag: 'kiosk', auth: 'kiosk', response: z.object({ id: z.number(), name: z.string(), officeId: z.string() }), errors: ['UNAUTHENTICATED'] }, (_input, _req, res) => res.locals.kiosk, kiosk);

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/tickets', summary: 'Issue a walk-in ticket', tag: 'kiosk', auth: 'kiosk', params: s.officeParams, body: s.walkInBody,
      response: s.publicTicket, responseStatus: 201, errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'QUOTA_EXHAUSTED', 'CLOSED', 'SERVICE_UNAVAILABLE'],
    },
    ({ params, body }) => store.issueWalkIn(params.officeId, { service: body.service, priority: body.priority ?? null }, clock.now()),
    kiosk,
  );

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/check-ins', summary: "Check in a booking: a ticket for that booking's slot", tag: 'kiosk', auth: 'kiosk', params: s.officeParams, body: s.checkInBody,
      response: s.publicTicket, responseStatus: 201, errors: ['VALIDATION', 'UNAUTHENTICATED', 'NOT_FOUND', 'WRONG_DAY', 'OUTSIDE_WINDOW', 'BOOKING_CANCELLED', 'ALREADY_CHECKED_IN'],
    },
    ({ params, body }) => store.checkIn(params.officeId, body.code, clock.now()),
    kiosk,
  );

  return router;
};
