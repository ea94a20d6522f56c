/**
 * Survei Kepuasan Masyarakat (SKM) in the reports: the IKM per service and over all services for
 * the chosen period, the mean of each element U1–U9, the grade, the latest suggestions, and the
 * CSV download (GET /api/offices/{id}/reports/skm). Drawn inside the reports section; it loads its
 * own data once per loaded report (a new period or office loads it again) and fills its element in place.
 */
import { SKM_ELEMENTS, SKM_GRADES, SURVEY_WINDOW_DAYS, type SkmFigures, type SkmReport } from '../../shared/skm';
import { api } from '../api';
import { bi, dateText, esc, num, section } from '../html';
import type { Report, State } from '../state';
import './skm.css';

type Loaded = { report: SkmReport | null; error: string | null };
/** One answer per loaded main report: a reload of the reports (new period, office or "Show") asks again. */
const loaded = new WeakMap<Report, Loaded>();

const GRADE_KIND: Record<string, string> = { A: 'ok', B: 'ok', C: 'warn', D: 'bad' };

const gradeCell = (f: SkmFigures): string =>
  f.grade ? `<span class="badge ${GRADE_KIND[f.grade]}">${esc(f.grade)}</span> ${bi(f.gradeText!.id, f.gradeText!.en)}` : '–';

const row = (label: string, f: SkmFigures, cls = ''): string =>
  `<tr${cls ? ` class="${cls}"` : ''}><td>${label}</td><td class="num">${f.responses}</td>${f.nrr.map((v) => `<td class="num">${num(v)}</td>`).join('')}<td class="num"><strong>${num(f.ikm)}</strong></td><td>${gradeCell(f)}</td></tr>`;

export const skmTable = (r: SkmReport): string => {
  const head = `<tr><th>${bi('Layanan', 'Service')}</th><th>${bi('Responden', 'Responses')}</th>${SKM_ELEMENTS.map(
    (e) => `<th><abbr title="${esc(`${e.name.id} / ${e.name.en}`)}">U${e.n}</abbr></th>`,
  ).join('')}<th>${bi('IKM', 'Index')}</th><th>${bi('Mutu', 'Grade')}</th></tr>`;
  const body = [
    ...r.services.map((s) => row(`<span class="svc">${esc(s.service)}</span> ${esc(s.name)}`, s)),
    row(bi('Semua layanan', 'All services'), r.total, 'total'),
  ].join('');
  const comments = r.comments.length
    ? `<h3 class="skm-comments-title">${bi('Saran dan masukan terbaru', 'Latest suggestions')}</h3><ul class="skm-comments">${r.comments
        .map((c) => `<li><span class="muted">${esc(dateText(c.date))} · ${esc(c.service)}</span> ${esc(c.text)}</li>`)
        .join('')}</ul>`
    : '';
  return `<div class="skm-scroll"><table class="grid numbers skm" data-testid="skm-table"><thead>${head}</thead><tbody>${body}</tbody></table></div>
    <p class="hint skm-hint">${bi(
      `U1–U9: nilai rata-rata (NRR, 1–4) tiap unsur: ${SKM_ELEMENTS.map((e) => `U${e.n} ${e.name.id}`).join(', ')}. IKM = rata-rata tertimbang (1/9 tiap unsur) × 25. Mutu: A ${SKM_GRADES.A.id} 88,31–100; B ${SKM_GRADES.B.id} 76,61–88,30; C ${SKM_GRADES.C.id} 65,00–76,60; D ${SKM_GRADES.D.id} 25,00–64,99. Survei tanpa nama, sekali per nomor antrean, sampai ${SURVEY_WINDOW_DAYS} hari setelah selesai dilayani; dihitung per tanggal nomor antrean.`,
      'U1–U9: the mean score of each element. IKM = the weighted mean × 25 (PermenPANRB 14/2017). Anonymous, once per ticket, by the ticket\'s day.',
    )}</p>${comments}`;
};

/** The SKM card for the loaded report's period; its data arrive after the page is drawn. */
export const skmView = (st: State): string => {
  const report = st.report.data;
  if (!report || !st.officeId) return '';
  const office = encodeURIComponent(st.officeId);
  const { from, to } = st.report;
  const path = `/offices/${office}/reports/skm?from=${from}&to=${to}`;
  const csv = (delimiter: string) => `/api${path}&format=csv${delimiter ? `&delimiter=${delimiter}` : ''}`;
  let state = loaded.get(report);
  if (!state) {
    state = { report: null, error: null };
    loaded.set(report, state);
    const mine = state;
    api<SkmReport>('GET', path)
      .then((r) => (mine.report = r))
      .catch((e: unknown) => (mine.error = e instanceof Error ? e.message : String(e)))
      .finally(() => {
        const el = document.getElementById('skm-report');
        if (el && st.report.data === report) el.innerHTML = skmBody(mine);
      });
  }
  const downloads = `<div class="actions downloads">
      <a class="btn" href="${esc(csv(''))}" download>${bi('Unduh CSV SKM', 'Download SKM CSV')}</a>
      <a class="btn ghost" href="${esc(csv('semicolon'))}" download title="Excel berbahasa Indonesia memakai titik koma">${bi('CSV (;)', 'CSV for Excel ID')}</a>
    </div>`;
  return section('Survei Kepuasan Masyarakat (SKM)', 'Satisfaction survey', `<div class="row gap wrap">${downloads}</div><div id="skm-report" aria-live="polite">${skmBody(state)}</div>`);
};

const skmBody = (state: Loaded): string => {
  if (state.error) return `<p class="alert bad">${esc(state.error)}</p>`;
  if (!state.report) return `<p class="muted">${bi('Memuat…', 'Loading…')}</p>`;
  if (state.report.total.responses === 0) {
    return `<p class="muted" data-testid="skm-empty">${bi('Belum ada jawaban survei untuk periode ini.', 'No survey answers for this period yet.')}</p>`;
  }
  return skmTable(state.report);
};
