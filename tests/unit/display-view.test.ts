import { describe, expect, it } from 'vitest';
import { admittedRanges, officeClock } from '../../display/view';

describe('the board writes admitted numbers as ranges', () => {
  it('joins consecutive numbers of one letter', () => {
    expect(admittedRanges(['A031', 'A032', 'A033', 'A034', 'A035', 'A036'])).toEqual(['A031–A036']);
  });
  it('never bridges a gap, and keeps letters apart', () => {
    expect(admittedRanges(['B002', 'A035', 'A031', 'A032', 'A033', 'B003', 'C010'])).toEqual(['A031–A033', 'A035', 'B002–B003', 'C010']);
  });
  it('writes nothing for nobody', () => {
    expect(admittedRanges([])).toEqual([]);
  });
});

describe("the board's clock is the office's", () => {
  const instant = Date.parse('2026-11-24T02:30:05Z');
  it.each([
    ['Asia/Jakarta', '09.30.05', 'WIB'],
    ['Asia/Makassar', '10.30.05', 'WITA'],
    ['Asia/Jayapura', '11.30.05', 'WIT'],
  ])('%s shows %s %s', (zone, time, name) => {
    expect(officeClock(instant, zone)).toEqual({ time, date: 'Selasa, 24 November 2026', zone: name });
  });
});
