/**
 * Indonesian message templates for WhatsApp and the log channel. Each template is also a list
 * of body parameters, in order, for a pre-approved WhatsApp template `giliran_<name>` (language
 * `id`) whose text is the one below with {{1}}, {{2}}… in those places.
 */
import { DateTime } from 'luxon';

export type Payload = Record<string, string | undefined>;

/** "Selasa, 24 November 2026 pukul 08:00–09:00" from the ISO instants (which carry the office's offset). */
export const whenText = (start: string | undefined, end: string | undefined, date?: string): string => {
  const s = start ? DateTime.fromISO(start, { setZone: true }) : null;
  const e = end ? DateTime.fromISO(end, { setZone: true }) : null;
  if (!s?.isValid || !e?.isValid) return date ?? '';
  return `${s.setLocale('id').toFormat('cccc, d LLLL yyyy')} pukul ${s.toFormat('HH:mm')}–${e.toFormat('HH:mm')} ${zoneName(s)}`;
};

/** "14:35 WIB" from an ISO instant (which carries the office's offset). */
const timeText = (at: string | undefined): string => {
  const d = at ? DateTime.fromISO(at, { setZone: true }) : null;
  return d?.isValid ? `${d.toFormat('HH:mm')} ${zoneName(d)}` : '';
};

const zoneName = (d: DateTime): string => ({ 420: 'WIB', 480: 'WITA', 540: 'WIT' })[d.offset] ?? d.toFormat('ZZ');

type Template = { params: (p: Payload) => string[]; text: (v: string[]) => string };

const TEMPLATES: Record<string, Template> = {
  booked: {
    params: (p) => [p.service ?? '', p.office ?? '', whenText(p.start, p.end, p.date), p.code ?? ''],
    text: ([service, office, when, code]) =>
      `Reservasi ${service} di ${office} untuk ${when} berhasil. Kode reservasi: ${code}. Tunjukkan kode ini di kiosk saat datang, paling cepat 30 menit sebelum sesi.`,
  },
  reminder: {
    params: (p) => [whenText(p.start, p.end, p.date), p.service ?? '', p.office ?? '', p.code ?? ''],
    text: ([when, service, office, code]) =>
      `Pengingat: besok, ${when}, Anda terjadwal untuk ${service} di ${office}. Kode reservasi: ${code}. Jika berhalangan, mohon batalkan agar tempatnya dapat dipakai warga lain.`,
  },
  cancelled: {
    params: (p) => [p.code ?? '', p.service ?? '', whenText(p.start, p.end, p.date)],
    text: ([code, service, when]) => `Reservasi ${code} (${service}, ${when}) telah dibatalkan.`,
  },
  moved: {
    params: (p) => [p.code ?? '', p.service ?? '', whenText(p.start, p.end, p.date), p.reason ?? '-', whenText(p.previousStart, p.previousEnd)],
    text: ([code, service, when, reason, previous]) =>
      `Reservasi ${code} (${service})${previous ? ` pada ${previous}` : ''} dipindahkan ke ${when} karena: ${reason}. Kode reservasi tetap sama.`,
  },
  closure: {
    params: (p) => [p.scope === 'service' ? `Layanan ${p.service} di ${p.office}` : (p.office ?? ''), p.code ?? '', whenText(p.start, p.end, p.date), p.reason ?? '-'],
    text: ([what, code, when, reason]) =>
      `Mohon maaf, ${what} tutup pada jadwal reservasi Anda (${code}, ${when}) karena: ${reason}. Reservasi ini dibatalkan; silakan pesan ulang pada hari lain.`,
  },
  // A booking code whose nik4 was answered wrong too often (domain/codeAttempts): the holder learns that someone else has the code.
  code_locked: {
    params: (p) => [p.code ?? '', p.office ?? '', timeText(p.until)],
    text: ([code, office, until]) =>
      `Ada beberapa kali percobaan yang salah untuk membuka reservasi ${code} di ${office}, jadi kode ini dikunci sementara${until ? ` sampai pukul ${until}` : ''}. Reservasi Anda tetap berlaku. Jika bukan Anda yang mencoba, jangan bagikan kode reservasi Anda kepada orang lain.`,
  },
};

export const templateParams = (template: string, payload: Payload): string[] => TEMPLATES[template]?.params(payload) ?? [];

export const renderMessage = (template: string, payload: Payload): string => {
  const t = TEMPLATES[template];
  return t ? t.text(t.params(payload)) : `Giliran: ${template}`;
};
