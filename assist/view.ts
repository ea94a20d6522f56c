/**
 * The kelurahan assistant's page, as pure HTML strings: sign-in, the booking form (service, day,
 * session, the citizen's NIK, name and phone or "tidak punya HP"), its own bookings, and the printable
 * proof of one booking. Indonesian first, English after; times as Indonesians write them (08.00 WIB).
 */
import type { AssistedBookingView } from '../shared/staffTypes';
import type { OfficeDetail, SlotDay } from '../shared/types';
import { longDate, timeRange, zoneName } from '../booking/format';

export type Me = { id: number; username: string; displayName: string; role: string; officeId: string | null; contactPhone?: string | null };
export type Message = { kind: 'error' | 'ok'; text: string };
export type Draft = { service: string; date: string; slotId: number | null; nik: string; name: string; phone: string; noPhone: boolean };
export type State = {
  me: Me | null;
  office: OfficeDetail | null;
  days: SlotDay[];
  draft: Draft;
  bookings: AssistedBookingView[];
  /** The booking whose proof is shown (to print), and its QR. */
  proof: AssistedBookingView | null;
  proofQr: string | null;
  message: Message | null;
  fieldErrors: Record<string, string>;
  busy: boolean;
};

export const esc = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "Indonesian <span lang=en>English</span>". */
const bi = (id: string, en: string): string => `${esc(id)} <span class="en" lang="en">${esc(en)}</span>`;

/** "+6281234567890" → "+62 812-3456-7890". */
export const prettyPhone = (e164: string): string => {
  const national = e164.replace(/^\+62/, '');
  return `+62 ${[national.slice(0, 3), national.slice(3, 7), national.slice(7)].filter(Boolean).join('-')}`;
};

const STATUS: Record<string, [string, string]> = {
  pending: ['Menunggu konfirmasi', 'Pending'],
  booked: ['Terjadwal', 'Booked'],
  checked_in: ['Sudah check-in', 'Checked in'],
  cancelled: ['Dibatalkan', 'Cancelled'],
  expired: ['Kedaluwarsa', 'Expired'],
};

const messageBox = (m: Message | null): string =>
  m ? `<div class="${m.kind === 'error' ? 'alert' : 'flash'}" role="${m.kind === 'error' ? 'alert' : 'status'}">${esc(m.text)}</div>` : '';

export const loginView = (message: Message | null): string => `
  <main class="login">
    <form class="card login-card" id="login-form" novalidate>
      <p class="brand-name">Giliran</p>
      <h1>Pendamping Kelurahan <span class="en" lang="en">Kelurahan assistant</span></h1>
      <p class="muted">Masuk untuk membuat reservasi atas nama warga. <span class="en" lang="en">Sign in to book on citizens' behalf.</span></p>
      <label for="username">Nama pengguna <span class="en" lang="en">Username</span></label>
      <input id="username" name="username" autocomplete="username" required />
      <label for="password">Kata sandi <span class="en" lang="en">Password</span></label>
      <input id="password" name="password" type="password" autocomplete="current-password" required />
      ${messageBox(message)}
      <button class="btn primary wide" type="submit">Masuk <span class="en" lang="en">Sign in</span></button>
    </form>
  </main>`;

const header = (st: State): string => `
  <header class="top">
    <div><p class="brand-name">Giliran · ${esc(st.office?.name ?? '')}</p>
      <h1>Reservasi untuk warga <span class="en" lang="en">Booking for citizens</span></h1></div>
    <div class="who"><span>${esc(st.me?.displayName ?? '')}</span>
      <button type="button" class="btn small" data-action="logout">Keluar <span class="en" lang="en">Sign out</span></button></div>
  </header>`;

const inputField = (st: State, name: keyof Draft, labelId: string, labelEn: string, attrs: string, hint?: string): string => {
  const error = st.fieldErrors[name];
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return `<div class="field">
    <label for="f-${name}">${bi(labelId, labelEn)}</label>
    ${hint ? `<p class="hint" id="${name}-hint">${hint}</p>` : ''}
    <input id="f-${name}" name="${name}" value="${esc(String(st.draft[name] ?? ''))}" ${attrs}${error ? ' aria-invalid="true"' : ''}${described ? ` aria-describedby="${described}"` : ''} />
    ${error ? `<p class="field-error" id="${name}-error">${esc(error)}</p>` : ''}
  </div>`;
};

const bookableDays = (days: SlotDay[]): SlotDay[] => days.filter((d) => !d.closed && d.slots.some((s) => s.bookable));

const slotChoice = (st: State): string => {
  const zone = st.office?.timezone ?? 'Asia/Jakarta';
  const days = bookableDays(st.days);
  if (!days.length) return `<p class="muted">Tidak ada sesi yang dapat dipesan untuk layanan ini. <span class="en" lang="en">No session can be booked for this service.</span></p>`;
  const day = days.find((d) => d.date === st.draft.date) ?? days[0]!;
  const dayOptions = days.map((d) => `<option value="${d.date}"${d.date === day.date ? ' selected' : ''}>${esc(longDate(d.date, 'id'))}</option>`).join('');
  const slots = day.slots
    .map((s) => {
      const label = `${timeRange(s.start, s.end, 'id')} ${zoneName(zone)}`;
      const left = s.bookable ? `sisa ${s.remaining}` : s.remaining === 0 ? 'penuh' : 'tidak tersedia';
      return `<label class="slot${s.bookable ? '' : ' off'}"><input type="radio" name="slotId" value="${s.id}"${st.draft.slotId === s.id ? ' checked' : ''}${s.bookable ? '' : ' disabled'} />
        <span class="time">${esc(label)}</span><span class="left">${esc(left)}</span></label>`;
    })
    .join('');
  const error = st.fieldErrors.slotId;
  return `<div class="field"><label for="f-date">${bi('Hari', 'Day')}</label><select id="f-date" name="date">${dayOptions}</select></div>
    <fieldset class="slots"${error ? ' aria-describedby="slotId-error"' : ''}><legend>${bi('Sesi', 'Session')}</legend><div class="slot-grid">${slots}</div>
    ${error ? `<p class="field-error" id="slotId-error">${esc(error)}</p>` : ''}</fieldset>`;
};

const phoneChoice = (st: State): string => {
  const own = st.me?.contactPhone ?? null;
  // Where the deployment only logs messages (office.messagesBy 'none'), promise none: the printed proof is what the citizen gets.
  const note = st.draft.noPhone
    ? own && st.office?.messagesBy === 'none'
      ? `<p class="note" id="nophone-note">Kantor ini tidak mengirim pesan WhatsApp; nomor Anda <strong class="mono">${esc(prettyPhone(own))}</strong> disimpan sebagai kontak warga. Cetak bukti reservasi untuk warga. <span class="en" lang="en">This office sends no WhatsApp message; your number is kept as the citizen's contact. Print the proof for the citizen.</span></p>`
      : own
      ? `<p class="note" id="nophone-note">Pesan WhatsApp (kode, pengingat, perubahan) dikirim ke nomor Anda: <strong class="mono">${esc(prettyPhone(own))}</strong>. Sampaikan kepada warga. <span class="en" lang="en">The messages go to your number; pass them on.</span></p>`
      : `<p class="alert" id="nophone-note" role="alert">Akun Anda belum punya nomor WhatsApp pendamping: minta admin mengisinya. <span class="en" lang="en">Your account has no helper WhatsApp number: ask an admin to set it.</span></p>`
    : '';
  return `${st.draft.noPhone ? '' : inputField(st, 'phone', 'Nomor HP/WhatsApp warga', "Citizen's mobile number", 'type="tel" inputmode="tel" autocomplete="off" maxlength="32"', 'Contoh: 0812-3456-7890')}
    <label class="check"><input type="checkbox" name="noPhone" id="f-noPhone"${st.draft.noPhone ? ' checked' : ''} /> <span>${bi('Warga tidak punya HP', 'The citizen has no phone')}</span></label>
    ${note}`;
};

const bookingForm = (st: State): string => {
  const services = (st.office?.services ?? []).filter((s) => s.bookable);
  const options = services.map((s) => `<option value="${esc(s.code)}"${s.code === st.draft.service ? ' selected' : ''}>${esc(`${s.code} · ${s.name}`)}</option>`).join('');
  return `<section class="card" aria-labelledby="new-title">
    <h2 id="new-title" tabindex="-1">${bi('Reservasi baru', 'New booking')}</h2>
    <form id="book-form" novalidate>
      <div class="field"><label for="f-service">${bi('Layanan', 'Service')}</label><select id="f-service" name="service">${options}</select></div>
      ${slotChoice(st)}
      ${inputField(st, 'nik', 'NIK warga (16 angka)', "Citizen's NIK (16 digits)", 'inputmode="numeric" autocomplete="off" maxlength="20" required')}
      ${inputField(st, 'name', 'Nama warga', "Citizen's name", 'autocomplete="off" maxlength="100" required')}
      ${phoneChoice(st)}
      <button class="btn primary wide" type="submit"${st.busy ? ' disabled' : ''}>Pesan untuk warga <span class="en" lang="en">Book for the citizen</span></button>
    </form>
  </section>`;
};

const whenText = (b: Pick<AssistedBookingView, 'date' | 'start' | 'end'>, zone: string): string =>
  `${longDate(b.date, 'id')}, ${timeRange(b.start, b.end, 'id')} ${zoneName(zone)}`;

const bookingList = (st: State): string => {
  const zone = st.office?.timezone ?? 'Asia/Jakarta';
  const rows = st.bookings
    .map((b) => {
      const [statusId, statusEn] = STATUS[b.status] ?? [b.status, b.status];
      return `<li class="booking">
        <div class="line"><strong class="mono code">${esc(b.code)}</strong><span class="status s-${esc(b.status)}">${bi(statusId, statusEn)}</span></div>
        <div>${esc(b.name ?? '—')} · <span class="muted">${b.contactIsHelper ? 'WA pendamping' : esc(b.phoneMasked)}</span></div>
        <div class="muted">${esc(`${b.service} · ${b.serviceName}`)}</div>
        <div>${esc(whenText(b, zone))}</div>
        ${b.status === 'booked' || b.status === 'checked_in' ? `<button type="button" class="btn small" data-action="proof" data-code="${esc(b.code)}">Bukti <span class="en" lang="en">Proof</span><span class="visually-hidden"> ${esc(b.code)}</span></button>` : ''}
      </li>`;
    })
    .join('');
  return `<section class="card" aria-labelledby="mine-title">
    <h2 id="mine-title" tabindex="-1">${bi('Reservasi yang saya buat', 'Bookings I made')}</h2>
    ${rows ? `<ul class="bookings">${rows}</ul>` : `<p class="muted">Belum ada. <span class="en" lang="en">None yet.</span></p>`}
  </section>`;
};

export const mainView = (st: State): string => `${header(st)}<main>${messageBox(st.message)}<div class="cols">${bookingForm(st)}${bookingList(st)}</div></main>`;

/** The proof to print and hand to the citizen: what the kiosk needs (the code, its QR) and what to bring. */
export const proofView = (st: State): string => {
  const b = st.proof!;
  const office = st.office!;
  const zone = office.timezone;
  const checkIn = office.checkInEarlyMinutes;
  return `<div class="proof-actions no-print">
      <button type="button" class="btn" data-action="back">← Kembali <span class="en" lang="en">Back</span></button>
      <button type="button" class="btn primary" data-action="print">Cetak bukti <span class="en" lang="en">Print the proof</span></button>
    </div>
    ${messageBox(st.message)}
    <main>
    <article class="proof" aria-labelledby="proof-title">
      <p class="proof-office">${esc(office.name)}</p>
      <h1 id="proof-title" tabindex="-1">Bukti Reservasi <span class="en" lang="en">Booking proof</span></h1>
      <div class="proof-code">
        <div class="qr" role="img" aria-label="Kode QR reservasi ${esc(b.code)}">${st.proofQr ?? ''}</div>
        <div><p class="label">Kode reservasi <span class="en" lang="en">Booking code</span></p><p class="code mono">${esc(b.code)}</p></div>
      </div>
      <dl>
        <dt>Nama <span class="en" lang="en">Name</span></dt><dd>${esc(b.name ?? '—')}</dd>
        <dt>Layanan <span class="en" lang="en">Service</span></dt><dd>${esc(`${b.service} · ${b.serviceName}`)}</dd>
        <dt>Waktu <span class="en" lang="en">Time</span></dt><dd>${esc(whenText(b, zone))}</dd>
        ${b.requirements ? `<dt>Persyaratan <span class="en" lang="en">Requirements</span></dt><dd>${esc(b.requirements)}${b.requirementsEn ? `<br /><span class="en" lang="en">${esc(b.requirementsEn)}</span>` : ''}</dd>` : ''}
      </dl>
      <p class="kiosk-note"><strong>Tunjukkan kode ini di kiosk</strong> saat datang, paling cepat ${checkIn} menit sebelum sesi.
        <span class="en" lang="en">Show this code at the kiosk when you arrive, at most ${checkIn} minutes before the session.</span></p>
      ${b.contactIsHelper ? (st.office?.messagesBy === 'none'
        ? `<p class="small">Nomor pendamping${st.me?.displayName ? ` (${esc(st.me.displayName)})` : ''} disimpan sebagai kontak; kantor ini tidak mengirim pesan WhatsApp. <span class="en" lang="en">The helper's number is kept as the contact; this office sends no WhatsApp message.</span></p>`
        : `<p class="small">Pesan WhatsApp dikirim ke pendamping${st.me?.displayName ? ` (${esc(st.me.displayName)})` : ''}. <span class="en" lang="en">Messages go to the helper.</span></p>`) : ''}
    </article>
    </main>`;
};
