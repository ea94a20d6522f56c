import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Outcome } from '../commands/command';
import type { Config } from '../config';
import type { ChangeBus } from '../events/bus';
import type { LeanLane } from './leanLane';
import type { LimitCounters } from './rateLimits';
import type { Store } from '../store/store';

/**
 * What every router is built from. `limitCounters`: rate-limit counters shared by the processes
 * (REDIS_URL); `leanLane`: where leanRoute also registers its routes (absent: express serves them alone).
 */
export type Deps = { store: Store; bus: ChangeBus; clock: Clock; config: Config; log: Logger; limitCounters?: LimitCounters; leanLane?: LeanLane };

/** Runs a command and hands the changes it committed to the bus; the route answers with its result. */
export const perform = async <T>(deps: Deps, pending: Promise<Outcome<T>>): Promise<T> => {
  const { result, changes } = await pending;
  for (const change of changes) deps.bus.publish(change);
  return result;
};
