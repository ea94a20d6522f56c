/** The report operations of the PostgreSQL store (see groups.ts). */
import type { ReportOperations } from './groups';
import { unbuilt } from './groups';
import type { PgStoreCtx } from './index';

export const reportOperations = (_ctx: PgStoreCtx): ReportOperations => unbuilt('report', [] as never[]) as ReportOperations;
