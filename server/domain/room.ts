/**
 * The room (PRODUCT.md rule 8): who may wait inside while the room has a capacity. Tickets past
 * it wait outside and are told, on their phone and on the board, when to come in.
 */
import { isActive, type TicketStatus } from './ticketState';

export type RoomTicket = { id: string; status: TicketStatus | string; queuedAt: number; sequence: number };

const active = <T extends RoomTicket>(tickets: readonly T[]): T[] => tickets.filter((tk) => isActive(tk.status as TicketStatus));

/**
 * The ids of the active tickets inside: every one when the room has no capacity; otherwise the
 * first `capacity` in the order they joined their queue, and anyone already at a counter whatever
 * that order says.
 */
export const admitToRoom = (tickets: readonly RoomTicket[], capacity: number | null): Set<string> => {
  const ordered = active(tickets).sort((a, b) => a.queuedAt - b.queuedAt || a.sequence - b.sequence);
  const inside = new Set((capacity === null ? ordered : ordered.slice(0, capacity)).map((tk) => tk.id));
  for (const tk of ordered) if (tk.status !== 'waiting') inside.add(tk.id);
  return inside;
};

/** Whether the active tickets already fill the room (the kiosk says so before issuing). */
export const roomIsFull = (tickets: readonly RoomTicket[], capacity: number | null): boolean =>
  capacity !== null && active(tickets).length >= capacity;

/** A waiting ticket not admitted waits outside. */
export const waitsOutside = (ticket: { id: string; status: string }, inside: ReadonlySet<string>): boolean =>
  ticket.status === 'waiting' && !inside.has(ticket.id);
