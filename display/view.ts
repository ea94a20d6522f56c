/** The board's pure views: state in, HTML text out. main.ts puts each into its region. */
import { DateTime } from 'luxon';
import type { BoardState, CallEvent } from '../shared/types';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT',
};

/** The office's local clock: "09:30:05", "Selasa, 24 November 2026", "WIB". */
export const officeClock = (epochMs: number, zone: string) => {
  const local = DateTime.fromMillis(epochMs, { zone }).setLocale('id');
  return { time: local.toFormat('HH.mm.ss'), date: local.toFormat('cccc, d LLLL yyyy'), zone: ZONE_NAMES[zone] ?? local.toFormat('ZZZZ') };
};

const timeOf = (iso: string): string => DateTime.fromISO(iso, { setZone: true }).toFormat('HH.mm');

const serviceName = (state: BoardState, code: string): string => state.waiting.find((w) => w.service === code)?.name ?? '';

/**
 * Admitted ticket numbers as runs per letter: ["A031","A032","A033","A035","B002"] → ["A031–A033", "A035", "B002"].
 * A gap is never bridged: a number inside a written range must really be admitted.
 */
export const admittedRanges = (numbers: readonly string[]): string[] => {
  const byPrefix = new Map<string, { seq: number; text: string }[]>();
  for (const number of numbers) {
    const m = /^(\D*)(\d+)$/.exec(number);
    const prefix = m ? m[1]! : number;
    const list = byPrefix.get(prefix) ?? [];
    list.push({ seq: m ? Number(m[2]) : NaN, text: number });
    byPrefix.set(prefix, list);
  }
  const out: string[] = [];
  for (const prefix of [...byPrefix.keys()].sort()) {
    const list = byPrefix.get(prefix)!.sort((a, b) => a.seq - b.seq);
    let start = list[0]!;
    let prev = start;
    for (const item of [...list.slice(1), undefined]) {
      if (item && item.seq === prev.seq + 1) {
        prev = item;
        continue;
      }
      out.push(start === prev ? start.text : `${start.text}–${prev.text}`);
      if (item) start = prev = item;
    }
  }
  return out;
};

export const heroView = (state: BoardState | null, call: CallEvent | null): string => {
  if (!call) {
    return `<div class="hero-empty"><p class="hero-label">Nomor Dipanggil <span class="en">Now calling</span></p>
      <p class="hero-wait">Belum ada panggilan hari ini</p><p class="hero-wait en">No calls yet today</p></div>`;
  }
  const name = state ? serviceName(state, call.service) : '';
  return `<p class="hero-label">${call.recall ? 'Panggilan Ulang <span class="en">Called again</span>' : 'Nomor Dipanggil <span class="en">Now calling</span>'}</p>
    <p class="hero-number" data-testid="hero-number">${escapeHtml(call.number)}</p>
    ${call.comeIn ? '<p class="hero-comein" data-testid="hero-comein">Silakan masuk <span class="en">Please come in</span></p>' : ''}
    <p class="hero-counter"><span class="arrow" aria-hidden="true">➜</span> Loket <strong>${escapeHtml(call.counter)}</strong></p>
    ${name ? `<p class="hero-service">${escapeHtml(name)}</p>` : ''}`;
};

export const recentView = (state: BoardState): string => {
  const rows = state.lastCalls.slice(0, 6);
  if (!rows.length) return '<li class="recent-empty">Belum ada panggilan <span class="en">No calls yet</span></li>';
  return rows
    .map(
      (c, i) => `<li class="${i === 0 ? 'latest' : ''}"><span class="r-number">${escapeHtml(c.number)}${c.recall ? '<span class="tag">ulang</span>' : ''}</span>
        <span class="r-counter">Loket ${escapeHtml(c.counter)}</span>
        <span class="r-time">${timeOf(c.calledAt)}</span></li>`,
    )
    .join('');
};

const COUNTER_STATUS: Record<string, string> = { paused: 'Istirahat', closed: 'Tutup' };

export const countersView = (state: BoardState): string =>
  state.counters
    .map((c) => {
      const idle = c.status !== 'open';
      const body = idle ? `<span class="c-idle">${COUNTER_STATUS[c.status] ?? c.status}</span>` : `<span class="c-number">${c.current ? escapeHtml(c.current) : '—'}</span>`;
      return `<div class="counter ${idle ? 'is-idle' : ''}"><span class="c-name">Loket ${escapeHtml(c.name)}</span>${body}</div>`;
    })
    .join('');

export const waitingView = (state: BoardState): string =>
  state.waiting
    .map(
      (w) => `<li><span class="w-code">${escapeHtml(w.service)}</span><span class="w-name">${escapeHtml(w.name)}</span>
        <span class="w-count"><strong>${w.count}</strong> menunggu</span></li>`,
    )
    .join('');

export const admittedView = (state: BoardState): string => {
  if (state.admitted === null) return '';
  const totalWaiting = state.waiting.reduce((sum, w) => sum + w.count, 0);
  const outside = Math.max(0, totalWaiting - state.admitted.length);
  if (!state.admitted.length) {
    return `<p class="adm-title">Ruang tunggu <span class="en">Waiting room</span></p>
      <p class="adm-range small">Kapasitas ${state.roomCapacity ?? ''} orang. Silakan ambil nomor antrian.</p>`;
  }
  const ranges = admittedRanges(state.admitted);
  const shown = ranges.slice(0, 4).join(', ') + (ranges.length > 4 ? ', …' : '');
  const runs = ranges.slice(0, 4).map((r) => `<span class="run">${escapeHtml(r)}</span>`).join(', ') + (ranges.length > 4 ? ', …' : '');
  return `<p class="adm-title">Silakan masuk <span class="en">Please come in</span></p>
    <p class="adm-range ${shown.length > 26 ? 'long' : shown.length > 13 ? 'medium' : ''}" data-testid="admitted">${runs}</p>
    <p class="adm-note">${outside ? `${outside} nomor lain menunggu di luar hingga dipersilakan masuk` : `Kapasitas ruang tunggu ${state.roomCapacity ?? ''} orang`}</p>`;
};

export const tickerView = (state: BoardState): string => {
  const items = state.notices.length
    ? state.notices.map((n) => `<span class="t-id">${escapeHtml(n.text)}</span>${n.textEn ? `<span class="t-en">${escapeHtml(n.textEn)}</span>` : ''}`)
    : [`<span class="t-id">Selamat datang di ${escapeHtml(state.office.name)}. Mohon menunggu hingga nomor Anda dipanggil.</span><span class="t-en">Please wait until your number is called.</span>`];
  // Twice in a row, so the scrolling band loops without a gap.
  const band = items.map((i) => `<span class="t-item">${i}</span>`).join('');
  return `<div class="ticker-band">${band}${band}</div>`;
};

export const statusView = (status: 'connecting' | 'online' | 'offline' | 'unknown-office'): string => {
  if (status === 'online') return '';
  if (status === 'unknown-office') return 'Kantor tidak ditemukan <span class="en">Unknown office</span>';
  if (status === 'connecting') return 'Menyambungkan… <span class="en">Connecting…</span>';
  return 'Terputus — menyambung ulang… <span class="en">Offline, reconnecting…</span>';
};
