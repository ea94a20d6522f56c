import { describe, expect, it } from 'vitest';
import { bookingLink, closureTemplate, contactFields, reopeningDue, reopeningRecipients, reopensOn } from '../../server/domain/closureTexts';
import { contactForService } from '../../server/domain/contacts';

const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' }));
const contacts = [
  { label: 'Pendaftaran Penduduk', phone: '+6281200000001', serviceGroup: 'Pendaftaran Penduduk' },
  { label: 'Pencatatan Sipil', phone: '+6281200000002', serviceGroup: 'Pencatatan Sipil' },
];

describe('which text a closure gets', () => {
  it('"until further notice" has its own text; a closure with a last day the one that says when to book again', () => {
    expect(closureTemplate({ from: '2026-11-25', to: null })).toBe('closure_open');
    expect(closureTemplate({ from: '2026-11-25', to: '2026-11-26' })).toBe('closure');
  });

  it('book again from the first day after it on which the service opens: weekends and other closures skipped', () => {
    expect(reopensOn({ from: '2026-11-25', to: '2026-11-26' }, 1, [], WEEKDAYS)).toBe('2026-11-27');
    expect(reopensOn({ from: '2026-11-25', to: '2026-11-27' }, 1, [], WEEKDAYS)).toBe('2026-11-30');
    const monday = { id: 2, serviceId: 1, from: '2026-11-30', to: '2026-11-30', reason: 'Cuti' };
    expect(reopensOn({ from: '2026-11-25', to: '2026-11-27' }, 1, [monday], WEEKDAYS)).toBe('2026-12-01');
    expect(reopensOn({ from: '2026-11-25', to: '2026-11-27' }, 2, [monday], WEEKDAYS)).toBe('2026-11-30');
    expect(reopensOn({ from: '2026-11-25', to: null }, 1, [], WEEKDAYS)).toBeNull();
  });
});

describe('whom a message names to ask', () => {
  it('the contact of the service\'s group, else the office\'s first one, else none', () => {
    expect(contactForService('Pencatatan Sipil', contacts)?.phone).toBe('+6281200000002');
    expect(contactForService('', contacts)?.phone).toBe('+6281200000001');
    expect(contactForService('Konsultasi', contacts)?.phone).toBe('+6281200000001');
    expect(contactForService('Pencatatan Sipil', [])).toBeUndefined();
    expect(contactFields('Pencatatan Sipil', contacts)).toEqual({ contactLabel: 'Pencatatan Sipil', contactPhone: '+6281200000002' });
    expect(contactFields('x', [])).toEqual({});
  });

  it('the booking page link only where the deployment has a public address', () => {
    expect(bookingLink('https://antrian.example.go.id/', 'oki')).toBe('https://antrian.example.go.id/booking/?office=oki');
    expect(bookingLink(undefined, 'oki')).toBe('');
  });
});

describe('a reopening', () => {
  it('is told when the closure ends earlier than it was to, once', () => {
    expect(reopeningDue({ from: '2026-11-25', to: null, reopenNotifiedAt: null }, '2026-11-30')).toBe(true);
    expect(reopeningDue({ from: '2026-11-25', to: '2026-11-27', reopenNotifiedAt: null }, '2026-11-26')).toBe(true);
    expect(reopeningDue({ from: '2026-11-25', to: '2026-11-27', reopenNotifiedAt: null }, '2026-11-27')).toBe(false);
    expect(reopeningDue({ from: '2026-11-25', to: null, reopenNotifiedAt: 1 }, '2026-11-30')).toBe(false);
  });

  it('reaches each phone once, and nobody whose data was erased', () => {
    const cancelled = [{ id: 1, phone: '+62811' }, { id: 2, phone: null }, { id: 3, phone: '+62811' }, { id: 4, phone: '+62822' }];
    expect(reopeningRecipients(cancelled).map((b) => b.id)).toEqual([1, 4]);
  });
});
