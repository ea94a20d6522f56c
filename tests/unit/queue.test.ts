import { describe, expect, it } from 'vitest';
import { chooseNext, positionsInService, type QueueCandidate } from '../../server/domain/queue';

const NOW = 10_000_000;
const walkIn = (id: string, at: number, serviceId = 1): QueueCandidate => ({ id, serviceId, priority: false, source: 'walkin', slotStartMs: null, queuedAtMs: at, sequence: at });
const booking = (id: string, slot: number, at: number, serviceId = 1): QueueCandidate => ({ id, serviceId, priority: false, source: 'booking', slotStartMs: slot, queuedAtMs: at, sequence: at });
const priority = (id: string, at: number, serviceId = 1): QueueCandidate => ({ ...walkIn(id, at, serviceId), priority: true });
const policy = { walkInEvery: 2 };

/** Calls until nobody is left, carrying the booking streak like a counter does. */
const callAll = (queue: QueueCandidate[], services = [1], streak = 0): string[] => {
  const order: string[] = [];
  let rest = [...queue];
  for (;;) {
    const choice = chooseNext(rest, services, NOW, policy, streak);
    if (!choice) return order;
    order.push(choice.ticketId);
    streak = choice.bookingStreak;
    rest = rest.filter((c) => c.id !== choice.ticketId);
  }
};

describe('call order at a counter', () => {
  it('calls walk-ins in issue order', () => {
    expect(callAll([walkIn('w2', 2), walkIn('w1', 1), walkIn('w3', 3)])).toEqual(['w1', 'w2', 'w3']);
  });

  it('calls priority visitors first, whatever their service among the counter’s', () => {
    expect(callAll([walkIn('w1', 1), priority('p1', 5, 2), booking('b1', NOW - 1, 2)], [1, 2])[0]).toBe('p1');
  });

  it('calls checked-in bookings whose slot has begun before walk-ins, earliest slot first', () => {
    const order = callAll([walkIn('w1', 1), booking('b2', NOW - 10, 3), booking('b1', NOW - 20, 4)], [1], 0);
    expect(order.slice(0, 2)).toEqual(['b1', 'b2']);
  });

  it('never starves walk-ins: after walkInEvery booking calls in a row, a walk-in is called', () => {
    const queue = [walkIn('w1', 1), walkIn('w2', 2), ...['b1', 'b2', 'b3', 'b4', 'b5'].map((id, i) => booking(id, NOW - 100 + i, 10 + i))];
    expect(callAll(queue)).toEqual(['b1', 'b2', 'w1', 'b3', 'b4', 'w2', 'b5']);
  });

  it('puts a booking checked in before its slot begins behind the walk-ins', () => {
    expect(callAll([booking('early', NOW + 60_000, 1), walkIn('w1', 2)])).toEqual(['w1', 'early']);
  });

  it("serves the counter's services in its own order", () => {
    expect(callAll([walkIn('b-service', 1, 2), walkIn('a-service', 5, 1)], [1, 2])).toEqual(['a-service', 'b-service']);
    expect(callAll([walkIn('b-service', 1, 2), walkIn('a-service', 5, 1)], [2, 1])).toEqual(['b-service', 'a-service']);
  });

  it('ignores tickets of services the counter does not serve, and answers null when nobody waits', () => {
    expect(chooseNext([walkIn('x', 1, 3)], [1, 2], NOW, policy, 0)).toBeNull();
    expect(chooseNext([], [1], NOW, policy, 0)).toBeNull();
  });

  it('gives each waiting ticket its position within its service in the same order', () => {
    const positions = positionsInService([walkIn('w1', 1), booking('b1', NOW - 1, 5), priority('p', 9), walkIn('other', 0, 2)], NOW);
    expect(Object.fromEntries(positions)).toEqual({ p: 1, b1: 2, w1: 3, other: 1 });
  });
});
