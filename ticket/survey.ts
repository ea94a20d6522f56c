/**
 * The satisfaction survey (SKM) on the ticket status page: once the ticket is completed, the nine
 * questions of PermenPANRB 14/2017 (each a fieldset of four answers), an optional suggestion, and
 * a thank-you once sent. Anonymous: nothing but the ticket id goes with the answers. It lives in its
 * own element (#survey), drawn again only when the survey's state changes, so that the live status
 * above it never wipes what the visitor is choosing.
 */
import { SKM_ELEMENTS, SURVEY_COMMENT_MAX, SURVEY_WINDOW_DAYS, type Bi, type SurveyStatus } from '../shared/skm';
import type { PublicTicket } from '../shared/types';
import './survey.css';

type View = { kind: 'hidden' } | { kind: SurveyStatus } | { kind: 'thanks' };
type SurveyState = { ticketId: string; view: View; sending: boolean; error: Bi | null; asked: boolean };

const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const bi = (t: Bi, cls = ''): string => `<span class="bi ${cls}"><span class="id">${esc(t.id)}</span><span class="en" lang="en">${esc(t.en)}</span></span>`;

const state: SurveyState = { ticketId: '', view: { kind: 'hidden' }, sending: false, error: null, asked: false };
const host = (): HTMLElement | null => document.getElementById('survey');

/** The survey's markup for one state (pure; exported for the unit of the page). */
export const surveyHtml = (view: View, error: Bi | null, sending: boolean): string => {
  const head = `<h2 id="survey-title" tabindex="-1">${bi({ id: 'Survei Kepuasan Masyarakat', en: 'Satisfaction survey' })}</h2>`;
  switch (view.kind) {
    case 'hidden':
      return '';
    case 'answered':
    case 'thanks':
      return `<section class="card survey done" aria-labelledby="survey-title" data-testid="survey-thanks">${head}
        <p class="thanks">${bi(
          view.kind === 'thanks'
            ? { id: 'Terima kasih! Jawaban Anda sudah kami terima dan membantu kami memperbaiki pelayanan.', en: 'Thank you! Your answers have been received and help us improve the service.' }
            : { id: 'Survei untuk nomor ini sudah diisi. Terima kasih!', en: 'The survey for this ticket has been answered. Thank you!' },
        )}</p></section>`;
    case 'closed':
      return `<section class="card survey done" aria-labelledby="survey-title" data-testid="survey-closed">${head}
        <p>${bi({ id: `Survei untuk nomor ini sudah ditutup (dapat diisi sampai ${SURVEY_WINDOW_DAYS} hari setelah layanan selesai).`, en: `The survey for this ticket has closed (it can be answered up to ${SURVEY_WINDOW_DAYS} days after the service).` }, 'small')}</p></section>`;
    case 'open': {
      const questions = SKM_ELEMENTS.map(
        (e) => `<fieldset class="q" data-n="${e.n}">
          <legend><span class="n" aria-hidden="true">${e.n}</span>${bi(e.question)}</legend>
          <div class="opts">${e.scale
            .map((answer, i) => `<label class="opt"><input type="radio" name="u${e.n}" value="${i + 1}" />${bi(answer)}</label>`)
            .join('')}</div>
        </fieldset>`,
      ).join('');
      return `<section class="card survey" aria-labelledby="survey-title" data-testid="survey">${head}
        <p class="intro">${bi({ id: 'Layanan Anda sudah selesai. Bantu kami memperbaiki pelayanan: 9 pertanyaan singkat, tanpa nama.', en: 'Your service is complete. Help us improve it: 9 short questions, anonymous.' }, 'small')}</p>
        <form novalidate>
          ${questions}
          <div class="comment">
            <label for="survey-comment">${bi({ id: 'Saran atau masukan (tidak wajib)', en: 'Suggestions (optional)' })}</label>
            <textarea id="survey-comment" name="comment" rows="3" maxlength="${SURVEY_COMMENT_MAX}" aria-describedby="survey-comment-hint"></textarea>
            <p id="survey-comment-hint" class="hint">${bi({ id: 'Jangan menulis nama, NIK atau nomor HP: survei ini tanpa nama.', en: 'Do not write your name, NIK or phone number: the survey is anonymous.' }, 'small')}</p>
          </div>
          <div class="error" role="alert" data-testid="survey-error">${error ? bi(error) : ''}</div>
          <button type="submit" class="send"${sending ? ' disabled aria-busy="true"' : ''}>${bi(sending ? { id: 'Mengirim…', en: 'Sending…' } : { id: 'Kirim survei', en: 'Send the survey' })}</button>
        </form></section>`;
    }
  }
};

const draw = (focus = false) => {
  const el = host();
  if (!el) return;
  el.innerHTML = surveyHtml(state.view, state.error, state.sending);
  if (focus) (el.querySelector('#survey-title') as HTMLElement | null)?.focus();
};

/** The error line only, so that what was chosen stays chosen. */
const showError = (error: Bi | null) => {
  state.error = error;
  const line = host()?.querySelector('.error');
  if (line) line.innerHTML = error ? bi(error) : '';
};

const setSending = (sending: boolean) => {
  state.sending = sending;
  const button = host()?.querySelector<HTMLButtonElement>('button.send');
  if (!button) return;
  button.disabled = sending;
  button.toggleAttribute('aria-busy', sending);
  button.innerHTML = bi(sending ? { id: 'Mengirim…', en: 'Sending…' } : { id: 'Kirim survei', en: 'Send the survey' });
};

const setView = (view: View, focus = false) => {
  if (view.kind === state.view.kind) return;
  state.view = view;
  state.error = null;
  draw(focus);
};

/** Asks the server where the survey stands (the live event does not say; the ticket's GET does). */
const ask = async () => {
  if (state.asked) return;
  state.asked = true;
  const res = await fetch(`/api/tickets/${encodeURIComponent(state.ticketId)}`, { cache: 'no-store' }).catch(() => null);
  if (!res?.ok) {
    state.asked = false;
    return;
  }
  const ticket = (await res.json()) as PublicTicket;
  if (ticket.survey) setView({ kind: ticket.survey });
};

/** Called with every state of the ticket the page learns (its GET, then each live event). */
export const surveyFollows = (ticket: PublicTicket) => {
  state.ticketId = ticket.id;
  if (ticket.status !== 'done') return setView({ kind: 'hidden' });
  if (state.view.kind === 'thanks') return;
  if (ticket.survey) return setView({ kind: ticket.survey });
  if (state.view.kind === 'hidden') void ask();
};

const submit = async (form: HTMLFormElement) => {
  if (state.sending) return;
  const data = new FormData(form);
  const answers = SKM_ELEMENTS.map((e) => Number(data.get(`u${e.n}`) ?? 0));
  const missing = SKM_ELEMENTS.filter((_, i) => !answers[i]);
  form.querySelectorAll('fieldset.q').forEach((f) => f.classList.toggle('missing', missing.some((e) => String(e.n) === (f as HTMLElement).dataset.n)));
  if (missing.length) {
    const list = missing.map((e) => e.n).join(', ');
    showError({ id: `Mohon jawab semua pertanyaan (belum: ${list}).`, en: `Please answer every question (missing: ${list}).` });
    form.querySelector<HTMLInputElement>(`input[name="u${missing[0]!.n}"]`)?.focus();
    return;
  }
  showError(null);
  setSending(true);
  const comment = String(data.get('comment') ?? '').trim();
  const res = await fetch(`/api/tickets/${encodeURIComponent(state.ticketId)}/survey`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'id' },
    body: JSON.stringify(comment ? { answers, comment } : { answers }),
  }).catch(() => null);
  setSending(false);
  if (!res) return showError({ id: 'Tidak dapat terhubung. Periksa jaringan, lalu kirim lagi.', en: 'Cannot connect. Check the network, then send again.' });
  if (res.status === 201) return setView({ kind: 'thanks' }, true);
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const code = body?.error?.code;
  if (code === 'ALREADY_ANSWERED') return setView({ kind: 'answered' }, true);
  if (code === 'SURVEY_CLOSED') return setView({ kind: 'closed' }, true);
  if (code === 'RATE_LIMITED') return showError({ id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.', en: 'Too many requests. Please try again shortly.' });
  showError({ id: body?.error?.message ?? `Gagal mengirim (kode ${res.status}).`, en: `Sending failed (code ${res.status}).` });
};

document.addEventListener('submit', (event) => {
  const form = event.target as HTMLElement;
  if (!form.closest('#survey')) return;
  event.preventDefault();
  void submit(form as HTMLFormElement);
});
// A question answered is no longer marked as missing.
document.addEventListener('change', (event) => {
  const input = event.target as HTMLElement;
  if (!input.closest('#survey')) return;
  input.closest('fieldset.q')?.classList.remove('missing');
  if (state.error && !host()?.querySelector('fieldset.q.missing')) showError(null);
});
