/** The ticket status page's pure view: what the visitor's phone says about one ticket. No personal data exists here. */
import { DateTime } from 'luxon';
import type { PublicTicket } from '../shared/types';

export type Bi = { id: string; en: string };
export type PageState = {
  ticketId: string;
  ticket: PublicTicket | null;
  office: { name: string; timezone: string; serviceNamesEn: Record<string, string> } | null;
  error: 'not_found' | 'network' | null;
  live: 'connecting' | 'live' | 'offline';
  updatedAt: number | null;
};
export type StatusKind = 'outside' | 'inside' | 'called' | 'serving' | 'done' | 'no_show' | 'expired';

export const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const bi = (t: Bi, cls = ''): string => `<span class="bi ${cls}"><span class="id">${esc(t.id)}</span><span class="en" lang="en">${esc(t.en)}</span></span>`;

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** Where the visitor stands, in words. A waiting ticket without a position is not of today's queue any more. */
export const statusOf = (t: PublicTicket): { kind: StatusKind; title: Bi; detail: Bi } => {
  const counter = t.counter ?? '?';
  switch (t.status) {
    case 'called':
      return { kind: 'called', title: { id: `Dipanggil ke loket ${counter}`, en: `Called to counter ${counter}` }, detail: { id: `Silakan segera menuju loket ${counter}.`, en: `Please go to counter ${counter} now.` } };
    case 'serving':
      return { kind: 'serving', title: { id: `Sedang dilayani di loket ${counter}`, en: `Being served at counter ${counter}` }, detail: { id: 'Terima kasih atas kesabaran Anda.', en: 'Thank you for your patience.' } };
    case 'done':
      return { kind: 'done', title: { id: 'Selesai', en: 'Done' }, detail: { id: 'Layanan Anda sudah selesai. Terima kasih telah datang.', en: 'Your service is complete. Thank you for coming.' } };
    case 'no_show':
      return { kind: 'no_show', title: { id: 'Terlewat', en: 'Missed' }, detail: { id: 'Nomor Anda sudah dipanggil tetapi Anda tidak hadir. Silakan hubungi petugas.', en: 'Your number was called but you were not there. Please see a staff member.' } };
    case 'waiting':
      if (t.position === null) return { kind: 'expired', title: { id: 'Tiket tidak berlaku lagi', en: 'Ticket no longer valid' }, detail: { id: `Tiket ini untuk tanggal ${t.date}.`, en: `This ticket was for ${t.date}.` } };
      return t.waitOutside
        ? { kind: 'outside', title: { id: 'Tunggu di luar', en: 'Please wait outside' }, detail: { id: 'Ruang tunggu sedang penuh. Halaman ini memberi tahu saat Anda boleh masuk.', en: 'The waiting room is full. This page tells you when to come in.' } }
        : { kind: 'inside', title: { id: 'Silakan masuk', en: 'Please come in' }, detail: { id: 'Tunggu di ruang tunggu sampai nomor Anda dipanggil.', en: 'Wait in the waiting room until your number is called.' } };
  }
};

const waitText = (minutes: number | null): Bi =>
  minutes === null ? { id: '—', en: '—' } : minutes === 0 ? { id: 'Berikutnya', en: 'You are next' } : { id: `± ${minutes} menit`, en: `about ${minutes} min` };

const aheadText = (position: number): Bi =>
  position <= 1 ? { id: 'Anda berikutnya', en: 'You are next' } : { id: `${position - 1} orang di depan Anda`, en: `${position - 1} ahead of you` };

const issuedText = (t: PublicTicket, zone: string | undefined): string => {
  const dt = DateTime.fromISO(t.issuedAt, { setZone: true });
  const local = (zone ? dt.setZone(zone) : dt).setLocale('id');
  return `${local.toFormat('cccc, d LLLL yyyy · HH.mm')} ${zone ? (ZONE_NAMES[zone] ?? '') : ''}`.trim();
};

const liveText = (s: PageState): string => {
  const at = s.updatedAt ? DateTime.fromMillis(s.updatedAt).toFormat('HH.mm.ss') : '';
  if (s.live === 'live') return `<span class="live on">${bi({ id: `Diperbarui langsung · ${at}`, en: 'Live updates' })}</span>`;
  if (s.live === 'connecting') return `<span class="live">${bi({ id: 'Menyambung…', en: 'Connecting…' })}</span>`;
  return `<span class="live off">${bi({ id: `Koneksi terputus, mencoba lagi… (terakhir ${at})`, en: 'Connection lost, retrying…' })}</span>`;
};

export const pageHtml = (s: PageState): string => {
  const head = `<header class="top"><div class="office">${esc(s.office?.name ?? 'Giliran')}</div><div class="sub">${bi({ id: 'Status nomor antrean', en: 'Queue ticket status' })}</div></header>`;
  if (s.error === 'not_found') {
    return `${head}<main class="card"><div class="status expired"><h1 data-testid="status-title">${bi({ id: 'Tiket tidak ditemukan', en: 'Ticket not found' })}</h1><p>${bi({ id: 'Periksa kembali tautan atau kode QR pada tiket Anda.', en: 'Check the link or the QR code on your ticket.' })}</p></div></main>`;
  }
  const t = s.ticket;
  if (!t) {
    const text = s.error === 'network' ? { id: 'Tidak dapat terhubung. Mencoba lagi…', en: 'Cannot connect. Retrying…' } : { id: 'Memuat…', en: 'Loading…' };
    return `${head}<main class="card"><p class="loading">${bi(text)}</p></main>`;
  }
  const st = statusOf(t);
  const waiting = t.status === 'waiting' && t.position !== null;
  return `${head}
    <main class="card">
      <div class="ticket">
        <div class="label">${bi({ id: 'Nomor antrean', en: 'Queue number' })}</div>
        <div class="number" data-testid="number">${esc(t.number)}</div>
        <div class="service">${esc(t.serviceName)}${s.office?.serviceNamesEn[t.service] ? `<span class="en" lang="en">${esc(s.office.serviceNamesEn[t.service]!)}</span>` : ''}</div>
      </div>
      <div class="status ${st.kind}" role="status" aria-live="assertive">
        <h1 data-testid="status-title">${bi(st.title)}</h1>
        <p>${bi(st.detail)}</p>
      </div>
      ${
        waiting
          ? `<div class="facts">
              <div><span class="k">${bi({ id: 'Posisi', en: 'Position' })}</span><span class="v" data-testid="position">${t.position}</span><span class="s">${bi(aheadText(t.position!), 'small')}</span></div>
              <div><span class="k">${bi({ id: 'Perkiraan tunggu', en: 'Estimated wait' })}</span><span class="v" data-testid="wait">${bi(waitText(t.estimatedWaitMinutes))}</span></div>
            </div>`
          : ''
      }
      <p class="issued">${bi({ id: `Diambil ${issuedText(t, s.office?.timezone)}`, en: 'Issued' }, 'small')}</p>
      <div class="foot">${liveText(s)}</div>
      <p class="note">${bi({ id: 'Biarkan halaman ini terbuka; statusnya berubah sendiri. Halaman ini tidak memuat data pribadi.', en: 'Keep this page open; it updates by itself. It holds no personal data.' }, 'small')}</p>
    </main>`;
};

/** The browser tab's title, so a phone with several tabs still shows the call. */
export const titleOf = (s: PageState): string => {
  const t = s.ticket;
  if (!t) return 'Status antrean · Giliran';
  const st = statusOf(t);
  return st.kind === 'called' ? `🔔 ${t.number} → Loket ${t.counter ?? ''}` : `${t.number} · ${st.title.id}`;
};
