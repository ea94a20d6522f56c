/** Counter work: call next, step a ticket, the office's counters and their status, a ticket's details, today's no-shows. */
import { Router } from 'express';
import { z } from 'zod';
import * as commands from '../../commands';
import { requireStaff, staffOf } from '../auth';
import { perform, type Deps } from '../deps';
import { route } from '../route';
import * as s from '../schemas';
import { perMinute } from '../rateLimits';
import { transferWithReasonBody, urgentTicketBody, verifyHolderAnswer, verifyHolderBody } from './counterSchemas';

const HOLDER_CHECKS_PER_MINUTE = 20;

const ticketStatus = z.enum(['waiting', 'called', 'serving', 'done', 'no_show']);

const ticketDetails = z.object({
  id: z.string(),
  number: z.string(),
  service: z.string(),
  serviceName: z.string(),
  status: ticketStatus,
  source: z.enum(['walkin', 'booking']),
  priority: z.enum(['elderly', 'disabled', 'pregnant']).nullable(),
  counter: z.string().nullable(),
  recallCount: z.number(),
  recallLimit: z.number(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  booking: z
    .object({ code: z.string(), name: z.string().nullable(), nikMasked: z.string(), phoneMasked: z.string(), slot: z.string() })
    .nullable(),
  requirements: z.string(),
  urgentReason: z.string().nullable(),
});

const noShow = z.object({
  id: z.string(), number: z.string(), service: z.string(), counter: z.string().nullable(), noShowAt: z.string(), recallCount: z.number(),
});

export const staffCounterRoutes = (deps: Deps): Router => {
  const router = Router();
  const reads = commands.staffReads(deps);
  const staff = requireStaff(deps);

  route(
    router,
    { method: 'post', path: '/counters/{counterId}/call-next', summary: 'Call the next ticket for this counter (204 when nobody waits)', tag: 'staff', auth: 'session', params: s.counterParams, response: z.object({ ticket: s.publicTicket }), errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'COUNTER_BUSY', 'COUNTER_NOT_OPEN'] },
    async ({ params }, _req, res) => {
      const ticket = await perform(deps, commands.callNext(deps, staffOf(res), params.counterId));
      return ticket ? { ticket } : null;
    },
    staff,
  );

  for (const action of ['recall', 'start', 'complete', 'no-show', 'requeue'] as const) {
    route(
      router,
      { method: 'post', path: `/tickets/{ticketId}/${action}`, summary: `Ticket step: ${action}`, tag: 'staff', auth: 'session', params: s.ticketParams, response: z.object({ ticket: s.publicTicket }), errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE'] },
      async ({ params }, _req, res) => ({
        ticket: await perform(deps, commands.stepTicket(deps, staffOf(res), params.ticketId, action === 'no-show' ? 'no_show' : action)),
      }),
      staff,
    );
  }

  route(
    router,
    {
      method: 'post', path: '/tickets/{ticketId}/transfer', tag: 'staff', auth: 'session', params: s.ticketParams, body: transferWithReasonBody, response: z.object({ ticket: s.publicTicket }),
      summary: 'Transfer a ticket to another service: same number, now waiting there. Into a service closed today it is an urgent case: supervisor or admin, with `reason`; audited',
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_STATE'],
    },
    async ({ params, body }, _req, res) => ({
      ticket: await perform(deps, commands.stepTicket(deps, staffOf(res), params.ticketId, 'transfer', { service: body.service, ...(body.reason !== undefined ? { reason: body.reason } : {}) })),
    }),
    staff,
  );

  route(
    router,
    {
      method: 'post', path: '/offices/{officeId}/urgent-tickets', tag: 'staff', auth: 'session', params: s.officeParams, body: urgentTicketBody,
      response: z.object({ ticket: s.publicTicket }), responseStatus: 201,
      summary: 'Issue a ticket for a service closed today (closure or urgent-only mode) for an urgent case: supervisor or admin, with a reason; audited and counted in reports',
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
    },
    async ({ params, body }, _req, res) => ({
      ticket: await perform(deps, commands.issueUrgent(deps, staffOf(res), params.officeId, { service: body.service, reason: body.reason, priority: body.priority ?? null })),
    }),
    staff,
  );

  route(
    router,
    {
      method: 'post', path: '/tickets/{ticketId}/verify-holder', tag: 'staff', auth: 'session', params: s.ticketParams, body: verifyHolderBody, response: verifyHolderAnswer,
      summary: "Whether the NIK on the visitor's KTP is the booking holder's (compared by hash, never stored; audited without digits; locked after a few mismatches)",
      errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_ATTEMPTS', 'RATE_LIMITED'],
    },
    async ({ params, body }, _req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      return perform(deps, commands.verifyHolder(deps, staffOf(res), params.ticketId, body.nik));
    },
    // Per address, on top of the per-ticket lock: a desk checks a few KTPs a minute, not hundreds.
    perMinute(HOLDER_CHECKS_PER_MINUTE, deps.limitCounters, 'holder-checks'),
    staff,
  );

  route(router, { method: 'get', path: '/offices/{officeId}/counters', summary: 'Counters with their services, status and current ticket', tag: 'staff', auth: 'session', params: s.officeParams, response: z.array(s.counterView), errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] }, ({ params }, _req, res) => reads.listCounters(staffOf(res), params.officeId), staff);

  route(
    router,
    { method: 'patch', path: '/counters/{counterId}', summary: 'Open, pause or close a counter', tag: 'staff', auth: 'session', params: s.counterParams, body: s.counterPatchBody, response: s.counterView, errors: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'COUNTER_BUSY'] },
    ({ params, body }, _req, res) => perform(deps, commands.setCounterStatus(deps, staffOf(res), params.counterId, body.status)),
    staff,
  );

  route(
    router,
    {
      method: 'get', path: '/tickets/{ticketId}/details', tag: 'staff', auth: 'session', params: s.ticketParams, response: ticketDetails,
      summary: "A ticket for the counter screen, with its booking's holder (name, masked NIK and phone): staff only, never public",
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
    },
    async ({ params }, _req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      return reads.ticketDetails(staffOf(res), params.ticketId);
    },
    staff,
  );

  route(
    router,
    {
      method: 'get', path: '/offices/{officeId}/no-shows', tag: 'staff', auth: 'session', params: s.officeParams, response: z.array(noShow),
      summary: "Today's no-show tickets, latest first: the ones staff may requeue",
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
    },
    ({ params }, _req, res) => reads.noShowsToday(staffOf(res), params.officeId),
    staff,
  );

  return router;
};
