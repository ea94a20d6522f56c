/** The booking page's wiring: server calls, state changes, history (the phone's Back button) and focus. */
import './style.css';
import { normalisePhone } from '../shared/phone';
import { ApiFailure, bookingApi } from './api';
import { prettyPhone } from './format';
import { createProofOfWork } from './proofOfWork';
import { saveProofImage } from './proof';
import { preloadQr, qrSvg } from './qr';
import { calendarDays, initialState, type Screen } from './state';
import { byChannel, t, type Lang } from './texts';
import { pageHtml } from './view';
import { createManageFlow } from './manageFlow';
import { createWaitingRoom } from './waitingRoom';

const LANG_KEY = 'giliran.lang';
const storedLang = (): Lang | null => {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v === 'en' || v === 'id' ? v : null;
  } catch {
    return null;
  }
};

const app = document.getElementById('app')!;
const state = initialState(storedLang() ?? 'id');
const api = bookingApi(() => state.lang);
const proof = createProofOfWork();
const TITLE = '#screen-title';

const render = (focus?: string): void => {
  document.documentElement.lang = state.lang;
  document.title = `${t(state.lang, 'appTitle')} · Giliran`;
  app.innerHTML = pageHtml(state);
  room.paint(app);
  // In the same task as the redraw, so the widget keeps its state; no new solving while a form is being sent.
  proof.attach(app, state.lang, !state.busy);
  const target = (focus && app.querySelector<HTMLElement>(focus)) || null;
  if (target) target.focus();
  else if (focus === TITLE) app.querySelector<HTMLElement>('[data-focus]')?.focus();
  updatePhonePreview();
};

/** Moves to a screen; each step is a history entry so that the phone's Back button goes one step back. */
const go = (screen: Screen, opts: { replace?: boolean } = {}): void => {
  state.screen = screen;
  state.loading = false;
  if (opts.replace) history.replaceState({ screen }, '');
  else history.pushState({ screen }, '');
  render(TITLE);
  window.scrollTo(0, 0);
};

const usable = (screen: Screen): boolean => {
  switch (screen) {
    case 'services':
      return !!state.office;
    case 'slots':
      return !!state.office && !!state.service;
    case 'form':
      return !!state.office && state.slotId !== null;
    case 'confirm':
    case 'done':
    case 'manage':
    case 'reschedule':
      return !!state.booking;
    default:
      return true;
  }
};

window.addEventListener('popstate', (event) => {
  const screen = (event.state as { screen?: Screen } | null)?.screen;
  if (!screen) return;
  state.screen = usable(screen) ? screen : state.office ? 'services' : 'offices';
  state.error = null;
  state.flash = null;
  state.confirmCancel = false;
  render(TITLE);
});

/**
 * Sends with the proof of work's solution; a refused one (expired while the form was open, or
 * spent by a send whose answer was lost) is replaced by a fresh one, once.
 */
const withProof = async <T>(send: (altcha: string | undefined) => Promise<T>): Promise<T> => {
  try {
    return await send(await proof.take());
  } catch (err) {
    if (!(err instanceof ApiFailure) || err.code !== 'CHALLENGE_FAILED') throw err;
    return send(await proof.take());
  }
};

/** The release's waiting room (waitingRoom.ts): it paints itself into the page and, once admitted, moves the visitor on. */
const room = createWaitingRoom({
  state,
  render: () => render(TITLE),
  prove: withProof,
  admitted: async (resend) => {
    if (resend && state.slotId !== null) return submitBooking();
    if (!state.office || !state.service) return go(state.office ? 'services' : 'offices');
    state.date = room.date();
    state.slotId = null;
    go('slots');
    await loadDays(state.office.id, state.service, false);
    render(TITLE);
  },
});

const failed = (err: unknown): ApiFailure =>
  err instanceof ApiFailure ? err : new ApiFailure(0, 'INTERNAL', t(state.lang, 'failed', { status: 0 }));

// ——— Booking flow ———

const loadOffices = async (): Promise<void> => {
  state.loading = true;
  state.error = null;
  render();
  try {
    state.offices = await api.offices();
    const wanted = new URLSearchParams(location.search).get('office');
    const only = state.offices.length === 1 ? state.offices[0]!.id : state.offices.find((o) => o.id === wanted)?.id;
    if (only) return await chooseOffice(only, true);
    go('offices', { replace: true });
  } catch (err) {
    state.error = failed(err).message;
    state.loading = false;
    state.screen = 'offices';
    render(TITLE);
  }
};

const loadOffice = async (id: string): Promise<void> => {
  if (state.office?.id !== id) state.office = await api.office(id);
};

const chooseOffice = async (id: string, replace = false): Promise<void> => {
  state.loading = true;
  render();
  try {
    state.office = null;
    await loadOffice(id);
    state.service = null;
    go('services', { replace });
  } catch (err) {
    state.error = failed(err).message;
    go('offices', { replace: true });
  }
};

/** Loads a service's days up to the office's booking horizon; with `pickFirst`, opens the first day that has places. */
const loadDays = async (officeId: string, service: string, pickFirst: boolean): Promise<void> => {
  try {
    state.days = await api.availability(officeId, service, calendarDays(state, officeId));
    const stillThere = state.days.some((d) => d.date === state.date && !d.closed);
    if (pickFirst || !stillThere) state.date = state.days.find((d) => !d.closed && d.slots.some((s) => s.bookable))?.date ?? null;
  } catch (err) {
    state.days = [];
    state.error = failed(err).message;
  }
};

const chooseService = async (code: string): Promise<void> => {
  state.service = code;
  state.days = null;
  state.date = null;
  state.slotId = null;
  state.error = null;
  go('slots');
  await loadDays(state.office!.id, code, true);
  render(TITLE);
};

const FIELD_ORDER = ['nik', 'name', 'phone', 'code', 'nik4'];
const focusFirstInvalid = () => {
  const first = FIELD_ORDER.find((f) => state.fieldErrors[f]);
  render(first ? `#f-${first}` : TITLE);
};

const checkForm = (): boolean => {
  const { lang, form } = state;
  const errors: Record<string, string> = {};
  const nik = form.nik.replace(/[\s.\-]/g, '');
  if (!nik) errors.nik = t(lang, 'required');
  else if (!/^\d{16}$/.test(nik)) errors.nik = t(lang, 'nikLength');
  if (form.name.trim().length < 2) errors.name = t(lang, 'required');
  if (!form.phone.trim()) errors.phone = t(lang, 'required');
  else if (!normalisePhone(form.phone)) errors.phone = t(lang, 'phoneInvalid');
  state.fieldErrors = errors;
  state.error = Object.keys(errors).length ? t(lang, 'fixFields') : null;
  return !state.error;
};

const drawQr = async (code: string): Promise<void> => {
  const svg = await qrSvg(code);
  if (!svg || state.booking?.code !== code) return;
  state.qrSvg = svg;
  // The code card's and the print sheet's (proof.ts).
  for (const holder of app.querySelectorAll('.qr')) holder.innerHTML = svg;
};

const submitBooking = async (): Promise<void> => {
  if (state.busy || !checkForm()) return focusFirstInvalid();
  state.busy = true;
  render();
  const nik = state.form.nik.replace(/[\s.\-]/g, '');
  try {
    const input = { service: state.service!, slotId: state.slotId!, nik, name: state.form.name.trim(), phone: state.form.phone, ...room.admission() };
    state.booking = await withProof((altcha) => api.book(state.office!.id, altcha ? { ...input, altcha } : input));
    state.nik4 = nik.slice(-4);
    state.find = { code: state.booking.code, nik4: state.nik4 };
    // The NIK is not kept in the page once it has served.
    state.form = { nik: '', name: '', phone: '' };
    state.qrSvg = null;
    state.busy = false;
    state.error = null;
    state.otp = '';
    // Where the office confirms by WhatsApp, the place is held until the code comes back.
    go(state.booking.status === 'pending' ? 'confirm' : 'done', { replace: true });
    void drawQr(state.booking.code);
  } catch (err) {
    const f = failed(err);
    state.busy = false;
    // The day's places are given out through its waiting room: wait there, then this booking is sent again.
    if (f.code === 'WAITING_ROOM') return room.enterForBooking();
    // A lost answer on a slow line and a retry end here too: say where the code is.
    // Where no WhatsApp message is sent (office.messagesBy 'none'), the hint points to the code shown and the proof instead.
    const hint = f.code === 'DUPLICATE_BOOKING' ? byChannel('duplicateHint', state.office?.messagesBy) : f.code === 'BOOKING_LIMIT' ? 'limitHint' : null;
    state.error = hint ? `${f.message} ${t(state.lang, hint)}` : f.message;
    state.fieldErrors = Object.fromEntries(Object.entries(f.fields).filter(([k]) => FIELD_ORDER.includes(k)));
    if (['SLOT_FULL', 'SLOT_NOT_BOOKABLE', 'CLOSED'].includes(f.code)) {
      // The slot went while the form was filled in: show the days again, fresh.
      state.slotId = null;
      go('slots');
      await loadDays(state.office!.id, state.service!, false);
      return render(TITLE);
    }
    focusFirstInvalid();
  }
};

// ——— Confirming and managing a booking (manageFlow.ts) ———

const { submitConfirm, cancelPending, openBooking, submitFind, cancelBooking, startReschedule, moveBooking } = createManageFlow({
  state, api, render, go, failed, focusFirstInvalid, drawQr, loadOffice, loadDays, withProof, title: TITLE,
});

// ——— Events ———

const actions: Record<string, (el: HTMLElement) => void | Promise<void>> = {
  lang: () => {
    state.lang = state.lang === 'id' ? 'en' : 'id';
    state.error = null;
    state.fieldErrors = {};
    try {
      localStorage.setItem(LANG_KEY, state.lang);
    } catch {
      // Private mode: the choice lasts for this visit.
    }
    render('[data-action="lang"]');
  },
  retry: () => loadOffices(),
  'nav-book': () => (state.office ? go('services') : loadOffices()),
  'nav-manage': () => {
    state.error = null;
    state.fieldErrors = {};
    go('find');
  },
  office: (el) => chooseOffice(el.dataset.id!),
  'change-office': () => go('offices'),
  service: (el) => chooseService(el.dataset.code!),
  'to-services': () => history.back(),
  'to-slots': () => history.back(),
  'to-manage': () => history.back(),
  day: (el) => {
    state.date = el.dataset.date!;
    state.slotId = null;
    render('#slots-title');
  },
  slot: (el) => {
    state.slotId = Number(el.dataset.id);
    state.error = null;
    if (state.screen === 'reschedule') return render('[data-action="move"]');
    state.fieldErrors = {};
    void preloadQr();
    go('form');
  },
  'manage-this': () => openBooking(state.booking!.code, state.nik4),
  'book-again': () => {
    state.booking = null;
    state.service = null;
    state.slotId = null;
    state.flash = null;
    go('services');
  },
  cancel: () => {
    state.confirmCancel = true;
    state.flash = null;
    render('[data-action="cancel-yes"]');
  },
  'cancel-no': () => {
    state.confirmCancel = false;
    render('[data-action="cancel"]');
  },
  'cancel-yes': () => cancelBooking(),
  'cancel-pending': () => cancelPending(),
  reschedule: () => startReschedule(),
  move: () => moveBooking(),
  // The proof of booking (proof.ts): a PNG drawn in the phone, or the printed sheet.
  'proof-image': async () => {
    if (!state.booking) return;
    try {
      state.flash = t(state.lang, 'proofSaved', { file: await saveProofImage(state) });
      state.error = null;
    } catch {
      state.error = t(state.lang, 'proofFailed');
    }
    render('[data-action="proof-image"]');
  },
  'proof-print': () => window.print(),
};

app.addEventListener('click', (event) => {
  const el = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!el || (el as HTMLButtonElement).disabled) return;
  if (room.click(el)) return;
  void actions[el.dataset.action!]?.(el);
});

app.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = (event.target as HTMLElement).dataset.form;
  if (form === 'book') void submitBooking();
  if (form === 'find') void submitFind();
  if (form === 'confirm') void submitConfirm();
});

const updatePhonePreview = (): void => {
  const preview = app.querySelector<HTMLElement>('#phone-preview');
  if (!preview) return;
  const e164 = normalisePhone(state.form.phone);
  preview.textContent = e164 ? t(state.lang, byChannel('phoneWillBe', state.office?.messagesBy), { phone: prettyPhone(e164) }) : '';
};

app.addEventListener('input', (event) => {
  const input = event.target as HTMLInputElement;
  const name = input.dataset.field;
  if (!name) return;
  if (name === 'nik' || name === 'name' || name === 'phone') state.form[name] = input.value;
  if (name === 'code' || name === 'nik4') state.find[name] = input.value;
  if (name === 'otp') state.otp = input.value;
  if (name === 'phone') updatePhonePreview();
});

// ——— Start: a link with ?code= (the booking's status link) opens the manage screen. ———
const params = new URLSearchParams(location.search);
const linkedCode = params.get('code');
if (linkedCode) {
  state.find.code = linkedCode.toUpperCase();
  state.loading = false;
  go('find', { replace: true });
  app.querySelector<HTMLElement>('#f-nik4')?.focus();
} else {
  void loadOffices();
  room.resume();
}
