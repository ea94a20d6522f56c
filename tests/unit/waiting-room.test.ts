/**
 * The release draw and waiting room's pure rules (domain/waitingRoom): when a day and its room
 * open, the order drawn from a seed (reproducible, and unrelated to arrival order), the pacing of
 * admissions by the places left, and the booking gate.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors';
import { checkReleaseSettings } from '../../server/domain/officeSettings';
import {
  admissionsToOpen, decideAdmission, decideJoin, drawKey, drawOrder, effectiveStatus, entryIdOfToken, entryView, markUnreleased, needsAdvance,
  newSeed, pollAfterMs, releaseTimes, type ReleaseOffice, type RoomFacts,
} from '../../server/domain/waitingRoom';
import { spearman } from '../support/rankCorrelation';

const office: ReleaseOffice & { id: string } = {
  id: 'demo', timezone: 'Asia/Jakarta', releaseTime: '07:00', releaseDaysAhead: 7, waitingRoomMinutes: 15, admissionMinutes: 10,
};
const ms = (iso: string) => Date.parse(iso);
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as DomainError).code;
  }
};


describe('release times', () => {
  it('opens day D at releaseTime on D − releaseDaysAhead (office time), its room waitingRoomMinutes before', () => {
    const times = releaseTimes(office, '2026-12-08')!;
    expect(new Date(times.releaseAt).toISOString()).toBe('2026-12-01T00:00:00.000Z'); // 07:00 WIB
    expect(times.releaseAt - times.roomOpensAt).toBe(15 * 60_000);
    expect(releaseTimes({ ...office, releaseTime: null }, '2026-12-08')).toBeNull();
  });

  it('marks the slots of unreleased days not bookable with opensAt, and leaves released days alone', () => {
    const days: { date: string; closed: boolean; opensAt?: string; slots: { id: number; bookable: boolean; opensAt?: string }[] }[] = [
      { date: '2026-12-07', closed: false, slots: [{ id: 1, bookable: true }] },
      { date: '2026-12-08', closed: false, slots: [{ id: 2, bookable: true }] },
    ];
    const marked = markUnreleased(office, days, ms('2026-12-01T06:59:00+07:00'));
    expect(marked[0]).toEqual(days[0]);
    expect(marked[1]!.slots[0]).toEqual({ id: 2, bookable: false, opensAt: '2026-12-01T07:00:00.000+07:00' });
    expect(marked[1]!.opensAt).toBe('2026-12-01T07:00:00.000+07:00');
    expect(markUnreleased(office, days, ms('2026-12-01T07:00:00+07:00'))).toEqual(days);
    expect(markUnreleased({ ...office, releaseTime: null }, days, 0)).toEqual(days);
  });

  it('lets visitors join from the room opening on, not before, and not for a past day', () => {
    expect(codeOf(() => decideJoin(office, '2026-12-08', '2026-12-01', ms('2026-12-01T06:44:59+07:00')))).toBe('NOT_OPEN_YET');
    expect(decideJoin(office, '2026-12-08', '2026-12-01', ms('2026-12-01T06:45:00+07:00')).releaseAt).toBe(ms('2026-12-01T07:00:00+07:00'));
    expect(codeOf(() => decideJoin(office, '2026-11-30', '2026-12-01', ms('2026-12-01T08:00:00+07:00')))).toBe('NOT_FOUND');
    expect(codeOf(() => decideJoin({ ...office, releaseTime: null }, '2026-12-08', '2026-12-01', 0))).toBe('NOT_FOUND');
  });

  it('refuses a release day beyond the booking horizon', () => {
    expect(codeOf(() => checkReleaseSettings({ releaseTime: '07:00', releaseDaysAhead: 14, bookingHorizonDays: 14 }))).toBe('VALIDATION');
    expect(codeOf(() => checkReleaseSettings({ releaseTime: '07:00', releaseDaysAhead: 13, bookingHorizonDays: 14 }))).toBeUndefined();
    expect(codeOf(() => checkReleaseSettings({ releaseTime: null, releaseDaysAhead: 30, bookingHorizonDays: 14 }))).toBeUndefined();
  });
});

describe('the draw', () => {
  it('is a permutation fixed by its seed, which anyone can recompute from the HMAC keys', () => {
    const seed = newSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    const order = drawOrder(seed, 200);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(drawOrder(seed, 200)).toEqual(order);
    const keys = order.map((arrival) => drawKey(seed, arrival));
    expect([...keys].sort()).toEqual(keys);
    expect(drawOrder(newSeed(), 200)).not.toEqual(order);
  });

  it('gives 500 arrivals an order whose rank correlation with arrival is near 0', () => {
    const n = 500;
    const order = drawOrder(newSeed(), n);
    const positionOf = new Array<number>(n);
    order.forEach((arrival, i) => (positionOf[arrival - 1] = i + 1));
    const arrivals = Array.from({ length: n }, (_, i) => i + 1);
    // |rho| of a uniform permutation of 500 has a standard deviation of 1/sqrt(499) ≈ 0.045: 0.15 is over 3 of them.
    expect(Math.abs(spearman(arrivals, positionOf))).toBeLessThan(0.15);
    // And the first arrivals are not the first admitted: their mean position is near the middle.
    const firstFifty = positionOf.slice(0, 50).reduce((a, b) => a + b, 0) / 50;
    expect(firstFifty).toBeGreaterThan(150);
    expect(firstFifty).toBeLessThan(350);
  });
});

describe('pacing and entries', () => {
  it('never opens more admissions than places remaining', () => {
    expect(admissionsToOpen({ placesRemaining: 300, openAdmissions: 0, waiting: 5000 })).toBe(300);
    expect(admissionsToOpen({ placesRemaining: 300, openAdmissions: 290, waiting: 5000 })).toBe(10);
    expect(admissionsToOpen({ placesRemaining: 5, openAdmissions: 8, waiting: 5000 })).toBe(0);
    expect(admissionsToOpen({ placesRemaining: 300, openAdmissions: 0, waiting: 4 })).toBe(4);
  });

  it('treats an admission past its time as expired', () => {
    expect(effectiveStatus({ status: 'admitted', admittedUntil: 1000 }, 999)).toBe('admitted');
    expect(effectiveStatus({ status: 'admitted', admittedUntil: 1000 }, 1000)).toBe('expired');
    expect(effectiveStatus({ status: 'used', admittedUntil: 1000 }, 5000)).toBe('used');
  });

  const room = (over: Partial<RoomFacts> = {}): RoomFacts => ({
    releaseAt: ms('2026-12-01T07:00:00+07:00'), drawn: true, arrivals: 10, firstWaitingPosition: 4, openAdmissions: 3, placesRemaining: 3, ...over,
  });

  it('tells an entry its drawn place and how many still wait before it', () => {
    const now = ms('2026-12-01T07:01:00+07:00');
    const view = entryView(office, { status: 'waiting', position: 7, admittedUntil: null }, room(), now);
    expect(view).toMatchObject({ status: 'waiting', position: 7, ahead: 3, placesLeft: 3 });
    expect(view.estimatedMinutes).toBeGreaterThan(0);
    const before = entryView(office, { status: 'waiting', position: null, admittedUntil: null }, room({ drawn: false, firstWaitingPosition: null }), ms('2026-12-01T06:50:00+07:00'));
    expect(before).toMatchObject({ position: 10, ahead: 9, estimatedMinutes: 10 });
    const admitted = entryView(office, { status: 'admitted', position: 2, admittedUntil: now + 60_000 }, room(), now);
    expect(admitted).toMatchObject({ status: 'admitted', ahead: 0, admittedUntil: '2026-12-01T07:02:00.000+07:00' });
  });

  it('suggests polling at the release moment before the draw, then by place', () => {
    const releaseAt = ms('2026-12-01T07:00:00+07:00');
    expect(pollAfterMs('waiting', { drawn: false, releaseAt }, 10, releaseAt - 60_000)).toBe(5000);
    expect(pollAfterMs('waiting', { drawn: false, releaseAt }, 10, releaseAt - 1_200)).toBe(1200);
    expect(pollAfterMs('waiting', { drawn: false, releaseAt }, 10, releaseAt + 50)).toBe(500);
    expect(pollAfterMs('waiting', { drawn: true, releaseAt }, 99, releaseAt)).toBe(2000);
    expect(pollAfterMs('waiting', { drawn: true, releaseAt }, 100, releaseAt)).toBe(5000);
    expect(pollAfterMs('admitted', { drawn: true, releaseAt }, 0, releaseAt)).toBe(0);
  });

  it('advances a room only when something is due', () => {
    const now = ms('2026-12-01T07:01:00+07:00');
    const quiet = { ...room(), nextExpiry: now + 1, waitingDrawn: true };
    expect(needsAdvance(quiet, now)).toBe(false);
    expect(needsAdvance({ ...quiet, drawn: false }, now)).toBe(true);
    expect(needsAdvance({ ...quiet, nextExpiry: now }, now)).toBe(true);
    expect(needsAdvance({ ...quiet, placesRemaining: 4 }, now)).toBe(true);
    expect(needsAdvance({ ...quiet, placesRemaining: 4, waitingDrawn: false }, now)).toBe(false);
  });
});

describe('the booking gate', () => {
  const date = '2026-12-08';
  const after = ms('2026-12-01T07:05:00+07:00');
  const admitted = { officeId: 'demo', date, status: 'admitted', admittedUntil: after + 1, tokenMatches: true };

  it('refuses before the release, whatever the token', () => {
    expect(codeOf(() => decideAdmission(office, date, ms('2026-12-01T06:59:59+07:00'), () => false, admitted))).toBe('NOT_OPEN_YET');
  });

  it('needs a valid admission of that room while it is active, and nothing once it has drained', () => {
    expect(decideAdmission(office, date, after, () => true, admitted)).toBe('admission');
    expect(codeOf(() => decideAdmission(office, date, after, () => true, undefined))).toBe('WAITING_ROOM');
    for (const wrong of [
      { ...admitted, tokenMatches: false }, { ...admitted, date: '2026-12-09' }, { ...admitted, officeId: 'lain' },
      { ...admitted, status: 'used' }, { ...admitted, admittedUntil: after },
    ]) expect(codeOf(() => decideAdmission(office, date, after, () => true, wrong))).toBe('WAITING_ROOM');
    expect(decideAdmission(office, date, after, () => false, undefined)).toBe('open');
    expect(decideAdmission({ ...office, releaseTime: null }, date, 0, () => true, undefined)).toBe('open');
  });

  it('finds the entry a token names', () => {
    expect(entryIdOfToken('abcDEF123456.secret')).toBe('abcDEF123456');
    expect(entryIdOfToken('nodot')).toBeUndefined();
    expect(entryIdOfToken('.x')).toBeUndefined();
  });
});
