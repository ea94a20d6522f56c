/** Routes beyond API.md for the kiosk screens. */
import { Router } from 'express';
import type { Deps } from './deps';

export const kioskExtraRoutes = (_deps: Deps): Router => {
  const router = Router();
  return router;
};
