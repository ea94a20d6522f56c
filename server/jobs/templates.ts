/**
 * Indonesian message templates for WhatsApp and the log channel. Each template is also a list
 * of body parameters, in order, for a pre-approved WhatsApp template `giliran_<name>` (language
 * `id`) whose text is the one below with {{1}}, {{2}}… in those places.
 */
import { DateTime } from 'luxon';
import { SURVEY_WINDOW_DAYS } from '../../shared/skm';

export type Payload = Record<string, string | undefined>;

/** "Selasa, 24 November 2026 pukul 08.00–09.00 WIB" from the ISO instants (which carry the office's offset); times as Indonesians write them. */
export const whenText = (start: string | undefined, end: string | undefined, date?: string): string => {
  const s = start ? DateTime.fromISO(start, { setZone: true }) : null;
  const e = end ? DateTime.fromISO(end, { setZone: true }) : null;
  if (!s?.isValid || !e?.isValid) return date ?? '';
  return `${s.setLocale('id').toFormat('cccc, d LLLL yyyy')} pukul ${s.toFormat('HH.mm')}–${e.toFormat('HH.mm')} ${zoneName(s)}`;
};

/** "Senin, 8 Desember 2026" from a local date 'YYYY-MM-DD'. */
export const dayText = (date: string | undefined): string => {
  const d = date ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  return d?.isValid ? d.setLocale('id').toFormat('cccc, d LLLL yyyy') : '';
};

/** "14.35 WIB" from an ISO instant (which carries the office's offset). */
const timeText = (at: string | undefined): string => {
  const d = at ? DateTime.fromISO(at, { setZone: true }) : null;
  return d?.isValid ? `${d.toFormat('HH.mm')} ${zoneName(d)}` : '';
};

const zoneName = (d: DateTime): string => ({ 420: 'WIB', 480: 'WITA', 540: 'WIT' })[d.offset] ?? d.toFormat('ZZ');

/** The office, or one service of it, as a closure message names it. */
const closedWhat = (p: Payload): string => (p.scope === 'service' ? `layanan ${p.service ?? ''} di ${p.office ?? ''}` : (p.office ?? ''));
/** "WhatsApp Pencatatan Sipil +6281200000002": whom to ask about the booking's service (domain/contacts contactForService). */
const contactText = (p: Payload): string => (p.contactPhone ? `WhatsApp ${p.contactLabel ?? ''} ${p.contactPhone}`.replace(/\s+/g, ' ') : '');

/*
 * A pre-approved WhatsApp template takes no empty parameter: an absent value is sent as '-'.
 * The plain text leaves out the sentence of a value that is absent.
 */
const orDash = (v: string): string => v || '-';

type Template = { params: (p: Payload) => string[]; text: (v: string[]) => string };

/** "Persyaratan: wajib masker dan sarung tangan." (OKI), when the service has requirements. */
const requirementsSentence = (requirements: string): string => (requirements && requirements !== '-' ? ` Persyaratan: ${requirements.replace(/[.\s]+$/, '')}.` : '');
const askSentence = (contact: string): string => (contact && contact !== '-' ? ` Informasi: ${contact}.` : '');
const bookWhere = (link: string): string => (link && link !== '-' ? `di ${link}` : 'melalui halaman reservasi');

const TEMPLATES: Record<string, Template> = {
  booked: {
    // The check-in window is the office's setting (checkInEarlyMinutes), not a fixed 30 minutes.
    params: (p) => [p.service ?? '', p.office ?? '', whenText(p.start, p.end, p.date), p.code ?? '', orDash(p.requirements ?? ''), p.checkInMinutes ?? '30'],
    text: ([service, office, when, code, requirements = '', checkIn = '30']) =>
      `Reservasi ${service} di ${office} untuk ${when} berhasil. Kode reservasi: ${code}.${requirementsSentence(requirements)} Tunjukkan kode ini di kiosk saat datang, paling cepat ${checkIn} menit sebelum sesi.`,
  },
  reminder: {
    params: (p) => [whenText(p.start, p.end, p.date), p.service ?? '', p.office ?? '', p.code ?? '', orDash(p.requirements ?? '')],
    text: ([when, service, office, code, requirements = '']) =>
      `Pengingat: besok, ${when}, Anda terjadwal untuk ${service} di ${office}. Kode reservasi: ${code}.${requirementsSentence(requirements)} Jika berhalangan, mohon batalkan agar tempatnya dapat dipakai warga lain.`,
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
  // A closure with a last day: the booking is cancelled, and the holder can book again from the day it opens (domain/closureTexts).
  closure: {
    params: (p) => [closedWhat(p), p.code ?? '', whenText(p.start, p.end, p.date), p.reason ?? '-', dayText(p.rebookFrom), orDash(p.link ?? ''), orDash(contactText(p))],
    text: ([what = '', code, when, reason, rebookFrom, link = '', contact = '']) =>
      `Mohon maaf, ${capitalised(what)} tutup pada jadwal reservasi Anda (${code}, ${when}) karena: ${reason}. Reservasi ini dibatalkan. ` +
      `Silakan pesan ulang untuk tanggal mulai ${rebookFrom} ${bookWhere(link)}.${askSentence(contact)}`,
  },
  // A closure "until further notice": no day to rebook yet; the holder hears again when it ends (reopened).
  closure_open: {
    params: (p) => [closedWhat(p), p.code ?? '', whenText(p.start, p.end, p.date), p.reason ?? '-', orDash(contactText(p))],
    text: ([what = '', code, when, reason, contact = '']) =>
      `Mohon maaf, ${capitalised(what)} tutup sampai pemberitahuan lebih lanjut karena: ${reason}. Reservasi Anda (${code}, ${when}) dibatalkan. ` +
      `Kami akan mengabari Anda melalui WhatsApp ini saat ${what} buka kembali.${askSentence(contact)}`,
  },
  // A closure ended early: the holders of the bookings it cancelled hear once that they can book again.
  reopened: {
    params: (p) => [closedWhat(p), dayText(p.reopenFrom), p.code ?? '', orDash(p.link ?? ''), orDash(contactText(p))],
    text: ([what = '', from, code, link = '', contact = '']) =>
      `Kabar baik: ${what} buka kembali mulai ${from}. Reservasi Anda (${code}) yang dibatalkan karena penutupan tidak aktif kembali dengan sendirinya; ` +
      `silakan pesan ulang ${bookWhere(link)}.${askSentence(contact)}`,
  },
  // A booking code whose nik4 was answered wrong too often (domain/codeAttempts): the holder learns that someone else has the code.
  // A visitor's new booking, pending until confirmed with this code (domain/confirmation); "booked" follows the confirmation.
  booking_otp: {
    params: (p) => [p.otp ?? '', p.service ?? '', whenText(p.start, p.end, p.date), timeText(p.until), p.code ?? ''],
    text: ([otp, service, when, until, code]) =>
      `Kode konfirmasi Giliran Anda: ${otp}. Masukkan kode ini di halaman reservasi${until ? ` sebelum pukul ${until}` : ''} untuk memastikan reservasi ${service}, ${when} (kode reservasi ${code}); tanpa konfirmasi, tempat ini dilepas untuk warga lain. Jangan berikan kode ini kepada siapa pun.`,
  },
  // A service stopped for want of blanko (domain/blanko): the holder of a coming booking gets a suket, or may cancel.
  blanko_out: {
    params: (p) => [p.office ?? '', p.code ?? '', p.service ?? '', whenText(p.start, p.end, p.date)],
    text: ([office, code, service, when]) =>
      `Blanko KTP-el di ${office} sedang habis. Untuk reservasi ${code} (${service}, ${when}) Anda akan menerima surat keterangan (suket) sebagai pengganti KTP-el; KTP-el dicetak setelah blanko tersedia. Reservasi tetap berlaku; jika ingin menunggu blanko, Anda dapat membatalkannya di halaman reservasi.`,
  },
  code_locked: {
    params: (p) => [p.code ?? '', p.office ?? '', timeText(p.until)],
    text: ([code, office, until]) =>
      `Ada beberapa kali percobaan yang salah untuk membuka reservasi ${code} di ${office}, jadi kode ini dikunci sementara${until ? ` sampai pukul ${until}` : ''}. Reservasi Anda tetap berlaku. Jika bukan Anda yang mencoba, jangan bagikan kode reservasi Anda kepada orang lain.`,
  },
  // A booked ticket completed (domain/skm): its holder is asked once for the satisfaction survey (SKM) on the ticket's status page.
  survey: {
    params: (p) => [p.office ?? '', p.number ?? '', p.service ?? '', orDash(p.link ?? ''), String(SURVEY_WINDOW_DAYS)],
    text: ([office, number, service, link = '', days = String(SURVEY_WINDOW_DAYS)]) =>
      `Terima kasih telah datang ke ${office} (nomor antrean ${number}, ${service}). Bantu kami memperbaiki pelayanan: isi Survei Kepuasan Masyarakat, ` +
      `9 pertanyaan singkat tanpa nama, ${link && link !== '-' ? `di ${link}` : 'melalui kode QR pada tiket Anda'} dalam ${days} hari.`,
  },
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const templateParams = (template: string, payload: Payload): string[] => TEMPLATES[template]?.params(payload) ?? [];

export const renderMessage = (template: string, payload: Payload): string => {
  const t = TEMPLATES[template];
  return t ? t.text(t.params(payload)) : `Giliran: ${template}`;
};
