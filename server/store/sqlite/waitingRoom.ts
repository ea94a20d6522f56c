/**
 * The release draw and waiting room on SQLite (rules in domain/waitingRoom). Every change of a
 * room (join, draw, expiry, admission) runs in a write transaction, so one process sees one
 * order of them; a poll only reads unless something is due (needsAdvance). The booking gate
 * (`admissionGate`, `useAdmission`) runs inside the booking's own transaction.
 */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { isoInZone, todayIn } from '../../domain/time';
import {
  admissionsToOpen, admittedUntil, decideAdmission, decideJoin, drawOrder, entryIdOfToken, entryView, latePosition, needsAdvance, newSeed,
  type RoomFacts,
} from '../../domain/waitingRoom';
import { newToken, randomTicketId, sha256 } from '../../security/tokens';
import type { ReleaseView } from '../../../shared/waitingRoom';
import type { WaitingRoomStore } from '../waitingRoomStore';
import { writeTx, type StoreCtx } from './connection';
import type { GroupCommit } from './groupCommit';
import { loadOffice, type OfficeRow } from './offices';
import { allRows, getRow, stmt } from './prepared';
import * as t from './schema';

type ReleaseRow = typeof t.releases.$inferSelect;

const releaseRow = (ctx: StoreCtx, officeId: string, date: string): ReleaseRow | undefined =>
  getRow(ctx, t.releases, 'WHERE office_id = ? AND date = ?', officeId, date);

/**
 * The room's counts in one statement, each read from the (office, date, status, position) index
 * so that a poll costs the same however many entries the room holds: open admissions (the
 * admitted rows; one past its time but not yet marked counts until the next advance, which
 * marks it first: never too many), the next admission to expire (admissions are made in position
 * order with the same window, so the first admitted row's), the first drawn entry still
 * waiting, and the places remaining that day (bookable services, not closed, slots before
 * their cut-off).
 */
const ROOM_COUNTS = `SELECT
  (SELECT count(*) FROM waiting_room_entries WHERE office_id = @office AND date = @date AND status = 'admitted') AS openAdmissions,
  (SELECT admitted_until FROM waiting_room_entries WHERE office_id = @office AND date = @date AND status = 'admitted' ORDER BY position LIMIT 1) AS nextExpiry,
  (SELECT min(position) FROM waiting_room_entries WHERE office_id = @office AND date = @date AND status = 'waiting' AND position IS NOT NULL) AS firstWaitingPosition,
  (SELECT coalesce(sum(max(s.capacity - s.booked, 0)), 0) FROM slots s JOIN services v ON v.id = s.service_id
     WHERE s.office_id = @office AND s.date = @date AND v.bookable = 1 AND v.active = 1 AND s.start_at - @cutoff > @now
       AND NOT EXISTS (SELECT 1 FROM closures c WHERE c.office_id = s.office_id AND (c.service_id IS NULL OR c.service_id = s.service_id)
                       AND c.from_date <= s.date AND (c.to_date IS NULL OR s.date <= c.to_date))) AS placesRemaining`;

type Counts = { openAdmissions: number; nextExpiry: number | null; firstWaitingPosition: number | null; placesRemaining: number };

const roomFacts = (ctx: StoreCtx, office: OfficeRow, release: ReleaseRow, nowMs: number): RoomFacts & Counts & { waitingDrawn: boolean } => {
  const counts = stmt(ctx, ROOM_COUNTS).get({ office: office.id, date: release.date, now: nowMs, cutoff: office.bookingCutoffMinutes * 60_000 }) as Counts;
  return {
    ...counts,
    releaseAt: release.releaseAt,
    drawn: release.drawnAt !== null,
    arrivals: release.arrivals,
    waitingDrawn: counts.firstWaitingPosition !== null,
  };
};

/** The draw: positions 1…k for the k entries so far, in the order drawn from a fresh seed (recorded). Call inside a write transaction. */
const draw = (ctx: StoreCtx, release: ReleaseRow, nowMs: number): void => {
  const seed = newSeed();
  const place = stmt(ctx, 'UPDATE waiting_room_entries SET position = ? WHERE office_id = ? AND date = ? AND arrival = ?');
  drawOrder(seed, release.arrivals).forEach((arrival, i) => place.run(i + 1, release.officeId, release.date, arrival));
  stmt(ctx, 'UPDATE releases SET seed = ?, drawn_at = ?, drawn_entries = ? WHERE office_id = ? AND date = ? AND drawn_at IS NULL')
    .run(seed, nowMs, release.arrivals, release.officeId, release.date);
};

/**
 * Brings a room up to `now` inside a write transaction: the draw when due, expired admissions
 * marked, then as many waiting entries admitted, in order, as places remain beyond the open
 * admissions. Returns whether anything changed.
 */
const advanceRoom = (ctx: StoreCtx, office: OfficeRow, date: string, nowMs: number): boolean => {
  let release = releaseRow(ctx, office.id, date);
  if (!release) return false;
  let changed = false;
  if (release.drawnAt === null && nowMs >= release.releaseAt) {
    draw(ctx, release, nowMs);
    release = releaseRow(ctx, office.id, date)!;
    changed = true;
  }
  if (release.drawnAt === null) return changed;
  changed = stmt(ctx, "UPDATE waiting_room_entries SET status = 'expired' WHERE office_id = ? AND date = ? AND status = 'admitted' AND admitted_until <= ?")
    .run(office.id, date, nowMs).changes > 0 || changed;
  const facts = roomFacts(ctx, office, release, nowMs);
  const admit = admissionsToOpen({ ...facts, waiting: Number.MAX_SAFE_INTEGER });
  if (admit > 0 && facts.waitingDrawn) {
    changed = stmt(ctx, `UPDATE waiting_room_entries SET status = 'admitted', admitted_at = ?, admitted_until = ?
      WHERE id IN (SELECT id FROM waiting_room_entries WHERE office_id = ? AND date = ? AND status = 'waiting' AND position IS NOT NULL ORDER BY position LIMIT ?)`)
      .run(nowMs, admittedUntil(office, nowMs), office.id, date, admit).changes > 0 || changed;
  }
  return changed;
};

const joinRoom = (ctx: StoreCtx, officeId: string, date: string, now: DateTime) =>
  writeTx(ctx, () => {
    const nowMs = now.toMillis();
    const office = loadOffice(ctx, officeId);
    const times = decideJoin(office, date, todayIn(office, now), nowMs);
    stmt(ctx, 'INSERT INTO releases (office_id, date, opens_at, release_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(officeId, date, times.roomOpensAt, times.releaseAt);
    // Whoever comes after the release finds it drawn: they queue behind the drawn entries.
    if (releaseRow(ctx, officeId, date)!.drawnAt === null && nowMs >= times.releaseAt) advanceRoom(ctx, office, date, nowMs);
    const drawn = releaseRow(ctx, officeId, date)!.drawnAt !== null;
    const { arrival } = stmt(ctx, 'UPDATE releases SET arrivals = arrivals + 1 WHERE office_id = ? AND date = ? RETURNING arrivals AS arrival')
      .get(officeId, date) as { arrival: number };
    const entryId = randomTicketId();
    const token = `${entryId}.${newToken()}`;
    stmt(ctx, `INSERT INTO waiting_room_entries (id, office_id, date, token_hash, joined_at, arrival, position, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting')`)
      .run(entryId, officeId, date, sha256(token), nowMs, arrival, drawn ? latePosition(arrival) : null);
    return { entryId, token, opensAt: isoInZone(times.releaseAt, office.timezone), status: 'waiting' as const };
  });

/** Whether a day's room is active: an entry still waiting, or an admission open. */
const roomActive = (ctx: StoreCtx, officeId: string, date: string, nowMs: number): boolean =>
  (stmt(ctx, `SELECT EXISTS (SELECT 1 FROM waiting_room_entries WHERE office_id = ? AND date = ? AND status = 'waiting')
     OR EXISTS (SELECT 1 FROM waiting_room_entries WHERE office_id = ? AND date = ? AND status = 'admitted' AND admitted_until > ?) AS active`)
    .get(officeId, date, officeId, date, nowMs) as { active: number }).active === 1;

/**
 * The booking gate, inside the booking's transaction (and its read-only precheck): NOT_OPEN_YET
 * before the day's release, WAITING_ROOM while its room is active without a valid admission.
 * Returns the entry whose admission the booking uses, or null (booking as usual).
 */
export const admissionGate = (ctx: StoreCtx, office: OfficeRow, date: string, admission: string | undefined, now: DateTime): string | null => {
  if (!office.releaseTime) return null;
  const nowMs = now.toMillis();
  const entryId = admission ? entryIdOfToken(admission) : undefined;
  const entry = entryId ? getRow(ctx, t.waitingRoomEntries, 'WHERE id = ?', entryId) : undefined;
  const facts = entry && { ...entry, tokenMatches: entry.tokenHash === sha256(admission!) };
  return decideAdmission(office, date, nowMs, () => roomActive(ctx, office.id, date, nowMs), facts) === 'admission' ? entryId! : null;
};

/** Spends the admission on the booking just made (one booking per admission); WAITING_ROOM when it was spent or expired meanwhile. */
export const useAdmission = (ctx: StoreCtx, entryId: string | null, bookingId: number, now: DateTime): void => {
  if (entryId === null) return;
  const nowMs = now.toMillis();
  const used = stmt(ctx, "UPDATE waiting_room_entries SET status = 'used', used_at = ?, booking_id = ? WHERE id = ? AND status = 'admitted' AND admitted_until > ?")
    .run(nowMs, bookingId, entryId, nowMs);
  if (used.changes !== 1) fail('WAITING_ROOM');
};

const releaseView = (ctx: StoreCtx, office: OfficeRow, r: ReleaseRow): ReleaseView => {
  const counts = Object.fromEntries(
    (stmt(ctx, 'SELECT status, count(*) AS n FROM waiting_room_entries WHERE office_id = ? AND date = ? GROUP BY status').all(r.officeId, r.date) as {
      status: string; n: number;
    }[]).map((c) => [c.status, c.n]),
  );
  return {
    date: r.date,
    roomOpensAt: isoInZone(r.opensAt, office.timezone),
    releaseAt: isoInZone(r.releaseAt, office.timezone),
    drawnAt: r.drawnAt === null ? null : isoInZone(r.drawnAt, office.timezone),
    seed: r.drawnAt === null ? null : r.seed,
    drawnEntries: r.drawnEntries,
    arrivals: r.arrivals,
    waiting: counts.waiting ?? 0,
    admitted: counts.admitted ?? 0,
    used: counts.used ?? 0,
    expired: counts.expired ?? 0,
  };
};

/** Rooms worth advancing: a draw due, or drawn and not past their day. */
const DUE_ROOMS = `SELECT r.office_id AS officeId, r.date AS date FROM releases r
  WHERE (r.drawn_at IS NULL AND r.release_at <= ?) OR (r.drawn_at IS NOT NULL AND r.date >= ?)`;

export const waitingRoomOperations = (ctx: StoreCtx, grouped: GroupCommit): WaitingRoomStore => ({
  // A quota-opening rush joins in a burst: the joins share the bookings' group commit.
  joinWaitingRoom: async (officeId, date, now) => grouped(() => joinRoom(ctx, officeId, date, now)),

  waitingRoomEntry: async (entryId, token, now) => {
    const nowMs = now.toMillis();
    const find = () => getRow(ctx, t.waitingRoomEntries, 'WHERE id = ?', entryId);
    const found = find();
    if (!found || entryIdOfToken(token) !== entryId || found.tokenHash !== sha256(token)) fail('NOT_FOUND');
    const office = loadOffice(ctx, found!.officeId);
    const date = found!.date;
    let facts = roomFacts(ctx, office, releaseRow(ctx, office.id, date)!, nowMs);
    if (needsAdvance(facts, nowMs)) {
      await grouped(() => writeTx(ctx, () => advanceRoom(ctx, office, date, nowMs)));
      facts = roomFacts(ctx, office, releaseRow(ctx, office.id, date)!, nowMs);
    }
    // The entry is read after the room: a draw or an admission made meanwhile shows in it, never the other way round.
    return entryView(office, find()!, facts, nowMs);
  },

  advanceWaitingRooms: async (now) => {
    const nowMs = now.toMillis();
    let changed = 0;
    // The earliest office-local today anywhere is yesterday in UTC.
    const due = stmt(ctx, DUE_ROOMS).all(nowMs, now.toUTC().minus({ days: 1 }).toISODate()!) as { officeId: string; date: string }[];
    for (const room of due) {
      const office = loadOffice(ctx, room.officeId);
      if (room.date < todayIn(office, now)) continue;
      // Only a room with something due takes the write lock.
      if (!needsAdvance(roomFacts(ctx, office, releaseRow(ctx, office.id, room.date)!, nowMs), nowMs)) continue;
      if (await grouped(() => writeTx(ctx, () => advanceRoom(ctx, office, room.date, nowMs)))) changed++;
    }
    return changed;
  },

  releaseSettings: async (officeId) => loadOffice(ctx, officeId),

  listReleases: async (officeId) => {
    const office = loadOffice(ctx, officeId);
    return allRows(ctx, t.releases, 'WHERE office_id = ? ORDER BY date DESC LIMIT 60', officeId).map((r) => releaseView(ctx, office, r));
  },

  releaseDraw: async (officeId, date) => {
    const office = loadOffice(ctx, officeId);
    const release = releaseRow(ctx, officeId, date) ?? fail('NOT_FOUND');
    const order = release.drawnAt === null
      ? []
      : (stmt(ctx, 'SELECT arrival FROM waiting_room_entries WHERE office_id = ? AND date = ? AND arrival <= ? ORDER BY position')
          .all(officeId, date, release.drawnEntries) as { arrival: number }[]).map((e) => e.arrival);
    return { ...releaseView(ctx, office, release), order };
  },
});
