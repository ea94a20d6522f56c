/** Layanan: the services with their letter, names, requirements, channels, typical minutes, walk-in quota. */
import { badge, bi, button, checkbox, esc, field, input, section, submit, textarea, hiddenTh } from '../html';
import type { Snapshot, State } from '../state';

type Service = Snapshot['services'][number];

const serviceForm = (snap: Snapshot, s: Service | null): string => {
  const groups = [...new Set([...snap.contacts.map((c) => c.serviceGroup), ...snap.services.map((x) => x.serviceGroup)].filter(Boolean))];
  const free = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').filter((l) => !snap.services.some((x) => x.code === l));
  return `<form class="form-grid" data-form="${s ? 'service-update' : 'service-create'}" ${s ? `data-code="${esc(s.code)}"` : ''}>
    ${field('Huruf', 'Letter', input('code', s?.code ?? free[0] ?? '', { maxlength: 1, pattern: '[A-Z]', required: true, class: 'narrow', autocomplete: 'off' }), 'Awalan nomor antrian, mis. A → A001')}
    ${field('Nama (Indonesia)', 'Name (Indonesian)', input('nameId', s?.nameId ?? '', { required: true, minlength: 2, maxlength: 120 }))}
    ${field('Nama (Inggris)', 'Name (English)', input('nameEn', s?.nameEn ?? '', { maxlength: 120 }))}
    ${field('Persyaratan (Indonesia)', 'Requirements (Indonesian)', textarea('requirementsId', s?.requirementsId ?? '', { maxlength: 1000, placeholder: 'mis. Wajib masker dan sarung tangan' }))}
    ${field('Persyaratan (Inggris)', 'Requirements (English)', textarea('requirementsEn', s?.requirementsEn ?? '', { maxlength: 1000 }))}
    ${field('Waktu layanan biasa (menit)', 'Typical minutes', input('typicalMinutes', s?.typicalMinutes ?? 10, { type: 'number', min: 1, max: 480, required: true, class: 'narrow' }))}
    ${field('Kuota langsung per hari', 'Daily walk-in quota', input('walkInQuota', s?.walkInQuota ?? '', { type: 'number', min: 0, max: 100000, class: 'narrow', placeholder: 'tanpa batas' }), 'Kosong = tanpa batas / empty = no limit')}
    ${field('Grup WhatsApp', 'WhatsApp group', input('serviceGroup', s?.serviceGroup ?? '', { list: 'service-groups', maxlength: 80 }), 'Nomor WhatsApp grup ini menjawab pertanyaan tentang layanan ini')}
    ${field('Cadangan blanko (kartu)', 'Blanko reserve (cards)', input('blankoReserve', s?.blankoReserve ?? 0, { type: 'number', min: 0, max: 1000000, required: true, class: 'narrow' }), 'Layanan ini berhenti menerima warga baru bila stok blanko tinggal sebanyak ini (mis. disimpan untuk perekaman baru dan PRR)')}
    <datalist id="service-groups">${groups.map((g) => `<option value="${esc(g)}"></option>`).join('')}</datalist>
    <div class="field checks">
      ${checkbox('bookable', s?.bookable ?? true, 'Bisa dipesan online', 'Bookable online')}
      ${checkbox('walkIn', s?.walkIn ?? true, 'Antrian langsung di kiosk', 'Walk-in at the kiosk')}
      ${checkbox('needsBlanko', s?.needsBlanko ?? false, 'Memakai blanko KTP-el', 'Uses a KTP-el blank card')}
    </div>
    <div class="actions">${submit(s ? 'Simpan perubahan' : 'Tambah layanan', s ? 'Save changes' : 'Add service')}${s ? button('Batal', 'Cancel', { 'data-action': 'edit', 'data-key': '' }, 'ghost') : ''}</div>
  </form>`;
};

export const servicesView = (st: State): string => {
  const snap = st.snap!;
  const rows = snap.services
    .map((s, i) => {
      const editing = st.editing === `service:${s.code}`;
      const row = `<tr${editing ? ' class="editing"' : ''}>
        <td><span class="svc">${esc(s.code)}</span></td>
        <td><strong>${esc(s.nameId)}</strong><br /><span class="en">${esc(s.nameEn)}</span>${s.requirementsId ? `<div class="small muted">${esc(s.requirementsId)}</div>` : ''}</td>
        <td>${s.bookable ? badge('Online', 'ok') : badge('Tidak online')} ${s.walkIn ? badge('Langsung', 'ok') : badge('Tanpa langsung')}${s.needsBlanko ? ` ${badge('Blanko', 'warn')}` : ''}</td>
        <td class="num">${s.typicalMinutes}′</td>
        <td class="num">${s.walkInQuota ?? '∞'}</td>
        <td class="small">${esc(s.serviceGroup) || '<span class="muted">–</span>'}</td>
        <td class="row-actions">
          ${button('▲', 'up', { 'data-action': 'move-service', 'data-code': s.code, 'data-dir': -1, disabled: i === 0, title: 'Naikkan / Move up', 'aria-label': `Naikkan ${s.code}` }, 'small icon')}
          ${button('▼', 'down', { 'data-action': 'move-service', 'data-code': s.code, 'data-dir': 1, disabled: i === snap.services.length - 1, title: 'Turunkan / Move down', 'aria-label': `Turunkan ${s.code}` }, 'small icon')}
          ${button('Ubah', 'Edit', { 'data-action': 'edit', 'data-key': `service:${s.code}` }, 'small')}
          ${button('Jadwal', 'Slots', { 'data-action': 'goto-slots', 'data-code': s.code }, 'small')}
          ${button('Hentikan', 'Retire', { 'data-action': 'retire-service', 'data-code': s.code }, 'small danger')}
        </td></tr>`;
      return editing ? `${row}<tr class="edit-row"><td colspan="7">${serviceForm(snap, s)}</td></tr>` : row;
    })
    .join('');
  const table = `<table class="grid"><thead><tr>${hiddenTh('Kode', 'Code')}<th>${bi('Nama', 'Name')}</th><th>${bi('Cara', 'Channels')}</th><th>${bi('Menit', 'Min')}</th><th>${bi('Kuota', 'Quota')}</th><th>${bi('Grup WA', 'WA group')}</th>${hiddenTh('Tindakan', 'Actions')}</tr></thead><tbody>${rows}</tbody></table>
    <p class="hint">${bi('Urutan di sini adalah urutan tombol kiosk dan daftar pemesanan. Layanan yang dihentikan tetap ada di laporan.', 'This order is the kiosk and booking order. Retired services stay in the reports.')}</p>`;
  return `${section('Layanan', 'Services', table)}${section('Layanan baru', 'New service', serviceForm(snap, null))}`;
};
