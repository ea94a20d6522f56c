/**
 * The proof of booking ("Bukti Reservasi"): what a visitor saves as an image or prints and shows at
 * the kiosk. The same words for both: the office, the code and its QR, the service, the time, the
 * masked NIK, what to bring and the check-in window. The PNG is drawn in the phone (proofImage.ts,
 * loaded on the first tap); the print sheet is part of the page, shown only by the print stylesheet.
 */
import './proof.css';
import type { BookingView } from '../shared/types';
import { slotWhen } from './format';
import { esc } from './html';
import { serviceOf, type State } from './state';
import { t, type Lang } from './texts';

export type ProofData = {
  lang: Lang;
  office: string;
  title: string;
  codeLabel: string;
  code: string;
  rows: { label: string; value: string }[];
  kiosk: string;
  /** The check-in window ("… paling cepat 30 menit sebelum sesi dimulai."), empty when the office is unknown. */
  checkIn: string;
  qrLabel: string;
  fileName: string;
};

/** The booking's requirements in the page's language: the booking's own, else its service's. */
const requirementsOf = (state: State, booking: BookingView): string => {
  const { lang } = state;
  const service = serviceOf(state, booking.service);
  return (lang === 'id' ? booking.requirements : booking.requirementsEn || booking.requirements)
    || (service ? (lang === 'id' ? service.requirements : service.requirementsEn || service.requirements) : '')
    || '';
};

export const proofData = (state: State): ProofData => {
  const { lang } = state;
  const booking = state.booking!;
  const office = state.office?.id === booking.office ? state.office : null;
  const service = serviceOf(state, booking.service);
  const serviceName = service ? (lang === 'id' ? service.name : service.nameEn || service.name) : booking.serviceName;
  const req = requirementsOf(state, booking);
  return {
    lang,
    office: office?.name ?? booking.office,
    title: t(lang, 'proofTitle'),
    codeLabel: t(lang, 'bookingCode'),
    code: booking.code,
    rows: [
      { label: t(lang, 'service'), value: `${booking.service} · ${serviceName}` },
      // The time and its zone ("08.00–09.00 WIB") stay on one line.
      { label: t(lang, 'when'), value: slotWhen(booking.date, booking.start, booking.end, office?.timezone ?? 'Asia/Jakarta', lang).replace(/ (\S+)$/, '\u00a0$1') },
      { label: t(lang, 'nikMasked'), value: booking.nikMasked },
      ...(req ? [{ label: t(lang, 'requirements'), value: req }] : []),
    ],
    kiosk: t(lang, 'proofKiosk'),
    checkIn: office ? t(lang, 'checkInFrom', { minutes: office.checkInEarlyMinutes }) : '',
    qrLabel: t(lang, 'qrLabel', { code: booking.code }),
    fileName: `giliran-${booking.code}.png`,
  };
};

/** The two buttons, for a booked booking only (a cancelled or used one proves nothing). */
export const proofButtons = (state: State): string =>
  state.booking?.status === 'booked'
    ? `<button type="button" data-action="proof-image">${esc(t(state.lang, 'proofSave'))}</button>
      <button type="button" data-action="proof-print">${esc(t(state.lang, 'proofPrint'))}</button>`
    : '';

/** The sheet that prints: hidden on screen (proof.css), its QR filled with the code card's (main.ts drawQr). */
export const proofSheet = (state: State): string => {
  if (state.booking?.status !== 'booked') return '';
  const p = proofData(state);
  return `<div class="proof-sheet" lang="${p.lang}">
      <p class="proof-office">${esc(p.office)}</p>
      <p class="proof-title">${esc(p.title)}</p>
      <p class="proof-label">${esc(p.codeLabel)}</p>
      <p class="proof-code">${esc(p.code)}</p>
      <div class="qr proof-qr" role="img" aria-label="${esc(p.qrLabel)}">${state.qrSvg ?? ''}</div>
      <dl>${p.rows.map((r) => `<dt>${esc(r.label)}</dt><dd>${esc(r.value)}</dd>`).join('')}</dl>
      <p class="proof-kiosk"><strong>${esc(p.kiosk)}</strong>${p.checkIn ? `<br />${esc(p.checkIn)}` : ''}</p>
    </div>`;
};

let saving: Promise<string> | null = null;

/** Draws the proof and downloads it; answers the file's name. One at a time (a double tap makes one file). */
export const saveProofImage = (state: State): Promise<string> => {
  const data = proofData(state);
  saving ??= import('./proofImage')
    .then((m) => m.downloadProofImage(data))
    .finally(() => {
      saving = null;
    });
  return saving;
};
