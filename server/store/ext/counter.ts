/**
 * Extension point for the counter use cases. Returns async operations merged into the store;
 * call `changed` after a committed change so that the live layer publishes it.
 */
import type { StoreCtx } from '../context';
import type { Change } from '../index';

export const counterStore = (_ctx: StoreCtx, _changed: (change: Change) => void) => ({});
