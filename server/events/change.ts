/** What a committed command changed: enough for the publisher to recompute the views it affects. */
import type { CallToAnnounce } from '../store/store';

export type OfficeChange = {
  kind: 'office';
  officeId: string;
  ticketIds: string[];
  /** A call or recall to announce on the board. */
  call?: CallToAnnounce;
};

/** A session that ended (sign-out) or every session of a user (disabled, new password): live sockets must close. */
export type SessionsEnded = { kind: 'sessions'; sessionId?: string; userId?: number };

export type Change = OfficeChange | SessionsEnded;

export const officeChanged = (officeId: string, ticketIds: string[] = [], call?: CallToAnnounce): OfficeChange =>
  call ? { kind: 'office', officeId, ticketIds, call } : { kind: 'office', officeId, ticketIds };
