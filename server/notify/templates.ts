/** Indonesian message templates for WhatsApp and the log channel. */
import { DateTime } from 'luxon';

const when = (p: Record<string, string>) => {
  const start = p.start ? DateTime.fromISO(p.start, { setZone: true }) : null;
  const end = p.end ? DateTime.fromISO(p.end, { setZone: true }) : null;
  return start && end ? `${start.setLocale('id').toFormat('cccc, d LLLL yyyy')} pukul ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}` : (p.date ?? '');
};

const TEMPLATES: Record<string, (p: Record<string, string>) => string> = {
  booked: (p) => `Reservasi ${p.service} di ${p.office} untuk ${when(p)} berhasil. Kode: ${p.code}. Tunjukkan kode ini di kiosk saat datang.`,
  reminder: (p) => `Pengingat: besok ${when(p)} Anda terjadwal untuk ${p.service} di ${p.office}. Kode: ${p.code}.`,
  cancelled: (p) => `Reservasi ${p.code} (${p.service}, ${when(p)}) telah dibatalkan.`,
  moved: (p) => `Reservasi ${p.code} (${p.service}) dipindahkan ke ${when(p)}${p.reason ? ` karena: ${p.reason}` : ''}.`,
  closure: (p) => `Mohon maaf, ${p.office} tutup pada jadwal reservasi Anda (${p.code}, ${when(p)}): ${p.reason}. Reservasi dibatalkan; silakan pesan ulang.`,
};

export const renderMessage = (template: string, payload: Record<string, string>): string =>
  (TEMPLATES[template] ?? (() => `Giliran: ${template}`))(payload);
