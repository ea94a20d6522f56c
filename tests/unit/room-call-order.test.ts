import { describe, expect, it } from 'vitest';
import { callOrder, type QueueCandidate } from '../../server/domain/queue';
import { admitToRoom, waitsOutside } from '../../server/domain/room';

const NOW = 1_000_000;
const policy = { walkInEvery: 2 };
const A = 1;
const B = 2;
const C = 3;

const walkIn = (id: string, serviceId: number, queuedAtMs: number, priority = false): QueueCandidate => ({
  id, serviceId, priority, source: 'walkin', slotStartMs: null, queuedAtMs, sequence: queuedAtMs,
});
const booking = (id: string, serviceId: number, queuedAtMs: number, slotStartMs: number): QueueCandidate => ({
  id, serviceId, priority: false, source: 'booking', slotStartMs, queuedAtMs, sequence: queuedAtMs,
});
const asRoom = (c: QueueCandidate, status = 'waiting') => ({ id: c.id, status, queuedAt: c.queuedAtMs, sequence: c.sequence });

describe('the order in which the waiting tickets will be called', () => {
  it('puts a priority visitor first, and lets her inside ahead of earlier walk-ins', () => {
    const waiting = [walkIn('a1', A, 1), walkIn('a2', A, 2), walkIn('a3', A, 3), walkIn('pregnant', A, 4, true)];
    const order = callOrder(waiting, [{ serviceIds: [A, B], bookingStreak: 0 }], NOW, policy);
    expect(order).toEqual(['pregnant', 'a1', 'a2', 'a3']);
    const inside = admitToRoom(waiting.map((c) => asRoom(c)), 3, order);
    expect([...inside].sort()).toEqual(['a1', 'a2', 'pregnant']);
    expect(waitsOutside({ id: 'a3', status: 'waiting' }, inside)).toBe(true);
  });

  it("admits a dedicated counter's next ticket ahead of an earlier walk-in of a busy service", () => {
    const waiting = [walkIn('a1', A, 1), walkIn('a2', A, 2), walkIn('a3', A, 3), walkIn('c1', C, 4)];
    const counters = [{ serviceIds: [A, B], bookingStreak: 0 }, { serviceIds: [C], bookingStreak: 0 }];
    const order = callOrder(waiting, counters, NOW, policy);
    expect(order).toEqual(['a1', 'c1', 'a2', 'a3']);
    const inside = admitToRoom(waiting.map((c) => asRoom(c)), 2, order);
    expect([...inside].sort()).toEqual(['a1', 'c1']);
  });

  it('follows the walk-in ratio and bookings whose window has begun, as the counter will', () => {
    const waiting = [walkIn('w1', A, 1), walkIn('w2', A, 2), booking('b1', A, 3, NOW - 1), booking('b2', A, 4, NOW - 1), booking('b3', A, 5, NOW - 1), booking('early', A, 6, NOW + 60_000)];
    const order = callOrder(waiting, [{ serviceIds: [A], bookingStreak: 0 }], NOW, policy);
    expect(order).toEqual(['b1', 'b2', 'w1', 'b3', 'w2', 'early']);
    // The counter's streak carries on from its last calls.
    expect(callOrder(waiting, [{ serviceIds: [A], bookingStreak: 2 }], NOW, policy)[0]).toBe('w1');
  });

  it('puts tickets of services no open counter serves last, in queue order, and stops at the limit', () => {
    const waiting = [walkIn('c1', C, 1), walkIn('c2', C, 2), walkIn('b1', B, 3, true), walkIn('a1', A, 4)];
    expect(callOrder(waiting, [{ serviceIds: [A], bookingStreak: 0 }], NOW, policy)).toEqual(['a1', 'c1', 'c2', 'b1']);
    expect(callOrder(waiting, [{ serviceIds: [A], bookingStreak: 0 }], NOW, policy, 2)).toEqual(['a1', 'c1']);
    expect(callOrder(waiting, [], NOW, policy)).toEqual(['c1', 'c2', 'b1', 'a1']);
  });
});

describe('the room with a call order', () => {
  it('never admits more than the capacity, counting those already at a counter', () => {
    const day = [
      asRoom(walkIn('w1', A, 1)),
      asRoom(walkIn('w2', A, 2)),
      asRoom(walkIn('w3', A, 3)),
      asRoom(walkIn('at1', A, 10), 'called'),
      asRoom(walkIn('at2', A, 11), 'serving'),
    ];
    const inside = admitToRoom(day, 3, ['w2', 'w1', 'w3']);
    expect(inside.size).toBe(3);
    expect([...inside].sort()).toEqual(['at1', 'at2', 'w2']);
    // More at counters than places: still never more than the capacity.
    expect(admitToRoom(day, 1, ['w1']).size).toBe(1);
    expect(admitToRoom(day, 0, ['w1']).size).toBe(0);
  });
});
