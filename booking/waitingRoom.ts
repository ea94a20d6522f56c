/**
 * The booking page's waiting room (API.md "Release and waiting room"). A visitor enters it by
 * asking for a day that is not released yet (from its room's opening), or when a booking is
 * refused with WAITING_ROOM; the page then polls the entry and shows "you are number N in the
 * queue, about M minutes", live, and moves on by itself once admitted: back to the booking it
 * was sending (sent again with the admission), or to the day's slots. The entry is kept in
 * sessionStorage, so a reload keeps the place.
 */
import type { SlotDay } from '../shared/types';
import type { WaitingRoomEntryView, WaitingRoomJoined } from '../shared/waitingRoom';
import { ApiFailure, requestJson } from '../shared/apiClient';
import { localTime, longDate } from './format';
import { esc } from './html';
import { selectedSlot, type State } from './state';
import { t as pageText, type Lang } from './texts';

const TEXTS = {
  title: { id: 'Ruang tunggu', en: 'Waiting room' },
  day: { id: 'Kuota {date}', en: 'Places for {date}' },
  beforeRelease: {
    id: 'Kuota dibuka pukul {time}. Saat itu urutan semua yang sudah menunggu diundi: datang lebih awal tidak diutamakan. Biarkan halaman ini terbuka.',
    en: 'Places open at {time}. Then everyone already waiting is put in a random order: coming earlier gives no advantage. Keep this page open.',
  },
  inRoom: { id: '{n} orang di ruang tunggu', en: '{n} people in the waiting room' },
  number: { id: 'Anda nomor {n} dalam antrean', en: 'You are number {n} in the queue' },
  about: { id: 'sekitar {m} menit', en: 'about {m} minutes' },
  soon: { id: 'sebentar lagi', en: 'any moment now' },
  drawn: { id: 'Nomor undian Anda: {position}', en: 'Your place in the draw: {position}' },
  noPlaces: {
    id: 'Kuota saat ini sudah terisi. Anda tetap dalam antrean: bila ada pembatalan atau waktu pemesan lain habis, giliran berpindah.',
    en: 'All places are taken for now. You stay in the queue: a cancellation or an unused turn passes on.',
  },
  admitted: { id: 'Giliran Anda! Selesaikan pemesanan sebelum pukul {time}.', en: 'Your turn! Finish booking before {time}.' },
  expired: { id: 'Waktu memesan Anda sudah habis dan giliran berpindah.', en: 'Your time to book has ended and your turn has passed on.' },
  used: { id: 'Giliran ini sudah dipakai untuk satu reservasi.', en: 'This turn has been used for a booking.' },
  rejoin: { id: 'Masuk ruang tunggu lagi', en: 'Join the waiting room again' },
  leave: { id: 'Keluar dari ruang tunggu', en: 'Leave the waiting room' },
  opensAt: { id: 'Dibuka {time}', en: 'Opens {time}' },
  unreleased: { id: 'Kuota hari ini dibuka {date} pukul {time} dan dibagikan lewat ruang tunggu.', en: "This day's places open on {date} at {time} and are given out through a waiting room." },
  join: { id: 'Masuk ruang tunggu', en: 'Join the waiting room' },
  joining: { id: 'Masuk…', en: 'Joining…' },
} as const;

type Key = keyof typeof TEXTS;
const t = (lang: Lang, key: Key, params: Record<string, string | number> = {}): string =>
  TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

type Entry = WaitingRoomJoined & { officeId: string; date: string };
const STORE_KEY = 'giliran.waitingRoom';

const saved = (): Entry | null => {
  try {
    const raw = sessionStorage.getItem(STORE_KEY);
    return raw ? (JSON.parse(raw) as Entry) : null;
  } catch {
    return null;
  }
};
const keep = (entry: Entry | null): void => {
  try {
    if (entry) sessionStorage.setItem(STORE_KEY, JSON.stringify(entry));
    else sessionStorage.removeItem(STORE_KEY);
  } catch {
    // A private window without storage: the place lasts as long as the page.
  }
};

export type WaitingRoomHooks = {
  state: State;
  /** Redraws the page (the room paints itself into it). */
  render: () => void;
  /** Sends with the proof of work where the server asks for one. */
  prove: <T>(send: (altcha: string | undefined) => Promise<T>) => Promise<T>;
  /** Admitted: `resend` when the room was entered from a refused booking, otherwise show the day's slots. */
  admitted: (resend: boolean) => void | Promise<void>;
};

/** The polls' pace: the server's suggestion; before the draw spread over a second, so that the room does not ask all at once. */
const pollDelay = (view: WaitingRoomEntryView | null): number => (!view ? 2000 : view.pollAfterMs + (view.drawn ? 0 : Math.random() * 1000));

export const createWaitingRoom = (hooks: WaitingRoomHooks) => {
  const { state } = hooks;
  let entry: Entry | null = saved();
  let view: WaitingRoomEntryView | null = null;
  /** The waiting screen is showing (entered and not yet admitted, or ended). */
  let showing = false;
  let resend = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let error: string | null = null;
  let joining = false;
  /** Following an entry kept from before a reload: shown only while it still waits. */
  let resuming = false;

  const call = <T>(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>) =>
    requestJson<T>(method, `/api${path}`, body, {
      lang: state.lang,
      ...(headers ? { headers } : {}),
      networkMessage: pageText(state.lang, 'network'),
      failedMessage: (status) => pageText(state.lang, 'failed', { status }),
    });

  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };

  const poll = async (): Promise<void> => {
    stop();
    if (!entry) return;
    try {
      view = await call<WaitingRoomEntryView>('GET', `/waiting-room/${encodeURIComponent(entry.entryId)}`, undefined, { Authorization: `Bearer ${entry.token}` });
      error = null;
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'NOT_FOUND') {
        entry = null;
        keep(null);
        showing = false;
        return hooks.render();
      }
      error = (err as Error).message;
    }
    if (resuming && view) {
      resuming = false;
      if (view.status === 'waiting') showing = true;
      else if (view.status !== 'admitted') {
        // Used or passed: nothing left to follow.
        entry = null;
        keep(null);
        return hooks.render();
      }
    }
    if (view?.status === 'admitted' && showing) {
      showing = false;
      hooks.render();
      return void hooks.admitted(resend);
    }
    if (showing) hooks.render();
    if (!view || view.status === 'waiting') timer = setTimeout(() => void poll(), pollDelay(view));
  };

  const join = async (date: string): Promise<void> => {
    if (joining || !state.office) return;
    const officeId = state.office.id;
    if (entry && entry.officeId === officeId && entry.date === date && view?.status !== 'expired' && view?.status !== 'used') {
      showing = true;
      return poll();
    }
    joining = true;
    error = null;
    hooks.render();
    try {
      const joined = await hooks.prove((altcha) => call<WaitingRoomJoined>('POST', `/offices/${encodeURIComponent(officeId)}/waiting-room`, { date, ...(altcha ? { altcha } : {}) }));
      entry = { ...joined, officeId, date };
      keep(entry);
      view = null;
      showing = true;
    } catch (err) {
      error = (err as Error).message;
    }
    joining = false;
    hooks.render();
    if (showing) await poll();
  };

  const leave = (): void => {
    stop();
    entry = null;
    view = null;
    showing = false;
    keep(null);
    hooks.render();
  };

  const waitingHtml = (lang: Lang): string => {
    const e = entry!;
    const v = view;
    const time = (iso: string) => localTime(iso, lang);
    let body: string;
    if (!v) body = `<p class="loading" role="status">${esc(pageText(lang, 'loading'))}</p>`;
    else if (v.status === 'expired' || v.status === 'used') {
      body = `<p>${esc(t(lang, v.status))}</p><button type="button" class="primary" data-action="wr-join" data-date="${esc(e.date)}">${esc(t(lang, 'rejoin'))}</button>`;
    } else if (!v.drawn) {
      body = `<p>${esc(t(lang, 'beforeRelease', { time: time(v.opensAt) }))}</p><p class="big" data-wr="count">${esc(t(lang, 'inRoom', { n: v.position }))}</p>`;
    } else {
      const n = v.ahead + 1;
      body = `<p class="big" data-wr="number">${esc(t(lang, 'number', { n }))}</p>
        <p data-wr="minutes">${esc(v.estimatedMinutes > 0 ? t(lang, 'about', { m: v.estimatedMinutes }) : t(lang, 'soon'))}</p>
        <p class="hint">${esc(t(lang, 'drawn', { position: v.position }))}</p>
        ${v.placesLeft === 0 ? `<p class="note">${esc(t(lang, 'noPlaces'))}</p>` : ''}`;
    }
    return `<h2 id="screen-title" tabindex="-1" data-focus>${esc(t(lang, 'title'))}</h2>
      <p class="step">${esc(t(lang, 'day', { date: longDate(e.date, lang) }))}</p>
      ${error ? `<div class="alert" role="alert">${esc(error)}</div>` : ''}
      <section class="waiting-room" aria-live="polite" data-wr="room">${body}</section>
      <button type="button" class="link" data-action="wr-leave">${esc(t(lang, 'leave'))}</button>`;
  };

  /** The notice over an unreleased day's slots, or the admitted visitor's deadline over the slots and the form. */
  const noticeHtml = (lang: Lang, day: SlotDay | undefined): string => {
    if (view?.status === 'admitted' && entry && view.admittedUntil && (!day || day.date === entry.date)) {
      return `<div class="flash" role="status" data-wr="admitted">${esc(t(lang, 'admitted', { time: localTime(view.admittedUntil, lang) }))}</div>`;
    }
    if (!day?.opensAt) return '';
    return `<div class="note" data-wr="unreleased"><p>${esc(t(lang, 'unreleased', { date: longDate(day.opensAt.slice(0, 10), lang), time: localTime(day.opensAt, lang) }))}</p>
      ${error && !showing ? `<div class="alert" role="alert">${esc(error)}</div>` : ''}
      <button type="button" class="primary" data-action="wr-join" data-date="${esc(day.date)}" ${joining ? 'disabled' : ''}>${esc(t(lang, joining ? 'joining' : 'join'))}</button></div>`;
  };

  return {
    /** Paints the room into the page just drawn: the waiting screen instead of the page's own, or a notice over the slots and the form. */
    paint(app: HTMLElement): void {
      const main = app.querySelector<HTMLElement>('#main');
      if (!main) return;
      if (showing && entry) {
        main.innerHTML = waitingHtml(state.lang);
        return;
      }
      if (state.screen !== 'slots' && state.screen !== 'form') return;
      const day = state.screen === 'slots' ? state.days?.find((d) => d.date === state.date) : undefined;
      const html = noticeHtml(state.lang, day);
      if (!html) return;
      const anchor = main.querySelector('#slots-title') ?? main.querySelector('form');
      if (anchor) anchor.insertAdjacentHTML('beforebegin', html);
      else main.insertAdjacentHTML('beforeend', html);
    },
    /** The admission token for the slot being booked, when the visitor holds an open one for its day. */
    admission(): { admission: string } | Record<string, never> {
      const date = selectedSlot(state)?.date;
      return entry && view?.status === 'admitted' && entry.officeId === state.office?.id && entry.date === date ? { admission: entry.token } : {};
    },
    /** A booking was refused with WAITING_ROOM: wait in the room of its day, then send it again. */
    async enterForBooking(): Promise<void> {
      const date = selectedSlot(state)?.date;
      if (!date) return;
      resend = true;
      await join(date);
    },
    /** Handles the room's own buttons (`wr-…`); true when it did. */
    click(el: HTMLElement): boolean {
      const action = el.dataset.action;
      if (action === 'wr-join') {
        resend = false;
        void join(el.dataset.date!);
        return true;
      }
      if (action === 'wr-leave') {
        leave();
        return true;
      }
      return false;
    },
    /** The day label of an unreleased day in the calendar ("Opens 10:00"). */
    opensLabel: (lang: Lang, opensAt: string): string => t(lang, 'opensAt', { time: localTime(opensAt, lang) }),
    /** A kept entry (after a reload): show it and follow it again. */
    resume(): void {
      if (!entry) return;
      resuming = true;
      void poll();
    },
    /** The day of the room entered, if any. */
    date: (): string | null => entry?.date ?? null,
  };
};

export type WaitingRoom = ReturnType<typeof createWaitingRoom>;

/** The calendar's label for a day that is not released yet, without a room at hand (html.ts). */
export const opensLabel = (lang: Lang, opensAt: string): string => t(lang, 'opensAt', { time: localTime(opensAt, lang) });
