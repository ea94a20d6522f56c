/** The kiosk's pure views: state in, HTML text out. main.ts puts each into its region. */
import type { KioskServiceState, KioskState, Priority, PublicTicket } from '../shared/types';
import { clockRange, clockTime, dottedTimes, intervalsText, longDate, zoneName } from '../shared/timeText';
import { ICONS } from './icons';
import { CODE_CHARS } from './scan';
import type { KioskSettings } from './settings';
import { errorTitle, ERROR_HINTS, PRIORITIES, priorityLabel, type Bi } from './texts';

export type Screen =
  | { kind: 'loading' }
  | { kind: 'pairing'; error?: string; busy?: boolean }
  | { kind: 'home' }
  | { kind: 'busy'; text: Bi }
  /** `booked`: the ticket came from a booking's check-in (its session is in `ticket.slot` when the server sends it). */
  | { kind: 'ticket'; ticket: PublicTicket; qrSvg: string; statusUrl: string; printing: boolean; booked: boolean }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'settings'; unlocked: boolean; error?: string };

export type ViewState = {
  kiosk: KioskState | null;
  screen: Screen;
  priority: Priority | null;
  settings: KioskSettings;
  online: boolean;
  /** The office's clock: the server's time plus what has passed here since. */
  clockMs: number;
};

export const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Both languages; the space between them keeps the words apart in the text (and for screen readers), the flex column hides it. */
const bi = (text: Bi, cls = ''): string =>
  `<span class="bi ${cls}"><span class="id">${esc(text.id)}</span> <span class="en" lang="en">${esc(text.en)}</span></span>`;

export { zoneName };

/** A ticket's date and time as printed: "Selasa, 24 November 2026" and "09.30 WIB". */
export const localDateTime = (iso: string, zone: string) => ({ date: longDate(iso, zone), time: `${clockTime(iso, zone)} ${zoneName(zone)}` });

/** "10.00–11.00 WIB": a booking's session, or null when the answer does not carry it. */
export const sessionText = (t: PublicTicket, zone: string): string | null =>
  t.slot ? `${clockRange(t.slot.start, t.slot.end, zone)} ${zoneName(zone)}` : null;

const minutes = (n: number | null): Bi =>
  n === null ? { id: '—', en: '—' } : n === 0 ? { id: 'segera', en: 'next' } : { id: `± ${n} menit`, en: `about ${n} min` };

export const headerHtml = (s: ViewState): string => {
  if (!s.kiosk) return `<div class="brand">Giliran</div>`;
  const zone = s.kiosk.office.timezone;
  return `
    <div class="brand">
      <div class="office">${esc(s.kiosk.office.name)}</div>
      <div class="tagline">${bi({ id: 'Ambil nomor antrean di sini', en: 'Take your queue number here' })}</div>
    </div>
    <div class="clock">
      <div class="time">${clockTime(s.clockMs, zone)} <small>${esc(zoneName(zone))}</small></div>
      <div class="date">${esc(longDate(s.clockMs, zone))}${
        // Today's opening intervals on the date's line, where a landscape screen has room: "08.00–11.30, 13.30–15.00".
        s.kiosk.hoursToday?.length ? `<span class="hours-today" title="Jam layanan / Service hours"> · <span class="visually-hidden">Jam layanan </span>${esc(intervalsText(s.kiosk.hoursToday))}</span>` : ''
      }</div>
    </div>`;
};

export const noticesHtml = (s: ViewState): string =>
  (s.kiosk?.notices ?? [])
    .map((n) => `<div class="notice"><span class="notice-icon" aria-hidden="true">!</span> <span class="id">${esc(dottedTimes(n.text))}</span> <span class="en" lang="en">${esc(dottedTimes(n.textEn))}</span></div>`)
    .join('');

export const priorityHtml = (s: ViewState): string => `
  <div class="priority-title">${bi({ id: 'Prioritas? Pilih bila sesuai, lalu pilih layanan', en: 'Priority? Choose if it applies, then choose a service' })}</div>
  <div class="chips">
    ${PRIORITIES.map(
      (p) => `<button type="button" class="chip${s.priority === p.value ? ' on' : ''}" data-action="priority" data-value="${p.value}" aria-pressed="${s.priority === p.value}">
        <span class="icon">${ICONS[p.value]}</span>${bi(p.label)}</button>`,
    ).join('')}
  </div>`;

const unavailableText = (svc: KioskServiceState): { title: Bi; reason?: string } | null => {
  const u = svc.unavailable;
  if (!u) return null;
  if (u.code === 'QUOTA_EXHAUSTED') return { title: { id: 'Kuota hari ini habis', en: "Today's quota is used up" } };
  if (u.code === 'SERVICE_UNAVAILABLE' && !svc.bookable && svc.whatsapp) {
    return { title: { id: 'Hanya melalui WhatsApp', en: 'By WhatsApp only' }, reason: phoneText(svc.whatsapp.phone) };
  }
  if (u.code === 'SERVICE_UNAVAILABLE') return { title: { id: 'Hanya dengan reservasi online', en: 'By online booking only' } };
  return { title: { id: 'Tutup', en: 'Closed' }, ...(u.reason ? { reason: dottedTimes(u.reason) } : {}) };
};

/** "+62 812-0000-0002": a WhatsApp number as people read it aloud. */
export const phoneText = (e164: string): string => {
  const national = e164.replace(/^\+62/, '');
  return `+62 ${[national.slice(0, 3), national.slice(3, 7), national.slice(7)].filter(Boolean).join('-')}`;
};

/**
 * The service's WhatsApp number (OKI: population registration vs civil records), beside its
 * English name, where a landscape screen has room for it. A portrait screen leaves it out
 * (kiosk.css): every service must stay in view; the printed ticket carries it.
 */
const whatsappLine = (svc: KioskServiceState): string =>
  svc.whatsapp && (svc.walkIn || svc.bookable) ? `<span class="wa">WA <span class="num">${esc(phoneText(svc.whatsapp.phone))}</span></span>` : '';

const serviceButton = (svc: KioskServiceState, s: ViewState): string => {
  const off = unavailableText(svc);
  const blankoOut = svc.needsBlanko && (s.kiosk?.blankoStock ?? 1) <= 0;
  const places =
    svc.walkInRemaining === null
      ? bi({ id: 'tanpa batas kuota', en: 'no daily limit' }, 'small')
      : `<strong class="count">${svc.walkInRemaining}</strong>${bi({ id: 'tempat tersisa hari ini', en: 'places left today' }, 'small')}`;
  return `
    <button type="button" class="service${off ? ' off' : ''}" data-action="service" data-code="${esc(svc.code)}"${off ? ' aria-disabled="true"' : ''}>
      <span class="letter" aria-hidden="true">${esc(svc.code)}</span>
      <span class="body">
        <span class="name">${esc(svc.name)}</span>
        <span class="sub"><span class="name-en" lang="en">${esc(svc.nameEn)}</span>${whatsappLine(svc)}</span>
        ${svc.requirements ? `<span class="req">⚠ <span class="id">${esc(svc.requirements)}</span> <span class="en" lang="en">${esc(svc.requirementsEn)}</span></span>` : ''}
        ${svc.callingFrom && !off ? `<span class="req calling">${bi({ id: `Pemanggilan mulai pukul ${dottedTimes(svc.callingFrom)}`, en: `Calling starts at ${dottedTimes(svc.callingFrom)}` })}</span>` : ''}
        ${blankoOut && !off ? `<span class="req blanko">${bi({ id: 'Blanko KTP-el habis: Anda menerima surat keterangan (suket).', en: 'No KTP-el blanks: you get a certificate (suket).' })}</span>` : ''}
      </span>
      <span class="side">
        ${
          off
            ? `<span class="closed">${bi(off.title)}${off.reason ? `<span class="reason">${esc(off.reason)}</span>` : ''}</span>`
            : `<span class="places">${places}</span>
               <span class="wait">${bi({ id: `${svc.waiting} menunggu · ${minutes(svc.estimatedWaitMinutes).id}`, en: `${svc.waiting} waiting · ${minutes(svc.estimatedWaitMinutes).en}` }, 'small')}</span>`
        }
      </span>
    </button>`;
};

export const servicesHtml = (s: ViewState): string => {
  if (!s.kiosk) return '';
  // A WhatsApp-only service is shown too, with its number: that is how the visitor is served.
  const visible = s.kiosk.services.filter((svc) => svc.walkIn || svc.bookable || svc.whatsapp);
  if (visible.length === 0) return `<p class="empty">${bi({ id: 'Belum ada layanan di kantor ini.', en: 'This office has no services yet.' })}</p>`;
  return visible.map((svc) => serviceButton(svc, s)).join('');
};

export const keypadHtml = (): string => `
  ${[...CODE_CHARS].map((c) => `<button type="button" class="key" data-action="key" data-key="${c}">${c}</button>`).join('')}
  <button type="button" class="key wide" data-action="backspace" aria-label="Hapus / Delete">⌫</button>
  <button type="button" class="key wide" data-action="clear">${bi({ id: 'Kosongkan', en: 'Clear' })}</button>
  <button type="button" class="key go" data-action="checkin">${bi({ id: 'Check-in', en: 'Check in' })}</button>`;

export const roomHtml = (s: ViewState): string => {
  if (!s.kiosk) return '';
  const k = s.kiosk;
  const room =
    k.roomCapacity === null
      ? ''
      : k.roomFull
        ? `<span class="room full">${bi({ id: `Ruang tunggu penuh (${k.inside}/${k.roomCapacity}): nomor baru menunggu di luar`, en: 'Waiting room full: new numbers wait outside' })}</span>`
        : `<span class="room">${bi({ id: `Ruang tunggu: ${k.inside} dari ${k.roomCapacity} orang`, en: `Waiting room: ${k.inside} of ${k.roomCapacity}` })}</span>`;
  return `${room}
    <span class="net ${s.online ? 'ok' : 'down'}">${s.online ? bi({ id: 'Terhubung', en: 'Online' }) : bi({ id: 'Menyambung ulang…', en: 'Reconnecting…' })}</span>
    <button type="button" class="gear" data-action="settings" aria-label="Pengaturan / Settings">⚙</button>`;
};

const statusLine = (t: PublicTicket): string =>
  t.waitOutside
    ? `<div class="where outside">${bi({ id: 'Ruang tunggu penuh: silakan tunggu di luar. Pantau di HP kapan boleh masuk.', en: 'The waiting room is full: please wait outside. Your phone tells you when to come in.' })}</div>`
    : `<div class="where inside">${bi({ id: 'Silakan masuk dan tunggu sampai nomor Anda dipanggil.', en: 'Please come in and wait until your number is called.' })}</div>`;

/** "Reservasi online", with the booked session when the answer carries it. */
const bookedLine = (s: ViewState, t: PublicTicket): string => {
  const session = s.kiosk ? sessionText(t, s.kiosk.office.timezone) : null;
  return `<div class="booked" data-testid="booked">${bi({ id: 'Reservasi online', en: 'Online booking' })}${
    session ? ` <span class="session"><span class="k">Sesi / Session:</span> <span class="v" data-testid="session">${esc(session)}</span></span>` : ''
  }</div>`;
};

const ticketScreen = (s: ViewState, sc: Extract<Screen, { kind: 'ticket' }>): string => {
  const t = sc.ticket;
  const svc = s.kiosk?.services.find((x) => x.code === t.service);
  // Two columns on a landscape screen (kiosk.css): what the ticket is, and what to do now.
  return `
    <div class="panel ticket-screen" role="dialog" aria-label="Nomor antrean Anda">
      <div class="ticket-main">
        <div class="label">${bi({ id: 'Nomor antrean Anda', en: 'Your queue number' })}</div>
        <div class="number" data-testid="ticket-number">${esc(t.number)}</div>
        <div class="svc">${esc(t.serviceName)}${svc ? ` <span class="en" lang="en">${esc(svc.nameEn)}</span>` : ''}</div>
        ${t.priority ? `<div class="prio">${bi({ id: `Prioritas: ${priorityLabel(t.priority).id}`, en: `Priority: ${priorityLabel(t.priority).en}` })}</div>` : ''}
        ${sc.booked ? bookedLine(s, t) : ''}
        <div class="facts">
          <div><span class="k">${bi({ id: 'Posisi', en: 'Position' })}</span> <span class="v">${t.position ?? '—'}</span></div>
          <div><span class="k">${bi({ id: 'Perkiraan tunggu', en: 'Estimated wait' })}</span> <span class="v">${bi(minutes(t.estimatedWaitMinutes))}</span></div>
        </div>
      </div>
      <div class="ticket-side">
        ${statusLine(t)}
        <div class="qr-row">
          <div class="qr">${sc.qrSvg}</div>
          <div class="qr-text">${bi({ id: 'Pindai dengan HP untuk memantau antrean Anda secara langsung.', en: 'Scan with your phone to follow your turn live.' })}</div>
        </div>
        ${svc?.requirements ? `<div class="req">⚠ ${esc(svc.requirements)} <span class="en" lang="en">${esc(svc.requirementsEn)}</span></div>` : ''}
        <div class="printing">${sc.printing ? bi({ id: 'Tiket sedang dicetak… ambil di bawah layar.', en: 'Printing your ticket… take it below the screen.' }) : ''}</div>
      </div>
      <div class="actions">
        <button type="button" class="btn" data-action="reprint">${bi({ id: 'Cetak ulang', en: 'Print again' })}</button>
        <button type="button" class="btn primary" data-action="done">${bi({ id: 'Selesai', en: 'Done' })} <span class="countdown" data-countdown></span></button>
      </div>
    </div>`;
};

const errorScreen = (sc: Extract<Screen, { kind: 'error' }>): string => {
  const hint = ERROR_HINTS[sc.code];
  return `
    <div class="panel error-screen" role="alertdialog" aria-label="${esc(errorTitle(sc.code).id)}">
      <div class="icon" aria-hidden="true">⚠</div>
      <h2>${bi(errorTitle(sc.code))}</h2>
      <p class="message" data-testid="error-message">${esc(dottedTimes(sc.message))}</p>
      ${hint ? `<p class="hint">${bi(hint)}</p>` : ''}
      <div class="actions"><button type="button" class="btn primary" data-action="done">${bi({ id: 'Kembali', en: 'Back' })} <span class="countdown" data-countdown></span></button></div>
    </div>`;
};

const pairingScreen = (sc: Extract<Screen, { kind: 'pairing' }>): string => `
  <form class="panel pairing" data-form="pair" role="dialog" aria-label="Pasangkan kiosk ini / Pair this kiosk">
    <h2>${bi({ id: 'Pasangkan kiosk ini', en: 'Pair this kiosk' })}</h2>
    <p>${bi({
      id: 'Masukkan token kiosk dari halaman admin (Kiosk → Tambah). Tanpa token yang sah, kiosk tidak dapat mengeluarkan nomor.',
      en: 'Enter the kiosk token from the admin page (Kiosks → Add). Without a valid token the kiosk issues no numbers.',
    })}</p>
    <p class="muted">${bi({
      id: 'Atau buka tautan pemasangan (…/kiosk/#token=…) yang dicetak server saat pertama kali dijalankan.',
      en: 'Or open the pairing link (…/kiosk/#token=…) the server printed at its first start.',
    })}</p>
    <label for="pair-token">${bi({ id: 'Token kiosk', en: 'Kiosk token' })}</label>
    <input id="pair-token" name="token" autocomplete="off" autocapitalize="off" spellcheck="false" required minlength="8" data-keep-keys>
    ${sc.error ? `<p class="form-error" role="alert">${esc(sc.error)}</p>` : ''}
    <button type="submit" class="btn primary"${sc.busy ? ' disabled' : ''}>${bi({ id: sc.busy ? 'Memeriksa…' : 'Pasangkan', en: sc.busy ? 'Checking…' : 'Pair' })}</button>
  </form>`;

const settingsScreen = (s: ViewState, sc: Extract<Screen, { kind: 'settings' }>): string =>
  sc.unlocked
    ? `<form class="panel settings" data-form="settings" role="dialog" aria-label="Pengaturan kiosk / Kiosk settings">
        <h2>${bi({ id: 'Pengaturan kiosk', en: 'Kiosk settings' })}</h2>
        <p>${esc(s.kiosk?.kiosk.name ?? '')} · ${esc(s.kiosk?.office.name ?? '')}</p>
        <fieldset><legend>${bi({ id: 'Lebar kertas printer', en: 'Printer paper width' })}</legend>
          <label><input type="radio" name="paper" value="80"${s.settings.paper === 80 ? ' checked' : ''}> 80 mm</label>
          <label><input type="radio" name="paper" value="58"${s.settings.paper === 58 ? ' checked' : ''}> 58 mm</label>
        </fieldset>
        <label class="check"><input type="checkbox" name="autoPrint"${s.settings.autoPrint ? ' checked' : ''}> ${bi({ id: 'Cetak otomatis setelah nomor keluar', en: 'Print automatically after issuing' })}</label>
        <div class="actions">
          <button type="button" class="btn danger" data-action="unpair">${bi({ id: 'Lepas pasangan', en: 'Unpair' })}</button>
          <button type="button" class="btn" data-action="done">${bi({ id: 'Batal', en: 'Cancel' })}</button>
          <button type="submit" class="btn primary">${bi({ id: 'Simpan', en: 'Save' })}</button>
        </div>
      </form>`
    : `<form class="panel settings" data-form="unlock" role="dialog" aria-label="Pengaturan kiosk (petugas) / Kiosk settings (staff)">
        <h2>${bi({ id: 'Pengaturan kiosk (petugas)', en: 'Kiosk settings (staff)' })}</h2>
        <label for="unlock-token">${bi({ id: 'Masukkan token kiosk untuk membuka', en: 'Enter the kiosk token to unlock' })}</label>
        <input id="unlock-token" name="token" type="password" autocomplete="off" data-keep-keys>
        ${sc.error ? `<p class="form-error" role="alert">${esc(sc.error)}</p>` : ''}
        <div class="actions">
          <button type="button" class="btn" data-action="done">${bi({ id: 'Batal', en: 'Cancel' })}</button>
          <button type="submit" class="btn primary">${bi({ id: 'Buka', en: 'Unlock' })}</button>
        </div>
      </form>`;

export const overlayHtml = (s: ViewState): string => {
  const sc = s.screen;
  switch (sc.kind) {
    case 'home':
      return '';
    case 'loading':
      return `<div class="panel busy" role="status"><div class="spinner"></div>${bi({ id: 'Memuat…', en: 'Loading…' })}</div>`;
    case 'busy':
      return `<div class="panel busy" role="status"><div class="spinner"></div>${bi(sc.text)}</div>`;
    case 'ticket':
      return ticketScreen(s, sc);
    case 'error':
      return errorScreen(sc);
    case 'pairing':
      return pairingScreen(sc);
    case 'settings':
      return settingsScreen(s, sc);
  }
};
