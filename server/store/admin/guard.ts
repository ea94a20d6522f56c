/** Who may run the admin use cases: an admin of that office, or a deployment-wide admin. */
import { fail } from '../../domain/errors';
import { assertOffice, assertRole, type Actor } from '../actor';

export const asOfficeAdmin = (actor: Actor, officeId: string): void => {
  assertRole(actor, 'admin');
  assertOffice(actor, officeId);
};

/** Reports: admins and supervisors of the office. */
export const asOfficeReader = (actor: Actor, officeId: string): void => {
  assertRole(actor, 'admin', 'supervisor');
  assertOffice(actor, officeId);
};

/** Creating offices and deployment-wide admins. */
export const asDeploymentAdmin = (actor: Actor): void => {
  assertRole(actor, 'admin');
  if (actor.officeId !== null) fail('FORBIDDEN');
};

/** A unique-index violation from SQLite, so that a taken name becomes a field error, not a 500. */
export const isUniqueViolation = (err: unknown): boolean => String((err as Error)?.message ?? err).includes('UNIQUE constraint failed');
