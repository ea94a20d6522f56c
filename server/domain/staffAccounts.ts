/**
 * Staff accounts: who may manage which account, and which changes an account may take. An
 * office admin manages the accounts of that office; deployment-wide admins (no office) are
 * admins only, and are managed by their peers.
 */
import type { Role } from '../../shared/staffTypes';
import { fail, invalid } from './errors';
import { normalisePhone } from './phone';
import { authorize, type Actor } from './policy';

type Account = { id: number; role: Role | string; officeId: string | null };
export type AccountPatch = { displayName?: string; role?: Role; disabled?: boolean; contactPhone?: string | null };

/**
 * An account's own WhatsApp number (a kelurahan assistant's: the messages of bookings made for
 * citizens without a phone go there), normalised to E.164; '' or null removes it. Refused field
 * by field under `contactPhone` when it is not a mobile number.
 */
export const checkContactPhone = (raw: string | null | undefined): string | null | undefined => {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  return normalisePhone(raw) ?? invalid({ contactPhone: { key: 'phone' } });
};

/** What the audit log keeps of an account change: whether the number changed, never the number. */
export const auditedAccountPatch = (patch: AccountPatch): Record<string, unknown> =>
  patch.contactPhone === undefined ? { ...patch } : { ...patch, contactPhone: patch.contactPhone === null ? 'removed' : 'set' };

/** A new account without an office is a deployment-wide admin; no other role exists there. */
export const checkNewAccount = (officeId: string | null, role: Role): void => {
  if (officeId === null && role !== 'admin') invalid({ role: { key: 'invalid' } });
};

/**
 * Whether `actor` may manage `account`, reached through the office `officeId` (null: from no
 * office). FORBIDDEN for another office's account or a deployment-wide one (unless a peer);
 * NOT_FOUND when the account belongs to another office than the one named.
 */
export const checkAccountAccess = (actor: Actor, account: Account, officeId: string | null): void => {
  if (account.officeId === null) authorize(actor, 'deploy');
  else if (actor.officeId !== null && account.officeId !== actor.officeId) fail('FORBIDDEN');
  if (officeId !== null && account.officeId !== null && account.officeId !== officeId) fail('NOT_FOUND');
};

/**
 * Nobody changes their own role or disables themselves (so an office is never left without an
 * admin by accident), and a deployment-wide admin stays an admin. Answers whether the change
 * ends the account's sessions (disabled, or a new role: its devices must sign in again).
 */
export const checkAccountChange = (actor: Actor, account: Account, patch: AccountPatch): { endSessions: boolean } => {
  const newRole = !!patch.role && patch.role !== account.role;
  if (account.id === actor.userId && (newRole || patch.disabled)) invalid({ role: { key: 'self_change' } });
  if (account.officeId === null && patch.role && patch.role !== 'admin') invalid({ role: { key: 'invalid' } });
  return { endSessions: !!patch.disabled || newRole };
};
