/** The waiting room's public JSON shapes (API.md "Release and waiting room"), shared by the server and the booking page. */

export type WaitingRoomStatus = 'waiting' | 'admitted' | 'used' | 'expired';

/** `POST /api/offices/{officeId}/waiting-room` answers this; `token` is shown once (only its hash is kept). */
export type WaitingRoomJoined = { entryId: string; token: string; opensAt: string; status: 'waiting' };

/** `GET /api/waiting-room/{entryId}`: the entry's place and how long it may wait. */
export type WaitingRoomEntryView = {
  status: WaitingRoomStatus;
  /** Place in the release's order (1 = first); before the release, the count of entries so far. */
  position: number;
  /** Entries before it still waiting. */
  ahead: number;
  estimatedMinutes: number;
  /** Until when an admitted entry may book. */
  admittedUntil?: string;
  /** When the day opens for booking (the release). */
  opensAt: string;
  /** Places still free on that day (0: taken, or held by admitted entries). */
  placesLeft: number;
  /** Whether the release's order has been drawn (before it, `position` is the room's size). */
  drawn: boolean;
  /** When to ask again (ms; 0: no need to): the server's suggested pace. */
  pollAfterMs: number;
};

/** A release as admins see it: the draw's seed once it is drawn, and the room's counts. */
export type ReleaseView = {
  date: string;
  roomOpensAt: string;
  releaseAt: string;
  drawnAt: string | null;
  /** Hex seed of the draw (HMAC-SHA256 sort keys of the arrival numbers); null before the draw. */
  seed: string | null;
  drawnEntries: number;
  arrivals: number;
  waiting: number;
  admitted: number;
  used: number;
  expired: number;
};

/** One release's drawn order as stored, for an admin to check against the seed: `order[i]` is the arrival number given position i + 1. */
export type ReleaseDraw = ReleaseView & { order: number[] };
