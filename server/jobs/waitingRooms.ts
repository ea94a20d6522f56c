/**
 * The release's waiting rooms move on by themselves (domain/waitingRoom): every few seconds, in
 * every process, each room with something due is advanced — the draw at its release, admissions
 * past their time expired and passed on, free places offered to the next in line. Polls do the
 * same lazily; this job is what moves a room nobody is polling (so that it drains). Safe side by
 * side: each room is advanced under its own lock (SQLite's write lock, PostgreSQL's advisory lock).
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../store/store';
import { startPeriodic } from './periodic';

/** How often the job looks: the draw happens at most this long after a release nobody polls. */
export const WAITING_ROOM_INTERVAL_MS = 5_000;

export const startWaitingRoomJob = (store: Store, clock: Clock, log: Pick<Logger, 'error'>, intervalMs = WAITING_ROOM_INTERVAL_MS): (() => void) =>
  startPeriodic('waiting rooms', async () => void (await store.advanceWaitingRooms(clock.now())), intervalMs, log);
