/** The kiosk: wiring between the server, the state, the views, the scanner and the printer. */
import QRCode from 'qrcode';
import { io, type Socket } from 'socket.io-client';
import type { DisplayClientToServer, DisplayServerToClient } from '../shared/protocol';
import type { Priority, PublicTicket } from '../shared/types';
import { ApiFailure, kioskApi, type KioskApi } from './api';
import { preparePrint, printNow } from './printing';
import { codeFromScan } from './scan';
import { forgetToken, loadSettings, loadToken, saveSettings, saveToken, takeTokenFromHash, type PaperWidth } from './settings';
import { attachWedge } from './wedge';
import { headerHtml, keypadHtml, noticesHtml, overlayHtml, priorityHtml, roomHtml, servicesHtml, type Screen, type ViewState } from './view';

const TICKET_SECONDS = 25;
const ERROR_SECONDS = 15;
const IDLE_SECONDS = 60;
const REFRESH_MS = 60_000;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const regions = {
  header: $('top'),
  notices: $('notices'),
  priority: $('priority'),
  services: $('services'),
  keypad: $('keypad'),
  room: $('room'),
  overlay: $('overlay'),
  print: $('print-area'),
};
const pageStyle = document.createElement('style');
pageStyle.id = 'page-size';
document.head.append(pageStyle);

const state: ViewState = { kiosk: null, screen: { kind: 'loading' }, priority: null, settings: loadSettings(), online: true, clockMs: Date.now() };
let token: string | null = null;
let api: KioskApi | null = null;
let clockOffset = 0;
let busy = false;
let lastTicket: PublicTicket | null = null;
let deadline = 0;
let lastActivity = Date.now();
let socket: Socket<DisplayServerToClient, DisplayClientToServer> | null = null;

const setHtml = (el: HTMLElement, html: string) => {
  if ((el as { _html?: string })._html === html) return;
  (el as { _html?: string })._html = html;
  el.innerHTML = html;
};

const render = () => {
  state.clockMs = Date.now() + clockOffset;
  setHtml(regions.header, headerHtml(state));
  setHtml(regions.notices, noticesHtml(state));
  setHtml(regions.priority, priorityHtml(state));
  setHtml(regions.services, servicesHtml(state));
  setHtml(regions.room, roomHtml(state));
  setHtml(regions.overlay, overlayHtml(state));
  regions.overlay.hidden = state.screen.kind === 'home';
  document.body.dataset.screen = state.screen.kind;
  tickCountdown();
};

const show = (screen: Screen, seconds = 0) => {
  state.screen = screen;
  deadline = seconds ? Date.now() + seconds * 1000 : 0;
  render();
  const first = regions.overlay.querySelector<HTMLInputElement>('input[data-keep-keys]');
  if (first) first.focus();
  else wedge.focus();
};

const tickCountdown = () => {
  const left = deadline ? Math.max(0, Math.ceil((deadline - Date.now()) / 1000)) : 0;
  for (const el of regions.overlay.querySelectorAll<HTMLElement>('[data-countdown]')) el.textContent = deadline ? `(${left})` : '';
  if (deadline && left === 0) goHome();
};

const goHome = () => {
  state.priority = null;
  setKeypad(false);
  show({ kind: 'home' });
};

/** The on-screen keypad opens on request; a scanner needs none. */
let keypadOpen = false;
const setKeypad = (open: boolean) => {
  keypadOpen = open;
  $('checkin').classList.toggle('keypad-open', open);
  // On a portrait screen the service rows shrink meanwhile, so that all stay in view (kiosk.css).
  document.body.classList.toggle('keypad-open', open);
  document.querySelector('[data-action="keypad"]')?.setAttribute('aria-expanded', String(open));
};

const failWith = (err: unknown) => {
  const e = err instanceof ApiFailure ? err : new ApiFailure(0, 'INTERNAL', String(err));
  if (e.code === 'UNAUTHENTICATED') return unpaired('Token kiosk tidak berlaku lagi. / The kiosk token is no longer valid.');
  if (e.code === 'NETWORK') state.online = false;
  show({ kind: 'error', code: e.code, message: e.message }, ERROR_SECONDS);
};

// Live: the lobby board's namespace tells the kiosk whenever the queue changes.
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
const scheduleRefresh = (delay = 300) => {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void refresh();
  }, delay);
};

const refresh = async () => {
  if (!api) return;
  try {
    const next = await api.state();
    clockOffset = Date.parse(next.now) - Date.now();
    state.kiosk = next;
    state.online = true;
    render();
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'UNAUTHENTICATED') return unpaired('Token kiosk tidak berlaku lagi. / The kiosk token is no longer valid.');
    state.online = false;
    render();
  }
};

const connectLive = (officeId: string) => {
  socket?.close();
  socket = io('/display', { auth: { officeId }, transports: ['websocket', 'polling'] });
  socket.on('connect', () => {
    state.online = true;
    scheduleRefresh(0);
  });
  socket.on('disconnect', () => {
    state.online = false;
    render();
  });
  socket.on('state', () => scheduleRefresh());
};

const unpaired = (error?: string) => {
  forgetToken();
  token = null;
  api = null;
  state.kiosk = null;
  socket?.close();
  socket = null;
  show({ kind: 'pairing', ...(error ? { error } : {}) });
};

/** Checks a token with the server; keeps it only when the server knows it. */
const pair = async (candidate: string): Promise<boolean> => {
  const trial = kioskApi(candidate);
  try {
    const me = await trial.me();
    token = candidate;
    api = trial;
    saveToken(candidate);
    connectLive(me.officeId);
    await refresh();
    show({ kind: 'home' });
    return true;
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'NETWORK' && loadToken() === candidate) {
      // The server is away; keep the token and try again shortly.
      show({ kind: 'error', code: 'NETWORK', message: err.message });
      setTimeout(() => void pair(candidate), 5000);
      return false;
    }
    unpaired('Token tidak dikenal server. / The server does not know this token.');
    return false;
  }
};

const statusUrlOf = (ticket: PublicTicket) =>
  `${(state.kiosk?.publicBaseUrl ?? location.origin).replace(/\/+$/, '')}${ticket.statusUrl}`;

/** `booked`: the ticket answers a booking's check-in, so the screen and the paper say so. */
const presentTicket = async (ticket: PublicTicket, booked: boolean) => {
  lastTicket = ticket;
  const statusUrl = statusUrlOf(ticket);
  const qrSvg = await QRCode.toString(statusUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const k = state.kiosk!;
  await preparePrint(regions.print, pageStyle, {
    ticket, booked, officeName: k.office.name, timezone: k.office.timezone, service: k.services.find((s) => s.code === ticket.service), qrSvg, statusUrl, kioskName: k.kiosk.name,
  }, state.settings.paper);
  show({ kind: 'ticket', ticket, qrSvg, statusUrl, printing: state.settings.autoPrint, booked }, TICKET_SECONDS);
  if (state.settings.autoPrint) await printNow();
};

const withBusy = async (text: { id: string; en: string }, booked: boolean, work: () => Promise<PublicTicket>) => {
  if (busy || !api || !state.kiosk) return;
  busy = true;
  show({ kind: 'busy', text });
  try {
    const ticket = await work();
    state.priority = null;
    wedge.set('');
    await presentTicket(ticket, booked);
  } catch (err) {
    failWith(err);
  } finally {
    busy = false;
    scheduleRefresh(0);
  }
};

const issue = (service: string) =>
  withBusy({ id: 'Mengambil nomor…', en: 'Getting your number…' }, false, () => api!.issue(state.kiosk!.office.id, service, state.priority));

const checkIn = (raw: string) => {
  const code = codeFromScan(raw);
  if (!code) return;
  wedge.set('');
  return withBusy({ id: 'Memeriksa reservasi…', en: 'Checking your booking…' }, true, () => api!.checkIn(state.kiosk!.office.id, code));
};

const codeInput = $<HTMLInputElement>('code');
const wedge = attachWedge(codeInput, {
  active: () => !['pairing', 'settings', 'loading'].includes(state.screen.kind) && !busy,
  onInterrupt: () => {
    if (state.screen.kind === 'ticket' || state.screen.kind === 'error') goHome();
  },
  onSubmit: (raw) => void checkIn(raw),
  onInput: () => {
    lastActivity = Date.now();
    $('checkin').classList.toggle('typing', codeInput.value.length > 0);
  },
});

// Taps: one listener for every button, by its data-action.
document.addEventListener('click', (e) => {
  lastActivity = Date.now();
  const button = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!button) return;
  const action = button.dataset.action!;
  switch (action) {
    case 'service':
      return void issue(button.dataset.code!);
    case 'priority': {
      const value = button.dataset.value as Priority;
      state.priority = state.priority === value ? null : value;
      return render();
    }
    case 'keypad':
      return setKeypad(!keypadOpen);
    case 'key':
      return wedge.set(wedge.value() + button.dataset.key);
    case 'backspace':
      return wedge.set(wedge.value().slice(0, -1));
    case 'clear':
      return wedge.set('');
    case 'checkin':
      return void checkIn(wedge.value());
    case 'done':
      return goHome();
    case 'reprint':
      if (lastTicket) void printNow();
      return;
    case 'settings':
      return show({ kind: 'settings', unlocked: false });
    case 'unpair':
      return unpaired();
  }
});

document.addEventListener('submit', (e) => {
  const form = e.target as HTMLFormElement;
  e.preventDefault();
  const data = new FormData(form);
  if (form.dataset.form === 'pair') {
    const candidate = String(data.get('token') ?? '').trim();
    if (!candidate) return;
    show({ kind: 'pairing', busy: true });
    void pair(candidate);
  } else if (form.dataset.form === 'unlock') {
    if (String(data.get('token') ?? '').trim() === token) show({ kind: 'settings', unlocked: true });
    else show({ kind: 'settings', unlocked: false, error: 'Token salah. / Wrong token.' });
  } else if (form.dataset.form === 'settings') {
    state.settings = { paper: (data.get('paper') === '58' ? 58 : 80) as PaperWidth, autoPrint: data.get('autoPrint') === 'on' };
    saveSettings(state.settings);
    goHome();
  }
});

regions.keypad.innerHTML = keypadHtml();

setInterval(() => {
  state.clockMs = Date.now() + clockOffset;
  setHtml(regions.header, headerHtml(state));
  tickCountdown();
  // An idle kiosk forgets a half-typed code and a chosen priority.
  if (state.screen.kind === 'home' && Date.now() - lastActivity > IDLE_SECONDS * 1000 && (wedge.value() || state.priority)) {
    state.priority = null;
    wedge.set('');
    setKeypad(false);
    render();
  }
}, 1000);
setInterval(() => void refresh(), REFRESH_MS);

const start = async () => {
  const fromLink = takeTokenFromHash();
  state.settings = loadSettings();
  const candidate = fromLink ?? loadToken();
  if (!candidate) return show({ kind: 'pairing' });
  await pair(candidate);
};
void start();
