/** Pengumuman & WhatsApp: notices for the lobby TV, kiosk and booking pages; WhatsApp numbers per service group. */
import { badge, bi, button, checkbox, esc, field, input, section, submit, textarea, hiddenTh } from '../html';
import type { Snapshot, State } from '../state';

type Notice = Snapshot['notices'][number];

const TARGETS = [
  ['board', 'Layar TV lobi', 'Lobby board'],
  ['booking', 'Halaman reservasi', 'Booking page'],
  ['kiosk', 'Kiosk', 'Kiosk'],
] as const;

/** Where a notice stands today, as the list shows it: its dates and screens. */
const schedule = (n: Notice): string => {
  const dates = n.startsOn || n.endsOn ? `${n.startsOn ?? '…'} – ${n.endsOn ?? '…'}` : '';
  const where = TARGETS.filter(([target]) => n.targets.includes(target)).map(([, id]) => id).join(', ');
  return `<p class="small muted">${esc([dates, where].filter(Boolean).join(' · '))}</p>`;
};
type Contact = Snapshot['contacts'][number];

const noticeForm = (n: Notice | null): string =>
  `<form class="form-grid" data-form="${n ? 'notice-update' : 'notice-create'}" ${n ? `data-id="${n.id}"` : ''}>
    ${field('Teks (Indonesia)', 'Text (Indonesian)', textarea('textId', n?.textId ?? '', { required: true, minlength: 3, maxlength: 500 }))}
    ${field('Teks (Inggris)', 'Text (English)', textarea('textEn', n?.textEn ?? '', { maxlength: 500 }))}
    ${field('Tampil mulai', 'Shown from', input('startsOn', n?.startsOn ?? '', { type: 'date', class: 'narrow' }), 'Kosong = mulai sekarang')}
    ${field('Tampil sampai', 'Shown until', input('endsOn', n?.endsOn ?? '', { type: 'date', class: 'narrow' }), 'Kosong = sampai disembunyikan')}
    <fieldset class="field checks"><legend>${bi('Tampil di', 'Shown on')}</legend>
      ${TARGETS.map(([target, id, en]) => checkbox(`target-${target}`, n ? n.targets.includes(target) : true, id, en)).join('')}</fieldset>
    <div class="field checks">${checkbox('active', n?.active ?? true, 'Tampilkan', 'Show')}</div>
    <div class="actions">${submit(n ? 'Simpan' : 'Tambah pengumuman', n ? 'Save' : 'Add notice')}${n ? button('Batal', 'Cancel', { 'data-action': 'edit', 'data-key': '' }, 'ghost') : ''}</div>
  </form>`;

const contactForm = (c: Contact | null, groups: string[]): string =>
  `<form class="row gap wrap" data-form="${c ? 'contact-update' : 'contact-create'}" ${c ? `data-id="${c.id}"` : ''}>
    ${field('Keterangan', 'Label', input('label', c?.label ?? '', { required: true, minlength: 2, maxlength: 120, placeholder: 'mis. Pencatatan Sipil (akta)' }))}
    ${field('Nomor WhatsApp', 'WhatsApp number', input('phone', c?.phone ?? '', { required: true, maxlength: 32, inputmode: 'tel', placeholder: '0812-…' }))}
    ${field('Grup layanan', 'Service group', input('serviceGroup', c?.serviceGroup ?? '', { list: 'contact-groups', maxlength: 80 }))}
    <datalist id="contact-groups">${groups.map((g) => `<option value="${esc(g)}"></option>`).join('')}</datalist>
    <div class="actions">${submit(c ? 'Simpan' : 'Tambah nomor', c ? 'Save' : 'Add number')}${c ? button('Batal', 'Cancel', { 'data-action': 'edit', 'data-key': '' }, 'ghost') : ''}</div>
  </form>`;

export const noticesView = (st: State): string => {
  const snap = st.snap!;
  const notices = snap.notices
    .map((n) => {
      const row = `<li class="notice${n.active ? '' : ' off'}"><div><p>${esc(n.textId)}</p>${n.textEn ? `<p class="en">${esc(n.textEn)}</p>` : ''}${schedule(n)}</div>
        <div class="row-actions">${n.active ? badge('tampil', 'ok') : badge('disembunyikan')}
          ${button(n.active ? 'Sembunyikan' : 'Tampilkan', n.active ? 'Hide' : 'Show', { 'data-action': 'toggle-notice', 'data-id': n.id, 'data-active': n.active ? 0 : 1 }, 'small')}
          ${button('Ubah', 'Edit', { 'data-action': 'edit', 'data-key': `notice:${n.id}` }, 'small')}
          ${button('Hapus', 'Delete', { 'data-action': 'delete-notice', 'data-id': n.id }, 'small danger')}</div></li>`;
      return st.editing === `notice:${n.id}` ? `${row}<li class="edit-row">${noticeForm(n)}</li>` : row;
    })
    .join('');
  const groups = [...new Set([...snap.contacts.map((c) => c.serviceGroup), ...snap.services.map((s) => s.serviceGroup)].filter(Boolean))];
  const serviceList = (group: string) => snap.services.filter((s) => s.serviceGroup === group).map((s) => s.code).join(', ');
  const contacts = snap.contacts
    .map((c) => {
      const row = `<tr><td><strong>${esc(c.label)}</strong></td><td class="mono">${esc(c.phone)}</td><td>${esc(c.serviceGroup)}${serviceList(c.serviceGroup) ? ` <span class="small muted">(${esc(serviceList(c.serviceGroup))})</span>` : ''}</td>
        <td class="row-actions">${button('Ubah', 'Edit', { 'data-action': 'edit', 'data-key': `contact:${c.id}` }, 'small')}${button('Hapus', 'Delete', { 'data-action': 'delete-contact', 'data-id': c.id }, 'small danger')}</td></tr>`;
      return st.editing === `contact:${c.id}` ? `${row}<tr class="edit-row"><td colspan="4">${contactForm(c, groups)}</td></tr>` : row;
    })
    .join('');
  return `${section('Pengumuman', 'Notices', `<ul class="notices">${notices || `<li class="muted">${bi('Belum ada pengumuman.', 'No notices.')}</li>`}</ul>
      <p class="hint">${bi('Pengumuman aktif tampil pada tanggal dan layar yang dipilih. Penutupan layanan diumumkan di layar TV dan kiosk dengan sendirinya.', 'Active notices show on the chosen dates and screens. Closures are announced on the lobby TV and the kiosk by themselves.')}</p>${noticeForm(null)}`)}
    ${section('Nomor WhatsApp per grup layanan', 'WhatsApp numbers per service group', `<table class="grid"><thead><tr><th>${bi('Keterangan', 'Label')}</th><th>${bi('Nomor', 'Number')}</th><th>${bi('Grup (layanan)', 'Group (services)')}</th>${hiddenTh('Tindakan', 'Actions')}</tr></thead><tbody>${contacts}</tbody></table>
      ${contactForm(null, groups)}<p class="hint">${bi('Hubungkan layanan ke grup di bagian Layanan.', 'Link services to a group under Services.')}</p>`)}`;
};
