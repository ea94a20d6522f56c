import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  affectedBookings, checkClosureInput, closureCurrent, closureEnd, closureState,
} from '../../server/domain/closures';
import { atLocal } from '../../server/domain/time';
import { refusalOf } from './refusal';

// Where a moved booking goes: move-bookings.test.ts.

const zone = 'Asia/Jakarta';
const TUESDAY = '2026-11-24';
const now = DateTime.fromISO('2026-11-24T09:30', { zone });

describe('a new closure', () => {
  it('is accepted from today on, open-ended or ending on or after its first day', () => {
    expect(() => checkClosureInput({ from: TUESDAY, to: null }, false, TUESDAY)).not.toThrow();
    expect(() => checkClosureInput({ from: TUESDAY, to: TUESDAY, service: 'A' }, true, TUESDAY)).not.toThrow();
  });

  it('refuses an unknown service first, then a first day in the past, then a last day before the first', () => {
    const all = { from: '2026-11-20', to: '2026-11-19', service: 'Z' };
    expect(refusalOf(() => checkClosureInput(all, false, TUESDAY))?.fields).toEqual({ service: { key: 'unknown_service' } });
    expect(refusalOf(() => checkClosureInput({ ...all, service: undefined }, false, TUESDAY))?.fields).toEqual({ from: { key: 'past_date' } });
    expect(refusalOf(() => checkClosureInput({ from: '2026-11-26', to: '2026-11-25' }, false, TUESDAY))?.fields).toEqual({ to: { key: 'date_order' } });
  });
});

describe('the state of a closure', () => {
  it('is upcoming before its first day, active on its days, ended after its last day', () => {
    const closure = { from: '2026-11-25', to: '2026-11-26' };
    expect(closureState(closure, TUESDAY)).toBe('upcoming');
    expect(closureState(closure, '2026-11-25')).toBe('active');
    expect(closureState(closure, '2026-11-26')).toBe('active');
    expect(closureState(closure, '2026-11-27')).toBe('ended');
    expect(closureState({ from: '2026-11-01', to: null }, '2027-06-01')).toBe('active');
  });

  it('is withdrawn once ended before its first day, whatever the day', () => {
    expect(closureState({ from: '2026-12-08', to: '2026-12-07' }, TUESDAY)).toBe('withdrawn');
    expect(closureCurrent({ from: '2026-12-08', to: '2026-12-07' }, TUESDAY)).toBe(false);
  });

  it('is current while it covers today or a later day', () => {
    expect(closureCurrent({ from: '2026-12-01', to: null }, TUESDAY)).toBe(true);
    expect(closureCurrent({ from: '2026-11-20', to: TUESDAY }, TUESDAY)).toBe(true);
    expect(closureCurrent({ from: '2026-11-20', to: '2026-11-23' }, TUESDAY)).toBe(false);
  });
});

describe('ending a closure', () => {
  it('sets its last day, shortening it or ending an open-ended one', () => {
    expect(closureEnd({ from: '2026-11-20', to: null }, '2026-11-30', TUESDAY)).toBe('2026-11-30');
    expect(closureEnd({ from: '2026-11-20', to: '2026-11-30' }, '2026-11-25', TUESDAY)).toBe('2026-11-25');
  });

  it('may end it yesterday, so that today is open again, but not earlier', () => {
    expect(closureEnd({ from: '2026-11-20', to: null }, '2026-11-23', TUESDAY)).toBe('2026-11-23');
    expect(refusalOf(() => closureEnd({ from: '2026-11-20', to: null }, '2026-11-22', TUESDAY))?.fields).toEqual({ to: { key: 'past_date' } });
  });

  it('never extends it', () => {
    expect(refusalOf(() => closureEnd({ from: '2026-11-25', to: '2026-11-26' }, '2026-11-27', TUESDAY))?.fields).toEqual({ to: { key: 'closure_extend' } });
  });

  it('withdraws an upcoming closure ended before its first day: its last day becomes the day before it', () => {
    expect(closureEnd({ from: '2026-12-08', to: '2026-12-09' }, '2026-11-30', TUESDAY)).toBe('2026-12-07');
  });
});

describe('the bookings a closure affects', () => {
  const place = (id: number, serviceId: number, date: string, start: string) => ({
    id,
    serviceId,
    date,
    startAt: atLocal(date, start, zone).toMillis(),
    endAt: atLocal(date, start, zone).plus({ hours: 1 }).toMillis(),
  });
  const booked = [
    place(1, 1, '2026-11-25', '10:00'),
    place(2, 2, '2026-11-25', '08:00'),
    place(3, 1, TUESDAY, '08:00'), // ended at 09:00, before now
    place(4, 1, TUESDAY, '09:00'), // begun, not ended
    place(5, 1, '2026-11-27', '08:00'),
    place(6, 1, '2026-11-25', '08:00'),
  ];

  it('are the bookings on its days whose slot has not ended, earliest slot first', () => {
    expect(affectedBookings(booked, { from: TUESDAY, to: '2026-11-25', serviceId: null }, now).map((b) => b.id)).toEqual([4, 2, 6, 1]);
  });

  it('are those of its service only when it closes one service; open-ended closures reach every later day', () => {
    expect(affectedBookings(booked, { from: '2026-11-25', to: null, serviceId: 1 }, now).map((b) => b.id)).toEqual([6, 1, 5]);
  });
});
