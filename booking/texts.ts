/** The booking pages' words: Indonesian first, English second. One catalogue, looked up by key. */
export type Lang = 'id' | 'en';

const TEXTS = {
  appTitle: { id: 'Reservasi Online', en: 'Online booking' },
  appSub: { id: 'Pesan jadwal layanan Disdukcapil tanpa antre', en: 'Book a civil-registry appointment, skip the queue' },
  switchLang: { id: 'English', en: 'Indonesia' },
  switchLangLabel: { id: 'Switch to English', en: 'Ganti ke Bahasa Indonesia' },
  navBook: { id: 'Pesan', en: 'Book' },
  navManage: { id: 'Cek reservasi', en: 'My booking' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  retry: { id: 'Coba lagi', en: 'Try again' },
  back: { id: 'Kembali', en: 'Back' },
  step: { id: 'Langkah {n} dari 4', en: 'Step {n} of 4' },

  chooseOffice: { id: 'Pilih kantor', en: 'Choose an office' },
  noOffices: { id: 'Belum ada kantor yang menerima reservasi.', en: 'No office takes bookings yet.' },
  changeOffice: { id: 'Ganti kantor', en: 'Change office' },

  chooseService: { id: 'Pilih layanan', en: 'Choose a service' },
  requirements: { id: 'Persyaratan', en: 'Requirements' },
  notBookable: { id: 'Tidak dapat dipesan online. Silakan datang langsung.', en: 'Cannot be booked online. Please come in person.' },
  serviceWhatsapp: { id: 'WhatsApp {who}:', en: 'WhatsApp {who}:' },
  whatsappOnly: { id: 'Hanya melalui WhatsApp {who}:', en: 'By WhatsApp only, {who}:' },
  closedToday: { id: 'Hari ini tutup: {reason}', en: 'Closed today: {reason}' },
  notices: { id: 'Pengumuman', en: 'Notices' },
  closures: { id: 'Penutupan layanan', en: 'Closures' },
  closureAll: { id: 'Seluruh layanan', en: 'All services' },
  closureFrom: { id: 'mulai {from}', en: 'from {from}' },
  untilNotice: { id: 'sampai pemberitahuan lebih lanjut', en: 'until further notice' },
  whatsapp: { id: 'Layanan lewat WhatsApp', en: 'Services by WhatsApp' },
  whatsappHint: { id: 'Untuk konsultasi, pengaduan dan pengajuan online.', en: 'For questions, complaints and online applications.' },
  hours: { id: 'Jam buka', en: 'Opening hours' },

  chooseDay: { id: 'Pilih hari', en: 'Choose a day' },
  chooseSlot: { id: 'Pilih jam', en: 'Choose a time' },
  placesLeft: { id: '{n} tempat', en: '{n} places' },
  placeLeft1: { id: '1 tempat', en: '1 place' },
  full: { id: 'Penuh', en: 'Full' },
  closed: { id: 'Tutup', en: 'Closed' },
  noSlots: { id: 'Tidak ada sesi', en: 'No sessions' },
  slotUnavailable: { id: 'Tidak tersedia', en: 'Not available' },
  nothingBookable: {
    id: 'Tidak ada jadwal yang bisa dipesan dalam {days} hari ke depan. Silakan cek lagi nanti atau hubungi WhatsApp kantor.',
    en: 'Nothing can be booked in the coming {days} days. Please check again later or contact the office on WhatsApp.',
  },

  yourData: { id: 'Data pemohon', en: 'Your details' },
  nik: { id: 'NIK (16 angka, lihat KTP/KK)', en: 'NIK (16 digits, see your ID card or family card)' },
  nikHint: { id: 'NIK tidak disimpan dalam bentuk asli; hanya 4 angka terakhirnya yang terlihat.', en: 'Your NIK is not stored as typed; only its last 4 digits stay visible.' },
  name: { id: 'Nama lengkap', en: 'Full name' },
  phone: { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
  phoneHint: { id: 'Contoh: 0812-3456-7890. Konfirmasi dikirim ke nomor ini.', en: 'E.g. 0812-3456-7890. The confirmation is sent to this number.' },
  phoneWillBe: { id: 'Dikirim ke {phone}', en: 'Sent to {phone}' },
  submitBooking: { id: 'Pesan sekarang', en: 'Book now' },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  summary: { id: 'Jadwal pilihan Anda', en: 'Your choice' },
  fixFields: { id: 'Periksa kembali isian yang ditandai.', en: 'Please check the marked fields.' },
  nikLength: { id: 'NIK harus 16 angka.', en: 'A NIK has exactly 16 digits.' },
  required: { id: 'Wajib diisi.', en: 'Required.' },
  phoneInvalid: { id: 'Nomor WhatsApp/HP tidak valid (contoh: 0812-3456-7890).', en: 'Not a valid mobile number (e.g. 0812-3456-7890).' },

  booked: { id: 'Reservasi berhasil', en: 'You are booked' },
  bookingCode: { id: 'Kode reservasi', en: 'Booking code' },
  keepCode: {
    id: 'Simpan kode ini. Untuk mengecek, mengubah atau membatalkan, Anda perlu kode ini dan 4 angka terakhir NIK.',
    en: 'Keep this code. To check, change or cancel, you need it and the last 4 digits of your NIK.',
  },
  qrLabel: { id: 'Kode QR reservasi {code}', en: 'QR code of booking {code}' },
  atKiosk: { id: 'Datang tepat waktu dan pindai QR atau ketik kode di kiosk kantor.', en: 'Arrive on time and scan the QR or type the code at the office kiosk.' },
  checkInFrom: {
    id: 'Check-in di kiosk dibuka paling cepat {minutes} menit sebelum sesi dimulai.',
    en: 'Check-in at the kiosk opens at the earliest {minutes} minutes before the session starts.',
  },
  whatToBring: { id: 'Yang perlu dibawa', en: 'What to bring' },
  addCalendar: { id: 'Tambah ke kalender (.ics)', en: 'Add to calendar (.ics)' },
  proofSave: { id: 'Simpan bukti (gambar)', en: 'Save proof (image)' },
  proofPrint: { id: 'Cetak', en: 'Print' },
  proofTitle: { id: 'Bukti Reservasi', en: 'Booking proof' },
  proofKiosk: { id: 'Tunjukkan kode ini di kiosk saat datang', en: 'Show this code at the kiosk when you arrive' },
  proofSaved: { id: 'Bukti reservasi disimpan: {file}', en: 'Booking proof saved: {file}' },
  proofFailed: {
    id: 'Gambar bukti tidak dapat dibuat. Gunakan Cetak, atau catat kode reservasi Anda.',
    en: 'The proof image could not be made. Use Print, or write your booking code down.',
  },
  manageThis: { id: 'Cek, ubah atau batalkan', en: 'Check, change or cancel' },
  bookAnother: { id: 'Buat reservasi lain', en: 'Make another booking' },
  service: { id: 'Layanan', en: 'Service' },
  office: { id: 'Kantor', en: 'Office' },
  when: { id: 'Waktu', en: 'When' },
  status: { id: 'Status', en: 'Status' },
  phoneMasked: { id: 'WhatsApp', en: 'WhatsApp' },
  nikMasked: { id: 'NIK', en: 'NIK' },

  manageTitle: { id: 'Cek reservasi', en: 'Find your booking' },
  yourBooking: { id: 'Reservasi Anda', en: 'Your booking' },
  manageIntro: { id: 'Masukkan kode reservasi dan 4 angka terakhir NIK Anda.', en: 'Enter your booking code and the last 4 digits of your NIK.' },
  code: { id: 'Kode reservasi', en: 'Booking code' },
  codeHint: { id: '8 huruf/angka, contoh: K7PX3MQA', en: '8 letters/digits, e.g. K7PX3MQA' },
  nik4: { id: '4 angka terakhir NIK', en: 'Last 4 digits of your NIK' },
  nik4Invalid: { id: 'Isi 4 angka terakhir NIK.', en: 'Enter the last 4 digits of your NIK.' },
  find: { id: 'Cari reservasi', en: 'Find booking' },
  notFound: {
    id: 'Reservasi tidak ditemukan. Periksa kode dan 4 angka terakhir NIK.',
    en: 'Booking not found. Check the code and the last 4 digits of your NIK.',
  },
  statusBooked: { id: 'Terjadwal', en: 'Booked' },
  statusPending: { id: 'Menunggu konfirmasi', en: 'Awaiting confirmation' },
  statusExpired: { id: 'Kedaluwarsa (tidak dikonfirmasi)', en: 'Expired (not confirmed)' },
  confirmTitle: { id: 'Masukkan kode konfirmasi', en: 'Enter the confirmation code' },
  confirmIntro: {
    id: 'Kami mengirim kode 6 angka lewat WhatsApp ke {phone}. Masukkan kode itu untuk memastikan reservasi Anda.',
    en: 'We sent a 6-digit code by WhatsApp to {phone}. Enter it to confirm your booking.',
  },
  confirmBefore: {
    id: 'Tempat Anda ditahan sampai pukul {time}. Tanpa konfirmasi, tempat itu dilepas untuk warga lain.',
    en: 'Your place is held until {time}. Without confirmation it goes to someone else.',
  },
  confirmCodeIs: { id: 'Kode reservasi: {code}', en: 'Booking code: {code}' },
  otp: { id: 'Kode konfirmasi (6 angka)', en: 'Confirmation code (6 digits)' },
  otpInvalid: { id: 'Isi 6 angka kode dari WhatsApp.', en: 'Enter the 6 digits of the code from WhatsApp.' },
  confirmSubmit: { id: 'Konfirmasi', en: 'Confirm' },
  confirmCancel: { id: 'Batalkan reservasi ini', en: 'Cancel this booking' },
  confirmed: { id: 'Reservasi dikonfirmasi.', en: 'Booking confirmed.' },
  statusCheckedIn: { id: 'Sudah check-in', en: 'Checked in' },
  statusCancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  reschedule: { id: 'Ubah jadwal', en: 'Change time' },
  cancel: { id: 'Batalkan reservasi', en: 'Cancel booking' },
  cancelConfirm: { id: 'Yakin membatalkan reservasi ini? Tempat Anda akan diberikan ke orang lain.', en: 'Cancel this booking? Your place goes to someone else.' },
  cancelYes: { id: 'Ya, batalkan', en: 'Yes, cancel' },
  cancelNo: { id: 'Tidak', en: 'No' },
  cancelled: { id: 'Reservasi telah dibatalkan.', en: 'The booking has been cancelled.' },
  rescheduleTitle: { id: 'Pilih jadwal baru', en: 'Choose a new time' },
  rescheduleNote: { id: 'Jadwal lama tetap milik Anda sampai jadwal baru berhasil.', en: 'You keep your current time until the new one is confirmed.' },
  moveTo: { id: 'Pindahkan ke {when}', en: 'Move to {when}' },
  moved: { id: 'Jadwal berhasil diubah.', en: 'Your booking has been moved.' },
  current: { id: 'Jadwal sekarang', en: 'Current time' },
  ticketLink: { id: 'Lihat nomor antrean', en: 'See your queue number' },

  duplicateHint: {
    id: 'Kode reservasi Anda ada di pesan konfirmasi WhatsApp. Dengan kode itu Anda bisa mengubah jadwalnya di "Cek reservasi".',
    en: 'Your booking code is in the WhatsApp confirmation. With it you can change the time under "My booking".',
  },
  limitHint: {
    id: 'Batalkan reservasi yang tidak diperlukan di "Cek reservasi", lalu coba lagi.',
    en: 'Cancel a booking you no longer need under "My booking", then try again.',
  },
  // Where the office sends no messages (office.messagesBy 'none': NOTIFY_CHANNEL=log), these replace
  // the texts that promise a WhatsApp message: the code on screen and the saved proof are all there is.
  duplicateHintNoMessage: {
    id: 'Kantor ini tidak mengirim pesan WhatsApp: kode reservasi Anda tampil di layar saat reservasi berhasil dan ada di bukti reservasi yang Anda simpan. Dengan kode itu Anda bisa mengubah jadwalnya di "Cek reservasi".',
    en: 'This office sends no WhatsApp message: your booking code was shown on screen when the booking was made and is on the booking proof you saved. With it you can change the time under "My booking".',
  },
  phoneHintNoMessage: {
    id: 'Contoh: 0812-3456-7890. Kantor ini tidak mengirim pesan WhatsApp; nomor ini disimpan agar kantor dapat menghubungi Anda.',
    en: 'E.g. 0812-3456-7890. This office sends no WhatsApp message; the number is kept so that the office can reach you.',
  },
  phoneWillBeNoMessage: { id: 'Nomor Anda: {phone}', en: 'Your number: {phone}' },
  keepCodeNoMessage: {
    id: 'Tidak ada pesan WhatsApp yang dikirim: catat kode ini atau simpan bukti reservasinya sekarang, karena kode hanya tampil di sini.',
    en: 'No WhatsApp message is sent: write this code down or save the booking proof now, as it is shown only here.',
  },
  network: { id: 'Tidak dapat terhubung. Periksa koneksi internet Anda, lalu coba lagi.', en: 'Cannot connect. Check your internet connection and try again.' },
  failed: { id: 'Permintaan gagal (kode {status}). Coba lagi.', en: 'The request failed (code {status}). Please try again.' },
} as const satisfies Record<string, { id: string; en: string }>;

export type TextKey = keyof typeof TEXTS;

export const t = (lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string =>
  TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** The texts that promise a WhatsApp message, in the words of the channel in use: without messages (`messagesBy: 'none'`), their *NoMessage variant. */
export const byChannel = (key: 'duplicateHint' | 'phoneHint' | 'phoneWillBe', messagesBy: 'whatsapp' | 'none' | undefined): TextKey =>
  messagesBy === 'none' ? `${key}NoMessage` : key;

/** Admin-written texts like "Petugas sakit / Staff ill" carry both languages: show the one asked for. */
export const pickBilingual = (text: string, lang: Lang): string => {
  const parts = text.split(' / ');
  return parts.length === 2 ? (lang === 'id' ? parts[0]! : parts[1]!).trim() : text;
};
