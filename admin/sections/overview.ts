/** Ringkasan: the office today at a glance, and what needs the admin's attention. */
import { badge, bi, button, dateText, esc, section } from '../html';
import type { ServiceInfo } from '../../shared/types';
import type { State } from '../state';

export const overviewView = (st: State): string => {
  const snap = st.snap!;
  const detail = st.detail;
  const activeClosures = snap.closures.filter((c) => c.state === 'active' && c.kind === 'closure');
  const upcoming = snap.closures.filter((c) => c.state === 'upcoming');
  const services = (detail?.services ?? []) as (ServiceInfo & { walkInRemaining?: number | null })[];
  const today = `<table class="grid"><thead><tr><th>${bi('Layanan', 'Service')}</th><th>${bi('Hari ini', 'Today')}</th><th>${bi('Sisa kuota langsung', 'Walk-in places left')}</th></tr></thead><tbody>${services
    .map(
      (s) => `<tr><td><span class="svc">${esc(s.code)}</span> ${esc(s.name)}</td><td>${
        s.closedToday ? `${badge('Tutup', 'bad')} <span class="muted small">${esc(s.closedToday)}</span>` : badge('Buka', 'ok')
      }</td><td>${s.walkInRemaining === null || s.walkInRemaining === undefined ? '<span class="muted">tanpa batas</span>' : esc(s.walkInRemaining)}</td></tr>`,
    )
    .join('') || `<tr><td colspan="3" class="muted">${bi('Belum ada layanan.', 'No services yet.')}</td></tr>`}</tbody></table>`;
  const stock = snap.office.blankoStock;
  const tiles = [
    tile('Penutupan aktif', 'Active closures', String(activeClosures.length), activeClosures.length ? 'warn' : '', 'closures'),
    tile('Penutupan mendatang', 'Upcoming closures', String(upcoming.length), '', 'closures'),
    tile('Mode mendesak', 'Urgent-only mode', snap.urgentOnly.active ? `Hanya ${snap.urgentOnly.open.join(', ')}` : 'Tidak aktif', snap.urgentOnly.active ? 'warn' : '', 'closures'),
    tile('Stok blanko', 'Blanko stock', String(stock), !snap.services.some((s) => s.needsBlanko) ? '' : stock === 0 ? 'bad' : stock < 20 ? 'warn' : '', 'blanko'),
    tile('Loket', 'Counters', `${snap.counters.filter((c) => c.status === 'open').length} buka / ${snap.counters.length}`, '', 'counters'),
    tile('Kiosk aktif', 'Active kiosks', String(snap.kiosks.filter((k) => k.revokedAt === null).length), '', 'staff'),
  ].join('');
  const out = snap.outbox;
  // What really happened: the log channel only writes a message to the server's log; it is counted apart and never called "sent".
  const logChannel = out.configuredChannel === 'log';
  const channel = logChannel
    ? `<p class="alert warn notify-channel" data-testid="notify-channel">${bi('Saluran: log (NOTIFY_CHANNEL=log). Pesan hanya dicatat di log server, tidak dikirim ke warga.', 'Channel: log. Messages are only written to the server log; nobody receives them.')}</p>`
    : `<p class="small notify-channel" data-testid="notify-channel">${bi('Saluran: WhatsApp (NOTIFY_CHANNEL=whatsapp).', 'Channel: WhatsApp.')}</p>`;
  const outbox = `${channel}<div class="row gap">
      <div class="stat">${bi('Menunggu', 'Pending')}<strong>${out.pending + out.sending}</strong></div>
      ${!logChannel || out.sentByWhatsapp ? `<div class="stat" data-testid="sent-whatsapp">${bi('Terkirim lewat WhatsApp', 'Sent by WhatsApp')}<strong>${out.sentByWhatsapp}</strong></div>` : ''}
      ${logChannel || out.logged ? `<div class="stat" data-testid="logged">${bi('Dicatat (tidak dikirim)', 'Logged (not sent)')}<strong>${out.logged}</strong></div>` : ''}
      <div class="stat ${out.failed ? 'bad' : ''}">${bi('Gagal', 'Failed')}<strong>${out.failed}</strong></div>
      ${out.failed ? button('Kirim ulang yang gagal', 'Retry the failed', { 'data-action': 'retry-failed' }, 'primary') : ''}
    </div>
    ${
      out.recentFailures.length
        ? `<table class="grid compact"><thead><tr><th>Template</th><th>${bi('Penerima', 'To')}</th><th>${bi('Percobaan', 'Attempts')}</th><th>${bi('Galat terakhir', 'Last error')}</th></tr></thead><tbody>${out.recentFailures
            .map((f) => `<tr><td>${esc(f.template)}</td><td class="mono">${esc(f.recipient)}</td><td>${f.attempts}</td><td class="small">${esc(f.lastError ?? '')}</td></tr>`)
            .join('')}</tbody></table>`
        : ''
    }`;
  return `${setupSteps(st)}<div class="tiles">${tiles}</div>
    ${section(`Layanan hari ini, ${dateText(snap.today)}`, 'Services today', today)}
    ${section('Pesan ke warga', 'Messages to visitors', outbox)}`;
};

const tile = (labelId: string, labelEn: string, value: string, kind: string, goto: string): string =>
  `<a class="tile ${kind}" href="#${goto}"><span>${bi(labelId, labelEn)}</span><strong>${esc(value)}</strong></a>`;

/** For a new office: what is still missing before visitors can book and take tickets. */
const setupSteps = (st: State): string => {
  const snap = st.snap!;
  const steps: [boolean, string, string, string][] = [
    [snap.hours.length > 0, 'Jam buka', 'Opening hours', 'office'],
    [snap.services.length > 0, 'Layanan (huruf, nama, persyaratan, kuota)', 'Services', 'services'],
    [snap.services.some((s) => s.templates.length > 0), 'Jadwal sesi mingguan untuk layanan yang dipesan online', 'Weekly slots', 'slots'],
    [snap.counters.some((c) => c.services.length > 0), 'Loket dan layanannya', 'Counters and their services', 'counters'],
    [snap.staff.some((u) => u.role === 'counter' && !u.disabled), 'Akun petugas loket', 'Counter staff accounts', 'staff'],
    [snap.kiosks.some((k) => k.revokedAt === null), 'Kiosk di lobi', 'A lobby kiosk', 'staff'],
  ];
  if (steps.every(([done]) => done)) return '';
  return section(
    'Langkah penyiapan kantor',
    'Setting up the office',
    `<ol class="steps">${steps
      .map(([done, id, en, href]) => `<li class="${done ? 'done' : ''}"><span aria-hidden="true">${done ? '✓' : '○'}</span> <a href="#${href}">${bi(id, en)}</a>${done ? ' <span class="sr-only">(selesai)</span>' : ''}</li>`)
      .join('')}</ol>`,
  );
};
