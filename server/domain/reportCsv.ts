/**
 * Reports as CSV that opens correctly in a spreadsheet: UTF-8 with a byte-order mark (so Excel
 * reads the Indonesian text right), one header row, CRLF line ends, and no cell a spreadsheet
 * would take for a formula. Pure presentation of the report shapes.
 */
import type { Figures, RangeReport, ServiceDayReport } from '../../shared/staffTypes';
import { bilingualText, textMessage, type TextKey } from './messages';

type Cell = string | number | null;

const cellOf = (delimiter: string) => (v: Cell) => {
  let s = v === null ? '' : typeof v === 'number' && delimiter === ';' ? String(v).replace('.', ',') : String(v);
  // A name typed as "=…" must stay text in a spreadsheet, never become a formula.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const csv = (rows: Cell[][], delimiter: ',' | ';'): string => {
  const cell = cellOf(delimiter);
  return `\uFEFF${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`;
};

/** One day's report per service, with machine-readable column names (the API's). */
export const reportCsv = (date: string, rows: ServiceDayReport[]): string =>
  csv(
    [
      ['date', 'service', 'name', 'issued', 'served', 'no_show', 'cancelled_bookings', 'average_wait_minutes', 'p90_wait_minutes', 'average_service_minutes', 'p90_service_minutes', 'urgent', 'suket'],
      ...rows.map((r) => [date, r.service, r.name, r.issued, r.served, r.noShow, r.cancelledBookings, r.averageWaitMinutes, r.p90WaitMinutes, r.averageServiceMinutes, r.p90ServiceMinutes, r.urgent, r.suket]),
    ],
    ',',
  );

const HEADER: TextKey[] = [
  'csv_from', 'csv_to', 'csv_kind', 'csv_code', 'csv_name',
  'csv_issued', 'csv_called', 'csv_served', 'csv_no_show', 'csv_cancelled_bookings',
  'csv_average_wait', 'csv_p90_wait', 'csv_average_service', 'csv_p90_service', 'csv_urgent', 'csv_suket',
];

const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/**
 * The range report as one table: a row per service, the total, a row per counter; arrivals
 * per hour as the last columns. `;` with decimal commas suits a spreadsheet set to Indonesian.
 */
export const rangeCsv = (r: RangeReport, delimiter: ',' | ';' = ','): string => {
  const hours = r.arrivalsPerHour.map((h) => h.hour);
  const header = [...HEADER.map((key) => bilingualText(key)), ...hours.map((h) => bilingualText('csv_arrivals_at', { hour: hourLabel(h) }))];
  const figures = (f: Omit<Figures, 'issued' | 'cancelledBookings' | 'urgent' | 'suket'> & { issued?: number; cancelledBookings?: number; urgent?: number; suket?: number }) => [
    f.issued ?? null, f.called, f.served, f.noShow, f.cancelledBookings ?? null, f.averageWaitMinutes, f.p90WaitMinutes, f.averageServiceMinutes, f.p90ServiceMinutes,
    f.urgent ?? null, f.suket ?? null,
  ];
  return csv(
    [
      header,
      ...r.services.map((s) => [r.from, r.to, 'layanan', s.service, s.name, ...figures(s), ...r.arrivalsPerHour.map((h) => h.byService[s.service] ?? 0)]),
      [r.from, r.to, 'total', '', bilingualText('csv_all_services'), ...figures(r.total), ...r.arrivalsPerHour.map((h) => h.total)],
      ...r.counters.map((c) => [r.from, r.to, 'loket', String(c.counterId), textMessage('csv_counter', 'id', { name: c.counter }), ...figures(c), ...hours.map(() => null)]),
    ],
    delimiter,
  );
};

/** The same spreadsheet-safe CSV for other reports (domain/skmCsv). */
export { csv as csvTable };
