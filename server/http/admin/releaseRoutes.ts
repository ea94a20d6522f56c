/** The releases of an office and their draws (admins): the seed is shown once drawn, so the order can be checked. */
import { Router } from 'express';
import { z } from 'zod';
import { staffOf, requireStaff } from '../auth';
import { listReleases, releaseDraw } from '../../commands/waitingRoom';
import type { Deps } from '../deps';
import { route } from '../route';
import { localDate, officeParams } from '../schemas';
import { adminDoc } from './common';

const releaseView = z.object({
  date: z.string(), roomOpensAt: z.string(), releaseAt: z.string(), drawnAt: z.string().nullable(), seed: z.string().nullable(),
  drawnEntries: z.number(), arrivals: z.number(), waiting: z.number(), admitted: z.number(), used: z.number(), expired: z.number(),
});

export const releaseRoutes = (deps: Deps, router: Router): void => {
  const admin = requireStaff(deps, 'admin');

  route(
    router,
    adminDoc({ method: 'get', path: '/offices/{officeId}/releases', summary: 'The releases of the last 60 days with their waiting rooms, and each draw\'s seed once drawn', params: officeParams, response: z.array(releaseView) }),
    ({ params }, _req, res) => listReleases(deps, staffOf(res), params.officeId),
    admin,
  );

  route(
    router,
    adminDoc({
      method: 'get', path: '/offices/{officeId}/releases/{date}',
      summary: "One release and its drawn order as stored (order[i]: the arrival number given place i + 1); sorting the arrivals by HMAC-SHA256(seed, arrival) gives it again",
      params: officeParams.extend({ date: localDate }), response: releaseView.extend({ order: z.array(z.number()) }),
    }),
    ({ params }, _req, res) => releaseDraw(deps, staffOf(res), params.officeId, params.date),
    admin,
  );
};
