/**
 * Confirming a pending booking (API.md "Confirmation"): the code sent by WhatsApp is typed here
 * before the place's hold ends. Shown right after booking, and when a pending booking is found
 * with its code. Pure view: main.ts sends the code.
 */
import { localTime, zoneName } from './format';
import { alerts, esc, field, heading } from './html';
import type { State } from './state';
import { t } from './texts';

export const confirmScreen = (state: State): string => {
  const { lang } = state;
  const booking = state.booking!;
  const zone = state.office?.timezone ?? 'Asia/Jakarta';
  const until = booking.holdUntil ? `${localTime(booking.holdUntil, lang)} ${zoneName(zone)}` : '';
  return `${heading(t(lang, 'confirmTitle'))}${alerts(state)}
    <p>${esc(t(lang, 'confirmIntro', { phone: booking.phoneMasked }))}</p>
    ${until ? `<p class="note"><strong>${esc(t(lang, 'confirmBefore', { time: until }))}</strong></p>` : ''}
    <p class="note">${esc(t(lang, 'confirmCodeIs', { code: booking.code }))}</p>
    <form data-form="confirm" novalidate>
      ${field(state, { name: 'otp', label: 'otp', value: state.otp, attrs: 'inputmode="numeric" autocomplete="one-time-code" maxlength="6" pattern="[0-9]{6}" required' })}
      <button type="submit" class="primary" ${state.busy ? 'disabled aria-busy="true"' : ''}>${esc(t(lang, state.busy ? 'sending' : 'confirmSubmit'))}</button>
    </form>
    <div class="actions"><button type="button" class="link" data-action="cancel-pending">${esc(t(lang, 'confirmCancel'))}</button></div>`;
};
