/**
 * Reports for a day or a date range, from per-day figures kept in `report_days` (as
 * ../sqlite/reports.ts): a kept row is the figures of its day as it stands, because the triggers
 * of migration 0001 delete it whenever its day's tickets, steps or cancelled bookings change; a
 * day without one is computed from its rows, and kept when it lies before the office's latest
 * ticket day. The report job (`fillReportDays`) keeps the days before today, a few per short
 * transaction. Reads take no lock: a writer never waits for a report.
 *
 * Keeping a day across processes: a writer whose change commits after the figures were read
 * must still delete the row. So the row is first made as an empty placeholder (format 0, which no
 * read takes) and committed; the figures are then read and written over it in one REPEATABLE READ
 * transaction. A writer that deletes the placeholder before that transaction's snapshot leaves
 * nothing to write (the day stays unkept); one that deletes it after makes the update fail with a
 * serialization error (withTx retries, and finds nothing to write); one that comes after the
 * update waits for its commit and then deletes the kept row.
 */
import type { DateTime } from 'luxon';
import { performance } from 'node:perf_hooks';
import { addFigures, emptySum, figuresOf, reportOf, type ReportFigures, type ReportFrame } from '../../domain/rangeReport';
import type { StepEvent } from '../../domain/reportStats';
import { addDays, dateRange, todayIn } from '../../domain/time';
import * as t from './schema';
import { allRows, exec, row, rows, withTx, type Conn, type PgCtx } from './connection';
import { loadOffice, type OfficeRow } from './offices';
import { nextTurn, SLICE_MS } from './slices';
import type { RangeReport, ServiceDayReport } from '../../../shared/staffTypes';

/** The shape of the JSON in `report_days.figures`; rows of another shape are computed again (0: a placeholder, see above). */
// 2: services carry their urgent cases.
// 3: and their suket (served without a card).
export const FIGURES_FORMAT = 3;

export const DAY_TICKETS_SQL = `SELECT date, issued_service_id AS "issuedServiceId", service_id AS "serviceId", status, issued_at AS "issuedAt",
  urgent_reason IS NOT NULL AS urgent, suket FROM tickets WHERE office_id = ? AND date = ?`;
export const DAY_EVENTS_SQL = `SELECT e.ticket_id AS "ticketId", e.type AS type, e.at AS at, e.counter_id AS "counterId", e.service_id AS "serviceId"
  FROM tickets tk JOIN ticket_events e ON e.ticket_id = tk.id WHERE tk.office_id = ? AND tk.date = ? ORDER BY e.at, e.id`;
export const DAY_CANCELLED_SQL = `SELECT service_id AS "serviceId", date FROM bookings WHERE office_id = ? AND date = ? AND status = 'cancelled'`;
export const KEPT_DAYS_SQL = 'SELECT date, figures FROM report_days WHERE office_id = ? AND date >= ? AND date <= ? AND timezone = ? AND format = ?';
const KEPT_DATES_SQL = 'SELECT date FROM report_days WHERE office_id = ? AND date >= ? AND date <= ? AND timezone = ? AND format = ?';
const PLACEHOLDERS_SQL = `INSERT INTO report_days (office_id, date, timezone, format, figures, computed_at)
  SELECT ?, d, ?, 0, '', ? FROM unnest(?::text[]) AS d ON CONFLICT DO NOTHING`;
const KEEP_DAY_SQL = 'UPDATE report_days SET timezone = ?, format = ?, figures = ?, computed_at = ? WHERE office_id = ? AND date = ?';

/** One day's figures from its rows (call inside a transaction, so that the three reads agree). */
const dayFigures = async (c: Conn, office: OfficeRow, date: string): Promise<ReportFigures> => {
  const tickets = await rows<{ date: string; issuedServiceId: number; serviceId: number; status: string; issuedAt: number; urgent: boolean; suket: boolean }>(c, DAY_TICKETS_SQL, office.id, date);
  const events = tickets.length ? await rows<StepEvent>(c, DAY_EVENTS_SQL, office.id, date) : [];
  const cancelled = await rows<{ serviceId: number; date: string }>(c, DAY_CANCELLED_SQL, office.id, date);
  return figuresOf({ tickets, events, cancelled }, office.timezone);
};

/** At most this many days are set up for keeping at once (one report chunk). */
const KEEP_BATCH = 31;

/**
 * Computes and keeps the figures of the first of `dates`, as many as fit in one slice (see the
 * top of this file for how a concurrent change cannot leave a stale row). Returns the figures by
 * date of the days it computed, and how many of them it kept. (`computed_at` is for whoever
 * inspects the table; nothing reads it.)
 */
const keepDays = async (
  ctx: PgCtx,
  office: OfficeRow,
  dates: readonly string[],
  nowMs: number,
): Promise<{ done: Map<string, ReportFigures>; kept: number }> => {
  const batch = dates.slice(0, KEEP_BATCH);
  await exec(ctx, PLACEHOLDERS_SQL, office.id, office.timezone, nowMs, batch);
  return withTx(ctx, async (tx) => {
    await tx.client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const done = new Map<string, ReportFigures>();
    let kept = 0;
    const started = performance.now();
    for (const date of batch) {
      const figures = await dayFigures(tx, office, date);
      kept += await exec(tx, KEEP_DAY_SQL, office.timezone, FIGURES_FORMAT, JSON.stringify(figures), nowMs, office.id, date);
      done.set(date, figures);
      if (performance.now() - started > SLICE_MS) break;
    }
    return { done, kept };
  });
};

const reportFrame = async (c: Conn, office: OfficeRow, from: string, to: string): Promise<ReportFrame> => ({
  office,
  from,
  to,
  services: await allRows(c, t.services, 'WHERE office_id = ? ORDER BY position, code', office.id),
  counters: await allRows(c, t.counters, 'WHERE office_id = ? ORDER BY id', office.id),
  hours: await rows<{ open: string; close: string }>(c, 'SELECT open, close FROM opening_hours WHERE office_id = ?', office.id),
});

const LATEST_TICKET_DAY_SQL = 'SELECT max(date) AS d FROM tickets WHERE office_id = ?';

/** Days read and added per step of a report: about a month of kept rows. */
const CHUNK_DAYS = 31;

export const rangeReport = async (ctx: PgCtx, officeId: string, from: string, to: string): Promise<RangeReport> => {
  const office = await loadOffice(ctx, officeId);
  const frame = await reportFrame(ctx, office, from, to);
  // A day before the latest day with tickets is over: its figures can be kept.
  const latest = (await row<{ d: string | null }>(ctx, LATEST_TICKET_DAY_SQL, officeId))?.d ?? '';
  const dates = from <= to ? dateRange(from, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1) : [];
  const sum = emptySum();
  let sliceStart = performance.now();
  const pause = async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await nextTurn();
    sliceStart = performance.now();
  };
  for (let i = 0; i < dates.length; i += CHUNK_DAYS) {
    const chunk = dates.slice(i, i + CHUNK_DAYS);
    const kept = new Map(
      (await rows<{ date: string; figures: string }>(ctx, KEPT_DAYS_SQL, officeId, chunk[0], chunk.at(-1), office.timezone, FIGURES_FORMAT))
        .map((r) => [r.date, r.figures]),
    );
    const pending = chunk.filter((d) => !kept.has(d) && d < latest);
    const made = new Map<string, ReportFigures>();
    for (const date of chunk) {
      let figures: ReportFigures | undefined;
      const text = kept.get(date);
      if (text !== undefined) figures = JSON.parse(text) as ReportFigures;
      else if (date < latest) {
        if (!made.has(date)) for (const [d, f] of (await keepDays(ctx, office, pending.filter((p) => p >= date), Date.now())).done) made.set(d, f);
        figures = made.get(date);
      }
      // Today, a day to come, or a day without tickets at all: from its rows, kept nowhere.
      figures ??= await withTx(ctx, (tx) => dayFigures(tx, office, date), { readOnly: true });
      addFigures(sum, figures);
      await pause();
    }
  }
  return reportOf(frame, sum);
};

export const dailyReport = async (ctx: PgCtx, officeId: string, date: string): Promise<ServiceDayReport[]> =>
  (await rangeReport(ctx, officeId, date, date)).services;

const FIRST_TICKET_DAY_SQL = 'SELECT min(date) AS d FROM tickets WHERE office_id = ?';

/**
 * The report job: keeps the figures of every day before today (in each office's calendar) from
 * the office's first day with tickets, empty days too, a slice of days per short transaction
 * with the event loop given back between them. Returns how many it kept. (A day changed while it
 * was being kept is left for the next run.)
 */
export const fillReportDays = async (ctx: PgCtx, now: DateTime): Promise<number> => {
  let made = 0;
  for (const office of await allRows(ctx, t.offices, 'ORDER BY id')) {
    const yesterday = addDays(todayIn(office, now), -1);
    const first = (await row<{ d: string | null }>(ctx, FIRST_TICKET_DAY_SQL, office.id))?.d ?? null;
    if (first === null || first > yesterday) continue;
    const kept = new Set(
      (await rows<{ date: string }>(ctx, KEPT_DATES_SQL, office.id, first, yesterday, office.timezone, FIGURES_FORMAT)).map((r) => r.date),
    );
    const missing: string[] = [];
    for (let date = first; date <= yesterday; date = addDays(date, 1)) if (!kept.has(date)) missing.push(date);
    while (missing.length) {
      const { done, kept: added } = await keepDays(ctx, office, missing, now.toMillis());
      made += added;
      missing.splice(0, done.size);
      await nextTurn();
    }
  }
  return made;
};
