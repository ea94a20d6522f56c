/** Pieces shared by the booking and the manage screens: office news, WhatsApp contacts, hours, the code card. */
import type { BookingView, ServiceInfo, WhatsappContact } from '../shared/types';
import { calendarUrl, type OfficePage } from './api';
import { longDate, prettyPhone, weekdayName, zoneName } from './format';
import { esc } from './html';
import type { State } from './state';
import { pickBilingual, t, type Lang } from './texts';

/** Notices and closures: what a visitor must know before choosing. */
export const officeNews = (office: OfficePage, lang: Lang): string => {
  const serviceName = (code: string | null) => {
    const s = office.services.find((x) => x.code === code);
    return s ? (lang === 'id' ? s.name : s.nameEn || s.name) : t(lang, 'closureAll');
  };
  const notices = office.notices.length
    ? `<section class="notices" aria-labelledby="notices-title"><h3 id="notices-title">${esc(t(lang, 'notices'))}</h3>
        <ul>${office.notices.map((n) => `<li>${esc(lang === 'en' && n.textEn ? n.textEn : n.text)}</li>`).join('')}</ul></section>`
    : '';
  const closures = office.closures.length
    ? `<section class="closures" aria-labelledby="closures-title"><h3 id="closures-title">${esc(t(lang, 'closures'))}</h3>
        <ul>${office.closures
          .map((c) => {
            const span = c.to === null ? `${t(lang, 'closureFrom', { from: longDate(c.from, lang) })}, ${t(lang, 'untilNotice')}`
              : c.from === c.to ? longDate(c.from, lang) : `${longDate(c.from, lang)} – ${longDate(c.to, lang)}`;
            return `<li><strong>${esc(serviceName(c.service))}</strong>: ${esc(span)}. ${esc(pickBilingual(c.reason, lang))}</li>`;
          })
          .join('')}</ul></section>`
    : '';
  return notices + closures;
};

/** WhatsApp contacts, grouped by the service group each one handles. */
export const contactsHtml = (office: OfficePage, lang: Lang): string => {
  if (!office.whatsappContacts.length) return '';
  const groups = new Map<string, WhatsappContact[]>();
  for (const c of office.whatsappContacts) groups.set(c.serviceGroup, [...(groups.get(c.serviceGroup) ?? []), c]);
  return `<section class="contacts" aria-labelledby="wa-title"><h3 id="wa-title">${esc(t(lang, 'whatsapp'))}</h3>
    <p class="hint">${esc(t(lang, 'whatsappHint'))}</p>
    ${[...groups.entries()]
      .map(([group, contacts]) => `${group ? `<h4>${esc(group)}</h4>` : ''}<ul>${contacts
        .map((c) => `<li><a href="https://wa.me/${esc(c.phone.replace(/\D/g, ''))}" rel="noopener" target="_blank">
          <span>${esc(c.label)}</span><span class="num">${esc(prettyPhone(c.phone))}</span></a></li>`)
        .join('')}</ul>`)
      .join('')}</section>`;
};

/** "08:00" → "08.00" in Indonesian. */
const clock = (hhmm: string, lang: Lang): string => (lang === 'id' ? hhmm.replace(':', '.') : hhmm);

export const hoursHtml = (office: OfficePage, lang: Lang): string =>
  office.openingHours.length
    ? `<section class="hours" aria-labelledby="hours-title"><h3 id="hours-title">${esc(t(lang, 'hours'))}</h3><ul>${[...new Set(office.openingHours.map((h) => h.weekday))]
        // One line a day, its intervals together: "08.00–11.30, 13.30–15.00 WIB" (a lunch break, Friday prayer).
        .map((weekday) => {
          const intervals = office.openingHours.filter((h) => h.weekday === weekday).map((h) => `${clock(h.open, lang)}–${clock(h.close, lang)}`);
          return `<li><span>${esc(weekdayName(weekday, lang))}</span><span>${esc(`${intervals.join(', ')} ${zoneName(office.timezone)}`)}</span></li>`;
        })
        .join('')}</ul></section>`
    : '';

/** The booking's code, QR and calendar file: shown after booking and when managing it. */
export const ticketHtml = (state: State, booking: BookingView): string => {
  const { lang } = state;
  return `<div class="code-card">
      <p class="label">${esc(t(lang, 'bookingCode'))}</p>
      <p class="code" aria-label="${esc(booking.code.split('').join(' '))}">${esc(booking.code)}</p>
      ${booking.status === 'booked' ? `<div class="qr" role="img" aria-label="${esc(t(lang, 'qrLabel', { code: booking.code }))}">${state.qrSvg ?? ''}</div>` : ''}
    </div>`;
};

export const calendarLink = (state: State, booking: BookingView): string =>
  `<a class="button" href="${esc(calendarUrl(booking.code, state.nik4))}" download="giliran-${esc(booking.code)}.ics">${esc(t(state.lang, 'addCalendar'))}</a>`;

/** Who answers a service on WhatsApp, by its group's name (OKI: "Pencatatan Sipil") or the contact's label. */
const whatsappWho = (s: ServiceInfo): string => s.serviceGroup || s.whatsapp?.label || '';

/** A service's WhatsApp number as plain text: it sits inside the service's button, where a link cannot. */
export const serviceWhatsapp = (s: ServiceInfo, lang: Lang): string =>
  s.whatsapp && (s.bookable || s.walkIn)
    ? `<span class="wa">${esc(t(lang, 'serviceWhatsapp', { who: whatsappWho(s) }))} <span class="num">${esc(prettyPhone(s.whatsapp.phone))}</span></span>`
    : '';

/** A WhatsApp-only service (neither booked online nor walk-in): its number, as the way to be served. */
export const whatsappOnlyHtml = (s: ServiceInfo, lang: Lang): string =>
  s.whatsapp && !s.bookable && !s.walkIn
    ? `<span class="why">${esc(t(lang, 'whatsappOnly', { who: whatsappWho(s) }))} <a href="https://wa.me/${esc(s.whatsapp.phone.replace(/\D/g, ''))}" rel="noopener" target="_blank">${esc(prettyPhone(s.whatsapp.phone))}</a></span>`
    : '';
