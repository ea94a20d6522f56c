/**
 * Forgets the proof-of-work solutions whose challenges have expired (a replay of one is refused
 * by its expiry alone by then), in the store's short batches; run with the other background jobs.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../store/store';

export const forgetUsedChallenges = async (store: Store, clock: Clock, log: Pick<Logger, 'info'>): Promise<void> => {
  const forgotten = await store.forgetUsedChallenges(clock.now().toMillis());
  if (forgotten > 0) log.info({ forgotten }, 'used challenges: expired ones forgotten');
};
