/**
 * Extension point for the admin use cases (issue 6): services, templates, hours, room capacity,
 * counters, staff, kiosks, notices, WhatsApp contacts, blanko, closures, audit log.
 * Returns async operations merged into the store; `changed` tells the live layer after commit.
 */
import type { StoreCtx } from '../context';
import type { Change } from '../index';

export const adminStore = (_ctx: StoreCtx, _changed: (change: Change) => void) => ({});
