/**
 * The store operations of the release draw and waiting room (part of `Store`; both engines). The
 * booking gate itself runs inside `bookPlace` and `rescheduleBooking` of each engine.
 */
import type { DateTime } from 'luxon';
import type { ReleaseDraw, ReleaseView, WaitingRoomEntryView, WaitingRoomJoined } from '../../shared/waitingRoom';
import type { ReleaseOffice } from '../domain/waitingRoom';

export interface WaitingRoomStore {
  /** A new entry in the room of `date`'s release (NOT_OPEN_YET before the room opens; the draw is made first when due). */
  joinWaitingRoom(officeId: string, date: string, now: DateTime): Promise<WaitingRoomJoined>;
  /** The entry's place; advances the room first (draw, expired admissions, free places) when something is due. NOT_FOUND on a wrong token. */
  waitingRoomEntry(entryId: string, token: string, now: DateTime): Promise<WaitingRoomEntryView>;
  /** Advances every room whose release is due or whose admissions are open (a periodic safety net); returns how many rooms changed. */
  advanceWaitingRooms(now: DateTime): Promise<number>;
  /** The office's release settings (what availability marks unreleased days with). */
  releaseSettings(officeId: string): Promise<ReleaseOffice & { id: string; bookingHorizonDays: number }>;
  /** The office's releases, newest first, with the draw's seed once drawn (admins). */
  listReleases(officeId: string): Promise<ReleaseView[]>;
  /** One release with its drawn order as stored (admins); NOT_FOUND when there is none. */
  releaseDraw(officeId: string, date: string): Promise<ReleaseDraw>;
}
