/** The lobby board: wiring only. Live state in, regions re-rendered, calls announced in turn. */
import './style.css';
import type { BoardState, CallEvent } from '../shared/types';
import { connectBoard, type LinkStatus } from './live';
import { parseBoardVoice } from '../shared/voiceClips';
import { Announcer } from './sound';
import * as view from './view';

const $ = (id: string) => document.getElementById(id)!;

let state: BoardState | null = null;
/** Server time minus this machine's time: the board shows the office's clock, not the TV's. */
let clockOffsetMs = 0;
/** The call being announced now; otherwise the latest call is shown large. */
let announcing: CallEvent | null = null;

const lastHtml = new Map<string, string>();
/** Only touch a region whose content changed, so the ticker's scrolling and the flash are not restarted. */
const setRegion = (id: string, html: string) => {
  if (lastHtml.get(id) === html) return;
  lastHtml.set(id, html);
  $(id).innerHTML = html;
};

const render = () => {
  if (!state) return;
  $('office-name').textContent = state.office.name;
  document.title = `Papan Antrian · ${state.office.name}`;
  setRegion('hero', view.heroView(state, announcing ?? state.lastCalls[0] ?? null));
  setRegion('recent', view.recentView(state));
  setRegion('counters', view.countersView(state));
  $('counters').classList.toggle('many', state.counters.length > 4);
  setRegion('waiting', view.waitingView(state));
  $('waiting').classList.toggle('many', state.waiting.length > 3);
  setRegion('ticker', view.tickerView(state));
  const admitted = view.admittedView(state);
  setRegion('admitted', admitted);
  $('admitted').hidden = admitted === '';
  tickClock();
};

const tickClock = () => {
  if (!state) return;
  const clock = view.officeClock(Date.now() + clockOffsetMs, state.office.timezone);
  $('clock-time').textContent = clock.time;
  $('clock-zone').textContent = clock.zone;
  $('clock-date').textContent = clock.date;
};

const flashHero = () => {
  const hero = $('hero');
  hero.classList.remove('flash');
  void hero.offsetWidth; // restart the animation
  hero.classList.add('flash');
};

/** A voice named in the board's URL wins over the office's setting (a TV known to lack a voice). */
const urlVoice = new URLSearchParams(location.search).get('voice');
const announcer = new Announcer(
  {
    start: (call, text) => {
      announcing = call;
      $('spoken').textContent = text;
      render();
      flashHero();
    },
    end: () => {
      announcing = null;
      render();
    },
  },
  // `?voice=clips` or `?voice=browser` chooses the voice; otherwise the office's choice, by default the browser's Indonesian voice where it has one.
  parseBoardVoice(urlVoice),
);

const showStatus = (status: LinkStatus) => {
  const badge = $('status');
  badge.innerHTML = view.statusView(status);
  badge.hidden = status === 'online';
  badge.className = `badge ${status}`;
  document.body.classList.toggle('offline', status !== 'online');
};

const resolveOffice = async (): Promise<string> => {
  const fromUrl = new URLSearchParams(location.search).get('office');
  if (fromUrl) return fromUrl;
  // Before any live link exists, keep asking until the server answers (the TV may boot before it).
  for (;;) {
    try {
      const res = await fetch('/api/offices', { headers: { Accept: 'application/json' } });
      if (res.ok) {
        const offices = (await res.json()) as { id: string }[];
        if (offices[0]) return offices[0].id;
      }
    } catch {
      /* offline: try again */
    }
    showStatus('offline');
    await new Promise((r) => setTimeout(r, 5000));
  }
};

const setupSound = async () => {
  const overlay = $('sound-overlay');
  if (await announcer.tryAutoEnable()) return;
  overlay.hidden = false;
  const enable = async () => {
    overlay.hidden = true;
    await announcer.enableFromGesture();
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  overlay.addEventListener('click', () => void enable(), { once: true });
  overlay.addEventListener('keydown', () => void enable(), { once: true });
};

const keepScreenOn = async () => {
  try {
    await (navigator as Navigator & { wakeLock?: { request: (t: 'screen') => Promise<unknown> } }).wakeLock?.request('screen');
  } catch {
    /* not supported or not allowed: the TV's own settings apply */
  }
};

const start = async () => {
  showStatus('connecting');
  void setupSound();
  const officeId = await resolveOffice();
  connectBoard('', officeId, {
    state: (next) => {
      state = next;
      if (!urlVoice && next.voice) announcer.setVoice(next.voice);
      clockOffsetMs = Date.parse(next.now) - Date.now();
      render();
    },
    called: (call) => announcer.enqueue(call),
    status: showStatus,
  });
  setInterval(tickClock, 1000);
  void keepScreenOn();
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void keepScreenOn());
};

void start();
