import { describe, expect, it } from 'vitest';
import { admitToRoom, roomIsFull, waitsOutside, type RoomTicket } from '../../server/domain/room';

const ticket = (id: string, status: string, queuedAt: number, sequence = queuedAt): RoomTicket => ({ id, status, queuedAt, sequence });

describe('who may wait inside the room', () => {
  const day = [
    ticket('w3', 'waiting', 300),
    ticket('w1', 'waiting', 100),
    ticket('w2', 'waiting', 200),
    ticket('done', 'done', 50),
    ticket('gone', 'no_show', 60),
  ];

  it('admits every active ticket when the room has no capacity', () => {
    expect([...admitToRoom(day, null)].sort()).toEqual(['w1', 'w2', 'w3']);
  });

  it('admits the first active tickets in the order they joined their queue, up to the capacity', () => {
    expect([...admitToRoom(day, 2)].sort()).toEqual(['w1', 'w2']);
  });

  it('orders tickets that joined in the same millisecond by their number', () => {
    expect([...admitToRoom([ticket('b', 'waiting', 100, 2), ticket('a', 'waiting', 100, 1)], 1)]).toEqual(['a']);
  });

  it('counts finished and no-show tickets as gone', () => {
    expect(admitToRoom(day, 3).has('done')).toBe(false);
    expect(admitToRoom(day, 3).has('gone')).toBe(false);
  });

  it('keeps anyone at a counter inside first, whatever the order says, and counts them against the capacity', () => {
    const served = [...day, ticket('late', 'serving', 400), ticket('called', 'called', 500)];
    expect([...admitToRoom(served, 2)].sort()).toEqual(['called', 'late']);
    expect([...admitToRoom(served, 3)].sort()).toEqual(['called', 'late', 'w1']);
  });

  it('tells a waiting ticket not admitted to wait outside, and no one else', () => {
    const inside = admitToRoom(day, 2);
    expect(waitsOutside({ id: 'w3', status: 'waiting' }, inside)).toBe(true);
    expect(waitsOutside({ id: 'w1', status: 'waiting' }, inside)).toBe(false);
    expect(waitsOutside({ id: 'x', status: 'serving' }, inside)).toBe(false);
  });
});

describe('a full room', () => {
  it('is full once the active tickets reach the capacity', () => {
    const active = [ticket('a', 'waiting', 1), ticket('b', 'called', 2)];
    expect(roomIsFull(active, 2)).toBe(true);
    expect(roomIsFull(active, 3)).toBe(false);
    expect(roomIsFull([...active, ticket('c', 'done', 3)], 3)).toBe(false);
  });

  it('is never full without a capacity', () => {
    expect(roomIsFull([ticket('a', 'waiting', 1)], null)).toBe(false);
  });
});
