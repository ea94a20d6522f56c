/**
 * Call order at a counter (PRODUCT.md rule 3):
 * 1. priority visitors (elderly, disabled, pregnant) first, across every service the counter serves;
 * 2. then, service by service in the counter's own order, checked-in bookings whose slot has begun
 *    (earliest slot first) and walk-ins in issue order, with a ratio: after `walkInEvery` booking
 *    calls in a row at this counter a waiting walk-in is called, so walk-ins are never starved;
 * 3. bookings checked in before their slot begins wait behind the walk-ins of their service.
 */
export type QueueCandidate = {
  id: string;
  serviceId: number;
  priority: boolean;
  source: 'walkin' | 'booking';
  /** Epoch ms at which the booking's slot begins; null for walk-ins. */
  slotStartMs: number | null;
  /** Epoch ms at which the ticket joined its current queue (issue, check-in, requeue). */
  queuedAtMs: number;
  /** The ticket's daily sequence: breaks ties between tickets queued in the same millisecond. */
  sequence: number;
};

export type CallPolicy = { walkInEvery: number };
export type CallChoice = { ticketId: string; kind: 'priority' | 'booking' | 'walkin'; bookingStreak: number };

const byQueued = (a: QueueCandidate, b: QueueCandidate) => a.queuedAtMs - b.queuedAtMs || a.sequence - b.sequence || a.id.localeCompare(b.id);
const bySlot = (a: QueueCandidate, b: QueueCandidate) => (a.slotStartMs ?? 0) - (b.slotStartMs ?? 0) || byQueued(a, b);

export const chooseNext = (
  candidates: readonly QueueCandidate[],
  counterServiceIds: readonly number[],
  nowMs: number,
  policy: CallPolicy,
  bookingStreak: number,
): CallChoice | null => {
  const served = candidates.filter((c) => counterServiceIds.includes(c.serviceId));
  const priority = served.filter((c) => c.priority).sort(byQueued)[0];
  if (priority) return { ticketId: priority.id, kind: 'priority', bookingStreak };

  for (const serviceId of counterServiceIds) {
    const queue = served.filter((c) => c.serviceId === serviceId);
    const due = queue.filter((c) => c.source === 'booking' && c.slotStartMs !== null && c.slotStartMs <= nowMs).sort(bySlot);
    const walkIns = queue.filter((c) => c.source === 'walkin').sort(byQueued);
    const early = queue.filter((c) => c.source === 'booking' && (c.slotStartMs === null || c.slotStartMs > nowMs)).sort(bySlot);
    const walkInsTurn = walkIns.length > 0 && bookingStreak >= policy.walkInEvery;
    if (due[0] && !walkInsTurn) return { ticketId: due[0].id, kind: 'booking', bookingStreak: bookingStreak + 1 };
    const next = walkIns[0] ?? early[0];
    if (next) return { ticketId: next.id, kind: 'walkin', bookingStreak: 0 };
  }
  return null;
};

/** An open counter as the room sees it: the services it calls, in its order, and its booking streak. */
export type CallingCounter = { serviceIds: readonly number[]; bookingStreak: number };

/**
 * The order in which the waiting tickets will be called (PRODUCT.md rule 8): the open counters
 * call in turn, in the order given (the caller puts first the counters that will call soonest),
 * each by `chooseNext`, the rule it uses when it really calls, so priority visitors, bookings
 * whose window has begun, each counter's services and the walk-in ratio (its streak carried from
 * pick to pick) all count. Tickets of services no open counter serves come last, in queue order.
 * `limit` stops the simulation after that many tickets (the room needs only as many as it has
 * places); the cost is at most limit × waiting.
 */
export const callOrder = (
  waiting: readonly QueueCandidate[],
  counters: readonly CallingCounter[],
  nowMs: number,
  policy: CallPolicy,
  limit = Number.POSITIVE_INFINITY,
): string[] => {
  const order: string[] = [];
  if (limit <= 0) return order;
  let left = [...waiting];
  const turns = counters.map((c) => ({ serviceIds: c.serviceIds, streak: c.bookingStreak }));
  let calling = turns.filter((c) => c.serviceIds.length > 0);
  while (calling.length > 0 && left.length > 0 && order.length < limit) {
    const stillCalling: typeof calling = [];
    for (const counter of calling) {
      if (order.length >= limit || left.length === 0) break;
      const choice = chooseNext(left, counter.serviceIds, nowMs, policy, counter.streak);
      if (!choice) continue;
      counter.streak = choice.bookingStreak;
      order.push(choice.ticketId);
      left = left.filter((c) => c.id !== choice.ticketId);
      stillCalling.push(counter);
    }
    calling = stillCalling;
  }
  for (const c of left.sort(byQueued)) {
    if (order.length >= limit) break;
    order.push(c.id);
  }
  return order;
};

/** Position of a waiting ticket: 1 when it is next among tickets of its own service. */
export const positionsInService = (candidates: readonly QueueCandidate[], nowMs: number): Map<string, number> => {
  const positions = new Map<string, number>();
  const services = new Set(candidates.map((c) => c.serviceId));
  for (const serviceId of services) {
    const queue = candidates.filter((c) => c.serviceId === serviceId);
    const ordered = [
      ...queue.filter((c) => c.priority).sort(byQueued),
      ...queue.filter((c) => !c.priority && c.source === 'booking' && c.slotStartMs !== null && c.slotStartMs <= nowMs).sort(bySlot),
      ...queue.filter((c) => !c.priority && c.source === 'walkin').sort(byQueued),
      ...queue.filter((c) => !c.priority && c.source === 'booking' && (c.slotStartMs === null || c.slotStartMs > nowMs)).sort(bySlot),
    ];
    ordered.forEach((c, i) => positions.set(c.id, i + 1));
  }
  return positions;
};

/**
 * Where a walk-in ticket taken now would stand in its service's queue: a ticket that is not
 * issued, placed by the same rule as the waiting ones.
 */
export const positionOfNewWalkIn = (waiting: readonly QueueCandidate[], serviceId: number, nowMs: number): number => {
  const probe: QueueCandidate = { id: '\uffff', serviceId, priority: false, source: 'walkin', slotStartMs: null, queuedAtMs: nowMs, sequence: Number.MAX_SAFE_INTEGER };
  const queue = waiting.filter((c) => c.serviceId === serviceId);
  return positionsInService([...queue, probe], nowMs).get(probe.id) ?? 1;
};
