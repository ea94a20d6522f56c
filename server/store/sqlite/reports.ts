/**
 * Reports for a day or a date range, from per-day figures (domain/rangeReport): each day's
 * figures are computed once from that day's tickets, steps and cancelled bookings and kept in
 * `report_days`, so a year's report reads a row per day. A row is deleted by the database
 * whenever its day's rows change (triggers, migration 0003_live_triggers), so a kept row is
 * always the figures of its day as it stands; a day without one is computed from its rows.
 *
 * Days before today are kept by the report job (`fillReportDays`), a few days per short
 * transaction; a report that meets a day without figures computes it, and keeps it when the
 * day lies before the office's latest ticket day (a day that is over). Both work in slices
 * and give the event loop back between them: a report never holds it for long.
 * (The CSV forms are `domain/reportCsv`.)
 */
import type { DateTime } from 'luxon';
import { performance } from 'node:perf_hooks';
import { addFigures, emptySum, figuresOf, reportOf, type ReportFigures, type ReportFrame } from '../../domain/rangeReport';
import type { StepEvent } from '../../domain/reportStats';
import { addDays, dateRange, todayIn } from '../../domain/time';
import * as t from './schema';
import { readTx, writeTx, type StoreCtx } from './connection';
import { loadOffice, type OfficeRow } from './offices';
import { allRows, stmt } from './prepared';
import { nextTurn, SLICE_MS } from './slices';
import type { RangeReport, ServiceDayReport } from '../../../shared/staffTypes';

/** The shape of the JSON in `report_days.figures`; rows of another shape are computed again. */
// 2: services carry their urgent cases.
// 3: and their suket (served without a card).
export const FIGURES_FORMAT = 3;

export const DAY_TICKETS_SQL =
  'SELECT date, issued_service_id AS issuedServiceId, service_id AS serviceId, status, issued_at AS issuedAt, urgent_reason IS NOT NULL AS urgent, suket FROM tickets WHERE office_id = ? AND date = ?';
export const DAY_EVENTS_SQL = `SELECT e.ticket_id AS ticketId, e.type AS type, e.at AS at, e.counter_id AS counterId, e.service_id AS serviceId
  FROM tickets tk JOIN ticket_events e ON e.ticket_id = tk.id WHERE tk.office_id = ? AND tk.date = ? ORDER BY e.at, e.id`;
export const DAY_CANCELLED_SQL = "SELECT service_id AS serviceId, date FROM bookings WHERE office_id = ? AND date = ? AND status = 'cancelled'";
export const KEPT_DAYS_SQL = 'SELECT date, figures FROM report_days WHERE office_id = ? AND date >= ? AND date <= ? AND timezone = ? AND format = ?';
const KEPT_DATES_SQL = 'SELECT date FROM report_days WHERE office_id = ? AND date >= ? AND date <= ? AND timezone = ? AND format = ?';
const KEEP_DAY_SQL = 'INSERT OR REPLACE INTO report_days (office_id, date, timezone, format, figures, computed_at) VALUES (?, ?, ?, ?, ?, ?)';

/** One day's figures from its rows (call inside a transaction, so that the three reads agree). */
const dayFigures = (ctx: StoreCtx, office: OfficeRow, date: string): ReportFigures => {
  const tickets = stmt(ctx, DAY_TICKETS_SQL).all(office.id, date) as { date: string; issuedServiceId: number; serviceId: number; status: string; issuedAt: number; urgent: number; suket: number }[];
  const events = tickets.length ? (stmt(ctx, DAY_EVENTS_SQL).all(office.id, date) as StepEvent[]) : [];
  const cancelled = stmt(ctx, DAY_CANCELLED_SQL).all(office.id, date) as { serviceId: number; date: string }[];
  return figuresOf({ tickets, events, cancelled }, office.timezone);
};

/**
 * Computes and keeps the figures of `dates`, as many as fit in one slice, in one write
 * transaction (computed inside it: no change can slip between the reads and the row).
 * Returns the figures by date of the days it did. (`computed_at` is for whoever inspects the
 * table; nothing reads it.)
 */
const keepDays = (ctx: StoreCtx, office: OfficeRow, dates: readonly string[], nowMs: number): Map<string, ReportFigures> =>
  writeTx(ctx, () => {
    const done = new Map<string, ReportFigures>();
    const started = performance.now();
    for (const date of dates) {
      const figures = dayFigures(ctx, office, date);
      stmt(ctx, KEEP_DAY_SQL).run(office.id, date, office.timezone, FIGURES_FORMAT, JSON.stringify(figures), nowMs);
      done.set(date, figures);
      if (performance.now() - started > SLICE_MS) break;
    }
    return done;
  });

const reportFrame = (ctx: StoreCtx, office: OfficeRow, from: string, to: string): ReportFrame => ({
  office,
  from,
  to,
  services: allRows(ctx, t.services, 'WHERE office_id = ? ORDER BY position, code', office.id),
  counters: allRows(ctx, t.counters, 'WHERE office_id = ? ORDER BY id', office.id),
  hours: stmt(ctx, 'SELECT open, close FROM opening_hours WHERE office_id = ?').all(office.id) as { open: string; close: string }[],
});

const LATEST_TICKET_DAY_SQL = 'SELECT max(date) AS d FROM tickets WHERE office_id = ?';

/** Days read and added per step of a report: about a month of kept rows. */
const CHUNK_DAYS = 31;

export const rangeReport = async (ctx: StoreCtx, officeId: string, from: string, to: string): Promise<RangeReport> => {
  const office = loadOffice(ctx, officeId);
  const frame = reportFrame(ctx, office, from, to);
  // A day before the latest day with tickets is over: its figures can be kept.
  const latest = (stmt(ctx, LATEST_TICKET_DAY_SQL).get(officeId) as { d: string | null }).d ?? '';
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
      (stmt(ctx, KEPT_DAYS_SQL).all(officeId, chunk[0], chunk.at(-1), office.timezone, FIGURES_FORMAT) as { date: string; figures: string }[])
        .map((r) => [r.date, r.figures]),
    );
    const pending = chunk.filter((d) => !kept.has(d) && d < latest);
    const made = new Map<string, ReportFigures>();
    for (const date of chunk) {
      let figures: ReportFigures | undefined;
      const text = kept.get(date);
      if (text !== undefined) figures = JSON.parse(text) as ReportFigures;
      else if (date < latest) {
        if (!made.has(date)) for (const [d, f] of keepDays(ctx, office, pending.filter((p) => p >= date), Date.now())) made.set(d, f);
        figures = made.get(date);
      }
      // Today, a day to come, or a day without tickets at all: from its rows, kept nowhere.
      figures ??= readTx(ctx, () => dayFigures(ctx, office, date));
      addFigures(sum, figures);
      await pause();
    }
  }
  return reportOf(frame, sum);
};

export const dailyReport = async (ctx: StoreCtx, officeId: string, date: string): Promise<ServiceDayReport[]> =>
  (await rangeReport(ctx, officeId, date, date)).services;

const FIRST_TICKET_DAY_SQL = 'SELECT min(date) AS d FROM tickets WHERE office_id = ?';

/**
 * The report job: keeps the figures of every day before today (in each office's calendar) from
 * the office's first day with tickets, empty days too, a slice of days per short transaction
 * with the event loop given back between them. Returns how many it made.
 */
export const fillReportDays = async (ctx: StoreCtx, now: DateTime): Promise<number> => {
  let made = 0;
  for (const office of allRows(ctx, t.offices, 'ORDER BY id')) {
    const yesterday = addDays(todayIn(office, now), -1);
    const first = stmt(ctx, FIRST_TICKET_DAY_SQL).get(office.id) as { d: string | null };
    if (first.d === null || first.d > yesterday) continue;
    const kept = new Set(
      (stmt(ctx, KEPT_DATES_SQL).all(office.id, first.d, yesterday, office.timezone, FIGURES_FORMAT) as { date: string }[]).map((r) => r.date),
    );
    const missing: string[] = [];
    for (let date = first.d; date <= yesterday; date = addDays(date, 1)) if (!kept.has(date)) missing.push(date);
    while (missing.length) {
      const done = keepDays(ctx, office, missing, now.toMillis());
      made += done.size;
      missing.splice(0, done.size);
      await nextTurn();
    }
  }
  return made;
};
