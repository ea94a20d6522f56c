/** Session cookies for staff and bearer tokens for kiosks, as express middleware. */
import { parse as parseCookies, serialize } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../domain/errors';
import { WORKING_ROLES, type Role } from '../domain/policy';
import type { SessionUser } from '../store/records';
import type { Deps } from './deps';

export const SESSION_COOKIE = 'giliran_session';

export const sessionCookie = (token: string, deps: Deps, maxAgeSeconds: number): string =>
  serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: maxAgeSeconds,
  });

export const tokenFromCookieHeader = (header: string | undefined): string | undefined =>
  header ? parseCookies(header)[SESSION_COOKIE] : undefined;

export const sessionUser = async (deps: Pick<Deps, 'store' | 'clock' | 'config'>, cookieHeader: string | undefined, opts: { touch?: boolean } = {}): Promise<SessionUser | undefined> => {
  const token = tokenFromCookieHeader(cookieHeader);
  if (!token) return undefined;
  return deps.store.resolveSession(token, deps.clock.now(), {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteHours: deps.config.sessionAbsoluteHours,
  }, opts);
};

export const staffOf = (res: Response): SessionUser => res.locals.staff as SessionUser;

const requireRoles =
  (deps: Deps, roles: readonly Role[]) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    let user: SessionUser | undefined;
    try {
      user = await sessionUser(deps, req.headers.cookie);
    } catch (err) {
      return next(err);
    }
    if (!user) return next(new DomainError('UNAUTHENTICATED'));
    if (!roles.includes(user.role)) return next(new DomainError('FORBIDDEN'));
    res.locals.staff = user;
    next();
  };

/**
 * A signed-in member of the office's working staff (`roles`: only those). A kelurahan assistant
 * is refused here, whatever the route: it reaches only the routes that take `requireAnyStaff`.
 */
export const requireStaff = (deps: Deps, ...roles: Role[]) => requireRoles(deps, roles.length ? roles : WORKING_ROLES);

/** Any signed-in account, an assistant included: its own session and password, and assisted bookings (authorised by the command). */
export const requireAnyStaff = (deps: Deps) => requireRoles(deps, [...WORKING_ROLES, 'assistant']);

export type KioskIdentity = { id: number; officeId: string; name: string };
export const kioskOf = (res: Response): KioskIdentity => res.locals.kiosk as KioskIdentity;

export const requireKiosk =
  (deps: Deps) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const kiosk = token ? await deps.store.resolveKiosk(token) : undefined;
    if (!kiosk) return next(new DomainError('UNAUTHENTICATED'));
    // A kiosk is paired with one office and issues tickets only there.
    if (req.params.officeId && req.params.officeId !== kiosk.officeId) return next(new DomainError('FORBIDDEN'));
    res.locals.kiosk = { id: kiosk.id, officeId: kiosk.officeId, name: kiosk.name };
    next();
  };
