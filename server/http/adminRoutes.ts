/** The admin API beyond API.md (issue 6): everything the admin page needs. */
import { Router } from 'express';
import type { Deps } from './deps';
import { closureRoutes } from './admin/closureRoutes';
import { noticeRoutes } from './admin/noticeRoutes';
import { officeRoutes } from './admin/officeRoutes';
import { peopleRoutes } from './admin/peopleRoutes';
import { releaseRoutes } from './admin/releaseRoutes';
import { reportRoutes } from './admin/reportRoutes';
import { serviceRoutes } from './admin/serviceRoutes';
import { skmRoutes } from './admin/skmRoutes';

export const adminRoutes = (deps: Deps): Router => {
  const router = Router();
  officeRoutes(deps, router);
  serviceRoutes(deps, router);
  peopleRoutes(deps, router);
  noticeRoutes(deps, router);
  closureRoutes(deps, router);
  reportRoutes(deps, router);
  releaseRoutes(deps, router);
  skmRoutes(deps, router);
  return router;
};
