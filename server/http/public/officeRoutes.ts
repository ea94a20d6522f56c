/** Public: health, the offices, an office's detail page data and the availability calendar. */
import { Router } from 'express';
import { z } from 'zod';
import * as commands from '../../commands';
import type { Deps } from '../deps';
import type { MessagesBy } from '../../../shared/types';
import { route } from '../route';
import * as s from '../schemas';

export const publicOfficeRoutes = (deps: Deps): Router => {
  const router = Router();
  const { store, clock } = deps;

  route(router, { method: 'get', path: '/health', summary: 'Health: ok once the database answers', tag: 'public', response: z.object({ status: z.literal('ok') }) }, async () => {
    await store.listOffices();
    return { status: 'ok' };
  });

  // Drafts (offices still being set up) are not shown to visitors.
  route(router, { method: 'get', path: '/offices', summary: 'The published offices', tag: 'public', response: z.array(z.object({ id: z.string(), name: z.string(), timezone: z.string() })) }, async () =>
    (await store.listOffices()).filter((o) => o.published).map(({ published: _published, ...o }) => o),
  );

  // messagesBy: what the pages may promise. With the log channel nothing reaches the visitor, so they say to keep the code shown.
  const messagesBy: MessagesBy = deps.config.notifyChannel === 'whatsapp' ? 'whatsapp' : 'none';
  route(router, { method: 'get', path: '/offices/{officeId}', summary: 'An office: services (each with its WhatsApp contact group and number, and its requirements), hours, notices, WhatsApp contacts, closures, and whether visitors receive messages (messagesBy)', tag: 'public', params: s.officeParams, response: s.officeDetail, errors: ['NOT_FOUND'] }, async ({ params }) =>
    ({ ...(await store.officeDetail(params.officeId, clock.now())), messagesBy }),
  );

  route(
    router,
    { method: 'get', path: '/offices/{officeId}/availability', summary: 'Slots per day for a service', tag: 'public', params: s.officeParams, query: s.availabilityQuery, response: z.array(s.slotDay), errors: ['VALIDATION', 'NOT_FOUND'] },
    ({ params, query }) => commands.availabilityFrom(deps, params.officeId, query.service, query.from, query.days),
  );

  return router;
};
