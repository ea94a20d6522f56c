/**
 * Public: the release's waiting room (API.md "Release and waiting room"). A visitor joins the
 * room of a day's release and follows the entry with its bearer token; once admitted, the token
 * goes into the booking body as `admission`.
 */
import { Router } from 'express';
import { z } from 'zod';
import { joinWaitingRoom, waitingRoomEntry } from '../../commands/waitingRoom';
import { fail } from '../../domain/errors';
import type { Deps } from '../deps';
import { perMinute } from '../rateLimits';
import { route } from '../route';
import * as s from '../schemas';
import { passChallenge } from './challengeRoutes';

const joinBody = z.object({ date: s.localDate, altcha: z.string().optional() });
const entryParams = z.object({ entryId: z.string().min(8).max(64) });
const statusEnum = z.enum(['waiting', 'admitted', 'used', 'expired']);
const joined = z.object({ entryId: z.string(), token: z.string(), opensAt: z.string(), status: z.literal('waiting') });
const entryView = z.object({
  status: statusEnum, position: z.number(), ahead: z.number(), estimatedMinutes: z.number(),
  admittedUntil: z.string().optional(), opensAt: z.string(), placesLeft: z.number(), drawn: z.boolean(), pollAfterMs: z.number(),
});

/** The bearer token of `Authorization: Bearer <token>`; UNAUTHENTICATED without one. */
const bearer = (header: string | undefined): string => {
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  return token || fail('UNAUTHENTICATED');
};

export const waitingRoomRoutes = (deps: Deps): Router => {
  const router = Router();
  // Joins are public writes like a booking: the same flood guard, and the same proof of work.
  const joinLimit = perMinute(deps.config.bookingRateLimit, deps.limitCounters, 'waiting-room');

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/waiting-room',
      summary: "Join the waiting room of a day's release (from waitingRoomMinutes before it); the token is shown once",
      tag: 'public', params: s.officeParams, body: joinBody, response: joined, responseStatus: 201,
      errors: ['VALIDATION', 'CHALLENGE_FAILED', 'NOT_FOUND', 'NOT_OPEN_YET', 'RATE_LIMITED'],
    },
    async ({ params, body }) => {
      await passChallenge(deps, body.altcha);
      return joinWaitingRoom(deps, params.officeId, body.date);
    },
    joinLimit,
  );

  route(
    router,
    {
      method: 'get', path: '/waiting-room/{entryId}',
      summary: 'A waiting-room entry: its place in the drawn order, how many still wait before it, the expected wait; Authorization: Bearer <token>',
      tag: 'public', params: entryParams, response: entryView, errors: ['UNAUTHENTICATED', 'NOT_FOUND'],
    },
    async ({ params }, req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      return waitingRoomEntry(deps, params.entryId, bearer(req.headers.authorization));
    },
  );

  return router;
};
