/** Small pure helpers for the admin views: escaping, bilingual labels, form controls, dates in the office's zone. */
export const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Indonesian first, English second (smaller, muted). */
export const bi = (id: string, en: string): string => `${esc(id)} <span class="en">${esc(en)}</span>`;

export const WEEKDAYS: [number, string, string][] = [
  [1, 'Senin', 'Mon'], [2, 'Selasa', 'Tue'], [3, 'Rabu', 'Wed'], [4, 'Kamis', 'Thu'], [5, 'Jumat', 'Fri'], [6, 'Sabtu', 'Sat'], [7, 'Minggu', 'Sun'],
];
export const weekdayName = (n: number): string => WEEKDAYS.find((w) => w[0] === n)?.[1] ?? String(n);

let uid = 0;
export type Attrs = Record<string, string | number | boolean | null | undefined>;
const attrs = (a: Attrs = {}): string =>
  Object.entries(a)
    .filter(([, v]) => v !== false && v !== null && v !== undefined)
    .map(([k, v]) => (v === true ? k : `${k}="${esc(v)}"`))
    .join(' ');

/** A labelled control; `hint` explains, in Indonesian and English. */
export const field = (labelId: string, labelEn: string, control: (id: string) => string, hint?: string): string => {
  const id = `f${++uid}`;
  return `<div class="field"><label for="${id}">${bi(labelId, labelEn)}</label>${control(id)}${hint ? `<p class="hint">${hint}</p>` : ''}</div>`;
};

export const input = (name: string, value: unknown, a: Attrs = {}) => (id: string) =>
  `<input id="${id}" name="${esc(name)}" value="${esc(value)}" ${attrs({ type: 'text', ...a })} />`;

export const textarea = (name: string, value: unknown, a: Attrs = {}) => (id: string) =>
  `<textarea id="${id}" name="${esc(name)}" ${attrs({ rows: 2, ...a })}>${esc(value)}</textarea>`;

export const select = (name: string, options: [string, string][], value: string, a: Attrs = {}) => (id: string) =>
  `<select id="${id}" name="${esc(name)}" ${attrs(a)}>${options
    .map(([v, label]) => `<option value="${esc(v)}"${v === value ? ' selected' : ''}>${esc(label)}</option>`)
    .join('')}</select>`;

export const checkbox = (name: string, checked: boolean, labelId: string, labelEn: string, a: Attrs = {}): string =>
  `<label class="check"><input type="checkbox" name="${esc(name)}" ${attrs({ checked, ...a })} /> ${bi(labelId, labelEn)}</label>`;

export const button = (labelId: string, labelEn: string, a: Attrs = {}, kind = ''): string =>
  `<button ${attrs({ type: 'button', class: `btn ${kind}`.trim(), ...a })}>${bi(labelId, labelEn)}</button>`;

export const submit = (labelId: string, labelEn: string, kind = 'primary'): string => `<button type="submit" class="btn ${kind}">${bi(labelId, labelEn)}</button>`;

/** A column header seen only by screen readers (a row's buttons, a row's code): never an empty <th>. */
export const hiddenTh = (id: string, en: string): string => `<th><span class="sr-only">${esc(id)} / ${esc(en)}</span></th>`;

export const section = (titleId: string, titleEn: string, body: string, extra = ''): string =>
  `<section class="card"><h2>${bi(titleId, titleEn)}${extra}</h2>${body}</section>`;

export const badge = (text: string, kind = ''): string => `<span class="badge ${kind}">${esc(text)}</span>`;

/** '2026-11-24' → 'Sel, 24 Nov 2026'. */
export const dateText = (date: string | null): string => {
  if (!date) return '';
  const d = new Date(`${date}T12:00:00Z`);
  return new Intl.DateTimeFormat('id-ID', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
};

/** An instant (epoch ms or ISO) as a local date and time in the office's zone. */
export const instantText = (at: number | string | null, zone: string): string => {
  if (at === null) return '–';
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(at));
};

export const num = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : String(n).replace('.', ','));
