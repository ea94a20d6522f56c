/**
 * The one Indonesian/English catalogue for error and field messages.
 * Indonesian is the default; English is chosen by Accept-Language.
 */
import type { ErrorCode } from './errors';

export type Lang = 'id' | 'en';
type Entry = { id: string; en: string };

export const errorMessages: Record<ErrorCode, Entry> = {
  VALIDATION: { id: 'Data yang dikirim tidak valid.', en: 'The submitted data is not valid.' },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  SLOT_FULL: { id: 'Sesi ini sudah penuh. Silakan pilih sesi lain.', en: 'This slot is full. Please choose another slot.' },
  DUPLICATE_BOOKING: {
    id: 'NIK ini sudah memiliki reservasi aktif untuk layanan ini pada hari yang sama.',
    en: 'This NIK already holds an active booking for this service on that day.',
  },
  BOOKING_LIMIT: {
    id: 'NIK ini sudah mencapai batas {limit} reservasi aktif.',
    en: 'This NIK has reached the limit of {limit} active bookings.',
  },
  CLOSED: { id: 'Layanan tutup: {reason}', en: 'Service closed: {reason}' },
  QUOTA_EXHAUSTED: {
    id: 'Kuota antrian langsung untuk layanan ini hari ini sudah habis.',
    en: "Today's walk-in quota for this service is used up.",
  },
  UNAUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  FORBIDDEN: { id: 'Anda tidak berhak melakukan ini.', en: 'You are not allowed to do this.' },
  RATE_LIMITED: { id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.', en: 'Too many requests. Please try again shortly.' },
  TOO_MANY_ATTEMPTS: {
    id: 'Terlalu banyak percobaan salah untuk kode reservasi ini. Coba lagi dalam 15 menit.',
    en: 'Too many wrong tries for this booking code. Please try again in 15 minutes.',
  },
  CHALLENGE_FAILED: {
    id: 'Pemeriksaan keamanan otomatis gagal atau sudah kedaluwarsa. Muat ulang halaman, lalu kirim lagi.',
    en: 'The automatic security check failed or has expired. Reload the page, then send again.',
  },
  TOO_LARGE: { id: 'Data yang dikirim terlalu besar.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    id: 'Data harus dikirim sebagai JSON (Content-Type: application/json).',
    en: 'Send the data as JSON (Content-Type: application/json).',
  },
  INVALID_STATE: {
    id: 'Tindakan ini tidak dapat dilakukan pada status "{status}".',
    en: 'This action is not allowed while the status is "{status}".',
  },
  COUNTER_BUSY: {
    id: 'Loket masih melayani nomor {number}. Selesaikan dulu.',
    en: 'The counter is still handling {number}. Finish it first.',
  },
  COUNTER_NOT_OPEN: { id: 'Loket sedang tidak buka.', en: 'The counter is not open.' },
  SLOT_NOT_BOOKABLE: {
    id: 'Sesi ini tidak dapat dipesan lagi (sudah lewat, di luar batas pemesanan, atau melewati batas waktu).',
    en: 'This slot can no longer be booked (it has passed, is beyond the booking horizon, or past the cut-off).',
  },
  WRONG_DAY: { id: 'Reservasi ini untuk tanggal {date}, bukan hari ini.', en: 'This booking is for {date}, not today.' },
  OUTSIDE_WINDOW: {
    id: 'Check-in untuk reservasi ini dibuka pukul {from} sampai {to}.',
    en: 'Check-in for this booking is open from {from} to {to}.',
  },
  BOOKING_CANCELLED: { id: 'Reservasi ini sudah dibatalkan.', en: 'This booking has been cancelled.' },
  ALREADY_CHECKED_IN: { id: 'Reservasi ini sudah check-in.', en: 'This booking has already been checked in.' },
  // Neutral about the channel: with NOTIFY_CHANNEL=log the confirmation code is only logged, never sent.
  BOOKING_NOT_CONFIRMED: {
    id: 'Reservasi ini belum dikonfirmasi dengan kode konfirmasinya.',
    en: 'This booking has not been confirmed with its confirmation code.',
  },
  OFFICE_NOT_READY: {
    id: 'Kantor belum bisa diterbitkan: lengkapi layanan dan jam bukanya dulu.',
    en: 'The office cannot be published yet: complete its services and opening hours first.',
  },
  BOOKING_EXPIRED: {
    id: 'Reservasi ini tidak dikonfirmasi tepat waktu dan sudah kedaluwarsa; tempatnya sudah dilepas. Silakan pesan lagi.',
    en: 'This booking was not confirmed in time and has expired; its place has been released. Please book again.',
  },
  BLANKO_EMPTY: {
    id: 'Blanko KTP-el sedang habis. Anda akan menerima surat keterangan (suket) sebagai pengganti.',
    en: 'KTP-el blank cards are out of stock. You will receive a certificate (suket) instead.',
  },
  SERVICE_UNAVAILABLE: { id: 'Layanan ini tidak tersedia untuk cara ini.', en: 'This service is not available this way.' },
  CAPACITY_BELOW_BOOKED: {
    id: 'Kapasitas tidak boleh lebih kecil dari jumlah yang sudah terpesan ({booked}).',
    en: 'Capacity cannot be lower than the places already booked ({booked}).',
  },
  CONFLICT: { id: 'Data bertentangan dengan data yang ada.', en: 'This conflicts with existing data.' },
  NOT_OPEN_YET: { id: 'Belum dibuka. Dibuka pada {opensAt}.', en: 'Not open yet. It opens at {opensAt}.' },
  WAITING_ROOM: {
    id: 'Kuota hari ini dibagikan melalui ruang tunggu: masuk ruang tunggu dan tunggu giliran Anda.',
    en: "This day's places are given out through the waiting room: join it and wait for your turn.",
  },
  // The satisfaction survey (SKM, domain/skm)
  SURVEY_NOT_OPEN: {
    id: 'Survei kepuasan dibuka setelah layanan untuk nomor ini selesai.',
    en: 'The satisfaction survey opens once the service for this ticket is complete.',
  },
  SURVEY_CLOSED: {
    id: 'Survei untuk nomor ini sudah ditutup: survei dapat diisi sampai {days} hari setelah layanan selesai.',
    en: 'The survey for this ticket has closed: it can be answered up to {days} days after the service.',
  },
  ALREADY_ANSWERED: { id: 'Survei untuk nomor ini sudah diisi. Terima kasih.', en: 'The survey for this ticket has already been answered. Thank you.' },
  INTERNAL: { id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' },
};

export const fieldMessages: Record<string, Entry> = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid: { id: 'Tidak valid.', en: 'Not valid.' },
  nik_length: { id: 'NIK harus 16 angka.', en: 'A NIK has exactly 16 digits.' },
  nik_digits: { id: 'NIK hanya boleh berisi angka.', en: 'A NIK contains digits only.' },
  nik_province: { id: 'Kode provinsi pada NIK tidak dikenal.', en: 'The province code of this NIK is unknown.' },
  nik_region: { id: 'Kode kabupaten/kota atau kecamatan pada NIK tidak valid.', en: 'The regency or district code of this NIK is not valid.' },
  nik_birthdate: { id: 'Tanggal lahir pada NIK tidak valid.', en: 'The birth date in this NIK is not valid.' },
  nik_future: { id: 'Tanggal lahir pada NIK ada di masa depan.', en: 'The birth date in this NIK lies in the future.' },
  nik_serial: { id: 'Nomor urut pada NIK tidak boleh 0000.', en: 'The serial number of a NIK cannot be 0000.' },
  phone: { id: 'Nomor WhatsApp/HP tidak valid (contoh: 0812-3456-7890).', en: 'Not a valid mobile number (e.g. 0812-3456-7890).' },
  date: { id: 'Tanggal harus berformat YYYY-MM-DD.', en: 'A date is written YYYY-MM-DD.' },
  date_invalid: { id: 'Tanggal ini tidak ada di kalender.', en: 'This date does not exist in the calendar.' },
  time: { id: 'Waktu harus berformat JJ:MM.', en: 'A time is written HH:MM.' },
  too_long: { id: 'Terlalu panjang (maksimal {max} karakter).', en: 'Too long (at most {max} characters).' },
  too_short: { id: 'Terlalu pendek (minimal {min} karakter).', en: 'Too short (at least {min} characters).' },
  out_of_range: { id: 'Di luar rentang yang diizinkan.', en: 'Outside the allowed range.' },
  unknown_service: { id: 'Layanan tidak dikenal.', en: 'Unknown service.' },
  one_of: { id: 'Pilih salah satu: {options}.', en: 'Choose one of: {options}.' },
  nothing_to_change: { id: 'Tidak ada yang diubah: kirim setidaknya satu nilai.', en: 'Nothing to change: send at least one value.' },
  date_order: { id: 'Tanggal akhir tidak boleh sebelum tanggal mulai.', en: 'The end date cannot be before the start date.' },
  credentials: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  weak_password: {
    id: 'Kata sandi ini terlalu lemah atau terlalu umum. Pakai minimal 12 karakter, misalnya beberapa kata yang tidak saling berhubungan.',
    en: 'This password is too weak or too common. Use at least 12 characters, for example a few unrelated words.',
  },
  // Admin forms (issue 6)
  time_order: { id: 'Waktu selesai harus setelah waktu mulai.', en: 'The end time must be after the start time.' },
  overlap: { id: 'Sesi ini tumpang tindih dengan sesi lain pada hari yang sama.', en: 'This slot overlaps another slot on the same day.' },
  slot_has_bookings: {
    id: 'Sesi {date} {start} sudah memiliki {booked} reservasi; sesi itu tidak boleh dihapus atau dikurangi di bawah jumlah itu.',
    en: 'The slot {date} {start} already holds {booked} bookings; it cannot be removed or reduced below that.',
  },
  taken: { id: 'Sudah dipakai. Pilih yang lain.', en: 'Already in use. Choose another.' },
  self_change: { id: 'Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri.', en: 'You cannot change the role of, or disable, your own account.' },
  helper_phone_missing: {
    id: 'Akun Anda belum punya nomor WhatsApp pendamping. Minta admin mengisinya, atau isi nomor HP warga.',
    en: "Your account has no helper WhatsApp number yet. Ask an admin to set it, or enter the citizen's phone number.",
  },
  timezone: { id: 'Zona waktu tidak dikenal (contoh: Asia/Jakarta).', en: 'Unknown time zone (e.g. Asia/Jakarta).' },
  past_date: { id: 'Tanggal tidak boleh di masa lalu.', en: 'The date cannot be in the past.' },
  slug: { id: 'Hanya huruf kecil, angka dan tanda hubung (2–40).', en: 'Lower-case letters, digits and hyphens only (2–40).' },
  letter: { id: 'Satu huruf kapital A–Z.', en: 'One capital letter A–Z.' },
  has_future_bookings: {
    id: 'Masih ada {count} reservasi aktif. Tutup layanan ini dulu (penutupan) agar reservasi dibatalkan atau dipindahkan.',
    en: 'There are still {count} active bookings. Close the service first so that they are cancelled or moved.',
  },
  closure_extend: { id: 'Penutupan hanya dapat dipersingkat di sini, tidak diperpanjang.', en: 'A closure can only be shortened here, not extended.' },
  range_too_long: { id: 'Rentang terlalu panjang (maksimal {max} hari).', en: 'The range is too long (at most {max} days).' },
  // Neutral about the channel (NOTIFY_CHANNEL=log sends nothing): no "check your WhatsApp message".
  otp_wrong: { id: 'Kode konfirmasi salah. Periksa kembali 6 angka kode konfirmasi.', en: 'Wrong confirmation code. Check the 6 digits of the confirmation code again.' },
  counter_has_ticket: { id: 'Loket ini sedang menangani sebuah nomor.', en: 'This counter is handling a ticket right now.' },
  // Urgent cases and the holder check at the counter (issue "the lobby and the counter", items 4–5)
  urgent_reason_required: {
    id: 'Layanan ini tutup hari ini: tulis alasan kasus mendesak (minimal 5 karakter).',
    en: 'This service is closed today: write the reason for the urgent case (at least 5 characters).',
  },
  service_open: { id: 'Layanan ini buka: ambil nomor antrean biasa di kiosk.', en: 'This service is open: take an ordinary ticket at the kiosk.' },
  urgent_day_open: {
    id: 'Layanan ini buka pada hari itu: buat reservasi biasa, bukan kasus mendesak.',
    en: 'This service is open on that day: make an ordinary booking, not an urgent case.',
  },
  // Several opening intervals a day (issue "the lobby and the counter", item 2)
  hours_overlap: {
    id: 'Jam buka ini tumpang tindih dengan jam buka lain pada hari yang sama.',
    en: 'These opening hours overlap other opening hours of the same day.',
  },
};

/**
 * Texts the system itself writes to people (reasons a day or a service is closed, why a booking
 * was cancelled, the blanko/suket notice, report column headers). They are stored or shown as one
 * bilingual line, Indonesian first: `bilingualText(key, params)`.
 */
export const textMessages = {
  office_closed_on_day: { id: 'Kantor tutup pada hari ini', en: 'The office is closed on this day' },
  office_closed_today: { id: 'Kantor tutup pada hari ini', en: 'The office is closed today' },
  service_hours: { id: 'Jam layanan {open}–{close}', en: 'Service hours {open}–{close}' },
  service_hours_early: {
    id: 'Nomor antrean dibagikan mulai pukul {from}; jam layanan {open}–{close}',
    en: 'Tickets are handed out from {from}; service hours {open}–{close}',
  },
  // A day's opening intervals as one text ("08.00–11.30, 13.30–15.00"): several intervals a day.
  service_hours_list: { id: 'Jam layanan {hours}', en: 'Service hours {hours}' },
  service_hours_early_list: {
    id: 'Nomor antrean dibagikan mulai pukul {from}; jam layanan {hours}',
    en: 'Tickets are handed out from {from}; service hours {hours}',
  },
  service_break: { id: 'Istirahat; buka lagi pukul {open}', en: 'Break; open again at {open}' },
  cancelled_by_holder: { id: 'Dibatalkan oleh pemesan', en: 'Cancelled by the holder' },
  blanko_empty: {
    id: 'Blanko KTP-el habis: layanan ini berhenti sementara; surat keterangan (suket) diberikan sebagai pengganti KTP-el',
    en: 'KTP-el blank cards are out of stock: this service is paused; a certificate (suket) is given instead of the card',
  },
  csv_from: { id: 'Dari', en: 'From' },
  csv_to: { id: 'Sampai', en: 'To' },
  csv_kind: { id: 'Jenis', en: 'Kind' },
  csv_code: { id: 'Kode', en: 'Code' },
  csv_name: { id: 'Nama', en: 'Name' },
  csv_issued: { id: 'Diterbitkan', en: 'Issued' },
  csv_called: { id: 'Dipanggil', en: 'Called' },
  csv_served: { id: 'Dilayani', en: 'Served' },
  csv_no_show: { id: 'Tidak hadir', en: 'No-show' },
  csv_cancelled_bookings: { id: 'Reservasi batal', en: 'Cancelled bookings' },
  csv_average_wait: { id: 'Rata-rata tunggu (menit)', en: 'Average wait (min)' },
  csv_p90_wait: { id: 'P90 tunggu (menit)', en: 'P90 wait (min)' },
  csv_average_service: { id: 'Rata-rata layanan (menit)', en: 'Average service (min)' },
  csv_p90_service: { id: 'P90 layanan (menit)', en: 'P90 service (min)' },
  csv_urgent: { id: 'Kasus mendesak', en: 'Urgent cases' },
  csv_suket: { id: 'Suket (tanpa blanko)', en: 'Suket (no blank card)' },
  csv_arrivals_at: { id: 'Datang {hour}', en: 'Arrivals {hour}' },
  csv_all_services: { id: 'Semua layanan', en: 'All services' },
  /** A counter's row in the range CSV names it in Indonesian only: `textMessage('csv_counter', 'id', { name })`. */
  csv_counter: { id: 'Loket {name}', en: 'Counter {name}' },
  // The SKM report's CSV (domain/skmCsv)
  csv_skm_responses: { id: 'Responden', en: 'Responses' },
  csv_skm_element: { id: 'NRR U{n} {name}', en: 'Mean U{n}' },
  csv_skm_average: { id: 'Nilai rata-rata tertimbang (1–4)', en: 'Weighted mean (1–4)' },
  csv_skm_ikm: { id: 'IKM (25–100)', en: 'IKM (25–100)' },
  csv_skm_grade: { id: 'Mutu pelayanan', en: 'Grade' },
  csv_skm_performance: { id: 'Kinerja unit pelayanan', en: 'Performance' },
} satisfies Record<string, Entry>;
export type TextKey = keyof typeof textMessages;

const interpolate = (text: string, params: Record<string, string | number> = {}): string =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));

/** A code one rule raises for another reason than its usual one, told by the error's `variant` param. */
const variantMessages: Record<string, Entry> = {
  'OFFICE_NOT_READY:services': {
    id: 'Kantor belum bisa diterbitkan: tambahkan setidaknya satu layanan dulu.',
    en: 'The office cannot be published yet: add at least one service first.',
  },
  'OFFICE_NOT_READY:hours': {
    id: 'Kantor belum bisa diterbitkan: atur jam buka dulu.',
    en: 'The office cannot be published yet: set its opening hours first.',
  },
  'FORBIDDEN:urgent': {
    id: 'Hanya supervisor atau admin yang dapat melayani kasus mendesak pada layanan yang tutup.',
    en: 'Only a supervisor or an admin can serve an urgent case in a closed service.',
  },
  'TOO_MANY_ATTEMPTS:holder': {
    id: 'Terlalu banyak NIK yang tidak cocok untuk nomor ini. Pemeriksaan dikunci; periksa KTP bersama supervisor.',
    en: 'Too many non-matching NIKs for this ticket. The check is locked; check the KTP with a supervisor.',
  },
  'NOT_FOUND:holder_nik': {
    id: 'Nomor ini tidak memiliki reservasi dengan NIK tersimpan (antrean langsung, atau datanya sudah dihapus).',
    en: 'This ticket has no booking with a stored NIK (a walk-in, or its data has been erased).',
  },
  'BOOKING_LIMIT:phone': {
    id: 'Nomor HP ini sudah mencapai batas {limit} reservasi aktif di kantor ini.',
    en: 'This phone number has reached the limit of {limit} active bookings at this office.',
  },
  // A WhatsApp-only service (domain/contacts serviceUnavailable): the refusal names the next step.
  'SERVICE_UNAVAILABLE:whatsapp': {
    id: 'Layanan ini hanya dilayani melalui WhatsApp: hubungi {label} di {phone}.',
    en: 'This service is handled by WhatsApp only: write to {label} at {phone}.',
  },
};

export const errorMessage = (code: ErrorCode, lang: Lang, params?: Record<string, string | number>): string =>
  interpolate((variantMessages[`${code}:${params?.variant ?? ''}`] ?? errorMessages[code])[lang], params);

export const fieldMessage = (key: string, lang: Lang, params?: Record<string, string | number>): string =>
  interpolate((fieldMessages[key] ?? fieldMessages.invalid!)[lang], params);

/** Picks 'en' only when the client prefers English over Indonesian. */
export const pickLang = (acceptLanguage: string | undefined): Lang => {
  if (!acceptLanguage) return 'id';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('id')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return 'id';
};

export const textMessage = (key: TextKey, lang: Lang, params?: Record<string, string | number>): string =>
  interpolate(textMessages[key][lang], params);

/** "Indonesian / English" in one line: how stored reasons and report headers read. */
export const bilingualText = (key: TextKey, params?: Record<string, string | number>): string =>
  `${textMessage(key, 'id', params)} / ${textMessage(key, 'en', params)}`;
