/**
 * The release draw and waiting room on PostgreSQL (as ../sqlite/waitingRoom.ts; rules in
 * domain/waitingRoom). Every change of a room (join, draw, expiry, admission) runs under the
 * room's advisory lock `room:{office}:{date}`, so processes sharing the database see one order of
 * them; the room's counts are read in one statement (one snapshot), so an admission never
 * counts a booking's place and not its used admission. A poll only reads unless something is due.
 * The booking gate (`admissionGate`, `useAdmission`) runs inside the booking's own transaction:
 * its admission is spent by a guarded UPDATE, so one admission makes one booking.
 */
import type { DateTime } from 'luxon';
import { fail } from '../../domain/errors';
import { isoInZone, todayIn } from '../../domain/time';
import {
  admissionsToOpen, admittedUntil, decideAdmission, decideJoin, drawOrder, effectiveStatus, entryIdOfToken, entryView, latePosition, needsAdvance, newSeed,
  type RoomFacts,
} from '../../domain/waitingRoom';
import { newToken, randomTicketId, sha256 } from '../../security/tokens';
import type { ReleaseView } from '../../../shared/waitingRoom';
import type { WaitingRoomStore } from '../waitingRoomStore';
import { allRows, exec, getRow, row, rows, withTx, type Conn, type PgCtx, type Tx } from './connection';
import { loadOffice, type OfficeRow } from './offices';
import * as t from './schema';

type ReleaseRow = typeof t.releases.$inferSelect;

const roomLock = (officeId: string, date: string): string => `room:${officeId}:${date}`;

const releaseRow = (c: Conn, officeId: string, date: string): Promise<ReleaseRow | undefined> =>
  getRow(c, t.releases, 'WHERE office_id = ? AND date = ?', officeId, date);

/** The room's counts in one statement, from the (office, date, status, position) index (see ../sqlite/waitingRoom.ts ROOM_COUNTS). $1 office, $2 date, $3 now, $4 cut-off ms. */
const ROOM_COUNTS = `SELECT
  (SELECT count(*) FROM waiting_room_entries WHERE office_id = $1 AND date = $2 AND status = 'admitted') AS "openAdmissions",
  (SELECT admitted_until FROM waiting_room_entries WHERE office_id = $1 AND date = $2 AND status = 'admitted' ORDER BY position LIMIT 1) AS "nextExpiry",
  (SELECT min(position) FROM waiting_room_entries WHERE office_id = $1 AND date = $2 AND status = 'waiting' AND position IS NOT NULL) AS "firstWaitingPosition",
  (SELECT coalesce(sum(greatest(s.capacity - s.booked, 0)), 0) FROM slots s JOIN services v ON v.id = s.service_id
     WHERE s.office_id = $1 AND s.date = $2 AND v.bookable AND v.active AND s.start_at - $4 > $3
       AND NOT EXISTS (SELECT 1 FROM closures c WHERE c.office_id = s.office_id AND (c.service_id IS NULL OR c.service_id = s.service_id)
                       AND c.from_date <= s.date AND (c.to_date IS NULL OR s.date <= c.to_date))) AS "placesRemaining"`;

type Counts = { openAdmissions: number; nextExpiry: number | null; firstWaitingPosition: number | null; placesRemaining: number };

const roomFacts = async (c: Conn, office: OfficeRow, release: ReleaseRow, nowMs: number): Promise<RoomFacts & Counts & { waitingDrawn: boolean }> => {
  const counts = (await row<Counts>(c, ROOM_COUNTS, office.id, release.date, nowMs, office.bookingCutoffMinutes * 60_000))!;
  return {
    openAdmissions: Number(counts.openAdmissions),
    nextExpiry: counts.nextExpiry === null ? null : Number(counts.nextExpiry),
    firstWaitingPosition: counts.firstWaitingPosition,
    placesRemaining: Number(counts.placesRemaining),
    releaseAt: release.releaseAt,
    drawn: release.drawnAt !== null,
    arrivals: release.arrivals,
    waitingDrawn: counts.firstWaitingPosition !== null,
  };
};

/** The draw in one statement: positions 1…k for the k entries so far, in the order drawn from a fresh seed (recorded). Under the room lock. */
const draw = async (tx: Tx, release: ReleaseRow, nowMs: number): Promise<void> => {
  const seed = newSeed();
  const order = drawOrder(seed, release.arrivals);
  await exec(
    tx,
    `UPDATE waiting_room_entries e SET position = v.pos FROM unnest($1::int[], $2::int[]) AS v(arrival, pos)
     WHERE e.office_id = $3 AND e.date = $4 AND e.arrival = v.arrival`,
    order, order.map((_, i) => i + 1), release.officeId, release.date,
  );
  await exec(tx, 'UPDATE releases SET seed = ?, drawn_at = ?, drawn_entries = ? WHERE office_id = ? AND date = ? AND drawn_at IS NULL',
    seed, nowMs, release.arrivals, release.officeId, release.date);
};

/** Brings a room up to `now` under its lock: the draw when due, expired admissions marked, then free places offered in order. */
const advanceRoom = async (tx: Tx, office: OfficeRow, date: string, nowMs: number): Promise<boolean> => {
  let release = await releaseRow(tx, office.id, date);
  if (!release) return false;
  let changed = false;
  if (release.drawnAt === null && nowMs >= release.releaseAt) {
    await draw(tx, release, nowMs);
    release = (await releaseRow(tx, office.id, date))!;
    changed = true;
  }
  if (release.drawnAt === null) return changed;
  changed = (await exec(tx, "UPDATE waiting_room_entries SET status = 'expired' WHERE office_id = ? AND date = ? AND status = 'admitted' AND admitted_until <= ?",
    office.id, date, nowMs)) > 0 || changed;
  const facts = await roomFacts(tx, office, release, nowMs);
  const admit = admissionsToOpen({ ...facts, waiting: Number.MAX_SAFE_INTEGER });
  if (admit > 0 && facts.waitingDrawn) {
    changed = (await exec(tx, `UPDATE waiting_room_entries SET status = 'admitted', admitted_at = ?, admitted_until = ?
      WHERE id IN (SELECT id FROM waiting_room_entries WHERE office_id = ? AND date = ? AND status = 'waiting' AND position IS NOT NULL ORDER BY position LIMIT ?)`,
      nowMs, admittedUntil(office, nowMs), office.id, date, admit)) > 0 || changed;
  }
  return changed;
};

const joinRoom = async (ctx: PgCtx, officeId: string, date: string, now: DateTime) => {
  const nowMs = now.toMillis();
  const office = await loadOffice(ctx, officeId);
  const times = decideJoin(office, date, todayIn(office, now), nowMs);
  return withTx(ctx, async (tx) => {
    await exec(tx, 'INSERT INTO releases (office_id, date, opens_at, release_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      officeId, date, times.roomOpensAt, times.releaseAt);
    // Whoever comes after the release finds it drawn: they queue behind the drawn entries.
    if ((await releaseRow(tx, officeId, date))!.drawnAt === null && nowMs >= times.releaseAt) await advanceRoom(tx, office, date, nowMs);
    const drawn = (await releaseRow(tx, officeId, date))!.drawnAt !== null;
    const { arrival } = (await row<{ arrival: number }>(tx, 'UPDATE releases SET arrivals = arrivals + 1 WHERE office_id = ? AND date = ? RETURNING arrivals AS arrival',
      officeId, date))!;
    const entryId = randomTicketId();
    const token = `${entryId}.${newToken()}`;
    await exec(tx, `INSERT INTO waiting_room_entries (id, office_id, date, token_hash, joined_at, arrival, position, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting')`,
      entryId, officeId, date, sha256(token), nowMs, arrival, drawn ? latePosition(arrival) : null);
    return { entryId, token, opensAt: isoInZone(times.releaseAt, office.timezone), status: 'waiting' as const };
  }, { locks: [roomLock(officeId, date)] });
};

/** Whether a day's room is active: an entry still waiting, or an admission open. */
const roomActive = async (c: Conn, officeId: string, date: string, nowMs: number): Promise<boolean> =>
  (await row<{ active: boolean }>(c, `SELECT EXISTS (SELECT 1 FROM waiting_room_entries WHERE office_id = $1 AND date = $2 AND status = 'waiting')
     OR EXISTS (SELECT 1 FROM waiting_room_entries WHERE office_id = $1 AND date = $2 AND status = 'admitted' AND admitted_until > $3) AS active`,
  officeId, date, nowMs))!.active;

/**
 * The booking gate, inside the booking's transaction (and its plain-read precheck): NOT_OPEN_YET
 * before the day's release, WAITING_ROOM while its room is active without a valid admission.
 * Returns the entry whose admission the booking uses, or null (booking as usual).
 */
export const admissionGate = async (c: Conn, office: OfficeRow, date: string, admission: string | undefined, now: DateTime): Promise<string | null> => {
  if (!office.releaseTime) return null;
  const nowMs = now.toMillis();
  const entryId = admission ? entryIdOfToken(admission) : undefined;
  const entry = entryId ? await getRow(c, t.waitingRoomEntries, 'WHERE id = ?', entryId) : undefined;
  const facts = entry && { ...entry, tokenMatches: entry.tokenHash === sha256(admission!) };
  // The room is read only when no admission passes; decideAdmission asks synchronously, so it is read first then.
  const active = facts?.tokenMatches && effectiveStatus(facts, nowMs) === 'admitted' ? true : await roomActive(c, office.id, date, nowMs);
  return decideAdmission(office, date, nowMs, () => active, facts) === 'admission' ? entryId! : null;
};

/** Spends the admission on the booking just made (one booking per admission); WAITING_ROOM when it was spent or expired meanwhile. */
export const useAdmission = async (tx: Tx, entryId: string | null, bookingId: number, now: DateTime): Promise<void> => {
  if (entryId === null) return;
  const nowMs = now.toMillis();
  const used = await exec(tx, "UPDATE waiting_room_entries SET status = 'used', used_at = ?, booking_id = ? WHERE id = ? AND status = 'admitted' AND admitted_until > ?",
    nowMs, bookingId, entryId, nowMs);
  if (used !== 1) fail('WAITING_ROOM');
};

const releaseView = async (c: Conn, office: OfficeRow, r: ReleaseRow): Promise<ReleaseView> => {
  const counts = Object.fromEntries(
    (await rows<{ status: string; n: number }>(c, 'SELECT status, count(*) AS n FROM waiting_room_entries WHERE office_id = ? AND date = ? GROUP BY status', r.officeId, r.date))
      .map((x) => [x.status, Number(x.n)]),
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
const DUE_ROOMS = `SELECT r.office_id AS "officeId", r.date AS date FROM releases r
  WHERE (r.drawn_at IS NULL AND r.release_at <= ?) OR (r.drawn_at IS NOT NULL AND r.date >= ?)`;

export const waitingRoomOperations = (ctx: PgCtx): WaitingRoomStore => {
  const advance = (office: OfficeRow, date: string, nowMs: number) =>
    withTx(ctx, (tx) => advanceRoom(tx, office, date, nowMs), { locks: [roomLock(office.id, date)] });

  return {
    joinWaitingRoom: (officeId, date, now) => joinRoom(ctx, officeId, date, now),

    waitingRoomEntry: async (entryId, token, now) => {
      const nowMs = now.toMillis();
      const find = () => getRow(ctx, t.waitingRoomEntries, 'WHERE id = ?', entryId);
      const found = await find();
      if (!found || entryIdOfToken(token) !== entryId || found.tokenHash !== sha256(token)) fail('NOT_FOUND');
      const office = await loadOffice(ctx, found!.officeId);
      const date = found!.date;
      let facts = await roomFacts(ctx, office, (await releaseRow(ctx, office.id, date))!, nowMs);
      if (needsAdvance(facts, nowMs)) {
        await advance(office, date, nowMs);
        facts = await roomFacts(ctx, office, (await releaseRow(ctx, office.id, date))!, nowMs);
      }
      // The entry is read after the room: a draw or an admission made meanwhile shows in it, never the other way round.
      return entryView(office, (await find())!, facts, nowMs);
    },

    advanceWaitingRooms: async (now) => {
      const nowMs = now.toMillis();
      let changed = 0;
      // The earliest office-local today anywhere is yesterday in UTC.
      const due = await rows<{ officeId: string; date: string }>(ctx, DUE_ROOMS, nowMs, now.toUTC().minus({ days: 1 }).toISODate()!);
      for (const room of due) {
        const office = await loadOffice(ctx, room.officeId);
        if (room.date < todayIn(office, now)) continue;
        // Only a room with something due takes its lock.
        if (!needsAdvance(await roomFacts(ctx, office, (await releaseRow(ctx, office.id, room.date))!, nowMs), nowMs)) continue;
        if (await advance(office, room.date, nowMs)) changed++;
      }
      return changed;
    },

    releaseSettings: (officeId) => loadOffice(ctx, officeId),

    listReleases: async (officeId) => {
      const office = await loadOffice(ctx, officeId);
      const found = await allRows(ctx, t.releases, 'WHERE office_id = ? ORDER BY date DESC LIMIT 60', officeId);
      return Promise.all(found.map((r) => releaseView(ctx, office, r)));
    },

    releaseDraw: async (officeId, date) => {
      const office = await loadOffice(ctx, officeId);
      const release = (await releaseRow(ctx, officeId, date)) ?? fail('NOT_FOUND');
      const order = release.drawnAt === null
        ? []
        : (await rows<{ arrival: number }>(ctx, 'SELECT arrival FROM waiting_room_entries WHERE office_id = ? AND date = ? AND arrival <= ? ORDER BY position',
            officeId, date, release.drawnEntries)).map((e) => e.arrival);
      return { ...(await releaseView(ctx, office, release)), order };
    },
  };
};
