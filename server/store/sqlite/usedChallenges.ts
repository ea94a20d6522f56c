/**
 * Proof-of-work solutions spent (fair booking): one row per challenge signature, so a replayed
 * solution hits the primary key and is refused; rows go once their challenge has expired.
 */
import type { Store } from '../store';
import { writeTx, type StoreCtx } from './connection';
import type { GroupCommit } from './groupCommit';
import { stmt } from './prepared';
import { nextTurn } from './slices';

/** Expired rows removed per transaction: the write lock is held briefly. */
const FORGET_BATCH = 500;

/** True the first time a signature is spent (inside the caller's transaction). */
const spend = (ctx: StoreCtx, signature: string, expiresAtMs: number): boolean =>
  stmt(ctx, 'INSERT INTO used_challenges (signature, expires_at) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING').run(signature, expiresAtMs).changes === 1;

const forgetBatch = (ctx: StoreCtx, nowMs: number, batch: number): number =>
  writeTx(ctx, () =>
    stmt(ctx, 'DELETE FROM used_challenges WHERE signature IN (SELECT signature FROM used_challenges WHERE expires_at < ? LIMIT ?)').run(nowMs, batch).changes,
  );

export const challengeOperations = (ctx: StoreCtx, grouped: GroupCommit): Pick<Store, 'useChallenge' | 'forgetUsedChallenges'> => ({
  // A booking burst spends one solution per booking: it shares the bookings' group commit.
  useChallenge: async (signature, expiresAtMs, nowMs) => (expiresAtMs <= nowMs ? false : grouped(() => spend(ctx, signature, expiresAtMs))),
  forgetUsedChallenges: async (nowMs, batch = FORGET_BATCH) => {
    let forgotten = 0;
    for (;;) {
      const n = forgetBatch(ctx, nowMs, batch);
      forgotten += n;
      if (n < batch) return forgotten;
      await nextTurn();
    }
  },
});
