/**
 * The kelurahan assistant's page (/assist/): sign in, book a session for a citizen (the citizen's
 * phone, or "tidak punya HP": the helper's own WhatsApp number then receives the messages), see the
 * bookings made, and print a proof for the citizen (code, QR, service, time, requirements).
 */
import './style.css';
import type { AssistedBookingView } from '../shared/staffTypes';
import type { BookingView, OfficeDetail, SlotDay } from '../shared/types';
import { ApiFailure, requestJson } from '../shared/apiClient';
import { qrSvg } from '../booking/qr';
import { loginView, mainView, proofView, type Draft, type Me, type State } from './view';

const app = document.getElementById('app')!;

const api = <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> =>
  requestJson<T>(method, `/api${path}`, body, {
    lang: 'id',
    networkMessage: 'Tidak dapat terhubung ke server. Periksa jaringan, lalu coba lagi. / Cannot reach the server.',
    failedMessage: (status) => `Permintaan gagal (kode ${status}). Coba lagi. / The request failed.`,
  });

const emptyDraft = (service = ''): Draft => ({ service, date: '', slotId: null, nik: '', name: '', phone: '', noPhone: false });

const st: State = { me: null, office: null, days: [], draft: emptyDraft(), bookings: [], proof: null, proofQr: null, message: null, fieldErrors: {}, busy: false };

/** Renders the current screen, keeping the focus on the control that had it (by id). */
const render = (focus?: string) => {
  const active = focus ?? (document.activeElement instanceof HTMLElement ? document.activeElement.id : '');
  if (!st.me) app.innerHTML = loginView(st.message);
  else if (st.proof) app.innerHTML = proofView(st);
  else app.innerHTML = mainView(st);
  document.body.classList.toggle('printing-proof', !!st.proof);
  const target = active ? document.getElementById(active) : null;
  if (target) target.focus();
};

const officePath = () => `/offices/${encodeURIComponent(st.me!.officeId ?? '')}`;

const loadDays = async () => {
  st.days = st.draft.service ? await api<SlotDay[]>('GET', `${officePath()}/availability?service=${encodeURIComponent(st.draft.service)}&days=14`) : [];
  const open = st.days.filter((d) => !d.closed && d.slots.some((s) => s.bookable));
  if (!open.some((d) => d.date === st.draft.date)) st.draft.date = open[0]?.date ?? '';
  const day = st.days.find((d) => d.date === st.draft.date);
  if (!day?.slots.some((s) => s.id === st.draft.slotId && s.bookable)) st.draft.slotId = null;
};

const loadBookings = async () => {
  st.bookings = await api<AssistedBookingView[]>('GET', `${officePath()}/assisted-bookings`);
};

const enter = async (me: Me) => {
  if (me.role !== 'assistant' && !me.officeId) {
    st.message = { kind: 'error', text: 'Halaman ini untuk akun kantor atau pendamping kelurahan. / This page is for an office or kelurahan account.' };
    render();
    return;
  }
  // /auth/login answers without the helper's number: read it with /auth/me.
  st.me = me.contactPhone === undefined ? await api<Me>('GET', '/auth/me') : me;
  st.office = await api<OfficeDetail>('GET', officePath());
  st.draft = emptyDraft(st.office.services.find((s) => s.bookable)?.code ?? '');
  st.message = null;
  await Promise.all([loadDays(), loadBookings()]);
  render('new-title');
};

const signedOut = (text?: string) => {
  Object.assign(st, { me: null, office: null, days: [], bookings: [], proof: null, proofQr: null, fieldErrors: {}, busy: false });
  st.message = text ? { kind: 'error', text } : null;
  render('username');
};

/** Runs an action; a lost session goes back to sign-in, any other refusal is shown. */
const attempt = async (run: () => Promise<void>) => {
  try {
    await run();
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401 && st.me) return signedOut('Sesi Anda telah berakhir. Silakan masuk kembali. / Your session has ended.');
    st.message = { kind: 'error', text: err instanceof ApiFailure ? err.message : 'Terjadi kesalahan. Coba lagi. / Something went wrong.' };
    st.busy = false;
    render();
  }
};

const showProof = async (booking: AssistedBookingView) => {
  st.proof = booking;
  st.proofQr = await qrSvg(booking.code);
  st.message = null;
  render('proof-title');
};

const book = async () => {
  const d = st.draft;
  st.fieldErrors = {};
  if (!d.slotId) {
    st.fieldErrors.slotId = 'Pilih sesi. / Choose a session.';
    st.message = { kind: 'error', text: 'Data belum lengkap. / Some data is missing.' };
    return render();
  }
  st.busy = true;
  render();
  try {
    const body = { service: d.service, slotId: d.slotId, nik: d.nik, name: d.name, ...(d.noPhone ? { noPhone: true } : { phone: d.phone }) };
    const booked = await api<BookingView>('POST', `${officePath()}/assisted-bookings`, body);
    st.busy = false;
    st.draft = emptyDraft(d.service);
    await Promise.all([loadDays(), loadBookings()]);
    const mine = st.bookings.find((b) => b.code === booked.code);
    st.message = { kind: 'ok', text: `Reservasi ${booked.code} dibuat. Cetak buktinya untuk warga. / Booking ${booked.code} made.` };
    if (mine) await showProof(mine);
    else render();
  } catch (err) {
    st.busy = false;
    if (err instanceof ApiFailure && err.code === 'VALIDATION') {
      st.fieldErrors = { ...err.fields };
      // The helper's missing number is told where the choice is made.
      if (d.noPhone && err.fields.phone) st.fieldErrors = { ...err.fields, phone: '' };
      st.message = { kind: 'error', text: [err.message, ...Object.values(err.fields).filter(Boolean)].join(' ') };
      return render();
    }
    // A session taken meanwhile: show the day again.
    if (err instanceof ApiFailure && err.code === 'SLOT_FULL') await loadDays().catch(() => undefined);
    throw err;
  }
};

app.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  if (form.id === 'login-form') {
    const data = new FormData(form);
    void attempt(async () => {
      const me = await api<Me>('POST', '/auth/login', { username: String(data.get('username') ?? '').trim(), password: String(data.get('password') ?? '') });
      await enter(me);
    });
  } else if (form.id === 'book-form') {
    void attempt(book);
  }
});

app.addEventListener('input', (event) => {
  const el = event.target as HTMLInputElement;
  if (!el.closest('#book-form')) return;
  if (el.name === 'nik' || el.name === 'name' || el.name === 'phone') st.draft[el.name] = el.value;
});

app.addEventListener('change', (event) => {
  const el = event.target as HTMLInputElement | HTMLSelectElement;
  if (!el.closest('#book-form')) return;
  if (el.name === 'service') {
    st.draft.service = el.value;
    void attempt(async () => {
      await loadDays();
      render();
    });
  } else if (el.name === 'date') {
    st.draft.date = el.value;
    st.draft.slotId = null;
    render();
  } else if (el.name === 'slotId') {
    st.draft.slotId = Number(el.value);
    delete st.fieldErrors.slotId;
  } else if (el.name === 'noPhone') {
    st.draft.noPhone = (el as HTMLInputElement).checked;
    render('f-noPhone');
  }
});

app.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  if (action === 'logout') {
    void attempt(async () => {
      await api('POST', '/auth/logout').catch(() => undefined);
      signedOut();
    });
  } else if (action === 'proof') {
    const booking = st.bookings.find((b) => b.code === button.dataset.code);
    if (booking) void attempt(() => showProof(booking));
  } else if (action === 'print') {
    window.print();
  } else if (action === 'back') {
    st.proof = null;
    st.proofQr = null;
    st.message = null;
    render('mine-title');
  }
});

void (async () => {
  try {
    await enter(await api<Me>('GET', '/auth/me'));
  } catch (err) {
    signedOut(err instanceof ApiFailure && err.status !== 401 ? err.message : undefined);
  }
})();
