/** A staff member changes their own password, proving the current one; a weak or common one is refused; their other sessions end. */
import { DomainError } from '../domain/errors';
import type { SessionUser } from '../store/records';
import { isStrongPassword } from '../security/passwordStrength';
import { hashPassword, verifyPassword } from '../security/passwords';
import { outcome, type CommandDeps, type Outcome } from './command';

export const changeOwnPassword = async ({ store, clock }: CommandDeps, me: SessionUser, current: string, next: string): Promise<Outcome<null>> => {
  const user = await store.findUserByUsername(me.username);
  if (!user || !(await verifyPassword(current, user.passwordHash))) throw new DomainError('VALIDATION', {}, { current: { key: 'credentials' } });
  if (!(await isStrongPassword(next, [me.username, me.displayName]))) throw new DomainError('VALIDATION', {}, { next: { key: 'weak_password' } });
  await store.changeOwnPassword(me, await hashPassword(next), me.sessionId, clock.now());
  return outcome(null);
};
