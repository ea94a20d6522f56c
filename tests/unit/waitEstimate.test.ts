import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes, movingAverageMinutes } from '../../server/domain/waitEstimate';

describe('the moving average of service times', () => {
  it("falls back to the service's typical minutes when nothing has been measured yet", () => {
    expect(movingAverageMinutes([], 15)).toBe(15);
  });

  it('averages the measured durations', () => {
    expect(movingAverageMinutes([4, 6, 8], 15)).toBe(6);
  });

  it('looks only at the most recent ten (the list runs oldest to newest)', () => {
    expect(movingAverageMinutes([60, 60, 2, 4, 6, 8, 10, 2, 4, 6, 8, 10], 15)).toBe(6);
    expect(movingAverageMinutes([1, 2, 3, 9], 15, 2)).toBe(6);
  });
});

describe('the estimated wait', () => {
  it('is zero for the visitor who is next', () => {
    expect(estimateWaitMinutes(0, 12, 2)).toBe(0);
  });

  it('is the visitors ahead times the average, shared by the open counters, rounded up', () => {
    expect(estimateWaitMinutes(6, 6, 3)).toBe(12);
    expect(estimateWaitMinutes(1, 5, 3)).toBe(2);
    expect(estimateWaitMinutes(4, 7.5, 1)).toBe(30);
  });

  it('counts as one counter when none is open, so the estimate stays finite', () => {
    expect(estimateWaitMinutes(3, 5, 0)).toBe(15);
  });
});
