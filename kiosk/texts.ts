/** The kiosk's words: Indonesian first, English second. */
import type { Priority } from '../shared/types';

export type Bi = { id: string; en: string };

export const PRIORITIES: { value: Priority; label: Bi }[] = [
  { value: 'elderly', label: { id: 'Lansia (60+)', en: 'Elderly' } },
  { value: 'disabled', label: { id: 'Disabilitas', en: 'Disabled' } },
  { value: 'pregnant', label: { id: 'Ibu hamil', en: 'Pregnant' } },
];

export const priorityLabel = (p: Priority): Bi => PRIORITIES.find((x) => x.value === p)!.label;

/** A short title for each refusal; the server's own message (with dates and times) goes under it. */
export const ERROR_TITLES: Record<string, Bi> = {
  NOT_FOUND: { id: 'Kode reservasi tidak dikenal', en: 'Unknown booking code' },
  BOOKING_CANCELLED: { id: 'Reservasi sudah dibatalkan', en: 'This booking was cancelled' },
  WRONG_DAY: { id: 'Reservasi ini bukan untuk hari ini', en: 'This booking is not for today' },
  OUTSIDE_WINDOW: { id: 'Belum atau sudah lewat waktu check-in', en: 'Not within the check-in time' },
  ALREADY_CHECKED_IN: { id: 'Reservasi ini sudah check-in', en: 'Already checked in' },
  QUOTA_EXHAUSTED: { id: 'Kuota hari ini habis', en: "Today's quota is used up" },
  CLOSED: { id: 'Layanan sedang tutup', en: 'Service closed' },
  SERVICE_UNAVAILABLE: { id: 'Tidak tersedia di kiosk', en: 'Not available at the kiosk' },
  VALIDATION: { id: 'Kode tidak valid', en: 'Not a valid code' },
  FORBIDDEN: { id: 'Kiosk ini tidak terdaftar untuk kantor ini', en: 'This kiosk is not paired with this office' },
  RATE_LIMITED: { id: 'Terlalu banyak permintaan', en: 'Too many requests' },
  NETWORK: { id: 'Tidak dapat terhubung ke server', en: 'Cannot reach the server' },
  INTERNAL: { id: 'Terjadi gangguan', en: 'Something went wrong' },
};

/** What to do next, per refusal. */
export const ERROR_HINTS: Record<string, Bi> = {
  NOT_FOUND: { id: 'Periksa kode pada bukti reservasi Anda, lalu coba lagi.', en: 'Check the code on your booking confirmation and try again.' },
  BOOKING_CANCELLED: { id: 'Silakan ambil nomor antrean langsung atau reservasi ulang.', en: 'Take a walk-in number or book again.' },
  WRONG_DAY: { id: 'Silakan datang pada tanggal reservasi Anda.', en: 'Please come on the date of your booking.' },
  OUTSIDE_WINDOW: { id: 'Check-in hanya pada jam sesi Anda.', en: 'Check in during your session only.' },
  ALREADY_CHECKED_IN: { id: 'Nomor antrean sudah dicetak. Bila hilang, tanyakan petugas.', en: 'Your number was already printed. Ask staff if you lost it.' },
  QUOTA_EXHAUSTED: { id: 'Silakan reservasi online untuk hari lain.', en: 'Please book online for another day.' },
  NETWORK: { id: 'Mohon tunggu sebentar atau hubungi petugas.', en: 'Please wait a moment or ask staff.' },
  INTERNAL: { id: 'Mohon hubungi petugas.', en: 'Please ask staff.' },
};

export const errorTitle = (code: string): Bi => ERROR_TITLES[code] ?? ERROR_TITLES.INTERNAL!;
