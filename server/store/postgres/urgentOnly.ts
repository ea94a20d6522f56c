/**
 * Urgent-only mode (as ../sqlite/urgentOnly.ts): the office keeps only the chosen services open,
 * through ordinary service closures of kind `urgent_only`, one per other service, open-ended.
 * Ending the mode ends them. The rules are `domain/urgentOnly`. Setting it holds the closure
 * locks (closures.ts); ending it, as ending a closure, the office's.
 */
import type { DateTime } from 'luxon';
import { urgentOnlyClosings, urgentOnlyEnding, urgentOnlyView, type UrgentClosure } from '../../domain/urgentOnly';
import { addDays } from '../../domain/time';
import * as t from './schema';
import { allRows, officeLock, withTx, type Conn, type PgCtx, type Tx } from './connection';
import type { Actor } from '../../domain/policy';
import { closeInTx, closureLocks, endInTx } from './closures';
import type { ClosureResult, UrgentOnlyInput } from '../store';
import { audit } from './journal';
import { loadOffice, loadServices, todayIn, type OfficeRow } from './offices';
import type { UrgentOnlyState } from '../../../shared/staffTypes';

/** Every closure urgent-only mode made in the office (a few per change of mode). */
const modeClosures = async (c: Conn, office: OfficeRow): Promise<UrgentClosure[]> =>
  (await allRows(c, t.closures, "WHERE office_id = ? AND kind = 'urgent_only' ORDER BY id", office.id))
    .map((c) => ({ id: c.id, serviceId: c.serviceId, from: c.fromDate, to: c.toDate, reason: c.reason }));

export const urgentOnlyState = async (c: Conn, office: OfficeRow, now: DateTime): Promise<UrgentOnlyState> =>
  urgentOnlyView(await loadServices(c, office.id), await modeClosures(c, office), todayIn(office, now));

/** Ends the mode's closures after `lastDay` (never before yesterday, never later than they already end). */
const endCurrent = async (tx: Tx, office: OfficeRow, lastDay: string, actor: Actor, now: DateTime): Promise<void> => {
  const { last, end } = urgentOnlyEnding(await modeClosures(tx, office), lastDay, todayIn(office, now));
  for (const c of end) await endInTx(tx, office, c.id, last, actor, now);
};

/** Keeps only `open` services from `from` on; replaces any urgent-only mode already set. */
export const setUrgentOnly = (
  ctx: PgCtx,
  officeId: string,
  input: UrgentOnlyInput,
  actor: Actor,
  now: DateTime,
  notifyChannel: string,
): Promise<UrgentOnlyState & { results: ClosureResult[] }> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const from = input.from ?? todayIn(office, now);
    const closing = urgentOnlyClosings(await loadServices(tx, officeId), input.open);
    await endCurrent(tx, office, addDays(from, -1), actor, now);
    const results: ClosureResult[] = [];
    for (const s of closing) {
      results.push(await closeInTx(tx, office, { from, to: null, service: s.code, reason: input.reason, action: input.action }, actor, now, notifyChannel, 'urgent_only'));
    }
    await audit(tx, { officeId, userId: actor.userId, action: 'urgent_only.set', target: officeId, detail: { open: input.open, from, reason: input.reason } }, now);
    return { ...(await urgentOnlyState(tx, office, now)), results };
  }, { locks: closureLocks(officeId) });

/** Ends urgent-only mode: every service is open again from `from` (default today). */
export const endUrgentOnly = (ctx: PgCtx, officeId: string, input: { from?: string }, actor: Actor, now: DateTime): Promise<UrgentOnlyState> =>
  withTx(ctx, async (tx) => {
    const office = await loadOffice(tx, officeId);
    const from = input.from ?? todayIn(office, now);
    await endCurrent(tx, office, addDays(from, -1), actor, now);
    await audit(tx, { officeId, userId: actor.userId, action: 'urgent_only.end', target: officeId, detail: { from } }, now);
    return urgentOnlyState(tx, office, now);
  }, { locks: [officeLock(officeId)] });
