/** Staff sign-in, sign-out, who am I, and changing one's own password. */
import { Router } from 'express';
import { z } from 'zod';
import * as commands from '../../commands';
import { requireAnyStaff, SESSION_COOKIE, sessionCookie, staffOf } from '../auth';
import { perform, type Deps } from '../deps';
import { perMinute } from '../rateLimits';
import { route } from '../route';
import * as s from '../schemas';
import * as adminSchemas from '../admin/schemas';

const meShape = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(['admin', 'supervisor', 'counter', 'assistant']), officeId: z.string().nullable(),
  /** The account's own WhatsApp number (an assistant's: it receives the messages of bookings for citizens without a phone); on `GET /auth/me` only. */
  contactPhone: z.string().nullable().optional(),
});

export const staffAuthRoutes = (deps: Deps): Router => {
  const router = Router();
  // Every account, a kelurahan assistant included, signs out, reads itself and changes its own password.
  const staff = requireAnyStaff(deps);
  const anyStaff = staff;

  route(
    router,
    { method: 'post', path: '/auth/login', summary: 'Sign in; sets an httpOnly session cookie', tag: 'auth', body: s.loginBody, response: meShape, errors: ['VALIDATION', 'UNAUTHENTICATED', 'RATE_LIMITED'] },
    async ({ body }, req, res) => {
      const attempt = { username: body.username, password: body.password, address: req.ip ?? '' };
      const { token, me } = await perform(deps, commands.signIn(deps, attempt, { singleSession: deps.config.singleSession }));
      res.setHeader('Set-Cookie', sessionCookie(token, deps, deps.config.sessionAbsoluteHours * 3600));
      return me;
    },
    perMinute(deps.config.loginRateLimit, deps.limitCounters, 'logins'),
  );

  route(router, { method: 'post', path: '/auth/logout', summary: 'Sign out: ends the session and its live sockets', tag: 'auth', auth: 'session' }, async (_i, _req, res) => {
    await perform(deps, commands.signOut(deps, staffOf(res).sessionId));
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return null;
  }, staff);

  route(router, { method: 'get', path: '/auth/me', summary: 'The signed-in staff member, with its own WhatsApp number', tag: 'auth', auth: 'session', response: meShape, errors: ['UNAUTHENTICATED'] }, async (_i, _req, res) => {
    const me = staffOf(res);
    const contactPhone = await deps.store.contactPhoneOf(me.userId);
    return { id: me.userId, username: me.username, displayName: me.displayName, role: me.role, officeId: me.officeId, contactPhone };
  }, staff);

  route(
    router,
    { method: 'post', path: '/auth/password', summary: 'Change your own password; your other sessions end', tag: 'auth', auth: 'session', body: adminSchemas.ownPasswordBody, errors: ['VALIDATION', 'UNAUTHENTICATED', 'RATE_LIMITED'] },
    ({ body }, _req, res) => perform(deps, commands.changeOwnPassword(deps, staffOf(res), body.current, body.next)),
    perMinute(deps.config.loginRateLimit, deps.limitCounters, 'password-changes'),
    anyStaff,
  );

  return router;
};
