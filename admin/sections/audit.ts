/** Log audit: every staff action of the office, newest first: who, what, when. */
import { bi, button, esc, field, input, instantText, section, select, submit } from '../html';
import type { State } from '../state';

const ACTIONS: Record<string, string> = {
  'auth.login': 'Masuk', 'office.create': 'Kantor dibuat', 'office.update': 'Aturan kantor diubah', 'office.hours': 'Jam buka diubah',
  'blanko.change': 'Stok blanko diubah', 'service.create': 'Layanan dibuat', 'service.update': 'Layanan diubah', 'service.retire': 'Layanan dihentikan',
  'service.reorder': 'Urutan layanan', 'slots.templates': 'Jadwal mingguan', 'slots.override': 'Sesi per tanggal', 'slots.override_clear': 'Sesi per tanggal dihapus',
  'slot.capacity': 'Kapasitas sesi', 'counter.create': 'Loket dibuat', 'counter.update': 'Loket diubah', 'counter.delete': 'Loket dihapus',
  'counter.open': 'Loket dibuka', 'counter.paused': 'Loket dijeda', 'counter.closed': 'Loket ditutup', 'user.create': 'Akun dibuat',
  'user.update': 'Akun diubah', 'user.reset_password': 'Sandi diatur ulang', 'user.change_password': 'Sandi sendiri diganti', 'user.disable': 'Akun dinonaktifkan',
  'user.enable': 'Akun diaktifkan', 'kiosk.create': 'Kiosk dibuat', 'kiosk.revoke': 'Kiosk dicabut', 'notice.create': 'Pengumuman dibuat',
  'notice.update': 'Pengumuman diubah', 'notice.delete': 'Pengumuman dihapus', 'contact.create': 'Nomor WA ditambah', 'contact.update': 'Nomor WA diubah',
  'contact.delete': 'Nomor WA dihapus', 'closure.create': 'Penutupan', 'closure.end': 'Penutupan diakhiri', 'urgent_only.set': 'Mode mendesak',
  'urgent_only.end': 'Mode mendesak diakhiri', 'urgent_only.closure': 'Penutupan (mode mendesak)', 'notifications.retry_failed': 'Notifikasi dikirim ulang',
  'booking.assisted': 'Reservasi dibantu petugas', 'ticket.called': 'Memanggil', 'ticket.recalled': 'Memanggil ulang', 'ticket.started': 'Mulai melayani',
  'ticket.completed': 'Selesai', 'ticket.no_show': 'Tidak hadir', 'ticket.transferred': 'Dipindah layanan', 'ticket.requeued': 'Diantrikan lagi',
};

const detailText = (detail: Record<string, unknown>): string =>
  Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ')
    .slice(0, 240);

export const auditView = (st: State): string => {
  const a = st.audit;
  const zone = st.snap?.office.timezone ?? 'Asia/Jakarta';
  const controls = `<form class="row gap wrap" data-form="audit">
    ${field('Dari', 'From', input('from', a.from, { type: 'date', required: true }))}
    ${field('Sampai', 'To', input('to', a.to, { type: 'date', required: true }))}
    ${field('Jenis', 'Kind', select('kind', [['all', 'Semua / All'], ['admin', 'Pengaturan & akun / Settings & accounts'], ['tickets', 'Langkah di loket / Counter steps']], a.kind))}
    <div class="actions">${submit('Tampilkan', 'Show')}</div></form>`;
  const rows = a.entries
    .map(
      (e) => `<tr><td class="small nowrap">${esc(instantText(e.at, zone))}</td><td>${e.user ? `${esc(e.user.displayName)} <span class="mono small">${esc(e.user.username)}</span>` : '<span class="muted">sistem</span>'}</td>
        <td>${esc(ACTIONS[e.action] ?? e.action)} <span class="mono small muted">${esc(e.action)}</span></td><td>${esc(e.target ?? '')}</td><td class="small muted">${esc(detailText(e.detail))}</td></tr>`,
    )
    .join('');
  const table = a.entries.length
    ? `<table class="grid compact"><thead><tr><th>${bi('Waktu', 'When')}</th><th>${bi('Siapa', 'Who')}</th><th>${bi('Apa', 'What')}</th><th>${bi('Sasaran', 'Target')}</th><th>${bi('Rincian', 'Detail')}</th></tr></thead><tbody>${rows}</tbody></table>
      ${a.more ? `<div class="actions">${button('Muat lebih banyak', 'Load more', { 'data-action': 'audit-more' })}</div>` : ''}`
    : `<p class="muted">${bi('Tidak ada catatan pada rentang ini.', 'Nothing recorded in this range.')}</p>`;
  return section('Log audit', 'Audit log', controls + table);
};
