/** The counter screen: wiring only. Sign-in, counter choice, the live queue, actions by button and key. */
import './style.css';
import { io, type Socket } from 'socket.io-client';
import type { CounterClientToServer, CounterServerToClient, StaffState } from '../shared/protocol';
import type { CounterView, OfficeDetail, OfficeSummary, PublicTicket } from '../shared/types';
import type { NoShowEntry, StaffTicketDetails } from '../shared/staffTypes';
import { api, ApiFailure } from './api';
import * as view from './view';
import type { Action, Desk, Me } from './view';
import { createCaseChecks } from './caseChecks';
import { forgetCounter, officeFor, rememberCounter, savedCounter } from './deskChoice';
import { DESK_HTML } from './deskTemplate';
import { createTicketDialogs } from './ticketDialogs';

const app = document.getElementById('app')!;
const $ = (id: string) => document.getElementById(id)!;
const SESSION_ENDED = 'Sesi Anda telah berakhir. Silakan masuk kembali.';

let desk: Desk | null = null;
let socket: Socket<CounterServerToClient, CounterClientToServer> | null = null;
let messageTimer: ReturnType<typeof setTimeout> | undefined;

// ---------- rendering ----------

const lastHtml = new Map<string, string>();
const setRegion = (id: string, html: string) => {
  const el = document.getElementById(id);
  if (!el || lastHtml.get(id) === html) return;
  lastHtml.set(id, html);
  el.innerHTML = html;
};

const render = () => {
  if (!desk) return;
  setRegion('head', view.headerView(desk));
  setRegion('current', view.currentView(desk));
  setRegion('actions', view.actionsView(desk));
  setRegion('waiting', view.waitingView(desk));
  setRegion('noshows', view.noShowView(desk));
};

const say = (kind: 'info' | 'error', text: string) => {
  const el = document.getElementById('message');
  if (!el) return;
  el.className = `message ${kind}`;
  el.textContent = text;
  clearTimeout(messageTimer);
  if (kind === 'info') messageTimer = setTimeout(() => (el.textContent = ''), 6000);
};

const showApp = (html: string) => {
  lastHtml.clear();
  app.innerHTML = html;
};

// ---------- sign-in and choosing the counter ----------

const disconnect = () => {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
};

const showLogin = (message?: string) => {
  disconnect();
  desk = null;
  showApp(view.loginView(message));
  const form = $('login-form') as HTMLFormElement;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const error = $('login-error');
    if (!username || !password) return void (error.textContent = 'Isi nama pengguna dan kata sandi.');
    const button = form.querySelector('button')!;
    button.disabled = true;
    try {
      const me = await api<Me>('POST', '/auth/login', { username, password });
      await enter(me!);
    } catch (err) {
      error.textContent = err instanceof ApiFailure ? err.message : 'Gagal masuk. Coba lagi.';
      button.disabled = false;
    }
  });
};

const enter = async (me: Me, pickedOffice?: string) => {
  // A kelurahan assistant books for citizens on its own page; the queue is not for it.
  if (me.role === 'assistant') return void location.assign('/assist/');
  // Only a deployment-wide admin chooses among offices.
  const offices = me.officeId ? [] : ((await api<OfficeSummary[]>('GET', '/staff/offices')) ?? []);
  const officeId = pickedOffice ?? officeFor(me, offices);
  const [office, counters] = await Promise.all([
    api<OfficeDetail>('GET', `/offices/${encodeURIComponent(officeId)}`),
    api<CounterView[]>('GET', `/offices/${encodeURIComponent(officeId)}/counters`),
  ]);
  const services = (office?.services ?? []).map((s) => ({ code: s.code, name: s.name }));
  const saved = savedCounter(officeId);
  const chosen = pickedOffice ? undefined : (counters ?? []).find((c) => c.id === saved);
  if (chosen) return openDesk(me, office!, services, chosen.id, counters ?? []);
  showApp(view.chooserView(office?.name ?? officeId, counters ?? [], services, offices.length > 1 ? { offices, current: officeId } : undefined));
  app.querySelectorAll<HTMLButtonElement>('[data-counter]').forEach((button) =>
    button.addEventListener('click', () => {
      rememberCounter(officeId, button.dataset.counter!);
      openDesk(me, office!, services, Number(button.dataset.counter), counters ?? []);
    }),
  );
  document.getElementById('office-choice')?.addEventListener('change', (event) => {
    void enter(me, (event.target as HTMLSelectElement).value).catch(handleError);
  });
};

const openDesk = (me: Me, office: OfficeDetail, services: view.ServiceName[], counterId: number, counters: CounterView[]) => {
  desk = {
    me, officeId: office.id, officeName: office.name, services, counterId,
    queue: { officeId: office.id, counters, waiting: [], waitingCounts: {}, waitingTotal: 0, now: '' },
    details: null, noShows: [], selectedNoShow: null, busy: false, link: 'connecting',
    closedServices: Object.fromEntries(office.services.flatMap((s) => (s.closedToday ? [[s.code, s.closedToday]] : []))),
    holderCheck: null,
  };
  showApp(DESK_HTML);
  render();
  connect();
  void refreshNoShows();
};

// ---------- live queue ----------

const connect = () => {
  disconnect();
  const s: Socket<CounterServerToClient, CounterClientToServer> = io('/counter', { withCredentials: true, reconnectionDelayMax: 5000 });
  socket = s;
  s.on('connect', () => {
    if (!desk) return;
    desk.link = 'online';
    s.emit('subscribe', desk.officeId);
    render();
  });
  s.on('queue', (state) => void onQueue(state));
  s.on('signedOut', () => showLogin(SESSION_ENDED));
  s.on('connect_error', (err) => {
    if (err.message === 'UNAUTHENTICATED') return showLogin(SESSION_ENDED);
    if (desk) (desk.link = 'offline'), render();
  });
  s.on('disconnect', (reason) => {
    if (!desk) return;
    desk.link = 'offline';
    render();
    if (reason === 'io server disconnect') setTimeout(() => socket === s && s.connect(), 2000);
  });
};

let detailsSeq = 0;
const onQueue = async (state: StaffState) => {
  if (!desk || state.officeId !== desk.officeId) return;
  desk.queue = state;
  render();
  scheduleNoShows();
  const current = view.myCounter(desk)?.current;
  // A check answers for one ticket only.
  if (desk.holderCheck && desk.holderCheck.ticketId !== current?.id) desk.holderCheck = null;
  if (!current) {
    desk.details = null;
    return render();
  }
  const seq = ++detailsSeq;
  try {
    const details = await api<StaffTicketDetails>('GET', `/tickets/${encodeURIComponent(current.id)}/details`);
    if (desk && seq === detailsSeq) (desk.details = details), render();
  } catch (err) {
    handleError(err);
  }
};

let noShowTimer: ReturnType<typeof setTimeout> | undefined;
const scheduleNoShows = () => {
  clearTimeout(noShowTimer);
  noShowTimer = setTimeout(() => void refreshNoShows(), 250);
};
const refreshNoShows = async () => {
  if (!desk) return;
  try {
    const list = (await api<NoShowEntry[]>('GET', `/offices/${encodeURIComponent(desk.officeId)}/no-shows`)) ?? [];
    if (!desk) return;
    desk.noShows = list;
    if (!list.some((n) => n.id === desk!.selectedNoShow)) desk.selectedNoShow = null;
    render();
  } catch (err) {
    handleError(err);
  }
};

// ---------- actions ----------

/** Services closed today, read again: a closure made after the desk opened shows at the next transfer. */
const refreshClosedServices = async () => {
  if (!desk) return;
  const office = await api<OfficeDetail>('GET', `/offices/${encodeURIComponent(desk.officeId)}`).catch(() => null);
  if (desk && office) desk.closedServices = Object.fromEntries(office.services.flatMap((s) => (s.closedToday ? [[s.code, s.closedToday]] : [])));
};

const handleError = (err: unknown) => {
  if (err instanceof ApiFailure && err.status === 401) return showLogin(SESSION_ENDED);
  // A transfer the server took for an urgent case: the desk's list of closed services was stale.
  if (err instanceof ApiFailure && err.fields.reason) void refreshClosedServices();
  say('error', err instanceof ApiFailure ? err.message : 'Terjadi kesalahan. Coba lagi.');
};

const currentTicket = () => (desk ? view.myCounter(desk)?.current : undefined);

/** When the live link is down, read the counters over HTTP so the screen never shows a stale ticket. */
const refreshCountersIfOffline = async () => {
  if (!desk || desk.link === 'online' || !desk.queue) return;
  const counters = await api<CounterView[]>('GET', `/offices/${encodeURIComponent(desk.officeId)}/counters`);
  if (desk?.queue && counters) (desk.queue = { ...desk.queue, counters }), render();
};

const step = async (path: string, done: (ticket: PublicTicket | null) => string, body?: unknown, method: 'POST' | 'PATCH' = 'POST') => {
  if (!desk) return;
  desk.busy = true;
  render();
  try {
    const res = await api<{ ticket: PublicTicket }>(method, path, body);
    say('info', done(res?.ticket ?? null));
    await refreshCountersIfOffline();
  } catch (err) {
    handleError(err);
  } finally {
    if (desk) (desk.busy = false), render();
  }
};

const run = async (action: Action) => {
  if (!desk || !view.availableActions(desk).has(action)) return;
  const current = currentTicket();
  switch (action) {
    case 'call':
      return step(`/counters/${desk.counterId}/call-next`, (t) => (t ? `Nomor ${t.number} dipanggil ke loket ini.` : 'Tidak ada nomor yang menunggu untuk loket ini.'));
    case 'recall':
      return step(`/tickets/${current!.id}/recall`, (t) =>
        t?.status === 'no_show' ? `Batas panggilan ulang tercapai: ${t.number} ditandai tidak hadir.` : `Nomor ${t?.number} dipanggil ulang.`,
      ).then(refreshNoShows);
    case 'start':
      return step(`/tickets/${current!.id}/start`, (t) => `Mulai melayani ${t?.number}.`);
    case 'complete':
      return step(`/tickets/${current!.id}/complete`, (t) => `${t?.number} selesai dilayani.`);
    case 'noShow':
      return step(`/tickets/${current!.id}/no-show`, (t) => `${t?.number} ditandai tidak hadir.`).then(refreshNoShows);
    case 'transfer':
      return openTransfer();
    case 'requeue':
      return confirmRequeue();
    case 'pause': {
      const counter = view.myCounter(desk);
      const next = counter?.status === 'open' ? 'paused' : 'open';
      desk.busy = true;
      render();
      try {
        await api('PATCH', `/counters/${desk.counterId}`, { status: next });
        say('info', next === 'paused' ? 'Loket dijeda. Tidak ada panggilan baru ke loket ini.' : 'Loket dibuka kembali.');
        await refreshCountersIfOffline();
      } catch (err) {
        handleError(err);
      } finally {
        if (desk) (desk.busy = false), render();
      }
      return;
    }
  }
};

// ---------- dialogs: transfer and requeue (ticketDialogs.ts), urgent tickets and the holder check (caseChecks.ts) ----------

const { transferDialog: dialog, openTransfer, transferTo, submitUrgentTransfer, requeueDialog, confirmRequeue, requeueChosen } = createTicketDialogs({
  getDesk: () => desk, say, step, refreshNoShows,
});
const { urgentTicketDialog, openUrgentTicket, issueUrgentTicket, checkHolder } = createCaseChecks({ getDesk: () => desk, say, render, handleError });


const logout = async () => {
  try {
    await api('POST', '/auth/logout');
  } catch {
    /* already signed out */
  }
  showLogin('Anda telah keluar.');
};

document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  if (form.id === 'holder-check') {
    event.preventDefault();
    void checkHolder(form);
  } else if (form.id === 'urgent-ticket-form') {
    event.preventDefault();
    void issueUrgentTicket(form);
  } else if (form.id === 'urgent-form') {
    event.preventDefault();
    submitUrgentTransfer();
  }
});

document.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>(
    '[data-action],[data-action-id],[data-requeue],[data-noshow],[data-transfer],#transfer-cancel,#requeue-yes,#requeue-cancel,#urgent-ticket-cancel',
  );
  if (!target || !desk) return;
  if (target.dataset.action) {
    const action = target.dataset.action as Action;
    const why = view.whyNot(desk, action);
    return why ? say('error', why) : void run(action);
  }
  if (target.dataset.actionId === 'urgent-ticket') return openUrgentTicket();
  if (target.id === 'urgent-ticket-cancel') return urgentTicketDialog()?.close();
  if (target.id === 'requeue-yes') return requeueChosen();
  if (target.id === 'requeue-cancel') return requeueDialog()?.close();
  if (target.dataset.actionId === 'logout') return void logout();
  if (target.dataset.actionId === 'change-counter') {
    forgetCounter(desk.officeId);
    const me = desk.me;
    disconnect();
    desk = null;
    return void enter(me).catch(handleError);
  }
  if (target.dataset.transfer) return transferTo(target.dataset.transfer);
  if (target.id === 'transfer-cancel') return dialog()?.close();
  if (target.dataset.requeue) {
    desk.selectedNoShow = target.dataset.requeue;
    render();
    return confirmRequeue();
  }
  if (target.dataset.noshow) {
    // A second press on the chosen one lets it go.
    desk.selectedNoShow = desk.selectedNoShow === target.dataset.noshow ? null : target.dataset.noshow;
    render();
  }
});

document.addEventListener('keydown', (event) => {
  if (!desk || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
  if (requeueDialog()?.open || urgentTicketDialog()?.open) return;
  const d = dialog();
  if (d?.open) {
    if ((event.target as HTMLElement).tagName === 'INPUT') return;
    const n = Number(event.key);
    const choices = d.querySelectorAll<HTMLButtonElement>('[data-transfer]');
    if (n >= 1 && n <= choices.length) {
      event.preventDefault();
      transferTo(choices[n - 1]!.dataset.transfer!);
    }
    return;
  }
  const tag = (event.target as HTMLElement).tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
  if (event.key.toUpperCase() === 'N') {
    // N: to the KTP field of the holder check (a scanner then types the NIK and Enter).
    const field = document.getElementById('holder-nik');
    if (field) {
      event.preventDefault();
      field.focus();
    }
    return;
  }
  const action = view.actionForKey(event.key);
  if (!action) return;
  event.preventDefault();
  const why = view.whyNot(desk, action);
  if (why) return say('error', why);
  void run(action);
});

// ---------- start ----------

const boot = async () => {
  try {
    const me = await api<Me>('GET', '/auth/me');
    await enter(me!);
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) return showLogin();
    showLogin(err instanceof ApiFailure ? err.message : undefined);
  }
};

void boot();
