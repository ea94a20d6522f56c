/** The admin API beyond API.md (issue 6): everything the admin page needs. */
import { Router } from 'express';
import type { Deps } from './deps';

export const adminRoutes = (_deps: Deps): Router => {
  const router = Router();
  return router;
};
