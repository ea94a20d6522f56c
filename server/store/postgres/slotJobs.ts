/**
 * The slot job (as `materialiseSlots` of ../sqlite/jobs.ts): makes the slots of the coming days
 * ahead, so that `availability` only reads.
 */
import type { DateTime } from 'luxon';
import { dateRange, todayIn } from '../../domain/time';
import * as t from './schema';
import { allRows, withTx, type PgCtx } from './connection';
import { sharePlan } from './bookingLocks';
import { insertSlots, loadServices, unmadeSlots } from './offices';

/**
 * Makes the missing slot rows of every office's bookable days (today to the end of its booking
 * horizon) from templates and overrides, one service per short transaction; returns how many it
 * made. What is missing is found by reading first: on a day already made, nothing is written.
 * Under the shared plan lock (no re-plan meanwhile); rows another process made first are skipped.
 */
export const materialiseSlots = async (ctx: PgCtx, now: DateTime): Promise<number> => {
  let made = 0;
  for (const office of await allRows(ctx, t.offices, 'ORDER BY id')) {
    // Today to the last bookable day.
    const dates = dateRange(todayIn(office, now), office.bookingHorizonDays);
    for (const service of await loadServices(ctx, office.id)) {
      if ((await unmadeSlots(ctx, office, service.id, dates)).length === 0) continue;
      made += await withTx(ctx, async (tx) => {
        await sharePlan(tx, office.id);
        return insertSlots(tx, await unmadeSlots(tx, office, service.id, dates));
      });
    }
  }
  return made;
};
