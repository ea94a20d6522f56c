/** Jam buka & kapasitas: opening hours per weekday, room capacity and the booking and calling rules; blanko stock. */
import { WEEKDAYS, bi, button, checkbox, dateText, esc, field, input, section, select, submit } from '../html';
import type { State } from '../state';
import { releasesView } from './releases';

export const officeView = (st: State): string => {
  const snap = st.snap!;
  const o = snap.office;
  const hours = `<form data-form="hours"><table class="grid compact hours"><thead><tr><th>${bi('Hari', 'Day')}</th><th>${bi('Buka', 'Open')}</th><th>${bi('Jam buka (dari–sampai)', 'Opening hours (from–until)')}</th></tr></thead><tbody>${WEEKDAYS.map(([n, id, en]) => {
    const day = snap.hours.filter((x) => x.weekday === n);
    // A closed day offers one interval to start from when it is ticked.
    const intervals = day.length ? day : [{ open: '08:00', close: '15:00' }];
    return `<tr data-weekday="${n}"><td>${bi(id, en)}</td><td><input type="checkbox" name="open${n}" ${day.length ? 'checked' : ''} aria-label="${id} buka / open" /></td>
      <td><div class="day-hours"><div class="intervals" data-intervals>${intervals.map((h) => intervalRow(id, h)).join('')}</div>
      ${button('+ Jam', '+ Interval', { type: 'button', 'data-action': 'hours-add', 'aria-label': `Tambah jam buka ${id} / Add an interval`, title: 'Istirahat siang, salat Jumat: tambah jam buka kedua' }, 'small ghost')}</div></td></tr>`;
  }).join('')}</tbody></table>
    <div class="actions">${submit('Simpan jam buka', 'Save opening hours')}</div>
    <p class="hint">${bi('Di luar jam buka kiosk tidak menerbitkan nomor dan tidak ada sesi. Hari yang tidak dicentang tutup. Istirahat (siang, salat Jumat): tambah jam buka kedua pada hari itu.', 'Outside the hours the kiosk issues no tickets and no slot is made. Unticked days are closed. A break (lunch, Friday prayer): add a second interval to the day.')}</p></form>
    ${conflictsView(st)}`;
  const settings = `<form class="form-grid" data-form="office-settings">
    ${field('Nama kantor', 'Office name', input('name', o.name, { required: true, minlength: 3, maxlength: 120 }))}
    ${field('Kapasitas ruang tunggu', 'Room capacity', input('roomCapacity', o.roomCapacity ?? '', { type: 'number', min: 1, max: 10000, class: 'narrow', placeholder: 'tanpa batas' }), 'Pengunjung di dalam sekaligus; selebihnya menunggu di luar dan dipanggil masuk. Kosong = tanpa batas.')}
    ${field('Reservasi dibuka (hari ke depan)', 'Booking horizon (days)', input('bookingHorizonDays', o.bookingHorizonDays, { type: 'number', min: 1, max: 90, required: true, class: 'narrow' }))}
    ${field('Batas pesan sebelum sesi (menit)', 'Booking cut-off (min)', input('bookingCutoffMinutes', o.bookingCutoffMinutes, { type: 'number', min: 0, max: 1440, required: true, class: 'narrow' }))}
    ${field('Check-in paling awal (menit sebelum sesi)', 'Check-in opens (min before)', input('checkInEarlyMinutes', o.checkInEarlyMinutes, { type: 'number', min: 0, max: 240, required: true, class: 'narrow' }))}
    ${field('Nomor antrean dibagikan (menit sebelum buka)', 'Tickets handed out (min before opening)', input('issueEarlyMinutes', o.issueEarlyMinutes, { type: 'number', min: 0, max: 240, required: true, class: 'narrow' }), 'Mis. 60: kiosk membagikan nomor mulai 07.00, pemanggilan mulai jam buka 08.00')}
    ${field('Suara layar TV', 'Board voice', select('boardVoice', [['auto', 'Otomatis: suara peramban, atau rekaman bila tidak ada / Automatic'], ['clips', 'Rekaman suara / Recorded clips'], ['browser', 'Suara peramban / Browser voice']], o.boardVoice), 'Rekaman dipakai bila TV tidak punya suara bahasa Indonesia')}
    ${field('Reservasi aktif per NIK', 'Active bookings per NIK', input('maxActiveBookingsPerNik', o.maxActiveBookingsPerNik, { type: 'number', min: 1, max: 20, required: true, class: 'narrow' }))}
    ${field('Reservasi aktif per nomor HP', 'Active bookings per phone', input('maxActiveBookingsPerPhone', o.maxActiveBookingsPerPhone, { type: 'number', min: 1, max: 20, required: true, class: 'narrow' }), 'Berapa pun NIK yang dipakai')}
    ${field('Panggil antrian langsung setelah … reservasi', 'Walk-in after … bookings', input('walkInEvery', o.walkInEvery, { type: 'number', min: 1, max: 20, required: true, class: 'narrow' }), 'Agar antrian langsung tidak terlewat')}
    ${field('Batas panggil ulang', 'Recall limit', input('recallLimit', o.recallLimit, { type: 'number', min: 0, max: 10, required: true, class: 'narrow' }), 'Setelah itu nomor dianggap tidak hadir')}
    ${field('Pembukaan kuota (jam)', 'Release time', input('releaseTime', o.releaseTime ?? '', { type: 'time', class: 'narrow' }), 'Setiap hari pada jam ini kuota hari ke-N dibuka, diundi lewat ruang tunggu. Kosong = reservasi bergulir seperti biasa.')}
    ${field('Hari yang dibuka (hari ke depan)', 'Day released (days ahead)', input('releaseDaysAhead', o.releaseDaysAhead, { type: 'number', min: 1, max: 90, required: true, class: 'narrow' }), 'Harus di dalam rentang reservasi')}
    ${field('Ruang tunggu dibuka (menit sebelum)', 'Waiting room opens (min before)', input('waitingRoomMinutes', o.waitingRoomMinutes, { type: 'number', min: 1, max: 120, required: true, class: 'narrow' }), 'Yang masuk sebelum pembukaan diundi urutannya')}
    ${field('Waktu memesan setelah dipanggil (menit)', 'Time to book once admitted (min)', input('admissionMinutes', o.admissionMinutes, { type: 'number', min: 1, max: 60, required: true, class: 'narrow' }), 'Tidak dipakai: giliran pindah ke berikutnya')}
    <div class="field checks">${checkbox('onePerServicePerDay', o.onePerServicePerDay, 'Satu reservasi per NIK per layanan per hari', 'One booking per NIK per service per day')}</div>
    <div class="actions">${submit('Simpan aturan', 'Save rules')}</div>
  </form>`;
  return `${publishingView(o)}<div class="cols">${section('Jam buka', 'Opening hours', hours)}${section('Kapasitas dan aturan', 'Capacity and rules', settings)}</div>
    <p class="hint">${bi(`Zona waktu kantor: ${o.timezone}`, 'Office time zone')}</p>${releasesView(st.releases)}`;
};

/** One opening interval of a day in the hours form; several make a day with breaks. */
export const intervalRow = (dayName: string, h: { open: string; close: string }): string =>
  `<span class="interval" data-interval><input type="time" data-col="open" value="${esc(h.open)}" aria-label="${esc(dayName)} dari / from" required />–<input type="time" data-col="close" value="${esc(h.close)}" aria-label="${esc(dayName)} sampai / until" required />${button('×', '', { type: 'button', 'data-action': 'hours-remove', 'aria-label': `Hapus jam buka ${dayName} / Remove interval`, title: 'Hapus / Remove' }, 'small ghost')}</span>`;

/** After saving: the booked slots the new hours leave outside. Their bookings stand; the admin moves them or changes the hours back. */
const conflictsView = (st: State): string => {
  const conflicts = st.hoursConflicts ?? [];
  if (!conflicts.length) return '';
  return `<div class="alert warn" role="status"><p>${bi(
    `${conflicts.length} sesi yang sudah dipesan berada di luar jam buka baru. Reservasinya tetap berlaku; pindahkan (penutupan) atau ubah jam buka kembali.`,
    `Booked slots outside the new hours: ${conflicts.length}. Their bookings stand; move them (a closure) or change the hours back.`,
  )}</p><ul class="conflicts">${conflicts
    .map((c) => `<li>${esc(dateText(c.date))} · <span class="svc">${esc(c.service)}</span> ${esc(c.start.replace(':', '.'))}–${esc(c.end.replace(':', '.'))} · ${c.booked} ${bi('reservasi', 'bookings')}</li>`)
    .join('')}</ul></div>`;
};

export const blankoView = (st: State): string => {
  const snap = st.snap!;
  const stock = snap.office.blankoStock;
  const users = snap.services.filter((s) => s.needsBlanko);
  const state =
    stock === 0
      ? `<div class="alert bad">${bi('Stok habis: layanan berikut berhenti dan pengunjung ditawari surat keterangan (suket).', 'Out of stock: these services have stopped and visitors are offered a suket.')}</div>`
      : stock < 20
        ? `<div class="alert warn">${bi('Stok menipis.', 'Stock is running low.')}</div>`
        : '';
  const body = `<div class="row gap wrap blanko"><div class="big-number${stock === 0 ? ' bad' : ''}">${stock}<span>${bi('keping tersisa', 'cards left')}</span></div>
      <form class="row gap" data-form="blanko-add">${field('Terima kiriman', 'Delivery received', input('add', '', { type: 'number', min: 1, max: 1000000, required: true, class: 'narrow' }))}<div class="actions">${submit('Tambah ke stok', 'Add to stock')}</div></form>
      <form class="row gap" data-form="blanko-set">${field('Hasil hitung stok', 'Counted stock', input('stock', stock, { type: 'number', min: 0, max: 1000000, required: true, class: 'narrow' }))}<div class="actions">${submit('Tetapkan stok', 'Set stock', '')}</div></form></div>
    ${state}
    <p class="blanko-uses">${bi('Memakai blanko:', 'Uses a blank card:')} ${users.length ? users.map((s) => `<span class="svc">${esc(s.code)}</span> ${esc(s.nameId)}`).join(', ') : '<span class="muted">–</span>'}</p>
    <p class="hint">${bi('Setiap KTP-el yang selesai dicetak memakai satu blanko. Pada stok nol, layanan yang memakai blanko berhenti: kiosk dan halaman reservasi menawarkan suket.', 'Each KTP-el printed uses one card. At zero those services stop and the kiosk and booking pages offer a suket.')}</p>`;
  return section('Stok blanko KTP-el', 'KTP-el blank card stock', body);
};

/** A draft office is not listed to visitors: the admin publishes it once its services and hours are set (domain/publishing). */
const publishingView = (o: { name: string; published: boolean }): string =>
  o.published
    ? `<div class="alert ok publish" role="status"><p>${bi(`${o.name} terbit: terlihat oleh warga dan menerima reservasi.`, 'Published: listed to visitors and taking bookings.')}</p>
        ${button('Jadikan draf', 'Back to draft', { 'data-action': 'publish', 'data-published': '0' }, 'small ghost')}</div>`
    : `<div class="alert warn publish" role="status"><p><strong>${bi('Draf', 'Draft')}</strong> ${bi(`${o.name} belum terlihat oleh warga. Atur layanan, jam buka dan sesi, lalu terbitkan.`, 'Not yet listed to visitors. Set services, hours and slots, then publish.')}</p>
        ${button('Terbitkan kantor', 'Publish the office', { 'data-action': 'publish', 'data-published': '1' }, 'small')}</div>`;
