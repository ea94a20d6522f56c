import { describe, expect, it } from 'vitest';
import { clockRange, clockTime, dottedTimes, longDate, zoneName } from '../../shared/timeText';

describe('Indonesian-style times (08.00)', () => {
  it('writes an instant as HH.mm in the office zone, whatever offset it came with', () => {
    expect(clockTime('2026-11-24T08:00:00.000+07:00', 'Asia/Jakarta')).toBe('08.00');
    expect(clockTime('2026-11-24T01:05:00.000Z', 'Asia/Jakarta')).toBe('08.05');
    expect(clockTime('2026-11-24T08:00:00.000+07:00', 'Asia/Makassar')).toBe('09.00');
    expect(clockTime('2026-11-24T23:59:00.000+09:00', 'Asia/Jayapura')).toBe('23.59');
    expect(clockTime(Date.parse('2026-11-24T13:30:00.000+07:00'), 'Asia/Jakarta')).toBe('13.30');
  });

  it('writes a window with an en dash and no colon', () => {
    expect(clockRange('2026-11-24T08:00:00.000+07:00', '2026-11-24T09:00:00.000+07:00', 'Asia/Jakarta')).toBe('08.00–09.00');
    expect(clockRange('2026-11-27T10:00:00.000+08:00', '2026-11-27T11:30:00.000+08:00', 'Asia/Makassar')).toBe('10.00–11.30');
  });

  it('names the Indonesian zones and the date in Indonesian', () => {
    expect(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'].map(zoneName)).toEqual(['WIB', 'WIB', 'WITA', 'WIT']);
    expect(zoneName('Europe/Paris')).toBe('Europe/Paris');
    expect(longDate('2026-11-24T08:00:00.000+07:00', 'Asia/Jakarta')).toBe('Selasa, 24 November 2026');
    // Late evening in Jayapura is already the next day there.
    expect(longDate('2026-11-24T16:00:00.000Z', 'Asia/Jayapura')).toBe('Rabu, 25 November 2026');
  });

  it('rewrites HH:MM times inside a message and leaves other colons alone', () => {
    expect(dottedTimes('Check-in untuk reservasi ini dibuka pukul 10:30 sampai 12:00.')).toBe('Check-in untuk reservasi ini dibuka pukul 10.30 sampai 12.00.');
    expect(dottedTimes('Sesi 8:00–9:00 WIB')).toBe('Sesi 8.00–9.00 WIB');
    expect(dottedTimes('Catatan: bawa KTP')).toBe('Catatan: bawa KTP');
    expect(dottedTimes('rasio 12:3, kode 2026:11:24, 10:30:15, 25:00')).toBe('rasio 12:3, kode 2026:11:24, 10:30:15, 25:00');
  });
});
