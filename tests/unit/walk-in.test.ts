import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { positionOfNewWalkIn, type QueueCandidate } from '../../server/domain/queue';
import { checkWalkIn, kioskUnavailable, walkInAvailability, type WalkInFacts } from '../../server/domain/walkIn';
import { refusalOf } from './refusal';

const ZONE = 'Asia/Jakarta';
// Tuesday 24 November 2026; the office opens 08:00–15:00 on Tuesdays.
const at = (time: string) => DateTime.fromISO(`2026-11-24T${time}:00+07:00`);
const tuesday = { weekday: 2, open: '08:00', close: '15:00' };
const facts = (over: Partial<WalkInFacts> = {}): WalkInFacts => ({
  office: { timezone: ZONE, blankoStock: 10 },
  service: { id: 1, walkIn: true, walkInQuota: 30, needsBlanko: false },
  issuedToday: 12,
  day: { closures: [], hours: [tuesday] },
  now: at('09:00'),
  ...over,
});
const SUKET = 'Blanko KTP-el habis: layanan ini berhenti sementara; surat keterangan (suket) diberikan sebagai pengganti KTP-el / '
  + 'KTP-el blank cards are out of stock: this service is paused; a certificate (suket) is given instead of the card';

describe('walk-in availability', () => {
  it("counts the walk-in tickets left of today's quota, and none are counted without a quota", () => {
    expect(walkInAvailability(facts())).toEqual({ remaining: 18, closedToday: undefined, refusal: undefined });
    expect(walkInAvailability(facts({ service: { ...facts().service, walkInQuota: null } })).remaining).toBeNull();
    expect(walkInAvailability(facts({ issuedToday: 31 })).remaining).toBe(0);
  });

  it('refuses once the quota is used up', () => {
    expect(walkInAvailability(facts({ issuedToday: 30 })).refusal).toEqual({ code: 'QUOTA_EXHAUSTED' });
  });

  it('refuses outside the opening hours with them, though the day itself is open', () => {
    const early = walkInAvailability(facts({ now: at('07:59') }));
    expect(early.refusal).toEqual({ code: 'CLOSED', reason: 'Jam layanan 08.00–15.00 / Service hours 08.00–15.00' });
    expect(early.closedToday).toBeUndefined();
    expect(walkInAvailability(facts({ now: at('15:00') })).refusal?.code).toBe('CLOSED');
    expect(walkInAvailability(facts({ now: at('14:59') })).refusal).toBeUndefined();
  });

  it('hands out tickets from issueEarlyMinutes before opening, says when calling starts, and says from when when it is still too early', () => {
    const early = (now: string) => walkInAvailability(facts({ office: { timezone: ZONE, blankoStock: 10, issueEarlyMinutes: 60 }, now: at(now) }));
    expect(early('07:00')).toMatchObject({ refusal: undefined, callingFrom: '08:00' });
    expect(early('07:59').callingFrom).toBe('08:00');
    expect(early('08:00')).toEqual({ remaining: 18, closedToday: undefined, refusal: undefined });
    expect(early('06:59').refusal).toEqual({
      code: 'CLOSED',
      reason: 'Nomor antrean dibagikan mulai pukul 07.00; jam layanan 08.00–15.00 / Tickets are handed out from 07.00; service hours 08.00–15.00',
    });
    expect(early('15:00').refusal?.code).toBe('CLOSED');
    // Without the setting, nothing is handed out before opening (as before).
    expect(walkInAvailability(facts({ now: at('07:30') })).callingFrom).toBeUndefined();
  });

  it('is closed for the day on a weekday without opening hours', () => {
    const closed = walkInAvailability(facts({ day: { closures: [], hours: [] } }));
    const reason = 'Kantor tutup pada hari ini / The office is closed on this day';
    expect(closed).toMatchObject({ closedToday: reason, refusal: { code: 'CLOSED', reason } });
  });

  it("is closed for the day by a closure of the office or of the service, with the closure's reason", () => {
    const closure = { id: 3, serviceId: 1, from: '2026-11-20', to: null, reason: 'Perekaman dihentikan / Recording suspended' };
    expect(walkInAvailability(facts({ day: { closures: [closure], hours: [tuesday] } }))).toMatchObject({
      closedToday: closure.reason, refusal: { code: 'CLOSED', reason: closure.reason },
    });
    expect(walkInAvailability(facts({ day: { closures: [{ ...closure, serviceId: 2 }], hours: [tuesday] } })).refusal).toBeUndefined();
  });

  it('stops a service that needs blanko when the stock is empty: closed today with the suket reason', () => {
    const empty = walkInAvailability(facts({ office: { timezone: ZONE, blankoStock: 0 }, service: { ...facts().service, needsBlanko: true } }));
    expect(empty.refusal).toEqual({ code: 'BLANKO_EMPTY' });
    expect(empty.closedToday).toBe(SUKET);
  });

  it('gives its refusals in order: no walk-ins, closed now, no blanko, quota used up', () => {
    const everything = facts({
      service: { id: 1, walkIn: false, walkInQuota: 1, needsBlanko: true },
      office: { timezone: ZONE, blankoStock: 0 },
      issuedToday: 1,
      now: at('16:00'),
    });
    expect(walkInAvailability(everything).refusal?.code).toBe('SERVICE_UNAVAILABLE');
    const walkIns = { ...everything, service: { ...everything.service, walkIn: true } };
    expect(walkInAvailability(walkIns).refusal?.code).toBe('CLOSED');
    expect(walkInAvailability({ ...walkIns, now: at('09:00') }).refusal?.code).toBe('BLANKO_EMPTY');
    expect(walkInAvailability({ ...walkIns, now: at('09:00'), office: { timezone: ZONE, blankoStock: 5 } }).refusal?.code).toBe('QUOTA_EXHAUSTED');
  });

  it('uses the office zone for the hours: 07:30 WIB is 08:30 WITA', () => {
    const wita = facts({ office: { timezone: 'Asia/Makassar', blankoStock: 10 }, now: at('07:30') });
    expect(walkInAvailability(wita).refusal).toBeUndefined();
  });
});

describe('issuing a walk-in ticket and the kiosk screen answer alike', () => {
  it('issuing refuses with the availability refusal and its reason', () => {
    expect(refusalOf(() => checkWalkIn(walkInAvailability(facts({ now: at('07:00') }))))).toEqual({
      code: 'CLOSED', params: { reason: 'Jam layanan 08.00–15.00 / Service hours 08.00–15.00' }, fields: {},
    });
    expect(refusalOf(() => checkWalkIn(walkInAvailability(facts({ issuedToday: 30 }))))?.code).toBe('QUOTA_EXHAUSTED');
    expect(refusalOf(() => checkWalkIn(walkInAvailability(facts())))).toBeNull();
  });

  it('the kiosk shows a service without blanko as closed with the suket reason, and other refusals as they are', () => {
    const empty = walkInAvailability(facts({ office: { timezone: ZONE, blankoStock: 0 }, service: { ...facts().service, needsBlanko: true } }));
    expect(kioskUnavailable(empty)).toEqual({ code: 'CLOSED', reason: SUKET });
    expect(kioskUnavailable(walkInAvailability(facts({ issuedToday: 30 })))).toEqual({ code: 'QUOTA_EXHAUSTED' });
    expect(kioskUnavailable(walkInAvailability(facts()))).toBeUndefined();
  });
});

describe('where a walk-in ticket taken now would stand', () => {
  const NOW = 10_000;
  const waiting = (id: string, serviceId: number, over: Partial<QueueCandidate> = {}): QueueCandidate =>
    ({ id, serviceId, priority: false, source: 'walkin', slotStartMs: null, queuedAtMs: 1_000, sequence: 1, ...over });

  it('is first in an empty queue', () => {
    expect(positionOfNewWalkIn([], 1, NOW)).toBe(1);
  });

  it("stands behind its own service's walk-ins, priority visitors and begun bookings, and ahead of early bookings", () => {
    const queue = [
      waiting('w1', 1),
      waiting('p1', 1, { priority: true }),
      waiting('b-due', 1, { source: 'booking', slotStartMs: NOW - 1 }),
      waiting('b-early', 1, { source: 'booking', slotStartMs: NOW + 60_000 }),
      waiting('other', 2),
    ];
    expect(positionOfNewWalkIn(queue, 1, NOW)).toBe(4);
  });
});
