/** Staff sign out: the session ends, and so do its live sockets. */
import { outcome, type CommandDeps, type Outcome } from './command';

export const signOut = async ({ store, clock }: CommandDeps, sessionId: string): Promise<Outcome<null>> => {
  await store.endSession(sessionId, clock.now());
  return outcome(null, { kind: 'sessions', sessionId });
};
