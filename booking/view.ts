/** The booking pages' pure views: state in, HTML text out. Every server text is escaped. */
import { confirmScreen } from './confirmView';
import type { BookingView } from '../shared/types';
import { slotWhen, zoneName } from './format';
import { alerts, backButton, dayAndSlotPicker, esc, field, heading } from './html';
import { findScreen, manageScreen, rescheduleScreen } from './manageView';
import { calendarLink, contactsHtml, hoursHtml, officeNews, serviceWhatsapp, ticketHtml, whatsappOnlyHtml } from './parts';
import { proofButtons, proofSheet } from './proof';
import { selectedSlot, serviceOf, type State } from './state';
import { byChannel, pickBilingual, t, type Lang } from './texts';

const BOOK_SCREENS = new Set(['offices', 'services', 'slots', 'form', 'confirm', 'done']);

export const pageHtml = (state: State): string => {
  const { lang } = state;
  const inBooking = BOOK_SCREENS.has(state.screen);
  return `<header class="top">
      <div class="brand"><p class="name">Giliran</p><h1>${esc(t(lang, 'appTitle'))}</h1></div>
      <button type="button" class="lang" data-action="lang" lang="${lang === 'id' ? 'en' : 'id'}" aria-label="${esc(t(lang, 'switchLangLabel'))}">${esc(t(lang, 'switchLang'))}</button>
    </header>
    <nav class="tabs" aria-label="${esc(t(lang, 'appTitle'))}">
      <button type="button" data-action="nav-book" ${inBooking ? 'aria-current="page"' : ''}>${esc(t(lang, 'navBook'))}</button>
      <button type="button" data-action="nav-manage" ${inBooking ? '' : 'aria-current="page"'}>${esc(t(lang, 'navManage'))}</button>
    </nav>
    <main id="main">${screenHtml(state)}</main>`;
};

export const screenHtml = (state: State): string => {
  if (state.loading) return `${alerts(state)}<p class="loading" role="status" data-focus tabindex="-1">${esc(t(state.lang, 'loading'))}</p>`;
  switch (state.screen) {
    case 'offices':
      return officesScreen(state);
    case 'services':
      return servicesScreen(state);
    case 'slots':
      return slotsScreen(state);
    case 'form':
      return formScreen(state);
    case 'confirm':
      return confirmScreen(state);
    case 'done':
      return doneScreen(state);
    case 'find':
      return findScreen(state);
    case 'manage':
      return manageScreen(state);
    case 'reschedule':
      return rescheduleScreen(state);
  }
};

const step = (lang: Lang, n: number) => t(lang, 'step', { n });

const officesScreen = (state: State): string => {
  const { lang } = state;
  const offices = state.offices ?? [];
  return `${heading(t(lang, 'chooseOffice'))}${alerts(state)}
    ${offices.length === 0 ? `<p class="note">${esc(t(lang, 'noOffices'))}</p>` : ''}
    <ul class="choices">${offices
      .map((o) => `<li><button type="button" class="choice" data-action="office" data-id="${esc(o.id)}"><strong>${esc(o.name)}</strong>
        <span>${esc(zoneName(o.timezone))}</span></button></li>`)
      .join('')}</ul>
    ${state.offices ? '' : `<button type="button" data-action="retry">${esc(t(lang, 'retry'))}</button>`}`;
};

const servicesScreen = (state: State): string => {
  const { lang } = state;
  const office = state.office!;
  const services = office.services
    .map((s) => {
      const name = lang === 'id' ? s.name : s.nameEn || s.name;
      const req = lang === 'id' ? s.requirements : s.requirementsEn || s.requirements;
      const inner = `<strong>${esc(s.code)} · ${esc(name)}</strong>${req ? `<span class="req"><b>${esc(t(lang, 'requirements'))}:</b> ${esc(req)}</span>` : ''}${serviceWhatsapp(s, lang)}`;
      const today = s.closedToday ? `<span class="why">${esc(t(lang, 'closedToday', { reason: pickBilingual(s.closedToday, lang) }))}</span>` : '';
      if (!s.bookable) return `<li class="choice off">${inner}${whatsappOnlyHtml(s, lang) || `<span class="why">${esc(t(lang, 'notBookable'))}</span>`}</li>`;
      return `<li><button type="button" class="choice" data-action="service" data-code="${esc(s.code)}">${inner}${today}</button></li>`;
    })
    .join('');
  const many = (state.offices?.length ?? 0) > 1;
  return `${heading(t(lang, 'chooseService'), step(lang, 1))}
    <p class="office">${esc(office.name)}${many ? ` · <button type="button" class="link" data-action="change-office">${esc(t(lang, 'changeOffice'))}</button>` : ''}</p>
    ${alerts(state)}${officeNews(office, lang)}
    <ul class="choices">${services}</ul>
    ${contactsHtml(office, lang)}${hoursHtml(office, lang)}`;
};

const slotsScreen = (state: State): string => {
  const { lang } = state;
  const service = serviceOf(state)!;
  const name = lang === 'id' ? service.name : service.nameEn || service.name;
  return `${backButton(lang, 'to-services')}${heading(t(lang, 'chooseDay'), step(lang, 2))}
    <p class="office">${esc(state.office!.name)} · <strong>${esc(name)}</strong></p>
    ${alerts(state)}${dayAndSlotPicker(state, state.office!.timezone)}`;
};

const summaryHtml = (state: State, booking?: BookingView): string => {
  const { lang } = state;
  const office = state.office!;
  const service = serviceOf(state, booking?.service ?? state.service)!;
  const slot = booking ?? selectedSlot(state)!;
  return `<dl class="summary">
    <div><dt>${esc(t(lang, 'office'))}</dt><dd>${esc(office.name)}</dd></div>
    <div><dt>${esc(t(lang, 'service'))}</dt><dd>${esc(lang === 'id' ? service.name : service.nameEn || service.name)}</dd></div>
    <div><dt>${esc(t(lang, 'when'))}</dt><dd>${esc(slotWhen(slot.date, slot.start, slot.end, office.timezone, lang))}</dd></div>
  </dl>`;
};

const formScreen = (state: State): string => {
  const { lang, form } = state;
  return `${backButton(lang, 'to-slots')}${heading(t(lang, 'yourData'), step(lang, 3))}
    ${summaryHtml(state)}${alerts(state)}
    <form data-form="book" novalidate>
      ${field(state, { name: 'nik', label: 'nik', hint: t(lang, 'nikHint'), value: form.nik, attrs: 'inputmode="numeric" autocomplete="off" maxlength="24" required' })}
      ${field(state, { name: 'name', label: 'name', value: form.name, attrs: 'autocomplete="name" maxlength="100" required' })}
      ${field(state, { name: 'phone', label: 'phone', hint: t(lang, byChannel('phoneHint', state.office?.messagesBy)), value: form.phone, attrs: 'type="tel" inputmode="tel" autocomplete="tel" maxlength="24" required' })}
      <p id="phone-preview" class="preview"></p>
      <div id="pow-slot" class="pow"></div>
      <button type="submit" class="primary" ${state.busy ? 'disabled aria-busy="true"' : ''}>${esc(t(lang, state.busy ? 'sending' : 'submitBooking'))}</button>
    </form>`;
};

const doneScreen = (state: State): string => {
  const { lang } = state;
  const booking = state.booking!;
  const service = serviceOf(state, booking.service);
  // The booking answer carries its service's requirements; the office's list is the fallback.
  const req = (lang === 'id' ? booking.requirements : booking.requirementsEn || booking.requirements)
    || (service ? (lang === 'id' ? service.requirements : service.requirementsEn || service.requirements) : '');
  return `${heading(t(lang, 'booked'), step(lang, 4), true)}${alerts(state)}
    ${ticketHtml(state, booking)}
    <p class="note">${esc(t(lang, 'keepCode'))}</p>${state.office?.messagesBy === 'none' ? `
    <p class="note" id="no-message-note">${esc(t(lang, 'keepCodeNoMessage'))}</p>` : ''}
    ${summaryHtml(state, booking)}
    <p>${esc(t(lang, 'atKiosk'))}${state.office ? ` ${esc(t(lang, 'checkInFrom', { minutes: state.office.checkInEarlyMinutes }))}` : ''}</p>
    ${req ? `<section class="bring" aria-labelledby="bring-title"><h3 id="bring-title">${esc(t(lang, 'whatToBring'))}</h3><p>${esc(req)}</p></section>` : ''}
    <dl class="summary small">
      <div><dt>${esc(t(lang, 'nikMasked'))}</dt><dd>${esc(booking.nikMasked)}</dd></div>
      <div><dt>${esc(t(lang, 'phoneMasked'))}</dt><dd>${esc(booking.phoneMasked)}</dd></div>
    </dl>
    <div class="actions">
      ${calendarLink(state, booking)}
      ${proofButtons(state)}
      <button type="button" data-action="manage-this">${esc(t(lang, 'manageThis'))}</button>
      <button type="button" class="link" data-action="book-again">${esc(t(lang, 'bookAnother'))}</button>
    </div>${proofSheet(state)}`;
};
