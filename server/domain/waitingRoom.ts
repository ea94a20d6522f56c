/**
 * The release draw and waiting room (API.md "Release and waiting room"; PRODUCT.md rule 9: at a
 * release, who gets a place does not depend on who clicked first). Pure rules: when a day opens,
 * when its room opens, the drawn order from a seed, how many to admit, what an entry is told,
 * and whether a booking of that day needs an admission. The engines load the rows and apply the
 * answers under their own locks; the clock is a parameter.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { fail } from './errors';
import { DateTime } from 'luxon';
import { addDays, atLocal, isoInZone } from './time';

/** The office settings the release reads (null `releaseTime`: a rolling horizon, no release, no room). */
export type ReleaseOffice = {
  timezone: string;
  releaseTime: string | null;
  releaseDaysAhead: number;
  waitingRoomMinutes: number;
  admissionMinutes: number;
};

/** When a day's room opens and when the day itself opens for booking (epoch ms). */
export type ReleaseTimes = { roomOpensAt: number; releaseAt: number };

/**
 * Each day at `releaseTime` the day `releaseDaysAhead` ahead opens: day D opens at releaseTime on
 * D − releaseDaysAhead, and its room `waitingRoomMinutes` before that. Null where there is no release.
 */
export const releaseTimes = (office: ReleaseOffice, date: string): ReleaseTimes | null => {
  if (!office.releaseTime) return null;
  const releaseAt = atLocal(addDays(date, -office.releaseDaysAhead), office.releaseTime, office.timezone).toMillis();
  return { releaseAt, roomOpensAt: releaseAt - office.waitingRoomMinutes * 60_000 };
};

/** The instant a not yet released day opens (ISO, the office's offset), or undefined once it is open or where there is no release. */
export const opensAtIfUnreleased = (office: ReleaseOffice, date: string, nowMs: number): string | undefined => {
  const times = releaseTimes(office, date);
  return times && nowMs < times.releaseAt ? isoInZone(times.releaseAt, office.timezone) : undefined;
};

/** An instant as the refusal message says it: '2026-11-24 10:00' in the office's time. */
const readableInstant = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');

/** A fresh draw seed: 256 bits from the operating system's cryptographic source, as hex. */
export const newSeed = (): string => randomBytes(32).toString('hex');

/** The sort key of one arrival under a seed: HMAC-SHA256(seed, arrival), hex. Anyone holding the seed can recompute it. */
export const drawKey = (seed: string, arrival: number): string => createHmac('sha256', seed).update(String(arrival)).digest('hex');

/**
 * The drawn order of arrivals 1…count: the arrivals sorted by their keys (a uniformly random
 * permutation while HMAC is a random function). `order[i]` is the arrival given position i + 1.
 */
export const drawOrder = (seed: string, count: number): number[] =>
  Array.from({ length: count }, (_, i) => ({ arrival: i + 1, key: drawKey(seed, i + 1) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.arrival - b.arrival))
    .map((e) => e.arrival);

/** Entries that join after the draw queue behind in arrival order: their position is their arrival number. */
export const latePosition = (arrival: number): number => arrival;

/**
 * How many waiting entries to admit now: open admissions (admitted, unexpired, unused) never
 * exceed the places remaining for the day, and there are only so many waiting.
 */
export const admissionsToOpen = (room: { placesRemaining: number; openAdmissions: number; waiting: number }): number =>
  Math.max(0, Math.min(room.placesRemaining - room.openAdmissions, room.waiting));

/** The instant an admission made at `nowMs` ends. */
export const admittedUntil = (office: Pick<ReleaseOffice, 'admissionMinutes'>, nowMs: number): number => nowMs + office.admissionMinutes * 60_000;

export type EntryStatus = 'waiting' | 'admitted' | 'used' | 'expired';

/** An admitted entry past its time is expired, whether or not the row says so yet. */
export const effectiveStatus = (entry: { status: string; admittedUntil: number | null }, nowMs: number): EntryStatus =>
  entry.status === 'admitted' && (entry.admittedUntil ?? 0) <= nowMs ? 'expired' : (entry.status as EntryStatus);

/** What the room looks like to one entry's poll, read in one snapshot. */
export type RoomFacts = {
  releaseAt: number;
  drawn: boolean;
  /** Entries so far (the release's arrival counter). */
  arrivals: number;
  /** The smallest position still waiting (null: none). Admissions follow the order, so every waiting entry before mine is in [this, mine). */
  firstWaitingPosition: number | null;
  openAdmissions: number;
  placesRemaining: number;
};

/**
 * A rough wait: entries within the free places (remaining − open) are admitted at once; the rest
 * wait for admissions to be used or to pass on, about half an admission window per round of
 * `lanes` (the admissions open at once). Before the release: the minutes until it.
 */
export const estimateMinutes = (office: Pick<ReleaseOffice, 'admissionMinutes'>, room: RoomFacts, ahead: number, nowMs: number): number => {
  if (!room.drawn) return Math.max(0, Math.ceil((room.releaseAt - nowMs) / 60_000));
  const free = Math.max(0, room.placesRemaining - room.openAdmissions);
  if (ahead < free) return 0;
  const lanes = Math.max(1, room.openAdmissions);
  const rounds = Math.floor((ahead - free) / lanes) + 1;
  return Math.ceil((rounds * office.admissionMinutes) / 2);
};

export type EntryView = {
  status: EntryStatus;
  position: number;
  ahead: number;
  estimatedMinutes: number;
  admittedUntil?: string;
  opensAt: string;
  placesLeft: number;
  /** Whether the release's order has been drawn (before it, `position` is the room's size). */
  drawn: boolean;
  /** When to ask again (ms; 0: no need): at the release before the draw, then more often near the front. */
  pollAfterMs: number;
};

/** The poll pace the server suggests: the release moment before the draw (within 0.5–5 s), 2 s near the front, 5 s further back. */
export const pollAfterMs = (status: EntryStatus, room: Pick<RoomFacts, 'drawn' | 'releaseAt'>, ahead: number, nowMs: number): number =>
  status !== 'waiting' ? 0 : !room.drawn ? Math.min(5000, Math.max(500, room.releaseAt - nowMs)) : ahead < 100 ? 2000 : 5000;

/**
 * What a poll answers: `position` is the drawn place (before the draw, the count of entries so
 * far), `ahead` the entries before it still waiting.
 */
export const entryView = (
  office: ReleaseOffice,
  entry: { status: string; position: number | null; admittedUntil: number | null },
  room: RoomFacts,
  nowMs: number,
): EntryView => {
  const status = effectiveStatus(entry, nowMs);
  const position = entry.position ?? room.arrivals;
  const ahead =
    status !== 'waiting' ? 0 : entry.position === null ? Math.max(0, room.arrivals - 1) : Math.max(0, position - (room.firstWaitingPosition ?? position));
  return {
    status,
    position,
    ahead,
    estimatedMinutes: status === 'waiting' ? estimateMinutes(office, room, ahead, nowMs) : 0,
    ...(status === 'admitted' && entry.admittedUntil ? { admittedUntil: isoInZone(entry.admittedUntil, office.timezone) } : {}),
    opensAt: isoInZone(room.releaseAt, office.timezone),
    placesLeft: room.placesRemaining,
    drawn: room.drawn,
    pollAfterMs: pollAfterMs(status, room, ahead, nowMs),
  };
};

/** Whether a poll should take the write lock: a draw due, an admission expired, or a place free for a waiting entry. */
export const needsAdvance = (room: RoomFacts & { nextExpiry: number | null; waitingDrawn: boolean }, nowMs: number): boolean =>
  (!room.drawn && nowMs >= room.releaseAt) ||
  (room.nextExpiry !== null && room.nextExpiry <= nowMs) ||
  (room.waitingDrawn && room.placesRemaining > room.openAdmissions);

/**
 * Joining a day's room: the office has a release, the day is not past, and its room has opened
 * (from `waitingRoomMinutes` before the release; earlier → NOT_OPEN_YET with the room's opening).
 */
export const decideJoin = (office: ReleaseOffice, date: string, today: string, nowMs: number): ReleaseTimes => {
  const times = releaseTimes(office, date);
  if (!times || date < today) fail('NOT_FOUND');
  if (nowMs < times!.roomOpensAt) fail('NOT_OPEN_YET', { opensAt: readableInstant(times!.roomOpensAt, office.timezone) });
  return times!;
};

/** A bearer token names its entry: `{entryId}.{secret}` (the entry is found by its key, the token checked by its hash). */
export const entryIdOfToken = (token: string): string | undefined => {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : undefined;
};

/** What the booking gate knows of an admission token's entry. */
export type AdmissionFacts = { officeId: string; date: string; status: string; admittedUntil: number | null; tokenMatches: boolean };

/**
 * Whether a booking of a slot on `date` may go ahead: before the day's release → NOT_OPEN_YET;
 * while its room is active, only with the token of an entry of that room admitted and unexpired
 * → 'admission' (the booking then uses it up); otherwise WAITING_ROOM. 'open': booking as usual.
 */
export const decideAdmission = (
  office: ReleaseOffice & { id: string },
  date: string,
  nowMs: number,
  roomActive: () => boolean,
  admission: AdmissionFacts | undefined,
): 'open' | 'admission' => {
  const times = releaseTimes(office, date);
  if (!times) return 'open';
  if (nowMs < times.releaseAt) fail('NOT_OPEN_YET', { opensAt: readableInstant(times.releaseAt, office.timezone) });
  if (
    admission?.tokenMatches &&
    admission.officeId === office.id &&
    admission.date === date &&
    effectiveStatus(admission, nowMs) === 'admitted'
  ) return 'admission';
  if (roomActive()) fail('WAITING_ROOM');
  return 'open';
};

/**
 * The availability calendar of an office with a release: every slot of a day not yet released
 * is not bookable and says when it opens (`opensAt`, also on the day).
 */
export const markUnreleased = <D extends { date: string; opensAt?: string; slots: { bookable: boolean; opensAt?: string }[] }>(
  office: ReleaseOffice,
  days: D[],
  nowMs: number,
): D[] =>
  days.map((day) => {
    const opensAt = opensAtIfUnreleased(office, day.date, nowMs);
    return opensAt ? { ...day, opensAt, slots: day.slots.map((slot) => ({ ...slot, bookable: false, opensAt })) } : day;
  });
