import { describe, expect, it } from 'vitest';
import { changedFields } from '../../server/domain/auditTrail';
import { contactPhone } from '../../server/domain/contacts';
import { checkOpeningHours, checkTimezone, DEFAULT_HOURS, nextBlankoStock } from '../../server/domain/officeSettings';
import { refusalOf } from './refusal';

describe('an office zone', () => {
  it('is an IANA zone luxon knows', () => {
    expect(refusalOf(() => checkTimezone('Asia/Makassar'))).toBeNull();
    expect(refusalOf(() => checkTimezone('Mars/Base'))?.fields).toEqual({ timezone: { key: 'timezone' } });
  });
});

describe('opening hours', () => {
  it('of a new office are Monday to Friday, 08:00 to 15:00', () => {
    expect(DEFAULT_HOURS.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(DEFAULT_HOURS.every((h) => h.open === '08:00' && h.close === '15:00')).toBe(true);
  });

  it('are answered in weekday order', () => {
    expect(checkOpeningHours([{ weekday: 3, open: '08:00', close: '12:00' }, { weekday: 1, open: '08:00', close: '12:00' }]).map((h) => h.weekday)).toEqual([1, 3]);
  });

  it('refuse a day that closes before it opens, and intervals of one weekday that overlap (several that do not are a day with breaks)', () => {
    const week = [{ weekday: 1, open: '09:00', close: '08:00' }, { weekday: 1, open: '08:00', close: '12:00' }, { weekday: 1, open: '11:00', close: '15:00' }];
    expect(refusalOf(() => checkOpeningHours(week))?.fields).toEqual({
      'hours.0.close': { key: 'time_order' },
      'hours.1.open': { key: 'hours_overlap' },
      'hours.2.open': { key: 'hours_overlap' },
    });
    expect(refusalOf(() => checkOpeningHours([{ weekday: 1, open: '08:00', close: '12:00' }, { weekday: 1, open: '13:00', close: '15:00' }]))).toBeNull();
  });
});

describe('the blanko stock', () => {
  it('is set by a stock-take or raised by a delivery, never below zero', () => {
    expect(nextBlankoStock(10, { set: 3 })).toBe(3);
    expect(nextBlankoStock(10, { add: -4 })).toBe(6);
    expect(refusalOf(() => nextBlankoStock(10, { add: -11 }))?.fields).toEqual({ add: { key: 'out_of_range' } });
  });
});

describe('a WhatsApp contact number', () => {
  it('is a mobile number as people type it, or a landline with its area code, stored as +62…', () => {
    expect(contactPhone('0812 3456 7890')).toBe('+6281234567890');
    expect(contactPhone('(0711) 123-456')).toBe('+62711123456');
    expect(contactPhone('+62 711 123456')).toBe('+62711123456');
  });

  it('is refused when it is neither', () => {
    expect(refusalOf(() => contactPhone('12'))?.fields).toEqual({ phone: { key: 'phone' } });
  });
});

describe('what an update changed', () => {
  it('is the fields of the patch whose value differs', () => {
    expect(changedFields({ name: 'Kota', recallLimit: 3, walkInEvery: 2 }, { name: 'Kota Baru', recallLimit: 3 })).toEqual({ name: 'Kota Baru' });
  });
});
