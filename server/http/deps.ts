import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Store } from '../store';

/** What every router is built from. */
export type Deps = { store: Store; clock: Clock; config: Config; log: Logger };
