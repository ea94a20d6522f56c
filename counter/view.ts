/** The counter screen's pure views and rules of what may be pressed: desk state in, HTML text out. */
import type { StaffState } from '../shared/protocol';
import type { CounterView, TicketStatus } from '../shared/types';
import type { NoShowEntry, StaffTicketDetails } from '../shared/staffTypes';
import { heldAtCounter, stepsFrom, type TicketStep } from '../shared/ticketSteps';

export type Me = { id: number; username: string; displayName: string; role: 'admin' | 'supervisor' | 'counter' | 'assistant'; officeId: string | null };
export type ServiceName = { code: string; name: string };
export type Link = 'connecting' | 'online' | 'offline';

export type Desk = {
  me: Me;
  officeId: string;
  officeName: string;
  services: ServiceName[];
  counterId: number;
  queue: StaffState | null;
  details: StaffTicketDetails | null;
  noShows: NoShowEntry[];
  /** The no-show staff picked in the list: K acts on it only, after a confirmation. */
  selectedNoShow: string | null;
  /** Services closed today (code → reason): a transfer into one is an urgent case. */
  closedServices: Record<string, string>;
  /** The last holder check of the current ticket: its ticket and answer (never the digits typed). */
  holderCheck: { ticketId: string; match: boolean } | null;
  busy: boolean;
  link: Link;
};

export type Action = 'call' | 'recall' | 'start' | 'complete' | 'noShow' | 'transfer' | 'requeue' | 'pause';

/** Buttons and their keys: Indonesian mnemonics (Panggil, Ulang, Mulai, Selesai, Tidak hadir, Alihkan, Kembalikan, Jeda). */
export const ACTIONS: { action: Action; key: string; label: string; en: string; tone: string }[] = [
  { action: 'call', key: 'P', label: 'Panggil berikutnya', en: 'Call next', tone: 'primary' },
  { action: 'recall', key: 'U', label: 'Panggil ulang', en: 'Recall', tone: '' },
  { action: 'start', key: 'M', label: 'Mulai layani', en: 'Start', tone: '' },
  { action: 'complete', key: 'S', label: 'Selesai', en: 'Complete', tone: 'success' },
  { action: 'noShow', key: 'T', label: 'Tidak hadir', en: 'No-show', tone: 'danger' },
  { action: 'transfer', key: 'A', label: 'Alihkan layanan', en: 'Transfer', tone: '' },
  { action: 'requeue', key: 'K', label: 'Kembalikan ke antrean', en: 'Requeue', tone: '' },
  { action: 'pause', key: 'J', label: 'Jeda loket', en: 'Pause', tone: 'muted' },
];

export const actionForKey = (key: string): Action | undefined => ACTIONS.find((a) => a.key === key.toUpperCase())?.action;

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "2026-11-24T09:30:00.000+07:00" → "09.30": the instant is already in the office's zone. */
const hhmm = (iso: string | null | undefined): string => (iso ? iso.slice(11, 16).replace(':', '.') : '');

export const STATUS_LABEL: Record<TicketStatus, string> = {
  waiting: 'Menunggu', called: 'Dipanggil', serving: 'Sedang dilayani', done: 'Selesai', no_show: 'Tidak hadir',
};
const PRIORITY_LABEL: Record<string, string> = { elderly: 'Lansia', disabled: 'Disabilitas', pregnant: 'Ibu hamil' };
const COUNTER_STATUS: Record<CounterView['status'], string> = { open: 'Buka', paused: 'Dijeda', closed: 'Tutup' };

export const myCounter = (desk: Desk): CounterView | undefined => desk.queue?.counters.find((c) => c.id === desk.counterId);

/** The buttons for the steps the ticket at the counter may take (shared/ticketSteps.ts); calling and requeueing have their own. */
const STEP_BUTTON: Partial<Record<TicketStep, Action>> = { recall: 'recall', start: 'start', complete: 'complete', no_show: 'noShow', transfer: 'transfer' };

export const availableActions = (desk: Desk): Set<Action> => {
  const out = new Set<Action>();
  const counter = myCounter(desk);
  if (!counter || desk.busy) return out;
  const current = counter.current && heldAtCounter(counter.current.status) ? counter.current : undefined;
  out.add('pause');
  if (counter.status === 'open' && !current) out.add('call');
  for (const step of current ? stepsFrom(current.status) : []) {
    const button = STEP_BUTTON[step];
    // Transferring needs another service to go to.
    if (button && (step !== 'transfer' || desk.services.length > 1)) out.add(button);
  }
  if (desk.noShows.some((n) => n.id === desk.selectedNoShow)) out.add('requeue');
  return out;
};

/** Whether this signed-in role may serve an urgent case (domain/urgentCase): supervisors and admins. */
export const mayDecideUrgent = (desk: Pick<Desk, 'me'>): boolean => desk.me.role === 'admin' || desk.me.role === 'supervisor';

/**
 * Why pressing an action did nothing, in the words a clerk needs: what state stops it and what to
 * do instead. Undefined when the action is available.
 */
export const whyNot = (desk: Desk, action: Action): string | undefined => {
  if (availableActions(desk).has(action)) return undefined;
  const counter = myCounter(desk);
  if (!counter) return 'Loket belum dimuat. Tunggu sebentar.';
  // Only waiting for an answer: say so; otherwise the state's own reason, even while one is awaited.
  if (desk.busy && availableActions({ ...desk, busy: false }).has(action)) return 'Permintaan sebelumnya masih diproses. Tunggu sebentar.';
  const current = counter.current && heldAtCounter(counter.current.status) ? counter.current : undefined;
  const key = ACTIONS.find((a) => a.action === action)!.key;
  switch (action) {
    case 'call':
      if (current) return `Loket masih menangani ${current.number}: selesaikan dulu (S, T atau A).`;
      return counter.status === 'paused'
        ? 'Loket dijeda: tidak ada panggilan. Tekan J untuk membuka kembali.'
        : 'Loket tutup: tidak ada panggilan. Tekan J untuk membuka.';
    case 'requeue':
      return desk.noShows.length
        ? 'Pilih dulu nomor di daftar "Tidak hadir hari ini", lalu tekan K.'
        : 'Belum ada nomor tidak hadir hari ini untuk dikembalikan.';
    case 'transfer':
      if (current && desk.services.length <= 1) return 'Tidak ada layanan lain untuk tujuan pengalihan.';
      break;
  }
  if (!current) return `Tombol ${key} tidak dapat dipakai sekarang: tidak ada nomor aktif di loket ini.`;
  return `Tombol ${key} tidak dapat dipakai sekarang: nomor ${current.number} berstatus ${STATUS_LABEL[current.status].toLowerCase()}.`;
};

export const serviceName = (desk: Pick<Desk, 'services'>, code: string): string => desk.services.find((s) => s.code === code)?.name ?? code;

export const loginView = (message?: string): string => `
  <main class="login">
    <form class="card login-card" id="login-form" novalidate>
      <div class="login-brand"><span class="logo" aria-hidden="true">G</span><div><h1>Giliran · Loket</h1><p class="muted">Masuk untuk melayani antrean <span class="en">Sign in to serve the queue</span></p></div></div>
      <label>Nama pengguna <span class="en">Username</span><input name="username" autocomplete="username" required autofocus /></label>
      <label>Kata sandi <span class="en">Password</span><input name="password" type="password" autocomplete="current-password" required /></label>
      <p class="form-error" id="login-error" role="alert">${message ? escapeHtml(message) : ''}</p>
      <button class="btn primary wide" type="submit">Masuk <span class="en">Sign in</span></button>
    </form>
  </main>`;

/** `officeChoice`: for a deployment-wide admin, the offices to pick the counter's office among. */
export const chooserView = (
  officeName: string,
  counters: CounterView[],
  services: ServiceName[],
  officeChoice?: { offices: { id: string; name: string }[]; current: string },
): string => `
  <main class="chooser">
    <div class="card chooser-card">
      <h1>Pilih loket <span class="en">Choose your counter</span></h1>
      ${officeChoice
        ? `<label class="office-choice">Kantor <span class="en">Office</span><select id="office-choice">${officeChoice.offices
            .map((o) => `<option value="${escapeHtml(o.id)}" ${o.id === officeChoice.current ? 'selected' : ''}>${escapeHtml(o.name)}</option>`)
            .join('')}</select></label>`
        : ''}
      <p class="muted">${escapeHtml(officeName)} — pilihan ini diingat di komputer ini. <span class="en">Remembered on this computer.</span></p>
      <div class="counter-grid">
        ${counters
          .map(
            (c) => `<button class="counter-choice" data-counter="${c.id}" type="button">
              <span class="cc-name">Loket ${escapeHtml(c.name)}</span>
              <span class="cc-services">${c.services.map((code) => `<span class="svc">${escapeHtml(code)}</span> ${escapeHtml(serviceName({ services }, code))}`).join('<br />')}</span>
              <span class="pill ${c.status}">${COUNTER_STATUS[c.status]}</span>
            </button>`,
          )
          .join('')}
      </div>
      ${counters.length ? '' : '<p class="form-error">Belum ada loket di kantor ini. Hubungi admin.</p>'}
      <button class="btn ghost" type="button" data-action-id="logout">Keluar <span class="en">Sign out</span></button>
    </div>
  </main>`;

export const headerView = (desk: Desk): string => {
  const counter = myCounter(desk);
  const linkText = desk.link === 'online' ? 'Terhubung' : desk.link === 'connecting' ? 'Menyambungkan…' : 'Terputus';
  return `
    <div class="brand"><span class="logo small" aria-hidden="true">G</span><div><h1 class="desk-title">Giliran · Loket ${escapeHtml(counter?.name ?? '')}</h1><span class="muted">${escapeHtml(desk.officeName)}</span></div></div>
    <div class="head-right">
      ${counter ? `<span class="pill ${counter.status}" data-testid="counter-status">${COUNTER_STATUS[counter.status]}</span>` : ''}
      <span class="link ${desk.link}" title="Koneksi langsung"><span class="dot"></span>${linkText}</span>
      <span class="user">${escapeHtml(desk.me.displayName)}</span>
      ${mayDecideUrgent(desk) ? '<button class="btn ghost small" type="button" data-action-id="urgent-ticket">Nomor mendesak</button>' : ''}
      <button class="btn ghost small" type="button" data-action-id="change-counter">Ganti loket</button>
      <button class="btn ghost small" type="button" data-action-id="logout">Keluar</button>
    </div>`;
};

export const currentView = (desk: Desk): string => {
  const counter = myCounter(desk);
  if (!counter) return '<p class="muted">Memuat… <span class="en">Loading…</span></p>';
  const current = counter.current && (counter.current.status === 'called' || counter.current.status === 'serving') ? counter.current : undefined;
  if (counter.status !== 'open' && !current) {
    return `<div class="idle"><p class="idle-title">Loket ${counter.status === 'paused' ? 'dijeda' : 'tutup'}</p>
      <p class="muted">Tidak menerima panggilan. Tekan <kbd>J</kbd> untuk membuka kembali. <span class="en">Press J to reopen.</span></p></div>`;
  }
  if (!current) {
    const mine = counter.services.reduce((n, code) => n + waitingCount(desk, code), 0);
    return `<div class="idle"><p class="idle-title">Tidak ada nomor aktif</p>
      <p class="muted">${mine ? `${mine} nomor menunggu untuk loket ini.` : 'Belum ada yang menunggu untuk loket ini.'} Tekan <kbd>P</kbd> untuk memanggil. <span class="en">Press P to call the next ticket.</span></p></div>`;
  }
  const d = desk.details?.id === current.id ? desk.details : null;
  const pausedNote = counter.status === 'open' ? '' : `<p class="paused-note">Loket ${counter.status === 'paused' ? 'dijeda' : 'tutup'}: tidak ada panggilan baru setelah nomor ini. <span class="en">No new calls after this ticket.</span></p>`;
  const booking = d?.booking;
  const who = !d
    ? '<p class="muted">Memuat rincian…</p>'
    : booking
      ? `<dl class="booking">
          <dt>Nama</dt><dd data-testid="holder-name">${booking.name ? escapeHtml(booking.name) : '<span class="muted">(data sudah dihapus)</span>'}</dd>
          <dt>NIK</dt><dd class="mono" data-testid="holder-nik">${escapeHtml(booking.nikMasked || '—')}</dd>
          ${booking.name !== null && booking.nikMasked ? `<dt>Cek KTP</dt><dd>${holderCheckView(desk, current.id)}</dd>` : ''}
          <dt>Reservasi</dt><dd class="mono">${escapeHtml(booking.code)} · sesi ${escapeHtml(booking.slot.replace(/:/g, '.'))}</dd>
          ${booking.phoneMasked ? `<dt>WhatsApp</dt><dd class="mono">${escapeHtml(booking.phoneMasked)}</dd>` : ''}
        </dl>`
      : '<p class="walkin">Antrian langsung — tanpa reservasi <span class="en">Walk-in</span></p>';
  return `${pausedNote}
    <div class="current-head">
      <div>
        <p class="label">Nomor aktif <span class="en">Current ticket</span></p>
        <p class="current-number" data-testid="current-number">${escapeHtml(current.number)}</p>
      </div>
      <div class="current-meta">
        <span class="pill status-${current.status}">${STATUS_LABEL[current.status]}</span>
        <p><span class="svc">${escapeHtml(current.service)}</span> ${escapeHtml(serviceName(desk, current.service))}</p>
        ${d?.priority ? `<p class="priority">Prioritas: ${PRIORITY_LABEL[d.priority] ?? d.priority}</p>` : ''}
        ${d?.urgentReason ? `<p class="urgent-flag" data-testid="urgent-flag"><strong>MENDESAK</strong> ${escapeHtml(d.urgentReason)}</p>` : ''}
        ${d && current.status === 'called' ? `<p class="muted">Dipanggil ${hhmm(d.calledAt)} · panggilan ulang ${d.recallCount} dari ${d.recallLimit}</p>` : ''}
        ${d && current.status === 'serving' ? `<p class="muted">Dilayani sejak ${hhmm(d.startedAt)}</p>` : ''}
      </div>
    </div>
    ${who}
    ${d?.requirements ? `<p class="requirements" data-testid="requirements"><strong>Persyaratan:</strong> ${escapeHtml(d.requirements)}</p>` : ''}
    <p class="next-step">${current.status === 'called'
      ? 'Tunggu warga datang ke loket, lalu tekan <kbd>M</kbd> untuk mulai melayani. Belum datang? <kbd>U</kbd> panggil ulang, atau <kbd>T</kbd> tidak hadir.'
      : 'Setelah selesai tekan <kbd>S</kbd>. Perlu layanan lain? <kbd>A</kbd> alihkan dengan nomor yang sama.'}</p>`;
};

export const actionsView = (desk: Desk): string => {
  const can = availableActions(desk);
  const counter = myCounter(desk);
  return ACTIONS.map(({ action, key, label, en, tone }) => {
    const paused = action === 'pause' && counter && counter.status !== 'open';
    const text = paused ? 'Buka loket' : label;
    const textEn = paused ? 'Reopen' : en;
    // aria-disabled, not disabled: a press of an unavailable button still says why nothing happens.
    return `<button type="button" class="btn action ${paused ? 'primary' : tone}" data-action="${action}" aria-disabled="${can.has(action) ? 'false' : 'true'}">
      <kbd>${key}</kbd><span class="a-label">${text}</span><span class="en">${textEn}</span></button>`;
  }).join('');
};

/** A service's whole waiting count: the queue lists only the first tickets of each service (a bounded page). */
const waitingCount = (desk: Desk, code: string): number =>
  desk.queue?.waitingCounts?.[code] ?? (desk.queue?.waiting ?? []).filter((w) => w.service === code).length;

export const waitingView = (desk: Desk): string => {
  const counter = myCounter(desk);
  const waiting = desk.queue?.waiting ?? [];
  const mine = counter?.services ?? [];
  const columns = mine
    .map((code) => {
      const list = waiting.filter((w) => w.service === code);
      const items = list
        .map(
          (w) => `<li class="${w.priority ? 'prio' : ''}">
            <span class="w-number">${escapeHtml(w.number)}</span>
            <span class="w-info">${w.slot ? `<span class="slot">${escapeHtml(w.slot.replace(/:/g, '.'))}</span>` : '<span class="walk">langsung</span>'}${w.priority ? `<span class="prio-tag">${PRIORITY_LABEL[w.priority] ?? 'Prioritas'}</span>` : ''}${w.waitOutside ? '<span class="outside" title="Menunggu di luar ruangan">di luar</span>' : ''}${w.suket ? '<span class="suket" title="Blanko KTP-el habis: berikan surat keterangan (suket)">suket</span>' : ''}</span>
          </li>`,
        )
        .join('');
      return `<section class="w-col">
        <h3><span class="svc">${escapeHtml(code)}</span> ${escapeHtml(serviceName(desk, code))} <span class="count">${waitingCount(desk, code)}</span></h3>
        <ol>${items || '<li class="empty">Tidak ada yang menunggu</li>'}</ol>${waitingCount(desk, code) > list.length ? `<p class="muted small">+ ${waitingCount(desk, code) - list.length} lainnya</p>` : ''}
      </section>`;
    })
    .join('');
  const others = desk.services
    .filter((s) => !mine.includes(s.code))
    .map((s) => `<span><span class="svc">${escapeHtml(s.code)}</span> ${escapeHtml(s.name)}: <strong>${waitingCount(desk, s.code)}</strong></span>`)
    .join('');
  return `<div class="w-cols">${columns}</div>${others ? `<p class="others">Layanan lain menunggu: ${others}</p>` : ''}`;
};

export const noShowView = (desk: Desk): string => {
  if (!desk.noShows.length) return '<p class="muted empty-line">Belum ada nomor tidak hadir hari ini. <span class="en">No no-shows today.</span></p>';
  const selected = desk.selectedNoShow;
  return `<ul class="noshow-list">${desk.noShows
    .map(
      (n) => `<li class="${n.id === selected ? 'selected' : ''}">
        <button type="button" class="noshow-pick" data-noshow="${n.id}" aria-pressed="${n.id === selected}">
          <span class="w-number">${escapeHtml(n.number)}</span>
          <span class="muted">${hhmm(n.noShowAt)}${n.counter ? ` · loket ${escapeHtml(n.counter)}` : ''}</span>
        </button>
        <button type="button" class="btn small" data-requeue="${n.id}" aria-label="Kembalikan ${escapeHtml(n.number)} ke antrean" ${desk.busy ? 'disabled' : ''}>Kembalikan</button>
      </li>`,
    )
    .join('')}</ul>`;
};

export const transferView = (desk: Desk, currentService: string): string =>
  desk.services
    .filter((s) => s.code !== currentService)
    .map((s, i) => {
      const closed = desk.closedServices[s.code];
      const note = closed === undefined ? '' : `<span class="closed-note">Tutup hari ini — ${mayDecideUrgent(desk) ? 'hanya kasus mendesak, dengan alasan' : 'hanya supervisor (kasus mendesak)'}</span>`;
      return `<button type="button" class="btn transfer-choice${closed === undefined ? '' : ' closed'}" data-transfer="${escapeHtml(s.code)}"><kbd>${i + 1}</kbd><span class="svc">${escapeHtml(s.code)}</span> ${escapeHtml(s.name)}${note}</button>`;
    })
    .join('');

/**
 * The holder check of a booked ticket: a field for the NIK on the KTP (typed, or scanned with
 * Enter) and the last answer. The field is emptied after each check: the digits stay nowhere.
 */
export const holderCheckView = (desk: Pick<Desk, 'holderCheck'>, ticketId: string): string => {
  const last = desk.holderCheck?.ticketId === ticketId ? desk.holderCheck : null;
  const answer = !last
    ? ''
    : last.match
      ? '<span class="check-answer match" data-testid="holder-answer">✓ Cocok <span class="en">Match</span></span>'
      : '<span class="check-answer mismatch" data-testid="holder-answer">✗ Tidak cocok <span class="en">No match</span></span>';
  return `<form class="holder-check" id="holder-check" data-ticket="${escapeHtml(ticketId)}" autocomplete="off" novalidate>
      <input id="holder-nik" name="nik" class="mono" inputmode="numeric" maxlength="24" autocomplete="off" spellcheck="false"
        placeholder="NIK di KTP (N)" aria-label="NIK di KTP pengunjung untuk dicocokkan" />
      <button type="submit" class="btn small">Periksa</button>
      <span aria-live="polite">${answer}</span>
    </form>`;
};

/** The services a supervisor may issue an urgent ticket for: those closed today, with why. */
export const urgentServiceOptions = (desk: Pick<Desk, 'services' | 'closedServices'>): string =>
  desk.services
    .filter((s) => desk.closedServices[s.code] !== undefined)
    .map((s) => `<option value="${escapeHtml(s.code)}">${escapeHtml(s.code)} ${escapeHtml(s.name)} — tutup: ${escapeHtml(desk.closedServices[s.code]!)}</option>`)
    .join('');
