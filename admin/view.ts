/** The admin page as a pure function of its state: sign-in, the shell (offices, sections), one section, secrets shown once. */
import { bi, button, esc, field, input, section, select, submit } from './html';
import { auditView } from './sections/audit';
import { closuresView } from './sections/closures';
import { countersView } from './sections/counters';
import { noticesView } from './sections/notices';
import { blankoView, officeView } from './sections/office';
import { overviewView } from './sections/overview';
import { reportsView } from './sections/reports';
import { servicesView } from './sections/services';
import { slotsView } from './sections/slots';
import { staffView } from './sections/staff';
import { canAdmin, sectionsFor, type State } from './state';

export const loginView = (error: string | null, username = ''): string => `<main class="login">
    <form class="card login-card" data-form="login">
      <div class="brand"><span class="logo">G</span><div><h1>Giliran · Admin</h1><p class="muted">${bi('Kepala layanan dan admin kantor', 'Head of service and office admins')}</p></div></div>
      ${field('Nama pengguna', 'Username', input('username', username, { required: true, autocomplete: 'username' }))}
      ${field('Kata sandi', 'Password', input('password', '', { type: 'password', required: true, autocomplete: 'current-password' }))}
      ${error ? `<p class="alert bad" role="alert">${esc(error)}</p>` : ''}
      ${submit('Masuk', 'Sign in')}
    </form></main>`;

const newOfficeForm = (): string =>
  section(
    'Kantor baru',
    'New office',
    `<form class="row gap wrap" data-form="office-create">
      ${field('Kode kantor', 'Office id', input('id', '', { required: true, pattern: '[a-z0-9][a-z0-9\\-]{0,38}[a-z0-9]', placeholder: 'mis. lebong', class: 'narrow', title: 'huruf kecil, angka, tanda hubung / lower-case letters, digits, hyphens' }))}
      ${field('Nama', 'Name', input('name', '', { required: true, minlength: 3, maxlength: 120, placeholder: 'Disdukcapil Kabupaten …' }))}
      ${field('Zona waktu', 'Time zone', select('timezone', [['Asia/Jakarta', 'WIB · Asia/Jakarta'], ['Asia/Makassar', 'WITA · Asia/Makassar'], ['Asia/Jayapura', 'WIT · Asia/Jayapura']], 'Asia/Jakarta'))}
      <div class="actions">${submit('Buat kantor', 'Create office')}</div></form>
      <p class="hint">${bi('Kode kantor: huruf kecil, angka, tanda hubung (dipakai di alamat, mis. /display/?office=lebong). Kantor baru buka Senin–Jumat 08:00–15:00; ubah di Jam buka. Lalu tambahkan layanan, jadwal sesi, loket, staf dan kiosk.', 'A new office opens Mon–Fri 08:00–15:00; change it under Hours. Then add services, slots, counters, staff and a kiosk.')}</p>`,
  );

const header = (st: State): string => {
  const offices = st.offices.map((o): [string, string] => [o.id, o.published === false ? `${o.name} (draf)` : o.name]);
  const choose =
    st.me?.officeId === null && offices.length > 1
      ? `<label class="office-pick">${bi('Kantor', 'Office')} ${select('office', offices, st.officeId ?? '', { 'data-action': 'office', 'aria-label': 'Kantor / Office' })('office-pick')}</label>`
      : `<strong class="office-name">${esc(st.offices.find((o) => o.id === st.officeId)?.name ?? '')}</strong>`;
  return `<header class="top"><span class="logo small">G</span><h1 class="title">Giliran <span class="muted">Admin</span></h1>${choose}
    <span class="spacer"></span><span class="who">${esc(st.me?.displayName ?? '')} <span class="muted small">${esc(st.me?.role ?? '')}</span></span>
    ${button('Keluar', 'Sign out', { 'data-action': 'logout' }, 'small ghost')}</header>`;
};

const nav = (st: State): string =>
  `<nav class="side" aria-label="Bagian / Sections">${sectionsFor(st.me)
    .map(([id, label, en]) => `<a href="#${id}" class="${st.section === id ? 'active' : ''}"${st.section === id ? ' aria-current="page"' : ''}>${esc(label)}<span class="en">${esc(en)}</span></a>`)
    .join('')}</nav>`;

export const sectionView = (st: State): string => {
  if (!canAdmin(st.me) || st.section === 'reports') return reportsView(st);
  if (!st.snap) return `<p class="muted">${bi('Memuat…', 'Loading…')}</p>`;
  switch (st.section) {
    case 'overview':
      return overviewView(st) + (st.me?.officeId === null ? newOfficeForm() : '');
    case 'services':
      return servicesView(st);
    case 'slots':
      return slotsView(st);
    case 'office':
      return officeView(st);
    case 'counters':
      return countersView(st);
    case 'closures':
      return closuresView(st);
    case 'staff':
      return staffView(st);
    case 'notices':
      return noticesView(st);
    case 'blanko':
      return blankoView(st);
    case 'audit':
      return auditView(st);
  }
};

export const secretView = (st: State): string =>
  st.secret
    ? `<div class="secret" role="dialog" aria-modal="true" aria-labelledby="secret-title"><div class="card">
        <h2 id="secret-title">${bi(st.secret.titleId, st.secret.titleEn)}</h2>
        <p class="secret-value mono" data-secret>${esc(st.secret.value)}</p>
        ${st.secret.link ? `<p class="small">${bi('Tautan pemasangan', 'Pairing link')}: <a class="mono" href="${esc(st.secret.link)}" target="_blank" rel="noopener">${esc(st.secret.link)}</a></p>` : ''}
        <p class="alert warn">${bi('Catat atau serahkan sekarang: ini tidak akan ditampilkan lagi.', 'Write it down or hand it over now: it will not be shown again.')}</p>
        <div class="actions">${button('Salin', 'Copy', { 'data-action': 'copy-secret' })}${button('Sudah dicatat, tutup', 'Noted, close', { 'data-action': 'close-secret' }, 'primary')}</div>
      </div></div>`
    : '';

export const flashView = (st: State): string =>
  st.flash ? `<div class="flash ${st.flash.kind}" role="${st.flash.kind === 'error' ? 'alert' : 'status'}">${esc(st.flash.text)}</div>` : '';

export const shellView = (st: State): string => {
  if (!st.officeId) {
    return `${header(st)}<div class="body"><main class="main" id="main">${st.me?.officeId === null ? newOfficeForm() : `<p class="alert bad">${bi('Kantor Anda tidak ditemukan.', 'Your office was not found.')}</p>`}</main></div>`;
  }
  return `${header(st)}<div class="body">${nav(st)}<main class="main" id="main"><div id="flash">${flashView(st)}</div><div id="section">${sectionView(st)}</div></main></div><div id="secret">${secretView(st)}</div>`;
};
