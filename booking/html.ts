/** Small pure helpers shared by the booking views: escaping and the pieces every screen uses. */
import type { SlotDay } from '../shared/types';
import { shortDate, timeRange, longDate, zoneName } from './format';
import { placesLeft, type State } from './state';
import { opensLabel } from './waitingRoom';
import { pickBilingual, t, type Lang, type TextKey } from './texts';

export const esc = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The screen's heading: focused after every screen change so that a screen reader reads where it is. */
export const heading = (text: string, sub?: string, ok = false): string =>
  `<h2 id="screen-title" tabindex="-1" data-focus${ok ? ' class="ok"' : ''}>${ok ? '<span aria-hidden="true">✓ </span>' : ''}${esc(text)}</h2>${sub ? `<p class="step">${esc(sub)}</p>` : ''}`;

export const backButton = (lang: Lang, action: string): string =>
  `<button type="button" class="link back" data-action="${action}">← ${esc(t(lang, 'back'))}</button>`;

export const alerts = (state: State): string =>
  `${state.error ? `<div class="alert" role="alert">${esc(state.error)}</div>` : ''}${
    state.flash ? `<div class="flash" role="status">${esc(state.flash)}</div>` : ''
  }`;

export const places = (lang: Lang, n: number): string => (n === 1 ? t(lang, 'placeLeft1') : t(lang, 'placesLeft', { n }));

export type Field = { name: string; label: TextKey; hint?: string; value: string; attrs: string };

/** A labelled input with its hint and its error tied to it for assistive technology. */
export const field = (state: State, f: Field): string => {
  const error = state.fieldErrors[f.name];
  const describedBy = [f.hint ? `${f.name}-hint` : '', error ? `${f.name}-error` : ''].filter(Boolean).join(' ');
  return `<div class="field${error ? ' invalid' : ''}">
    <label for="f-${f.name}">${esc(t(state.lang, f.label))}</label>
    ${f.hint ? `<p class="hint" id="${f.name}-hint">${esc(f.hint)}</p>` : ''}
    <input id="f-${f.name}" name="${f.name}" data-field="${f.name}" value="${esc(f.value)}" ${f.attrs}
      ${describedBy ? `aria-describedby="${describedBy}"` : ''} ${error ? 'aria-invalid="true"' : ''} />
    ${error ? `<p class="error" id="${f.name}-error">${esc(error)}</p>` : ''}
  </div>`;
};

/**
 * The days up to the office's booking horizon with their places left or why they are closed, and the chosen day's slots.
 * Used by the booking flow and by rescheduling (`current` marks the slot the booking holds now).
 */
export const dayAndSlotPicker = (state: State, timezone: string, current?: number): string => {
  const { lang } = state;
  if (!state.days) return `<p class="loading" role="status">${esc(t(lang, 'loading'))}</p>`;
  const dayItem = (day: SlotDay): string => {
    const label = esc(shortDate(day.date, lang));
    if (day.closed) {
      return `<li class="day off"><span class="d">${label}</span><span class="n">${esc(t(lang, 'closed'))}</span>
        <span class="why">${esc(pickBilingual(day.reason ?? '', lang))}</span></li>`;
    }
    if (day.slots.length === 0) return `<li class="day off"><span class="d">${label}</span><span class="n">${esc(t(lang, 'noSlots'))}</span></li>`;
    // A day not released yet can be chosen: its slots show when it opens, and its waiting room.
    if (day.opensAt) {
      return `<li class="day"><button type="button" data-action="day" data-date="${day.date}" aria-pressed="${state.date === day.date}">
        <span class="d">${label}</span><span class="n">${esc(opensLabel(lang, day.opensAt))}</span></button></li>`;
    }
    const left = placesLeft(day);
    if (left === 0) return `<li class="day off"><span class="d">${label}</span><span class="n">${esc(t(lang, 'full'))}</span></li>`;
    const chosen = state.date === day.date;
    return `<li class="day"><button type="button" data-action="day" data-date="${day.date}" aria-pressed="${chosen}">
      <span class="d">${label}</span><span class="n">${esc(places(lang, left))}</span></button></li>`;
  };
  const anyBookable = state.days.some((d) => !d.closed && placesLeft(d) > 0);
  const day = state.days.find((d) => d.date === state.date);
  const slots = day
    ? `<h3 id="slots-title" tabindex="-1">${esc(t(lang, 'chooseSlot'))}: ${esc(longDate(day.date, lang))}</h3>
      <ul class="slots">${day.slots
        .map((s) => {
          const when = `${esc(timeRange(s.start, s.end, lang))} ${esc(zoneName(timezone))}`;
          if (s.id === current) return `<li class="slot off current"><span>${when}</span><span>${esc(t(lang, 'current'))}</span></li>`;
          if (!s.bookable) {
            return `<li class="slot off"><span>${when}</span><span>${esc(s.remaining === 0 ? t(lang, 'full') : t(lang, 'slotUnavailable'))}</span></li>`;
          }
          return `<li class="slot"><button type="button" data-action="slot" data-id="${s.id}" aria-pressed="${state.slotId === s.id}">
            <span>${when}</span><span>${esc(places(lang, s.remaining))}</span></button></li>`;
        })
        .join('')}</ul>`
    : '';
  return `${anyBookable ? '' : `<p class="note">${esc(t(lang, 'nothingBookable', { days: state.days.length }))}</p>`}
    <ul class="days" aria-label="${esc(t(lang, 'chooseDay'))}">${state.days.map(dayItem).join('')}</ul>${slots}`;
};
