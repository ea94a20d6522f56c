import { describe, expect, it } from 'vitest';
import { renderMessage, templateParams, whenText } from '../../server/jobs/templates';

const payload = {
  code: 'K7XQ2M9P',
  office: 'Disdukcapil Kota Demo',
  service: 'Legalisir',
  date: '2026-11-25',
  start: '2026-11-25T08:00:00.000+07:00',
  end: '2026-11-25T09:00:00.000+07:00',
};

describe('Indonesian message templates', () => {
  it('writes the day and time in Indonesian with the office zone (WIB, WITA, WIT)', () => {
    expect(whenText(payload.start, payload.end)).toBe('Rabu, 25 November 2026 pukul 08:00–09:00 WIB');
    expect(whenText('2026-11-27T10:00:00.000+08:00', '2026-11-27T11:00:00.000+08:00')).toBe('Jumat, 27 November 2026 pukul 10:00–11:00 WITA');
    expect(whenText('2026-12-01T07:30:00.000+09:00', '2026-12-01T08:00:00.000+09:00')).toBe('Selasa, 1 Desember 2026 pukul 07:30–08:00 WIT');
  });

  it('confirms a booking with its code', () => {
    expect(renderMessage('booked', payload)).toBe(
      'Reservasi Legalisir di Disdukcapil Kota Demo untuk Rabu, 25 November 2026 pukul 08:00–09:00 WIB berhasil. Kode reservasi: K7XQ2M9P. ' +
        'Tunjukkan kode ini di kiosk saat datang, paling cepat 30 menit sebelum sesi.',
    );
  });

  it('reminds the day before', () => {
    expect(renderMessage('reminder', payload)).toMatch(/^Pengingat: besok, Rabu, 25 November 2026 pukul 08:00–09:00 WIB, Anda terjadwal untuk Legalisir di Disdukcapil Kota Demo\. Kode reservasi: K7XQ2M9P\./);
  });

  it('tells a cancellation, a move (old and new time, reason) and a closure (office or one service)', () => {
    expect(renderMessage('cancelled', payload)).toBe('Reservasi K7XQ2M9P (Legalisir, Rabu, 25 November 2026 pukul 08:00–09:00 WIB) telah dibatalkan.');
    expect(
      renderMessage('moved', { ...payload, previousStart: '2026-11-24T13:00:00.000+07:00', previousEnd: '2026-11-24T14:00:00.000+07:00', reason: 'kantor tutup' }),
    ).toBe(
      'Reservasi K7XQ2M9P (Legalisir) pada Selasa, 24 November 2026 pukul 13:00–14:00 WIB dipindahkan ke Rabu, 25 November 2026 pukul 08:00–09:00 WIB karena: kantor tutup. Kode reservasi tetap sama.',
    );
    expect(renderMessage('closure', { ...payload, reason: 'banjir', scope: 'office' })).toMatch(/^Mohon maaf, Disdukcapil Kota Demo tutup pada jadwal reservasi Anda \(K7XQ2M9P, Rabu/);
    expect(renderMessage('closure', { ...payload, reason: 'alat rusak', scope: 'service' })).toMatch(/^Mohon maaf, Layanan Legalisir di Disdukcapil Kota Demo tutup .* karena: alat rusak\. Reservasi ini dibatalkan/);
  });

  it('gives the same values, in order, as parameters of the pre-approved WhatsApp template', () => {
    expect(templateParams('booked', payload)).toEqual(['Legalisir', 'Disdukcapil Kota Demo', 'Rabu, 25 November 2026 pukul 08:00–09:00 WIB', 'K7XQ2M9P']);
    expect(templateParams('unknown', payload)).toEqual([]);
  });
});
