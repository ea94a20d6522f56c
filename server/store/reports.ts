/**
 * Reports for a day or a date range: per service and per counter, issued, called, served,
 * no-show, cancelled bookings, average and 90th-percentile wait and service minutes, and
 * arrivals per hour; CSV that opens correctly in a spreadsheet.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { average, measureSteps, percentile, perHour, type Sample } from '../domain/reportStats';
import * as t from '../db/schema';
import type { StoreCtx } from './context';
import { loadOffice } from './offices';

export type Figures = {
  issued: number;
  called: number;
  served: number;
  noShow: number;
  cancelledBookings: number;
  averageWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  averageServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
};
export type ServiceRangeReport = Figures & { service: string; name: string; nameEn: string };
export type CounterRangeReport = Omit<Figures, 'issued' | 'cancelledBookings'> & { counterId: number; counter: string };
export type HourArrivals = { hour: number; total: number; byService: Record<string, number> };
export type DayTotals = { date: string; issued: number; served: number; noShow: number; cancelledBookings: number };
export type RangeReport = {
  office: string;
  officeName: string;
  from: string;
  to: string;
  services: ServiceRangeReport[];
  total: Figures;
  counters: CounterRangeReport[];
  arrivalsPerHour: HourArrivals[];
  days: DayTotals[];
};

const timing = (waits: Sample[], services: Sample[]) => {
  const w = waits.map((s) => s.minutes);
  const d = services.map((s) => s.minutes);
  return { averageWaitMinutes: average(w), p90WaitMinutes: percentile(w, 90), averageServiceMinutes: average(d), p90ServiceMinutes: percentile(d, 90) };
};

export const rangeReport = (ctx: StoreCtx, officeId: string, from: string, to: string): RangeReport => {
  const office = loadOffice(ctx, officeId);
  const allServices = ctx.db.select().from(t.services).where(eq(t.services.officeId, officeId)).orderBy(asc(t.services.position), asc(t.services.code)).all();
  const tickets = ctx.db
    .select()
    .from(t.tickets)
    .where(and(eq(t.tickets.officeId, officeId), gte(t.tickets.date, from), lte(t.tickets.date, to)))
    .all();
  const events = ctx.db
    .select({ ticketId: t.ticketEvents.ticketId, type: t.ticketEvents.type, at: t.ticketEvents.at, counterId: t.ticketEvents.counterId, serviceId: t.ticketEvents.serviceId })
    .from(t.ticketEvents)
    .innerJoin(t.tickets, eq(t.tickets.id, t.ticketEvents.ticketId))
    .where(and(eq(t.tickets.officeId, officeId), gte(t.tickets.date, from), lte(t.tickets.date, to)))
    .orderBy(asc(t.ticketEvents.at), asc(t.ticketEvents.id))
    .all();
  const cancelled = ctx.db
    .select({ serviceId: t.bookings.serviceId, date: t.bookings.date })
    .from(t.bookings)
    .where(and(eq(t.bookings.officeId, officeId), eq(t.bookings.status, 'cancelled'), gte(t.bookings.date, from), lte(t.bookings.date, to)))
    .all();
  const steps = measureSteps(events);

  const figures = (keep: (serviceId: number) => boolean): Figures => ({
    issued: tickets.filter((tk) => keep(tk.issuedServiceId)).length,
    called: steps.calls.filter((c) => keep(c.serviceId)).length,
    served: tickets.filter((tk) => keep(tk.serviceId) && tk.status === 'done').length,
    noShow: tickets.filter((tk) => keep(tk.serviceId) && tk.status === 'no_show').length,
    cancelledBookings: cancelled.filter((b) => keep(b.serviceId)).length,
    ...timing(steps.waits.filter((s) => keep(s.serviceId)), steps.services.filter((s) => keep(s.serviceId))),
  });
  // Retired services still count for the days they ran.
  const shown = allServices.filter((s) => s.active || tickets.some((tk) => tk.issuedServiceId === s.id || tk.serviceId === s.id) || cancelled.some((b) => b.serviceId === s.id));
  const services = shown.map((s) => ({ service: s.code.startsWith('~') ? '?' : s.code, name: s.nameId, nameEn: s.nameEn, ...figures((id) => id === s.id) }));

  const counterRows = ctx.db.select().from(t.counters).where(eq(t.counters.officeId, officeId)).orderBy(asc(t.counters.id)).all();
  const counterIds = [...new Set([...counterRows.map((c) => c.id), ...steps.calls.map((c) => c.counterId).filter((id): id is number => id !== null)])];
  const counters = counterIds.map((id) => ({
    counterId: id,
    counter: counterRows.find((c) => c.id === id)?.name ?? `#${id}`,
    called: steps.calls.filter((c) => c.counterId === id).length,
    served: steps.completions.filter((c) => c.counterId === id).length,
    noShow: steps.noShows.filter((c) => c.counterId === id).length,
    ...timing(steps.waits.filter((s) => s.counterId === id), steps.services.filter((s) => s.counterId === id)),
  }));

  const hourOf = (ms: number) => DateTime.fromMillis(ms, { zone: office.timezone }).hour;
  const total = perHour(tickets.map((tk) => hourOf(tk.issuedAt)));
  const hours = ctx.db.select().from(t.openingHours).where(eq(t.openingHours.officeId, officeId)).all();
  const busy = total.flatMap((n, h) => (n > 0 ? [h] : []));
  const firstHour = Math.min(...hours.map((h) => Number(h.open.slice(0, 2))), ...busy, 23);
  const lastHour = Math.max(...hours.map((h) => Number(h.close.slice(0, 2)) - (h.close.endsWith(':00') ? 1 : 0)), ...busy, firstHour);
  const arrivalsPerHour = Array.from({ length: lastHour - firstHour + 1 }, (_, i) => {
    const hour = firstHour + i;
    const byService: Record<string, number> = {};
    for (const s of shown) byService[s.code] = tickets.filter((tk) => tk.issuedServiceId === s.id && hourOf(tk.issuedAt) === hour).length;
    return { hour, total: total[hour] ?? 0, byService };
  });

  const dates = [...new Set([...tickets.map((tk) => tk.date), ...cancelled.map((b) => b.date)])].sort();
  const days = dates.map((date) => ({
    date,
    issued: tickets.filter((tk) => tk.date === date).length,
    served: tickets.filter((tk) => tk.date === date && tk.status === 'done').length,
    noShow: tickets.filter((tk) => tk.date === date && tk.status === 'no_show').length,
    cancelledBookings: cancelled.filter((b) => b.date === date).length,
  }));

  return { office: office.id, officeName: office.name, from, to, services, total: figures(() => true), counters, arrivalsPerHour, days };
};

/** The daily report of API.md: per service, issued, served, no-show, average wait and service minutes (and more). */
export type ServiceDayReport = ServiceRangeReport & { averageWaitMinutes: number | null; averageServiceMinutes: number | null };

export const dailyReport = (ctx: StoreCtx, officeId: string, date: string): ServiceDayReport[] => rangeReport(ctx, officeId, date, date).services;

const cellOf = (delimiter: string) => (v: string | number | null) => {
  let s = v === null ? '' : typeof v === 'number' && delimiter === ';' ? String(v).replace('.', ',') : String(v);
  // A name typed as "=…" must stay text in a spreadsheet, never become a formula.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** UTF-8 with a byte-order mark (so Excel reads the Indonesian text right), one header row, CRLF line ends. */
const csv = (rows: (string | number | null)[][], delimiter: ',' | ';'): string => {
  const cell = cellOf(delimiter);
  return `\uFEFF${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`;
};

export const reportCsv = (date: string, rows: ServiceDayReport[]): string =>
  csv(
    [
      ['date', 'service', 'name', 'issued', 'served', 'no_show', 'cancelled_bookings', 'average_wait_minutes', 'p90_wait_minutes', 'average_service_minutes', 'p90_service_minutes'],
      ...rows.map((r) => [date, r.service, r.name, r.issued, r.served, r.noShow, r.cancelledBookings, r.averageWaitMinutes, r.p90WaitMinutes, r.averageServiceMinutes, r.p90ServiceMinutes]),
    ],
    ',',
  );

/**
 * The range report as one table: a row per service, the total, a row per counter; arrivals
 * per hour as the last columns. `;` with decimal commas suits a spreadsheet set to Indonesian.
 */
export const rangeCsv = (r: RangeReport, delimiter: ',' | ';' = ','): string => {
  const hours = r.arrivalsPerHour.map((h) => h.hour);
  const header = [
    'Dari / From', 'Sampai / To', 'Jenis / Kind', 'Kode / Code', 'Nama / Name',
    'Diterbitkan / Issued', 'Dipanggil / Called', 'Dilayani / Served', 'Tidak hadir / No-show', 'Reservasi batal / Cancelled bookings',
    'Rata-rata tunggu (menit) / Average wait (min)', 'P90 tunggu (menit) / P90 wait (min)',
    'Rata-rata layanan (menit) / Average service (min)', 'P90 layanan (menit) / P90 service (min)',
    ...hours.map((h) => `Datang ${String(h).padStart(2, '0')}:00 / Arrivals ${String(h).padStart(2, '0')}:00`),
  ];
  const figures = (f: Omit<Figures, 'issued' | 'cancelledBookings'> & { issued?: number; cancelledBookings?: number }) => [
    f.issued ?? null, f.called, f.served, f.noShow, f.cancelledBookings ?? null, f.averageWaitMinutes, f.p90WaitMinutes, f.averageServiceMinutes, f.p90ServiceMinutes,
  ];
  return csv(
    [
      header,
      ...r.services.map((s) => [r.from, r.to, 'layanan', s.service, s.name, ...figures(s), ...r.arrivalsPerHour.map((h) => h.byService[s.service] ?? 0)]),
      [r.from, r.to, 'total', '', 'Semua layanan / All services', ...figures(r.total), ...r.arrivalsPerHour.map((h) => h.total)],
      ...r.counters.map((c) => [r.from, r.to, 'loket', String(c.counterId), `Loket ${c.counter}`, ...figures(c), ...hours.map(() => null)]),
    ],
    delimiter,
  );
};
