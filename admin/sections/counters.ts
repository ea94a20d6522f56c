/** Loket: the counters and, in order, the services each one calls. */
import { badge, bi, button, esc, field, input, section, select, submit, hiddenTh } from '../html';
import type { Snapshot, State } from '../state';

type Counter = Snapshot['counters'][number];

const STATUS: Record<string, [string, string]> = { open: ['Buka', 'ok'], paused: ['Jeda', 'warn'], closed: ['Tutup', ''] };

/** One select per position: the first service is called first. */
const serviceOrder = (snap: Snapshot, chosen: string[]): string => {
  const options: [string, string][] = [['', '—'], ...snap.services.map((s): [string, string] => [s.code, `${s.code} · ${s.nameId}`])];
  return `<div class="order">${snap.services
    .map((_, i) => field(`Dipanggil ke-${i + 1}`, `called #${i + 1}`, select(`svc${i}`, options, chosen[i] ?? '')))
    .join('')}</div>`;
};

const counterForm = (snap: Snapshot, c: Counter | null): string =>
  `<form class="row gap wrap" data-form="${c ? 'counter-update' : 'counter-create'}" ${c ? `data-id="${c.id}"` : ''}>
    ${field('Nama loket', 'Counter name', input('name', c?.name ?? String(snap.counters.length + 1), { required: true, maxlength: 40, class: 'narrow' }))}
    ${serviceOrder(snap, c?.services ?? [])}
    <div class="actions">${submit(c ? 'Simpan' : 'Tambah loket', c ? 'Save' : 'Add counter')}${c ? button('Batal', 'Cancel', { 'data-action': 'edit', 'data-key': '' }, 'ghost') : ''}</div>
  </form>`;

export const countersView = (st: State): string => {
  const snap = st.snap!;
  const name = (code: string) => snap.services.find((s) => s.code === code)?.nameId ?? code;
  const rows = snap.counters
    .map((c) => {
      const [label, kind] = STATUS[c.status] ?? [c.status, ''];
      const row = `<tr><td><strong>Loket ${esc(c.name)}</strong></td>
        <td>${c.services.length ? c.services.map((code, i) => `<span class="chain">${i ? '→ ' : ''}<span class="svc">${esc(code)}</span> ${esc(name(code))}</span>`).join(' ') : '<span class="muted">belum ada layanan</span>'}</td>
        <td>${badge(label, kind)}</td>
        <td class="row-actions">${button('Ubah', 'Edit', { 'data-action': 'edit', 'data-key': `counter:${c.id}` }, 'small')}${button('Hapus', 'Remove', { 'data-action': 'delete-counter', 'data-id': c.id, 'data-name': c.name }, 'small danger')}</td></tr>`;
      return st.editing === `counter:${c.id}` ? `${row}<tr class="edit-row"><td colspan="4">${counterForm(snap, c)}</td></tr>` : row;
    })
    .join('');
  const table = `<table class="grid"><thead><tr><th>${bi('Loket', 'Counter')}</th><th>${bi('Layanan, sesuai urutan panggil', 'Services, in calling order')}</th><th>${bi('Status', 'Status')}</th>${hiddenTh('Tindakan', 'Actions')}</tr></thead><tbody>${rows}</tbody></table>
    <p class="hint">${bi('Loket memanggil prioritas dulu, lalu layanan pertamanya, lalu berikutnya. Status buka/jeda diatur petugas di halaman loket.', 'A counter calls priority visitors first, then its first service, then the next. Staff open or pause it on the counter page.')}</p>`;
  return `${section('Loket', 'Counters', table)}${section('Loket baru', 'New counter', counterForm(snap, null))}`;
};
