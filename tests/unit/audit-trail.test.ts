import { describe, expect, it } from 'vitest';
import { localDaysWindow, mergedPage } from '../../server/domain/auditTrail';

describe('reading the audit trail', () => {
  it('covers whole local days of the office', () => {
    expect(localDaysWindow('2026-11-24', '2026-11-25', 'Asia/Makassar')).toEqual({
      fromMs: Date.parse('2026-11-24T00:00:00+08:00'),
      toMs: Date.parse('2026-11-26T00:00:00+08:00'),
    });
  });

  it('merges its sources newest first (the higher id first at the same instant) and says whether more follow', () => {
    const log = [{ at: 30, id: 2 }, { at: 10, id: 1 }];
    const steps = [{ at: 30, id: 9 }, { at: 20, id: 5 }];
    expect(mergedPage([log, steps], 0, 3)).toEqual({ page: [{ at: 30, id: 9 }, { at: 30, id: 2 }, { at: 20, id: 5 }], more: true });
    expect(mergedPage([log, steps], 2, 3)).toEqual({ page: [{ at: 20, id: 5 }, { at: 10, id: 1 }], more: false });
  });
});
