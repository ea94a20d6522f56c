/**
 * The SKM report (domain/skm) as CSV, made like the other reports (domain/reportCsv: UTF-8 with a
 * byte-order mark, one bilingual header row from the catalogue, CRLF, no formula cells): a row per
 * service, then the total. `;` with decimal commas suits a spreadsheet set to Indonesian.
 */
import { SKM_ELEMENTS, type SkmFigures, type SkmReport } from '../../shared/skm';
import { bilingualText } from './messages';
import { csvTable } from './reportCsv';

export const skmCsv = (r: SkmReport, delimiter: ',' | ';' = ','): string => {
  const header = [
    bilingualText('csv_from'), bilingualText('csv_to'), bilingualText('csv_kind'), bilingualText('csv_code'), bilingualText('csv_name'),
    bilingualText('csv_skm_responses'),
    ...SKM_ELEMENTS.map((e) => bilingualText('csv_skm_element', { n: e.n, name: e.name.id })),
    bilingualText('csv_skm_average'), bilingualText('csv_skm_ikm'), bilingualText('csv_skm_grade'), bilingualText('csv_skm_performance'),
  ];
  const figures = (f: SkmFigures) => [f.responses, ...f.nrr, f.average, f.ikm, f.grade, f.gradeText ? `${f.gradeText.id} / ${f.gradeText.en}` : null];
  return csvTable(
    [
      header,
      ...r.services.map((s) => [r.from, r.to, 'layanan', s.service, s.name, ...figures(s)]),
      [r.from, r.to, 'total', '', bilingualText('csv_all_services'), ...figures(r.total)],
    ],
    delimiter,
  );
};
