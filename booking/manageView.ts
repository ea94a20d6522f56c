/** Managing a booking: find it with code + NIK's last four, see it, cancel it, move it. Pure views. */
import type { BookingStatus } from '../shared/types';
import { slotWhen } from './format';
import { alerts, backButton, dayAndSlotPicker, esc, field, heading } from './html';
import { selectedSlot, type State } from './state';
import { t, type TextKey } from './texts';
import { calendarLink, contactsHtml, officeNews, ticketHtml } from './parts';
import { proofButtons, proofSheet } from './proof';

const STATUS: Record<BookingStatus, TextKey> = {
  pending: 'statusPending', booked: 'statusBooked', checked_in: 'statusCheckedIn', cancelled: 'statusCancelled', expired: 'statusExpired',
};

export const findScreen = (state: State): string => {
  const { lang } = state;
  return `${heading(t(lang, 'manageTitle'))}
    <p>${esc(t(lang, 'manageIntro'))}</p>${alerts(state)}
    <form data-form="find" novalidate>
      ${field(state, { name: 'code', label: 'code', hint: t(lang, 'codeHint'), value: state.find.code, attrs: 'autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" required' })}
      ${field(state, { name: 'nik4', label: 'nik4', value: state.find.nik4, attrs: 'inputmode="numeric" autocomplete="off" maxlength="4" pattern="[0-9]{4}" required' })}
      <button type="submit" class="primary" ${state.busy ? 'disabled aria-busy="true"' : ''}>${esc(t(lang, state.busy ? 'sending' : 'find'))}</button>
    </form>`;
};

export const manageScreen = (state: State): string => {
  const { lang } = state;
  const booking = state.booking!;
  const office = state.office;
  const zone = office?.timezone ?? 'Asia/Jakarta';
  const service = office?.services.find((s) => s.code === booking.service);
  const serviceName = service ? (lang === 'id' ? service.name : service.nameEn || service.name) : booking.serviceName;
  const actions =
    booking.status !== 'booked'
      ? ''
      : state.confirmCancel
        ? `<div class="confirm" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">${esc(t(lang, 'cancelConfirm'))}</p>
            <div class="actions row">
              <button type="button" class="danger" data-action="cancel-yes" data-focus ${state.busy ? 'disabled aria-busy="true"' : ''}>${esc(t(lang, 'cancelYes'))}</button>
              <button type="button" data-action="cancel-no">${esc(t(lang, 'cancelNo'))}</button>
            </div>
          </div>`
        : `<div class="actions">
            ${calendarLink(state, booking)}
            ${proofButtons(state)}
            <button type="button" data-action="reschedule">${esc(t(lang, 'reschedule'))}</button>
            <button type="button" class="danger-outline" data-action="cancel">${esc(t(lang, 'cancel'))}</button>
          </div>`;
  return `${heading(t(lang, 'yourBooking'))}${alerts(state)}
    ${ticketHtml(state, booking)}
    <dl class="summary">
      <div><dt>${esc(t(lang, 'status'))}</dt><dd><span class="status ${booking.status}">${esc(t(lang, STATUS[booking.status]))}</span></dd></div>
      ${office ? `<div><dt>${esc(t(lang, 'office'))}</dt><dd>${esc(office.name)}</dd></div>` : ''}
      <div><dt>${esc(t(lang, 'service'))}</dt><dd>${esc(serviceName)}</dd></div>
      <div><dt>${esc(t(lang, 'when'))}</dt><dd>${esc(slotWhen(booking.date, booking.start, booking.end, zone, lang))}</dd></div>
      <div><dt>${esc(t(lang, 'nikMasked'))}</dt><dd>${esc(booking.nikMasked)}</dd></div>
      <div><dt>${esc(t(lang, 'phoneMasked'))}</dt><dd>${esc(booking.phoneMasked)}</dd></div>
    </dl>
    ${booking.ticketId ? `<p><a href="/t/${esc(booking.ticketId)}">${esc(t(lang, 'ticketLink'))}</a></p>` : ''}
    ${actions}
    ${office ? officeNews(office, lang) + contactsHtml(office, lang) : ''}${proofSheet(state)}`;
};

export const rescheduleScreen = (state: State): string => {
  const { lang } = state;
  const booking = state.booking!;
  const zone = state.office?.timezone ?? 'Asia/Jakarta';
  const chosen = selectedSlot(state);
  return `${backButton(lang, 'to-manage')}${heading(t(lang, 'rescheduleTitle'))}
    <p class="office"><strong>${esc(t(lang, 'current'))}:</strong> ${esc(slotWhen(booking.date, booking.start, booking.end, zone, lang))}</p>
    <p class="note">${esc(t(lang, 'rescheduleNote'))}</p>${alerts(state)}
    ${dayAndSlotPicker(state, zone, booking.slotId)}
    ${chosen ? `<div class="actions"><div id="pow-slot" class="pow"></div><button type="button" class="primary" data-action="move" ${state.busy ? 'disabled aria-busy="true"' : ''}>
      ${esc(t(lang, state.busy ? 'sending' : 'moveTo', { when: slotWhen(chosen.date, chosen.start, chosen.end, zone, lang) }))}</button></div>` : ''}`;
};
