/** The kiosk (bearer token): who it is, what it shows, walk-in tickets and booking check-ins, in its own office only. */
import { Router } from 'express';
import { z } from 'zod';
import * as commands from '../../commands';
import { kioskOf, requireKiosk } from '../auth';
import { perform, type Deps } from '../deps';
import { route } from '../route';
import * as s from '../schemas';

export const kioskRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock, config } = deps;
  const kiosk = requireKiosk(deps);

  route(router, { method: 'get', path: '/kiosk/me', summary: 'The paired kiosk and its office', tag: 'kiosk', auth: 'kiosk', response: z.object({ id: z.number(), name: z.string(), officeId: z.string() }), errors: ['UNAUTHENTICATED'] }, (_input, _req, res) => res.locals.kiosk, kiosk);

  route(
    router,
    {
      method: 'get', path: '/kiosk/state', tag: 'kiosk', auth: 'kiosk', errors: ['UNAUTHENTICATED'],
      summary: "What the paired kiosk shows: each service's walk-in availability now (closed reason, places left, estimated wait) and whether the room is full",
    },
    (_input, _req, res) => store.kioskState({ ...kioskOf(res) }, clock.now(), config.publicBaseUrl ?? null),
    kiosk,
  );

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/tickets', summary: 'Issue a walk-in ticket', tag: 'kiosk', auth: 'kiosk', params: s.officeParams, body: s.walkInBody,
      response: s.publicTicket, responseStatus: 201, errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'QUOTA_EXHAUSTED', 'CLOSED', 'SERVICE_UNAVAILABLE'],
    },
    ({ params, body }) => perform(deps, commands.issueWalkIn(deps, params.officeId, { service: body.service, priority: body.priority ?? null })),
    kiosk,
  );

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/check-ins', summary: "Check in a booking: a ticket for that booking's slot", tag: 'kiosk', auth: 'kiosk', params: s.officeParams, body: s.checkInBody,
      response: s.publicTicket, responseStatus: 201, errors: ['VALIDATION', 'UNAUTHENTICATED', 'NOT_FOUND', 'WRONG_DAY', 'OUTSIDE_WINDOW', 'BOOKING_CANCELLED', 'ALREADY_CHECKED_IN'],
    },
    ({ params, body }) => perform(deps, commands.checkIn(deps, params.officeId, body.code)),
    kiosk,
  );

  return router;
};
