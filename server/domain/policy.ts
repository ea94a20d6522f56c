/**
 * Who may do what, in one place. An actor is a signed-in staff member scoped to one office, or
 * a deployment-wide admin (officeId null) who may act in every office.
 */
import type { Role } from '../../shared/staffTypes';
import { fail } from './errors';

export type { Role };
export type Actor = { userId: number; role: Role; officeId: string | null };

/**
 * - `serve`: the office's working staff (counter work, reading a holder's booking); never an assistant
 * - `assist`: booking on a citizen's behalf in the office, and listing one's own such bookings:
 *   working staff and kelurahan assistants (whose role allows this alone)
 * - `report`: admins and supervisors of the office (reports)
 * - `administer`: admins of the office (settings, staff, closures, kiosks)
 * - `deploy`: a deployment-wide admin only (creating offices and deployment admins)
 */
export type Permission = 'serve' | 'assist' | 'report' | 'administer' | 'deploy';

const ROLES: Record<Permission, Role[]> = {
  serve: ['admin', 'supervisor', 'counter'],
  assist: ['admin', 'supervisor', 'counter', 'assistant'],
  report: ['admin', 'supervisor'],
  administer: ['admin'],
  deploy: ['admin'],
};

/** The roles that work in the office (counters, reports, administration); an assistant only books for citizens. */
export const WORKING_ROLES: readonly Role[] = ROLES.serve;

export const mayAct = (actor: Actor, permission: Permission, officeId?: string | null): boolean => {
  if (!ROLES[permission].includes(actor.role)) return false;
  if (permission === 'deploy') return actor.officeId === null;
  // undefined: no office is involved; null: a deployment-wide thing, for deployment-wide staff only.
  return officeId === undefined || actor.officeId === null || actor.officeId === officeId;
};

/** Refuses with FORBIDDEN unless `actor` holds `permission` in `officeId`. */
export const authorize = (actor: Actor, permission: Permission, officeId?: string | null): void => {
  if (!mayAct(actor, permission, officeId)) fail('FORBIDDEN');
};

/** The office check alone, for rows whose office is known only once loaded (a ticket, a counter). */
export const assertOffice = (actor: Actor, officeId: string | null): void => {
  if (actor.officeId !== null && actor.officeId !== officeId) fail('FORBIDDEN');
};
