/**
 * Proof-of-work solutions spent (fair booking): one row per challenge signature, so a replayed
 * solution hits the primary key and is refused, whichever process sees it; rows go once their
 * challenge has expired. Neither statement needs an advisory lock: the key decides.
 */
import type { Store } from '../store';
import { exec, type PgCtx } from './connection';
import { nextTurn } from './slices';

/** Expired rows removed per statement: each delete stays short. */
const FORGET_BATCH = 500;

export const challengeOperations = (ctx: PgCtx): Pick<Store, 'useChallenge' | 'forgetUsedChallenges'> => ({
  useChallenge: async (signature, expiresAtMs, nowMs) =>
    expiresAtMs > nowMs &&
    (await exec(ctx, 'INSERT INTO used_challenges (signature, expires_at) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING', signature, expiresAtMs)) === 1,
  forgetUsedChallenges: async (nowMs, batch = FORGET_BATCH) => {
    let forgotten = 0;
    for (;;) {
      const n = await exec(
        ctx,
        'DELETE FROM used_challenges WHERE signature IN (SELECT signature FROM used_challenges WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)',
        nowMs,
        batch,
      );
      forgotten += n;
      if (n < batch) return forgotten;
      await nextTurn();
    }
  },
});
