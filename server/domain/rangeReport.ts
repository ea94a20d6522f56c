/**
 * The report of a day or a date range: per service and per counter, issued, called, served,
 * no-show, cancelled bookings, average and 90th-percentile wait and service minutes
 * (`reportStats`), arrivals per hour and totals per day. Pure: the store reads.
 *
 * Two steps, so that a report over a year adds up a row per day instead of reading every
 * ticket: `figuresOf` turns the rows of a set of tickets (the store keeps those of each office
 * and day) into `ReportFigures`, and `addFigures` + `reportOf` add those up, day after day,
 * into the report. The figures keep every wait and service time, in the order they were
 * measured, so the averages and the exact 90th percentiles are those of the rows themselves.
 */
import type { CounterRangeReport, DayTotals, Figures, HourArrivals, RangeReport, ServiceRangeReport } from '../../shared/staffTypes';
import { measureSteps, percentileInPlace, round1, type StepEvent } from './reportStats';
import { shownCode } from './serviceSetup';
import { localHour } from './time';

export type ReportRows = {
  office: { id: string; name: string; timezone: string };
  from: string;
  to: string;
  /** Every service of the office, retired ones too, in the office's order. */
  services: readonly { id: number; code: string; nameId: string; nameEn: string; active: boolean }[];
  /** The range's tickets: issued under one service, served (or not) under another after a transfer. */
  tickets: readonly { date: string; issuedServiceId: number; serviceId: number; status: string; issuedAt: number; urgent?: boolean | number | null; suket?: boolean | number | null }[];
  /** The steps taken on those tickets, in the order they were taken. */
  events: readonly StepEvent[];
  /** The range's cancelled bookings. */
  cancelled: readonly { serviceId: number; date: string }[];
  /** The office's counters by id. */
  counters: readonly { id: number; name: string }[];
  /** The office's opening hours, which set the hours the arrivals table shows at least. */
  hours: readonly { open: string; close: string }[];
};

/** What a report says around the figures: the office, the range, and the office's services, counters and hours as they are now. */
export type ReportFrame = Pick<ReportRows, 'office' | 'from' | 'to' | 'services' | 'counters' | 'hours'>;
/** The rows of a set of tickets (a day's, or a whole range's). */
export type TicketRows = Pick<ReportRows, 'tickets' | 'events' | 'cancelled'>;

/**
 * What a report needs of a set of tickets, as plain JSON (the store keeps one per office and day).
 * Wait and service samples are flat `[service id, counter id | null, milliseconds]` triples in
 * the order measured, so that sums and percentiles over any union of days come out as from the rows.
 */
export type ReportFigures = {
  /** Per service id: `[id, issued under it, calls for it, served, no-shows, cancelled bookings, tickets naming it (issued or now), urgent cases]`. */
  services: number[][];
  /** Per counter id: `[id, calls, completions, no-shows]`; counters that called first, in the order of their first call. */
  counters: number[][];
  waits: (number | null)[];
  serviceTimes: (number | null)[];
  /** `[local hour of issue, issued service id, tickets]`. */
  arrivals: number[][];
  /** The totals of each date that had tickets or cancelled bookings, in date order. */
  days: DayTotals[];
};

const S_ISSUED = 1, S_CALLED = 2, S_SERVED = 3, S_NO_SHOW = 4, S_CANCELLED = 5, S_NAMED = 6, S_URGENT = 7, S_SUKET = 8;
const S_WIDTH = 9;
const C_CALLED = 1, C_SERVED = 2, C_NO_SHOW = 3;

const entry = (map: Map<number, number[]>, id: number, width: number): number[] => {
  let row = map.get(id);
  if (!row) map.set(id, (row = [id, ...Array.from({ length: width - 1 }, () => 0)]));
  return row;
};

/** The figures of a set of tickets, their steps and the cancelled bookings beside them; hours are counted in `zone`. */
export const figuresOf = (rows: TicketRows, zone: string): ReportFigures => {
  const steps = measureSteps(rows.events);
  const services = new Map<number, number[]>();
  const service = (id: number) => entry(services, id, S_WIDTH);
  const arrivals = new Map<string, number[]>();
  const byDate = new Map<string, DayTotals>();
  const day = (date: string) => {
    let totals = byDate.get(date);
    if (!totals) byDate.set(date, (totals = { date, issued: 0, served: 0, noShow: 0, cancelledBookings: 0 }));
    return totals;
  };
  for (const tk of rows.tickets) {
    const totals = day(tk.date);
    service(tk.issuedServiceId)[S_ISSUED]!++;
    totals.issued++;
    if (tk.status === 'done') {
      service(tk.serviceId)[S_SERVED]!++;
      totals.served++;
    } else if (tk.status === 'no_show') {
      service(tk.serviceId)[S_NO_SHOW]!++;
      totals.noShow++;
    }
    service(tk.issuedServiceId)[S_NAMED]!++;
    if (tk.serviceId !== tk.issuedServiceId) service(tk.serviceId)[S_NAMED]!++;
    // An urgent case counts under the closed service it was served in (issued there or transferred to it).
    if (tk.urgent) service(tk.serviceId)[S_URGENT]!++;
    // A visitor served without a KTP-el card for want of blanko: a surat keterangan instead.
    if (tk.suket) service(tk.serviceId)[S_SUKET]!++;
    const hour = localHour(tk.issuedAt, zone);
    const key = `${hour}|${tk.issuedServiceId}`;
    const arrival = arrivals.get(key);
    if (arrival) arrival[2]!++;
    else arrivals.set(key, [hour, tk.issuedServiceId, 1]);
  }
  for (const call of steps.calls) service(call.serviceId)[S_CALLED]!++;
  for (const b of rows.cancelled) {
    service(b.serviceId)[S_CANCELLED]!++;
    day(b.date).cancelledBookings++;
  }
  // Insertion order: the counters that called, in the order of their first call.
  const counters = new Map<number, number[]>();
  for (const c of steps.calls) if (c.counterId !== null) entry(counters, c.counterId, 4)[C_CALLED]!++;
  for (const c of steps.completions) if (c.counterId !== null) entry(counters, c.counterId, 4)[C_SERVED]!++;
  for (const c of steps.noShows) if (c.counterId !== null) entry(counters, c.counterId, 4)[C_NO_SHOW]!++;
  // Each sample was measured as ms / 60 000 of whole milliseconds: rounding it back gives those milliseconds exactly.
  const flat = (samples: { serviceId: number; counterId: number | null; minutes: number }[]) =>
    samples.flatMap((s) => [s.serviceId, s.counterId, Math.round(s.minutes * 60_000)]);
  return {
    services: [...services.values()],
    counters: [...counters.values()],
    waits: flat(steps.waits),
    serviceTimes: flat(steps.services),
    arrivals: [...arrivals.values()],
    days: [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
};

/**
 * Minutes of one kind (wait or service) in the order measured, with their running sum: added in
 * that same order, it is the very sum `average` takes over the list.
 */
type Group = { values: number[]; total: number };
/** One kind of samples: all together, per service and per counter. */
type Samples = { all: Group; byService: Map<number, Group>; byCounter: Map<number, Group> };
const group = (): Group => ({ values: [], total: 0 });
const samples = (): Samples => ({ all: group(), byService: new Map(), byCounter: new Map() });
const push = (into: Group, minutes: number) => {
  into.values.push(minutes);
  into.total += minutes;
};
const pushTo = (map: Map<number, Group>, id: number, minutes: number) => {
  let into = map.get(id);
  if (!into) map.set(id, (into = group()));
  push(into, minutes);
};
const addSamples = (into: Samples, flat: readonly (number | null)[]) => {
  for (let i = 0; i < flat.length; i += 3) {
    const serviceId = flat[i] as number;
    const counterId = flat[i + 1] as number | null;
    const minutes = (flat[i + 2] as number) / 60_000;
    push(into.all, minutes);
    pushTo(into.byService, serviceId, minutes);
    if (counterId !== null) pushTo(into.byCounter, counterId, minutes);
  }
};

/** The sum of figures so far, day after day (`addFigures`), until `reportOf` turns it into the report. */
export type ReportSum = {
  services: Map<number, number[]>;
  counters: Map<number, number[]>;
  /** Counters in the order of their first call. */
  callers: number[];
  waits: Samples;
  serviceTimes: Samples;
  /** Tickets per local hour, per issued service id. */
  arrivals: Map<number, Map<number, number>>;
  days: DayTotals[];
};

export const emptySum = (): ReportSum => ({
  services: new Map(),
  counters: new Map(),
  callers: [],
  waits: samples(),
  serviceTimes: samples(),
  arrivals: new Map(),
  days: [],
});

/** Adds the figures of one more set of tickets, later than those already added (days in date order). */
export const addFigures = (sum: ReportSum, figures: ReportFigures): ReportSum => {
  for (const [id, ...counts] of figures.services) {
    const row = entry(sum.services, id!, S_WIDTH);
    counts.forEach((n, i) => (row[i + 1]! += n));
  }
  for (const [id, ...counts] of figures.counters) {
    const row = entry(sum.counters, id!, 4);
    if (counts[0]! > 0 && row[C_CALLED] === 0) sum.callers.push(id!);
    counts.forEach((n, i) => (row[i + 1]! += n));
  }
  addSamples(sum.waits, figures.waits);
  addSamples(sum.serviceTimes, figures.serviceTimes);
  for (const [hour, serviceId, n] of figures.arrivals) {
    let byService = sum.arrivals.get(hour!);
    if (!byService) sum.arrivals.set(hour!, (byService = new Map()));
    byService.set(serviceId!, (byService.get(serviceId!) ?? 0) + n!);
  }
  sum.days.push(...figures.days);
  return sum;
};

const averageOf = (g: Group): number | null => (g.values.length === 0 ? null : round1(g.total / g.values.length));

/** Averages and 90th percentiles; the selection reorders the samples, so a sum is turned into a report once. */
const timing = (waits: Group = group(), services: Group = group()) => ({
  averageWaitMinutes: averageOf(waits),
  p90WaitMinutes: percentileInPlace(waits.values, 90),
  averageServiceMinutes: averageOf(services),
  p90ServiceMinutes: percentileInPlace(services.values, 90),
});

/**
 * The report of the figures added up in `sum`, for the office, range, services, counters and
 * hours of `frame`. Consumes the sum (its samples are reordered to find the percentiles).
 */
export const reportOf = (frame: ReportFrame, sum: ReportSum): RangeReport => {
  const counts = (id: number) => sum.services.get(id) ?? [id, 0, 0, 0, 0, 0, 0, 0, 0];
  const all = [...sum.services.values()];
  const total = (i: number) => all.reduce((n, row) => n + row[i]!, 0);
  // Retired services still count for the days they ran.
  const shown = frame.services.filter((s) => s.active || counts(s.id)[S_NAMED]! > 0 || counts(s.id)[S_CANCELLED]! > 0);
  const services: ServiceRangeReport[] = shown.map((s) => {
    const c = counts(s.id);
    return {
      service: shownCode(s.code),
      name: s.nameId,
      nameEn: s.nameEn,
      issued: c[S_ISSUED]!,
      called: c[S_CALLED]!,
      served: c[S_SERVED]!,
      noShow: c[S_NO_SHOW]!,
      cancelledBookings: c[S_CANCELLED]!,
      urgent: c[S_URGENT]!,
      suket: c[S_SUKET]!,
      ...timing(sum.waits.byService.get(s.id), sum.serviceTimes.byService.get(s.id)),
    };
  });
  const totals: Figures = {
    issued: total(S_ISSUED),
    called: total(S_CALLED),
    served: total(S_SERVED),
    noShow: total(S_NO_SHOW),
    cancelledBookings: total(S_CANCELLED),
    urgent: total(S_URGENT),
    suket: total(S_SUKET),
    ...timing(sum.waits.all, sum.serviceTimes.all),
  };

  const counterIds = [...new Set([...frame.counters.map((c) => c.id), ...sum.callers])];
  const counters: CounterRangeReport[] = counterIds.map((id) => {
    const c = sum.counters.get(id) ?? [id, 0, 0, 0];
    return {
      counterId: id,
      counter: frame.counters.find((k) => k.id === id)?.name ?? `#${id}`,
      called: c[C_CALLED]!,
      served: c[C_SERVED]!,
      noShow: c[C_NO_SHOW]!,
      ...timing(sum.waits.byCounter.get(id), sum.serviceTimes.byCounter.get(id)),
    };
  });

  const perHour = Array.from({ length: 24 }, (_, hour) => [...(sum.arrivals.get(hour)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const busy = perHour.flatMap((n, h) => (n > 0 ? [h] : []));
  const firstHour = Math.min(...frame.hours.map((h) => Number(h.open.slice(0, 2))), ...busy, 23);
  const lastHour = Math.max(...frame.hours.map((h) => Number(h.close.slice(0, 2)) - (h.close.endsWith(':00') ? 1 : 0)), ...busy, firstHour);
  const arrivalsPerHour: HourArrivals[] = Array.from({ length: lastHour - firstHour + 1 }, (_, i) => {
    const hour = firstHour + i;
    const byService: Record<string, number> = {};
    for (const s of shown) byService[s.code] = sum.arrivals.get(hour)?.get(s.id) ?? 0;
    return { hour, total: perHour[hour] ?? 0, byService };
  });

  return {
    office: frame.office.id,
    officeName: frame.office.name,
    from: frame.from,
    to: frame.to,
    services,
    total: totals,
    counters,
    arrivalsPerHour,
    days: sum.days,
  };
};

/** The report straight from the rows of the whole range (one set of figures). */
export const rangeReportOf = (r: ReportRows): RangeReport => reportOf(r, addFigures(emptySum(), figuresOf(r, r.office.timezone)));
