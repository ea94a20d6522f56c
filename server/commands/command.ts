/**
 * What every command works with, and what it gives back: its result and the changes it
 * committed. A command reads top to bottom as its use case: authorise → one store operation
 * (the domain decides inside it) → { result, changes }. Nothing here knows HTTP or sockets.
 */
import type { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { Change } from '../events/change';
import type { Store } from '../store/store';

export type CommandDeps = { store: Store; clock: Clock };
export type Outcome<T> = { result: T; changes: Change[] };

export const outcome = <T>(result: T, ...changes: Change[]): Outcome<T> => ({ result, changes });

export type { DateTime };
