import { describe, expect, it } from 'vitest';
import { formatTicketNumber, nextSequence } from '../../server/domain/numbering';

describe('ticket numbers', () => {
  it('are the prefix letter and three digits', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('B', 42)).toBe('B042');
    expect(formatTicketNumber('C', 999)).toBe('C999');
  });

  it('grow to four digits past 999 instead of wrapping (no two visitors share a number on one day)', () => {
    expect(formatTicketNumber('A', 1000)).toBe('A1000');
    expect(formatTicketNumber('A', 1001)).toBe('A1001');
    expect(formatTicketNumber('A', 12345)).toBe('A12345');
  });

  it('refuse a sequence that is not a positive integer', () => {
    expect(() => formatTicketNumber('A', 0)).toThrow(RangeError);
    expect(() => formatTicketNumber('A', 1.5)).toThrow(RangeError);
  });

  it('start at 1 on a new day and follow the last issued number', () => {
    expect(nextSequence(null)).toBe(1);
    expect(nextSequence(7)).toBe(8);
  });
});
