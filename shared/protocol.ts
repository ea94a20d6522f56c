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
};
export type StaffState = { officeId: string; counters: CounterView[]; waiting: StaffQueueEntry[]; now: string };
export type CounterServerToClient = {
  queue: (state: StaffState) => void;
  called: (call: CallEvent) => void;
  /** Sent just before the server ends a socket whose session ended (sign-out, disabled user). */
  signedOut: () => void;
};
export type CounterClientToServer = { subscribe: (officeId: string) => void };

export const NAMESPACES = { display: '/display', ticket: '/ticket', counter: '/counter' } as const;
