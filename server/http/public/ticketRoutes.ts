/** Public: a ticket's status for the visitor's phone (numbers only, never personal data). */
import { Router } from 'express';
import { DomainError } from '../../domain/errors';
import type { Deps } from '../deps';
import { route } from '../route';
import * as s from '../schemas';
import * as commands from '../../commands';
import { publicSurveyRoutes } from './surveyRoutes';

export const publicTicketRoutes = (deps: Deps): Router => {
  const router = Router();

  route(router, { method: 'get', path: '/tickets/{ticketId}', summary: "A ticket's public status (no personal data)", tag: 'public', params: s.ticketParams, response: s.publicTicket, errors: ['NOT_FOUND'] }, async ({ params }) => {
    const ticket = await commands.publicTicketWithSurvey(deps, params.ticketId);
    if (!ticket) throw new DomainError('NOT_FOUND');
    return ticket;
  });

  publicSurveyRoutes(deps, router);

  return router;
};
