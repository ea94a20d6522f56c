/** Routes beyond API.md for the counter screens. */
import { Router } from 'express';
import type { Deps } from './deps';

export const counterExtraRoutes = (_deps: Deps): Router => {
  const router = Router();
  return router;
};
