/**
 * Admin actions on staff accounts and kiosks. A generated password or kiosk token is returned
 * this once and never stored in clear; ending access ends the live sockets too.
 */
import type { Role } from '../../../shared/staffTypes';
import { fail } from '../../domain/errors';
import { authorize, type Actor } from '../../domain/policy';
import { hashPassword } from '../../security/passwords';
import { newPassword } from '../../security/tokens';
import { outcome, type CommandDeps } from '../command';
import { adminAction } from './adminAction';

/** An office account, or (officeId null) a deployment-wide admin, which only deployment admins may create. */
export const createStaff = async (deps: CommandDeps, actor: Actor, officeId: string | null, input: { username: string; displayName: string; role: Role; contactPhone?: string | null }) => {
  authorize(actor, officeId === null ? 'deploy' : 'administer', officeId ?? undefined);
  const password = newPassword();
  const user = await deps.store.createStaff(officeId, input, await hashPassword(password), actor, deps.clock.now());
  return outcome({ user, password });
};

export const updateStaff = async (deps: CommandDeps, actor: Actor, officeId: string, userId: number, patch: { displayName?: string; role?: Role; disabled?: boolean; contactPhone?: string | null }) => {
  const { result } = await adminAction(deps, actor, officeId, (now) => deps.store.updateStaff(officeId, userId, patch, actor, now), { publish: false });
  return patch.disabled || patch.role ? outcome(result, { kind: 'sessions', userId }) : outcome(result);
};

export const resetPassword = async (deps: CommandDeps, actor: Actor, officeId: string, userId: number) => {
  authorize(actor, 'administer', officeId);
  const password = newPassword();
  const user = await deps.store.resetPassword(officeId, userId, await hashPassword(password), actor, deps.clock.now());
  return outcome({ user, password }, { kind: 'sessions', userId });
};

export const setUserDisabled = async (deps: CommandDeps, actor: Actor, userId: number, disabled: boolean) => {
  await deps.store.setUserDisabled(userId, disabled, actor, deps.clock.now());
  return disabled ? outcome(null, { kind: 'sessions', userId }) : outcome(null);
};

export const createKiosk = (deps: CommandDeps, actor: Actor, officeId: string, name: string) =>
  adminAction(deps, actor, officeId, (now) => deps.store.createKiosk(officeId, name, actor, now), { publish: false });

export const revokeKiosk = (deps: CommandDeps, actor: Actor, officeId: string, kioskId: number) =>
  adminAction(deps, actor, officeId, (now) => deps.store.revokeKiosk(officeId, kioskId, actor, now), { publish: false });

/** The office must exist: the store would otherwise requeue nothing and still write an audit row for it. */
export const retryFailedNotifications = (deps: CommandDeps, actor: Actor, officeId: string) =>
  adminAction(deps, actor, officeId, async (now) => {
    if (!(await deps.store.listOffices()).some((office) => office.id === officeId)) fail('NOT_FOUND');
    return deps.store.retryFailedNotifications(officeId, actor, now);
  }, { publish: false });
