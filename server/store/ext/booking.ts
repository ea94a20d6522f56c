/**
 * Extension point for the booking use cases. Returns async operations merged into the store;
 * call `changed` after a committed change so that the live layer publishes it.
 */
import type { StoreCtx } from '../context';
import type { Change } from '../index';

export const bookingStore = (_ctx: StoreCtx, _changed: (change: Change) => void) => ({});
