/** Who is acting: a signed-in staff member, scoped to one office (or, for a deployment admin, all). */
import { fail } from '../domain/errors';

export type Role = 'admin' | 'supervisor' | 'counter';
export type Actor = { userId: number; role: Role; officeId: string | null };

export const assertOffice = (actor: Actor, officeId: string): void => {
  if (actor.officeId !== null && actor.officeId !== officeId) fail('FORBIDDEN');
};

export const assertRole = (actor: Actor, ...roles: Role[]): void => {
  if (!roles.includes(actor.role)) fail('FORBIDDEN');
};
