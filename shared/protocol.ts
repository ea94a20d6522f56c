/** Typed Socket.IO event maps, one per namespace, used by the server and the pages alike. */
import type { BoardState, CallEvent, CounterView, PublicTicket } from './types';

export type DisplayServerToClient = {
  state: (state: BoardState) => void;
  called: (call: CallEvent) => void;
};
export type DisplayClientToServer = Record<string, never>;
export type DisplayAuth = { officeId: string };

export type TicketServerToClient = { ticket: (ticket: PublicTicket) => void };
export type TicketClientToServer = Record<string, never>;
export type TicketAuth = { ticketId: string };

/** What a counter screen needs: the whole office queue (numbers only) and the counters. */
export type StaffQueueEntry = {
  id: string;
  number: string;
  service: string;
  status: 'waiting';
  priority: string | null;
  source: 'walkin' | 'booking';
  slot: string | null;
  issuedAt: string;
  waitOutside: boolean;
  /** No KTP-el blank card is left for its service: the visitor gets a surat keterangan (suket). */
  suket?: boolean;
};
/**
 * The staff queue. `waiting` is a bounded page: the first STAFF_PAGE_PER_SERVICE waiting tickets of
 * each service in call order (what any counter can call next), so the payload stays small however
 * long the day's queue; `waitingCounts` gives every service's full count and `waitingTotal` the sum.
 */
export type StaffState = {
  officeId: string;
  counters: CounterView[];
  waiting: StaffQueueEntry[];
  waitingCounts: Record<string, number>;
  waitingTotal: number;
  now: string;
};
/** Waiting tickets per service listed in the staff queue (the rest are counted). */
export const STAFF_PAGE_PER_SERVICE = 50;
export type CounterServerToClient = {
  queue: (state: StaffState) => void;
  called: (call: CallEvent) => void;
  /** Sent just before the server ends a socket whose session ended (sign-out, disabled user). */
  signedOut: () => void;
};
export type CounterClientToServer = { subscribe: (officeId: string) => void };

export const NAMESPACES = { display: '/display', ticket: '/ticket', counter: '/counter' } as const;
