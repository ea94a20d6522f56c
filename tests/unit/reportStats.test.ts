import { describe, expect, it } from 'vitest';
import { average, measureSteps, percentile, perHour } from '../../server/domain/reportStats';

describe('report statistics', () => {
  it('averages to one decimal and takes the nearest-rank 90th percentile', () => {
    expect(average([])).toBeNull();
    expect(average([12, 16, 26, 5, 5, 10])).toBe(12.3);
    expect(percentile([], 90)).toBeNull();
    expect(percentile([4, 10], 90)).toBe(10);
    expect(percentile(Array.from({ length: 10 }, (_, i) => i + 1), 90)).toBe(9);
    expect(percentile(Array.from({ length: 11 }, (_, i) => i + 1), 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
  });
});

describe('measuring waits and service times from the steps of each ticket', () => {
  const min = 60_000;
  it('counts a wait from joining a queue (issue, transfer, requeue) to the next call, and service from start to completion', () => {
    const e = (ticketId: string, type: string, at: number, counterId: number | null, serviceId: number) => ({ ticketId, type, at: at * min, counterId, serviceId });
    const m = measureSteps([
      e('t1', 'issued', 0, null, 1),
      e('t2', 'issued', 1, null, 1),
      e('t1', 'called', 10, 7, 1),
      e('t1', 'recalled', 11, 7, 1),
      e('t1', 'started', 12, 7, 1),
      e('t1', 'transferred', 15, 7, 2),
      e('t2', 'called', 16, 8, 1),
      e('t2', 'no_show', 18, 8, 1),
      e('t2', 'requeued', 20, 8, 1),
      e('t1', 'called', 21, 8, 2),
      e('t1', 'started', 22, 8, 2),
      e('t1', 'completed', 30, 8, 2),
      e('t2', 'called', 26, 7, 1),
    ]);
    expect(m.waits).toEqual([
      { serviceId: 1, counterId: 7, minutes: 10 },
      { serviceId: 2, counterId: 8, minutes: 6 },
      { serviceId: 1, counterId: 8, minutes: 15 },
      { serviceId: 1, counterId: 7, minutes: 6 },
    ]);
    expect(m.services).toEqual([{ serviceId: 2, counterId: 8, minutes: 8 }]);
    expect(m.calls).toHaveLength(4);
    // t2's no-show was taken back by its requeue: no counter counts it (as no service does).
    expect(m.noShows).toEqual([]);
    expect(m.completions).toEqual([{ counterId: 8, serviceId: 2 }]);
  });

  it('counts a no-show that stayed one, per counter, and forgets one a requeue took back', () => {
    const e = (type: string, at: number, counterId: number | null) => ({ ticketId: 't', type, at: at * min, counterId, serviceId: 1 });
    expect(measureSteps([e('issued', 0, null), e('called', 1, 7), e('no_show', 2, 7)]).noShows).toEqual([{ counterId: 7, serviceId: 1 }]);
    expect(measureSteps([e('issued', 0, null), e('called', 1, 7), e('no_show', 2, 7), e('requeued', 3, 7), e('called', 4, 8), e('no_show', 5, 8)]).noShows)
      .toEqual([{ counterId: 8, serviceId: 1 }]);
  });

  it('counts arrivals per hour of the day', () => {
    const counts = perHour([8, 8, 9, 13]);
    expect(counts).toHaveLength(24);
    expect([counts[8], counts[9], counts[10], counts[13]]).toEqual([2, 1, 0, 1]);
  });
});
