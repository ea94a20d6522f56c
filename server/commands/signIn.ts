/**
 * Staff sign in with username and password; a fresh session id each time. Wrong passwords are
 * counted per name (domain/signInThrottle): a locked name is refused, even with the right password.
 */
import { DomainError } from '../domain/errors';
import type { Role } from '../domain/policy';
import { DUMMY_HASH, verifyPassword } from '../security/passwords';
import { outcome, type CommandDeps, type Outcome } from './command';

export type SignedIn = { token: string; me: { id: number; username: string; displayName: string; role: Role; officeId: string | null } };
export type SignInAttempt = { username: string; password: string; /** The caller's address, for the audit. */ address: string };

export const signIn = async (
  { store, clock }: CommandDeps,
  { username, password, address }: SignInAttempt,
  { singleSession = false }: { /** A new sign-in ends the user's older sessions. */ singleSession?: boolean } = {},
): Promise<Outcome<SignedIn>> => {
  const until = await store.signInLock(username, address, clock.now());
  if (until !== null) throw new DomainError('RATE_LIMITED');
  const user = await store.findUserByUsername(username);
  // Verify even for an unknown name so that timing does not tell which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await store.recordSignInFailure(username, address, clock.now());
    throw new DomainError('UNAUTHENTICATED', {}, { password: { key: 'credentials' } });
  }
  const token = await store.startSession(user.id, clock.now(), { endOlderSessions: singleSession, address });
  return outcome({ token, me: { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Role, officeId: user.officeId } });
};
