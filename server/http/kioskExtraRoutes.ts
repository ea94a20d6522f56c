/** Routes beyond API.md for the kiosk screens. */
import { Router } from 'express';
import { requireKiosk, kioskOf } from './auth';
import type { Deps } from './deps';
import { route } from './route';

export const kioskExtraRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock, config } = deps;

  // The office is the kiosk's own (from its token): a kiosk never sees another office.
  route(
    router,
    {
      method: 'get', path: '/kiosk/state', tag: 'kiosk', auth: 'kiosk', errors: ['UNAUTHENTICATED'],
      summary: "What the paired kiosk shows: each service's walk-in availability now (closed reason, places left, estimated wait) and whether the room is full",
    },
    (_input, _req, res) => store.kioskState({ ...kioskOf(res) }, clock.now(), config.publicBaseUrl ?? null),
    requireKiosk(deps),
  );

  return router;
};
