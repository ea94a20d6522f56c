/** Routes beyond API.md for the booking screens. */
import { Router } from 'express';
import type { Deps } from './deps';

export const bookingExtraRoutes = (_deps: Deps): Router => {
  const router = Router();
  return router;
};
