/** Jadwal sesi: a service's weekly slot template (with a generator) and its per-date overrides. */
import { WEEKDAYS, bi, button, checkbox, dateText, esc, field, input, section, hiddenTh } from '../html';
import type { SlotRow, State } from '../state';
import type { OpeningHours } from '../../shared/staffTypes';

const rowInputs = (r: SlotRow, i: number, prefix: string, weekday?: number, outside = false): string =>
  `<tr data-row="${i}"${weekday ? ` data-weekday="${weekday}"` : ''}${outside ? ` class="outside-hours" title="Di luar jam buka: sesi ini tidak dibuat / Outside the opening hours: not made"` : ''}>
    <td><input data-col="start" type="time" value="${esc(r.start)}" required aria-label="Mulai / Start" /></td>
    <td><input data-col="end" type="time" value="${esc(r.end)}" required aria-label="Selesai / End" /></td>
    <td><input data-col="capacity" type="number" min="1" max="10000" value="${esc(r.capacity)}" required class="cap" aria-label="Kapasitas / Capacity" /></td>
    <td>${button('×', 'remove', { 'data-action': `${prefix}-remove-row`, 'data-index': i, title: 'Hapus sesi / Remove slot', 'aria-label': 'Hapus sesi / Remove slot' }, 'small icon ghost')}</td>
  </tr>`;

const HEAD = `<thead><tr><th>${bi('Mulai', 'Start')}</th><th>${bi('Selesai', 'End')}</th><th>${bi('Tempat', 'Places')}</th>${hiddenTh('Tindakan', 'Actions')}</tr></thead>`;

/** Whether a slot lies inside one of its weekday's opening intervals: the server makes no slot outside them (a lunch break, Friday prayer). */
const insideHours = (hours: readonly OpeningHours[], weekday: number, r: SlotRow): boolean =>
  hours.some((h) => h.weekday === weekday && h.open <= r.start && r.end <= h.close);

/** The week as seven blocks, each with its own slots; rows keep their index in the flat list. Rows outside the opening hours are marked. */
const templateEditor = (rows: SlotRow[], hours: readonly OpeningHours[]): string =>
  `<div class="week-editor" data-rows="tpl">${WEEKDAYS.map(([n, id, en]) => {
    const day = rows.map((r, i) => [r, i] as const).filter(([r]) => r.weekday === n);
    const places = day.reduce((sum, [r]) => sum + Number(r.capacity || 0), 0);
    const outside = day.filter(([r]) => !insideHours(hours, n, r)).length;
    return `<div class="weekday${day.length ? '' : ' off'}"><h3>${bi(id, en)} <span class="small muted">${day.length ? `${day.length} sesi · ${places} tempat` : 'tidak ada sesi'}</span>${
      day.length && outside ? ` <span class="badge warn" title="Sesi di luar jam buka tidak dibuat / Slots outside the opening hours are not made">${outside} di luar jam buka</span>` : ''
    }</h3>
      ${day.length ? `<table class="slot-rows">${HEAD}<tbody>${day.map(([r, i]) => rowInputs(r, i, 'tpl', n, !insideHours(hours, n, r))).join('')}</tbody></table>` : ''}
      ${button('+ Sesi', 'Add', { 'data-action': 'tpl-add-row', 'data-weekday': n }, 'small')}</div>`;
  }).join('')}</div>`;

const dayEditor = (rows: SlotRow[], date: string): string =>
  `<div data-rows="ovr">${
    rows.length
      ? `<table class="slot-rows">${HEAD}<tbody>${rows.map((r, i) => rowInputs(r, i, 'ovr')).join('')}</tbody></table>`
      : date
        ? `<p class="muted">${bi('Tidak ada sesi pada tanggal ini.', 'No slots on this date.')}</p>`
        : `<p class="muted">${bi('Pilih tanggal: sesinya dimulai dari jadwal mingguan hari itu.', "Choose a date: its slots start from that weekday's template.")}</p>`
  }</div>`;

const generator = (st: State): string => {
  const open = new Set(st.snap!.hours.map((h) => h.weekday));
  const first = st.snap!.hours[0];
  // A day with a break has several intervals: generate across the whole day (slots in the break are never made).
  const last = st.snap!.hours.filter((h) => h.weekday === first?.weekday).at(-1);
  return `<details class="generator"><summary>${bi('Isi otomatis dari jam buka', 'Fill from a pattern')}</summary>
    <form class="row gap wrap" data-form="tpl-generate">
      <div class="days">${WEEKDAYS.map(([n, id]) => checkbox(`day${n}`, open.has(n), id, '')).join('')}</div>
      ${field('Dari', 'From', input('from', first?.open ?? '08:00', { type: 'time', required: true }))}
      ${field('Sampai', 'Until', input('to', last?.close ?? '15:00', { type: 'time', required: true }))}
      ${field('Tiap (menit)', 'Every (min)', input('every', 60, { type: 'number', min: 10, max: 480, required: true, class: 'narrow' }))}
      ${field('Kapasitas per sesi', 'Places per slot', input('capacity', 20, { type: 'number', min: 1, max: 10000, required: true, class: 'narrow' }))}
      <div class="actions"><button type="submit" class="btn">${bi('Ganti baris di bawah', 'Replace the rows below')}</button></div>
    </form></details>`;
};

export const slotsView = (st: State): string => {
  const snap = st.snap!;
  const code = st.slotService;
  const service = snap.services.find((s) => s.code === code);
  const tabs = `<div class="tabs" role="tablist">${snap.services
    .map((s) => `<button type="button" role="tab" class="tab${s.code === code ? ' active' : ''}" aria-selected="${s.code === code}" data-action="slot-service" data-code="${esc(s.code)}"><span class="svc">${esc(s.code)}</span> ${esc(s.nameId)}</button>`)
    .join('')}</div>`;
  if (!service) return section('Jadwal sesi', 'Slots', `${tabs}<p class="muted">${bi('Tambahkan layanan dulu.', 'Add a service first.')}</p>`);
  const rows = st.templateDraft ?? service.templates;
  const template = `${generator(st)}
    ${templateEditor(rows, snap.hours)}
    <div class="actions">
      ${button('Simpan jadwal mingguan', 'Save the weekly template', { 'data-action': 'tpl-save' }, 'primary')}
      ${st.templateDraft ? button('Batalkan perubahan', 'Discard changes', { 'data-action': 'tpl-reset' }, 'ghost') : ''}
    </div>
    <p class="hint">${bi(
      'Menyimpan merencanakan ulang sesi mendatang yang belum dipesan. Sesi yang sudah ada reservasinya tidak pernah dihapus atau dikurangi di bawah jumlah reservasinya.',
      'Saving re-plans future slots without bookings. A slot with bookings is never removed or reduced below its bookings.',
    )}</p>`;
  const overrides = snap.overrides.filter((o) => o.service === code);
  const list = overrides.length
    ? `<table class="grid compact"><thead><tr><th>${bi('Tanggal', 'Date')}</th><th>${bi('Sesi', 'Slots')}</th>${hiddenTh('Tindakan', 'Actions')}</tr></thead><tbody>${overrides
        .map(
          (o) => `<tr><td>${esc(dateText(o.date))}</td><td>${
            o.slots.length ? o.slots.map((x) => `${esc(x.start)}–${esc(x.end)} (${x.capacity})`).join(', ') : `<span class="badge bad">tanpa sesi</span>`
          }</td><td>${button('Kembali ke jadwal mingguan', 'Back to the weekly template', { 'data-action': 'override-clear', 'data-date': o.date }, 'small')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="muted">${bi('Belum ada perubahan per tanggal.', 'No per-date changes.')}</p>`;
  const draft = st.overrideDraft ?? { date: '', rows: [] };
  const overrideForm = `<div class="override-form">
      <div class="row gap wrap">
        ${field('Tanggal', 'Date', input('overrideDate', draft.date, { type: 'date', min: snap.today, 'data-override-date': true }))}
      </div>
      ${dayEditor(draft.rows, draft.date)}
      <div class="actions">
        ${button('Tambah sesi', 'Add a slot', { 'data-action': 'ovr-add-row' })}
        ${button('Simpan untuk tanggal ini', 'Save for this date', { 'data-action': 'ovr-save' }, 'primary')}
      </div>
      <p class="hint">${bi('Tanpa baris: tidak ada sesi pada tanggal itu (mis. cuti bersama).', 'No rows: no slots that day (e.g. a collective leave day).')}</p>
    </div>`;
  return `${section(`Jadwal mingguan: ${service.code} ${service.nameId}`, 'Weekly template', `${tabs}${template}`)}
    ${section('Perubahan per tanggal', 'Per-date overrides', `${list}${overrideForm}`)}`;
};

/** The weekday rows a pattern makes: every `every` minutes from `from` until `to`, on the chosen days. */
export const generateRows = (days: number[], from: string, to: string, every: number, capacity: number): SlotRow[] => {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const rows: SlotRow[] = [];
  for (const weekday of days) {
    for (let m = minutes(from); m + every <= minutes(to); m += every) rows.push({ weekday, start: hhmm(m), end: hhmm(m + every), capacity });
  }
  return rows;
};
