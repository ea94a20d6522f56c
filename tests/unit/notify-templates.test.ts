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
    expect(whenText(payload.start, payload.end)).toBe('Rabu, 25 November 2026 pukul 08.00–09.00 WIB');
    expect(whenText('2026-11-27T10:00:00.000+08:00', '2026-11-27T11:00:00.000+08:00')).toBe('Jumat, 27 November 2026 pukul 10.00–11.00 WITA');
    expect(whenText('2026-12-01T07:30:00.000+09:00', '2026-12-01T08:00:00.000+09:00')).toBe('Selasa, 1 Desember 2026 pukul 07.30–08.00 WIT');
  });

  it('confirms a booking with its code', () => {
    expect(renderMessage('booked', payload)).toBe(
      'Reservasi Legalisir di Disdukcapil Kota Demo untuk Rabu, 25 November 2026 pukul 08.00–09.00 WIB berhasil. Kode reservasi: K7XQ2M9P. ' +
        'Tunjukkan kode ini di kiosk saat datang, paling cepat 30 menit sebelum sesi.',
    );
  });

  it('reminds the day before', () => {
    expect(renderMessage('reminder', payload)).toMatch(/^Pengingat: besok, Rabu, 25 November 2026 pukul 08.00–09.00 WIB, Anda terjadwal untuk Legalisir di Disdukcapil Kota Demo\. Kode reservasi: K7XQ2M9P\./);
  });

  it('tells a cancellation, a move (old and new time, reason) and a closure (office or one service)', () => {
    expect(renderMessage('cancelled', payload)).toBe('Reservasi K7XQ2M9P (Legalisir, Rabu, 25 November 2026 pukul 08.00–09.00 WIB) telah dibatalkan.');
    expect(
      renderMessage('moved', { ...payload, previousStart: '2026-11-24T13:00:00.000+07:00', previousEnd: '2026-11-24T14:00:00.000+07:00', reason: 'kantor tutup' }),
    ).toBe(
      'Reservasi K7XQ2M9P (Legalisir) pada Selasa, 24 November 2026 pukul 13.00–14.00 WIB dipindahkan ke Rabu, 25 November 2026 pukul 08.00–09.00 WIB karena: kantor tutup. Kode reservasi tetap sama.',
    );
    expect(renderMessage('closure', { ...payload, reason: 'banjir', scope: 'office' })).toMatch(/^Mohon maaf, Disdukcapil Kota Demo tutup pada jadwal reservasi Anda \(K7XQ2M9P, Rabu/);
    expect(renderMessage('closure', { ...payload, reason: 'alat rusak', scope: 'service' })).toMatch(/^Mohon maaf, Layanan Legalisir di Disdukcapil Kota Demo tutup .* karena: alat rusak\. Reservasi ini dibatalkan/);
  });

  it('gives the same values, in order, as parameters of the pre-approved WhatsApp template', () => {
    // A template parameter is never empty: absent requirements are sent as '-'.
    expect(templateParams('booked', payload)).toEqual(['Legalisir', 'Disdukcapil Kota Demo', 'Rabu, 25 November 2026 pukul 08.00–09.00 WIB', 'K7XQ2M9P', '-', '30']);
    expect(templateParams('unknown', payload)).toEqual([]);
  });
});

describe('requirements in the confirmation and the reminder (OKI: mask and gloves)', () => {
  const oki = { ...payload, service: 'Perekaman KTP-el Mendesak', requirements: 'Wajib masker dan sarung tangan.' };

  it('are named in both, and left out where the service has none', () => {
    expect(renderMessage('booked', oki)).toContain('Kode reservasi: K7XQ2M9P. Persyaratan: Wajib masker dan sarung tangan. Tunjukkan kode ini');
    expect(renderMessage('reminder', oki)).toContain('Kode reservasi: K7XQ2M9P. Persyaratan: Wajib masker dan sarung tangan. Jika berhalangan');
    expect(renderMessage('booked', payload)).not.toContain('Persyaratan');
    expect(templateParams('reminder', oki)[4]).toBe('Wajib masker dan sarung tangan.');
  });
});

describe('what a closure says', () => {
  const contact = { contactLabel: 'Pencatatan Sipil', contactPhone: '+6281200000002' };
  const link = 'https://giliran.example.go.id/booking/?office=demo';

  it('a closure with an end date: cancelled, book again from the day it opens, whom to ask', () => {
    expect(renderMessage('closure', { ...payload, ...contact, link, reason: 'banjir', scope: 'office', rebookFrom: '2026-11-30' })).toBe(
      'Mohon maaf, Disdukcapil Kota Demo tutup pada jadwal reservasi Anda (K7XQ2M9P, Rabu, 25 November 2026 pukul 08.00–09.00 WIB) karena: banjir. ' +
        'Reservasi ini dibatalkan. Silakan pesan ulang untuk tanggal mulai Senin, 30 November 2026 di https://giliran.example.go.id/booking/?office=demo. ' +
        'Informasi: WhatsApp Pencatatan Sipil +6281200000002.',
    );
  });

  it('a closure "until further notice" never asks to rebook another day: it promises word when the office opens', () => {
    const text = renderMessage('closure_open', { ...payload, ...contact, reason: 'delapan pegawai terpapar COVID-19', scope: 'office' });
    expect(text).toBe(
      'Mohon maaf, Disdukcapil Kota Demo tutup sampai pemberitahuan lebih lanjut karena: delapan pegawai terpapar COVID-19. ' +
        'Reservasi Anda (K7XQ2M9P, Rabu, 25 November 2026 pukul 08.00–09.00 WIB) dibatalkan. ' +
        'Kami akan mengabari Anda melalui WhatsApp ini saat Disdukcapil Kota Demo buka kembali. Informasi: WhatsApp Pencatatan Sipil +6281200000002.',
    );
    expect(text).not.toContain('hari lain');
    expect(renderMessage('closure_open', { ...payload, reason: 'alat rusak', scope: 'service' })).toMatch(/^Mohon maaf, Layanan Legalisir di Disdukcapil Kota Demo tutup sampai pemberitahuan lebih lanjut/);
  });

  it('a reopening: open again from a day, with the link to book', () => {
    expect(renderMessage('reopened', { ...payload, ...contact, link, scope: 'office', reopenFrom: '2026-12-01' })).toBe(
      'Kabar baik: Disdukcapil Kota Demo buka kembali mulai Selasa, 1 Desember 2026. Reservasi Anda (K7XQ2M9P) yang dibatalkan karena penutupan tidak aktif kembali dengan sendirinya; ' +
        'silakan pesan ulang di https://giliran.example.go.id/booking/?office=demo. Informasi: WhatsApp Pencatatan Sipil +6281200000002.',
    );
  });

  it('without a public address or a contact, the texts still read whole; template parameters are never empty', () => {
    expect(renderMessage('reopened', { ...payload, scope: 'office', reopenFrom: '2026-12-01' })).toMatch(/silakan pesan ulang melalui halaman reservasi\.$/);
    expect(templateParams('closure', { ...payload, reason: 'banjir', rebookFrom: '2026-11-30' }).every((p) => p !== '')).toBe(true);
  });
});
