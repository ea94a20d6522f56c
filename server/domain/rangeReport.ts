/**
 * The report of a day or a date range, from the rows of that range: per service and per counter,
 * issued, called, served, no-show, cancelled bookings, average and 90th-percentile wait and
 * service minutes (`reportStats`), arrivals per hour and totals per day. Pure: the store reads.
 */
import { DateTime } from 'luxon';
import type { CounterRangeReport, DayTotals, Figures, HourArrivals, RangeReport, ServiceRangeReport } from '../../shared/staffTypes';
import { average, measureSteps, percentile, perHour, type Sample, type StepEvent } from './reportStats';
import { shownCode } from './serviceSetup';

export type ReportRows = {
  office: { id: string; name: string; timezone: string };
  from: string;
  to: string;
  /** Every service of the office, retired ones too, in the office's order. */
  services: readonly { id: number; code: string; nameId: string; nameEn: string; active: boolean }[];
  /** The range's tickets: issued under one service, served (or not) under another after a transfer. */
  tickets: readonly { date: string; issuedServiceId: number; serviceId: number; status: string; issuedAt: number }[];
  /** The steps taken on those tickets, in the order they were taken. */
  events: readonly StepEvent[];
  /** The range's cancelled bookings. */
  cancelled: readonly { serviceId: number; date: string }[];
  /** The office's counters by id. */
  counters: readonly { id: number; name: string }[];
  /** The office's opening hours, which set the hours the arrivals table shows at least. */
  hours: readonly { open: string; close: string }[];
};

const timing = (waits: Sample[], services: Sample[]) => {
  const w = waits.map((s) => s.minutes);
  const d = services.map((s) => s.minutes);
  return { averageWaitMinutes: average(w), p90WaitMinutes: percentile(w, 90), averageServiceMinutes: average(d), p90ServiceMinutes: percentile(d, 90) };
};

export const rangeReportOf = (r: ReportRows): RangeReport => {
  const { tickets, cancelled } = r;
  const steps = measureSteps(r.events);
  const figures = (keep: (serviceId: number) => boolean): Figures => ({
    issued: tickets.filter((tk) => keep(tk.issuedServiceId)).length,
    called: steps.calls.filter((c) => keep(c.serviceId)).length,
    served: tickets.filter((tk) => keep(tk.serviceId) && tk.status === 'done').length,
    noShow: tickets.filter((tk) => keep(tk.serviceId) && tk.status === 'no_show').length,
    cancelledBookings: cancelled.filter((b) => keep(b.serviceId)).length,
    ...timing(steps.waits.filter((s) => keep(s.serviceId)), steps.services.filter((s) => keep(s.serviceId))),
  });
  // Retired services still count for the days they ran.
  const shown = r.services.filter(
    (s) => s.active || tickets.some((tk) => tk.issuedServiceId === s.id || tk.serviceId === s.id) || cancelled.some((b) => b.serviceId === s.id),
  );
  const services: ServiceRangeReport[] = shown.map((s) => ({ service: shownCode(s.code), name: s.nameId, nameEn: s.nameEn, ...figures((id) => id === s.id) }));

  const counterIds = [...new Set([...r.counters.map((c) => c.id), ...steps.calls.map((c) => c.counterId).filter((id): id is number => id !== null)])];
  const counters: CounterRangeReport[] = counterIds.map((id) => ({
    counterId: id,
    counter: r.counters.find((c) => c.id === id)?.name ?? `#${id}`,
    called: steps.calls.filter((c) => c.counterId === id).length,
    served: steps.completions.filter((c) => c.counterId === id).length,
    noShow: steps.noShows.filter((c) => c.counterId === id).length,
    ...timing(steps.waits.filter((s) => s.counterId === id), steps.services.filter((s) => s.counterId === id)),
  }));

  const hourOf = (ms: number) => DateTime.fromMillis(ms, { zone: r.office.timezone }).hour;
  const total = perHour(tickets.map((tk) => hourOf(tk.issuedAt)));
  const busy = total.flatMap((n, h) => (n > 0 ? [h] : []));
  const firstHour = Math.min(...r.hours.map((h) => Number(h.open.slice(0, 2))), ...busy, 23);
  const lastHour = Math.max(...r.hours.map((h) => Number(h.close.slice(0, 2)) - (h.close.endsWith(':00') ? 1 : 0)), ...busy, firstHour);
  const arrivalsPerHour: HourArrivals[] = Array.from({ length: lastHour - firstHour + 1 }, (_, i) => {
    const hour = firstHour + i;
    const byService: Record<string, number> = {};
    for (const s of shown) byService[s.code] = tickets.filter((tk) => tk.issuedServiceId === s.id && hourOf(tk.issuedAt) === hour).length;
    return { hour, total: total[hour] ?? 0, byService };
  });

  const dates = [...new Set([...tickets.map((tk) => tk.date), ...cancelled.map((b) => b.date)])].sort();
  const days: DayTotals[] = dates.map((date) => ({
    date,
    issued: tickets.filter((tk) => tk.date === date).length,
    served: tickets.filter((tk) => tk.date === date && tk.status === 'done').length,
    noShow: tickets.filter((tk) => tk.date === date && tk.status === 'no_show').length,
    cancelledBookings: cancelled.filter((b) => b.date === date).length,
  }));

  return { office: r.office.id, officeName: r.office.name, from: r.from, to: r.to, services, total: figures(() => true), counters, arrivalsPerHour, days };
};
