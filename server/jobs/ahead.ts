/**
 * The jobs that make derived rows ahead of the reads that need them: the slots of each
 * office's bookable days (so `GET …/availability` only reads; the horizon moves a day at each
 * local midnight) and the report figures of the days that are over (so a year's report reads a
 * row per day). Run by jobs/index.ts at start and then every hour.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../store/store';

export const makeSlots = async (store: Store, clock: Clock, log: Pick<Logger, 'info'>): Promise<void> => {
  const made = await store.materialiseSlots(clock.now());
  if (made > 0) log.info({ made }, 'slots: coming days made');
};

export const makeReportDays = async (store: Store, clock: Clock, log: Pick<Logger, 'info'>): Promise<void> => {
  const made = await store.fillReportDays(clock.now());
  if (made > 0) log.info({ made }, 'reports: figures of past days kept');
};
