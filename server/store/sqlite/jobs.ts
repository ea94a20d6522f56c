/**
 * The background jobs' operations that keep derived rows made ahead, so that reads never have
 * to make them: the slots of the coming days (for `availability`) and the report figures of
 * the days that are over (for `rangeReport`). Each works in short transactions, taking the
 * write lock only when there is something to add, and gives the event loop back between them.
 */
import type { DateTime } from 'luxon';
import { dateRange, todayIn } from '../../domain/time';
import type { Store } from '../store';
import * as t from './schema';
import { writeTx, type StoreCtx } from './connection';
import { insertSlots, loadServices, unmadeSlots } from './offices';
import { allRows } from './prepared';
import { fillReportDays } from './reports';
import { nextTurn } from './slices';


/**
 * Makes the missing slot rows of every office's bookable days (today to the end of its booking
 * horizon) from templates and overrides, one service per transaction; returns how many it made.
 * What is missing is found by reading: on a day already made, no write lock is taken.
 */
export const materialiseSlots = async (ctx: StoreCtx, now: DateTime): Promise<number> => {
  let made = 0;
  for (const office of allRows(ctx, t.offices, 'ORDER BY id')) {
    // Today to the last bookable day.
    const dates = dateRange(todayIn(office, now), office.bookingHorizonDays);
    for (const service of loadServices(ctx, office.id)) {
      if (unmadeSlots(ctx, office, service.id, dates).length === 0) continue;
      made += writeTx(ctx, () => insertSlots(ctx, unmadeSlots(ctx, office, service.id, dates)));
      await nextTurn();
    }
  }
  return made;
};

/** The job operations of the `Store` contract on this engine. */
export const jobOperations = (ctx: StoreCtx): Pick<Store, 'fillReportDays' | 'materialiseSlots'> => ({
  fillReportDays: (now) => fillReportDays(ctx, now),
  materialiseSlots: (now) => materialiseSlots(ctx, now),
});
