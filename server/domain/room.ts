/**
 * The room (PRODUCT.md rule 8): who may wait inside while the room has a capacity. Tickets past
 * it wait outside and are told, on their phone and on the board, when to come in.
 */
import { isActive, type TicketStatus } from './ticketState';

export type RoomTicket = { id: string; status: TicketStatus | string; queuedAt: number; sequence: number };

const active = <T extends RoomTicket>(tickets: readonly T[]): T[] => tickets.filter((tk) => isActive(tk.status as TicketStatus));

/**
 * The ids of the active tickets inside: every one when the room has no capacity; otherwise never
 * more than `capacity` in all. Tickets already at a counter (called or serving) come first, in
 * the order they joined their queue, and count against the capacity; then the waiting tickets in
 * `callOrder` (the order in which they will be called, queue.ts `callOrder`); any waiting ticket
 * that order leaves out follows in queue order.
 */
export const admitToRoom = (tickets: readonly RoomTicket[], capacity: number | null, callOrder: readonly string[] = []): Set<string> => {
  const ordered = active(tickets).sort((a, b) => a.queuedAt - b.queuedAt || a.sequence - b.sequence);
  if (capacity === null) return new Set(ordered.map((tk) => tk.id));
  const inside = new Set<string>();
  const admit = (id: string) => {
    if (inside.size < capacity) inside.add(id);
  };
  for (const tk of ordered) if (tk.status !== 'waiting') admit(tk.id);
  const waiting = new Set(ordered.filter((tk) => tk.status === 'waiting').map((tk) => tk.id));
  for (const id of callOrder) if (waiting.has(id)) admit(id);
  for (const id of waiting) admit(id);
  return inside;
};

/** Whether the active tickets already fill the room (the kiosk says so before issuing). */
export const roomIsFull = (tickets: readonly RoomTicket[], capacity: number | null): boolean =>
  capacity !== null && active(tickets).length >= capacity;

/** A waiting ticket not admitted waits outside. */
export const waitsOutside = (ticket: { id: string; status: string }, inside: ReadonlySet<string>): boolean =>
  ticket.status === 'waiting' && !inside.has(ticket.id);
