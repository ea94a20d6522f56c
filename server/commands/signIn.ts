/** Staff sign in with username and password; a fresh session id each time. */
import { DomainError } from '../domain/errors';
import type { Role } from '../domain/policy';
import { DUMMY_HASH, verifyPassword } from '../security/passwords';
import { outcome, type CommandDeps, type Outcome } from './command';

export type SignedIn = { token: string; me: { id: number; username: string; displayName: string; role: Role; officeId: string | null } };

export const signIn = async ({ store, clock }: CommandDeps, username: string, password: string): Promise<Outcome<SignedIn>> => {
  const user = await store.findUserByUsername(username);
  // Verify even for an unknown name so that timing does not tell which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) throw new DomainError('UNAUTHENTICATED', {}, { password: { key: 'credentials' } });
  const token = await store.startSession(user.id, clock.now());
  return outcome({ token, me: { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Role, officeId: user.officeId } });
};
