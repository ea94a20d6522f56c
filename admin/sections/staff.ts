/** Staf & kiosk: accounts and roles (reset a password, shown once), and the kiosks (token shown once; revoke). */
import { badge, bi, button, esc, field, input, instantText, section, select, submit, hiddenTh } from '../html';
import type { Snapshot, State } from '../state';

const ROLES: [string, string][] = [
  ['counter', 'Petugas loket / Counter staff'],
  ['supervisor', 'Supervisor (laporan saja / reports only)'],
  ['admin', 'Admin'],
  ['assistant', 'Pendamping kelurahan (reservasi warga saja) / Kelurahan assistant (bookings only)'],
];
/** The account's own WhatsApp number: for a kelurahan assistant, where the messages of citizens without a phone go. */
const contactField = (value: string) =>
  field('WhatsApp pendamping (untuk warga tanpa HP)', "Helper's WhatsApp (for citizens without a phone)", input('contactPhone', value, { type: 'tel', inputmode: 'tel', maxlength: 32, autocomplete: 'off', placeholder: 'mis. 0812-3456-7890' }));
const roleName = (role: string) => ROLES.find((r) => r[0] === role)?.[1].split(' / ')[0] ?? role;

const staffTable = (st: State, snap: Snapshot): string => {
  const zone = snap.office.timezone;
  return `<table class="grid"><thead><tr><th>${bi('Pengguna', 'User')}</th><th>${bi('Peran', 'Role')}</th><th>${bi('Terakhir aktif', 'Last seen')}</th>${hiddenTh('Tindakan', 'Actions')}</tr></thead><tbody>${snap.staff
    .map((u) => {
      const self = u.id === st.me?.id;
      const row = `<tr${u.disabled ? ' class="disabled"' : ''}>
        <td><strong>${esc(u.displayName)}</strong> <span class="mono small">${esc(u.username)}</span>${u.officeId === null ? ` ${badge('semua kantor')}` : ''}${self ? ` ${badge('Anda')}` : ''}</td>
        <td>${esc(roleName(u.role))}${u.contactPhone ? ` <span class="mono small">WA ${esc(u.contactPhone)}</span>` : ''}${u.disabled ? ` ${badge('nonaktif', 'bad')}` : ''}</td>
        <td class="small">${esc(instantText(u.lastSeenAt, zone))}</td>
        <td class="row-actions">
          ${button('Ubah', 'Edit', { 'data-action': 'edit', 'data-key': `user:${u.id}` }, 'small')}
          ${button('Atur ulang sandi', 'Reset password', { 'data-action': 'reset-password', 'data-id': u.id, 'data-name': u.username }, 'small')}
          ${self ? '' : button(u.disabled ? 'Aktifkan' : 'Nonaktifkan', u.disabled ? 'Enable' : 'Disable', { 'data-action': 'toggle-user', 'data-id': u.id, 'data-disabled': u.disabled ? 0 : 1 }, `small ${u.disabled ? '' : 'danger'}`)}
        </td></tr>`;
      const edit =
        st.editing === `user:${u.id}`
          ? `<tr class="edit-row"><td colspan="4"><form class="row gap wrap" data-form="user-update" data-id="${u.id}">
              ${field('Nama tampilan', 'Display name', input('displayName', u.displayName, { required: true, minlength: 2, maxlength: 80 }))}
              ${self || u.officeId === null ? '' : field('Peran', 'Role', select('role', ROLES, u.role))}
              ${u.officeId === null ? '' : contactField(u.contactPhone ?? '')}
              <div class="actions">${submit('Simpan', 'Save')}${button('Batal', 'Cancel', { 'data-action': 'edit', 'data-key': '' }, 'ghost')}</div></form></td></tr>`
          : '';
      return row + edit;
    })
    .join('')}</tbody></table>`;
};

export const staffView = (st: State): string => {
  const snap = st.snap!;
  const zone = snap.office.timezone;
  const create = `<form class="row gap wrap" data-form="user-create">
    ${field('Nama pengguna', 'Username', input('username', '', { required: true, pattern: '[A-Za-z0-9._\\-]{3,40}', autocomplete: 'off', placeholder: 'mis. siti.loket2' }))}
    ${field('Nama tampilan', 'Display name', input('displayName', '', { required: true, minlength: 2, maxlength: 80 }))}
    ${field('Peran', 'Role', select('role', ROLES, 'counter'))}
    ${contactField('')}
    <div class="actions">${submit('Buat akun', 'Create account')}</div></form>
    <p class="hint">${bi('Kata sandi dibuat otomatis dan ditampilkan sekali saja. Berikan kepada orangnya; ia dapat menggantinya sendiri.', 'The password is generated and shown once. Hand it over; its owner can change it.')}</p>
    <p class="hint">${bi('Pendamping kelurahan hanya dapat membuat reservasi untuk warga di halaman /assist/. Warga tanpa HP: pesannya dikirim ke WhatsApp pendamping.', "A kelurahan assistant can only book for citizens, on the /assist/ page. Citizens without a phone: their messages go to the helper's WhatsApp.")}</p>`;
  const kiosks = `<table class="grid"><thead><tr><th>${bi('Kiosk', 'Kiosk')}</th><th>${bi('Dibuat', 'Created')}</th><th>${bi('Status', 'Status')}</th>${hiddenTh('Tindakan', 'Actions')}</tr></thead><tbody>${snap.kiosks
    .map(
      (k) => `<tr${k.revokedAt ? ' class="disabled"' : ''}><td><strong>${esc(k.name)}</strong></td><td class="small">${esc(instantText(k.createdAt, zone))}</td>
        <td>${k.revokedAt ? badge(`dicabut ${instantText(k.revokedAt, zone)}`, 'bad') : badge('aktif', 'ok')}</td>
        <td class="row-actions">${k.revokedAt ? '' : button('Cabut', 'Revoke', { 'data-action': 'revoke-kiosk', 'data-id': k.id, 'data-name': k.name }, 'small danger')}</td></tr>`,
    )
    .join('')}</tbody></table>
    <form class="row gap wrap" data-form="kiosk-create">${field('Nama kiosk baru', 'New kiosk name', input('name', '', { required: true, maxlength: 60, placeholder: 'mis. Kiosk Pintu Utara' }))}<div class="actions">${submit('Buat kiosk', 'Create kiosk')}</div></form>
    <p class="hint">${bi('Tautan pemasangan (berisi token) ditampilkan sekali. Buka di perangkat kiosk. Kiosk yang hilang: cabut, lalu buat yang baru.', 'The pairing link (with its token) is shown once. Open it on the kiosk device. A lost kiosk: revoke it and create a new one.')}</p>`;
  const own = `<form class="row gap wrap" data-form="own-password">
    ${field('Kata sandi sekarang', 'Current password', input('current', '', { type: 'password', required: true, autocomplete: 'current-password' }))}
    ${field('Kata sandi baru (min. 12, bukan yang umum)', 'New password (min. 12, not a common one)', input('next', '', { type: 'password', required: true, minlength: 12, maxlength: 200, autocomplete: 'new-password' }))}
    <div class="actions">${submit('Ganti kata sandi saya', 'Change my password', '')}</div></form>`;
  return `${section('Akun staf', 'Staff accounts', staffTable(st, snap))}
    <div class="cols">${section('Akun baru', 'New account', create)}${section('Kata sandi saya', 'My password', own)}</div>
    ${section('Kiosk', 'Kiosks', kiosks)}`;
};
