/**
 * The printed ticket for a thermal roll printer (80 mm, or 58 mm): black on white, no
 * backgrounds, one page exactly as long as the ticket so the printer cuts right under it.
 */
import type { KioskServiceState, PublicTicket } from '../shared/types';
import type { PaperWidth } from './settings';
import { priorityLabel } from './texts';
import { esc, localDateTime, phoneText, sessionText } from './view';

export type PrintInput = {
  ticket: PublicTicket;
  /** The ticket answers a booking's check-in. */
  booked: boolean;
  officeName: string;
  timezone: string;
  service: KioskServiceState | undefined;
  qrSvg: string;
  statusUrl: string;
  kioskName: string;
};

const waitText = (minutes: number | null): string =>
  minutes === null ? '—' : minutes === 0 ? 'segera / next' : `± ${minutes} menit / min`;

/** One fact of the ticket: its label, a colon and a space, then its value (never run together, as "Est. wait± 4 menit" was). */
const fact = (label: string, value: string): string =>
  `<div class="pt-fact"><span class="pt-k">${esc(label)}:</span> <span class="pt-v">${esc(value)}</span></div>`;

export const printTicketHtml = (p: PrintInput): string => {
  const t = p.ticket;
  const when = localDateTime(t.issuedAt, p.timezone);
  const session = sessionText(t, p.timezone);
  return `
    <div class="pt-office">${esc(p.officeName)}</div>
    <div class="pt-label">NOMOR ANTREAN / QUEUE NUMBER</div>
    <div class="pt-number">${esc(t.number)}</div>
    <div class="pt-service">${esc(t.serviceName)}${p.service ? `<br> <span class="pt-en">${esc(p.service.nameEn)}</span>` : ''}</div>
    ${t.priority ? `<div class="pt-box">PRIORITAS: ${esc(priorityLabel(t.priority).id.toUpperCase())} / ${esc(priorityLabel(t.priority).en)}</div>` : ''}
    ${p.booked ? `<div class="pt-box pt-booked">RESERVASI ONLINE / ONLINE BOOKING${session ? `<br> <span class="pt-session">Sesi / Session: ${esc(session)}</span>` : ''}</div>` : ''}
    <div class="pt-facts">
      ${fact('Tanggal / Date', when.date)}
      ${fact('Diambil / Issued', when.time)}
      ${fact('Posisi / Position', String(t.position ?? '—'))}
      ${fact('Perkiraan tunggu / Est. wait', waitText(t.estimatedWaitMinutes))}
    </div>
    ${t.suket ? `<div class="pt-box pt-suket">SUKET: blanko KTP-el habis<br> <small>Anda menerima surat keterangan (suket) sebagai pengganti KTP-el. / No blank card left: you receive a certificate (suket) instead.</small></div>` : ''}
    ${t.waitOutside ? `<div class="pt-box">TUNGGU DI LUAR / WAIT OUTSIDE<br> <small>Ruang tunggu penuh. Pantau di HP kapan boleh masuk.</small></div>` : ''}
    ${p.service?.requirements ? `<div class="pt-req">Syarat: ${esc(p.service.requirements)}<br> <span class="pt-en">${esc(p.service.requirementsEn)}</span></div>` : ''}
    ${p.service?.whatsapp ? `<div class="pt-wa">Info WhatsApp: ${esc(phoneText(p.service.whatsapp.phone))}<br> <span class="pt-en">${esc(p.service.serviceGroup || p.service.whatsapp.label)}</span></div>` : ''}
    <div class="pt-qr">${p.qrSvg}</div>
    <div class="pt-scan">Pindai untuk memantau antrean di HP<br> <span class="pt-en">Scan to follow your turn on your phone</span></div>
    <div class="pt-url">${esc(p.statusUrl)}</div>
    <div class="pt-foot">${esc(p.kioskName)} · Giliran</div>`;
};

/** Millimetres of CSS px at 96 px per inch, as print uses. */
export const pxToMm = (px: number): number => (px * 25.4) / 96;

/** The @page rule for one ticket: the paper's width, and its height measured from the laid-out ticket. */
export const pageRule = (paper: PaperWidth, heightMm: number): string =>
  `@page { size: ${paper}mm ${Math.ceil(heightMm + 4)}mm; margin: 0; }`;
