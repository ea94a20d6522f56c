/**
 * The report from per-day figures (as the store keeps them, through JSON) says exactly what the
 * report straight from the rows said: `reference` below is that straight computation as it was
 * (a filter per figure, a sort per percentile, a luxon DateTime per ticket and hour).
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addFigures, emptySum, figuresOf, rangeReportOf, reportOf, type ReportFigures, type ReportRows } from '../../server/domain/rangeReport';
import { measureSteps, percentile, round1, type Sample, type StepEvent } from '../../server/domain/reportStats';
import { shownCode } from '../../server/domain/serviceSetup';
import { localHour } from '../../server/domain/time';
import type { RangeReport } from '../../shared/staffTypes';

const referenceAverage = (values: readonly number[]): number | null =>
  values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);
const referencePercentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
};

const reference = (r: ReportRows): RangeReport => {
  const { tickets, cancelled } = r;
  const steps = measureSteps(r.events);
  const timing = (waits: Sample[], services: Sample[]) => {
    const w = waits.map((s) => s.minutes);
    const d = services.map((s) => s.minutes);
    return { averageWaitMinutes: referenceAverage(w), p90WaitMinutes: referencePercentile(w, 90), averageServiceMinutes: referenceAverage(d), p90ServiceMinutes: referencePercentile(d, 90) };
  };
  const figures = (keep: (serviceId: number) => boolean) => ({
    issued: tickets.filter((tk) => keep(tk.issuedServiceId)).length,
    called: steps.calls.filter((c) => keep(c.serviceId)).length,
    served: tickets.filter((tk) => keep(tk.serviceId) && tk.status === 'done').length,
    noShow: tickets.filter((tk) => keep(tk.serviceId) && tk.status === 'no_show').length,
    cancelledBookings: cancelled.filter((b) => keep(b.serviceId)).length,
    urgent: tickets.filter((tk) => keep(tk.serviceId) && tk.urgent).length,
    suket: tickets.filter((tk) => keep(tk.serviceId) && tk.suket).length,
    ...timing(steps.waits.filter((s) => keep(s.serviceId)), steps.services.filter((s) => keep(s.serviceId))),
  });
  const shown = r.services.filter(
    (s) => s.active || tickets.some((tk) => tk.issuedServiceId === s.id || tk.serviceId === s.id) || cancelled.some((b) => b.serviceId === s.id),
  );
  const services = shown.map((s) => ({ service: shownCode(s.code), name: s.nameId, nameEn: s.nameEn, ...figures((id) => id === s.id) }));
  const counterIds = [...new Set([...r.counters.map((c) => c.id), ...steps.calls.map((c) => c.counterId).filter((id): id is number => id !== null)])];
  const counters = counterIds.map((id) => ({
    counterId: id,
    counter: r.counters.find((c) => c.id === id)?.name ?? `#${id}`,
    called: steps.calls.filter((c) => c.counterId === id).length,
    served: steps.completions.filter((c) => c.counterId === id).length,
    noShow: steps.noShows.filter((c) => c.counterId === id).length,
    ...timing(steps.waits.filter((s) => s.counterId === id), steps.services.filter((s) => s.counterId === id)),
  }));
  const hourOf = (ms: number) => DateTime.fromMillis(ms, { zone: r.office.timezone }).hour;
  const total = Array.from({ length: 24 }, () => 0);
  for (const tk of tickets) total[hourOf(tk.issuedAt)]!++;
  const busy = total.flatMap((n, h) => (n > 0 ? [h] : []));
  const firstHour = Math.min(...r.hours.map((h) => Number(h.open.slice(0, 2))), ...busy, 23);
  const lastHour = Math.max(...r.hours.map((h) => Number(h.close.slice(0, 2)) - (h.close.endsWith(':00') ? 1 : 0)), ...busy, firstHour);
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
  return { office: r.office.id, officeName: r.office.name, from: r.from, to: r.to, services, total: figures(() => true), counters, arrivalsPerHour, days };
};

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Australia/Lord_Howe'];
const DATES = ['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-11-01', '2026-11-02'];
const TYPES = ['called', 'recalled', 'started', 'completed', 'no_show', 'transferred', 'requeued', 'called', 'completed'];

/** Tickets over a few days (some across daylight-saving changes), each with a random life; `ticketDate` maps ids to dates. */
const rowsArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    tickets: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: DATES.length - 1 }),
        minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
        ms: fc.integer({ min: 0, max: 59_999 }),
        issued: fc.integer({ min: 1, max: 4 }),
        served: fc.integer({ min: 1, max: 5 }),
        status: fc.constantFrom('done', 'no_show', 'waiting', 'called', 'cancelled'),
        urgent: fc.boolean(),
        suket: fc.boolean(),
        steps: fc.array(
          fc.record({ type: fc.constantFrom(...TYPES), gap: fc.integer({ min: 0, max: 3_000_000 }), counter: fc.option(fc.integer({ min: 1, max: 5 })), service: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4 }) }),
          { maxLength: 6 },
        ),
      }),
      { maxLength: 40 },
    ),
    cancelled: fc.array(fc.record({ day: fc.integer({ min: 0, max: DATES.length - 1 }), service: fc.integer({ min: 1, max: 5 }) }), { maxLength: 6 }),
    counters: fc.subarray([{ id: 1, name: '1' }, { id: 2, name: '2' }, { id: 3, name: '3' }]),
    hours: fc.array(fc.record({ open: fc.constantFrom('07:00', '08:00', '08:30'), close: fc.constantFrom('12:00', '15:00', '15:30') }), { maxLength: 2 }),
    active: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .map(({ zone, tickets, cancelled, counters, hours, active }) => {
    const events: StepEvent[] = [];
    const ticketDate = new Map<string, string>();
    const rows = tickets.map((tk, n) => {
      // A ticket's date is the office's local date when it was issued (a short day of a clock change may push it to the next).
      const issuedAt = DateTime.fromISO(`${DATES[tk.day]!}T00:00`, { zone }).toMillis() + tk.minute * 60_000 + tk.ms;
      const date = DateTime.fromMillis(issuedAt, { zone }).toISODate()!;
      const id = `t${n}`;
      ticketDate.set(id, date);
      events.push({ ticketId: id, type: 'issued', at: issuedAt, counterId: null, serviceId: tk.issued });
      let at = issuedAt;
      for (const step of tk.steps) {
        at += step.gap;
        events.push({ ticketId: id, type: step.type, at, counterId: step.counter, serviceId: step.service });
      }
      return { date, issuedServiceId: tk.issued, serviceId: tk.served, status: tk.status, issuedAt, urgent: tk.urgent, suket: tk.suket };
    });
    // Ordered as the store reads them: by instant, then by id (insertion).
    const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map(({ e }) => e);
    const r: ReportRows = {
      office: { id: 'kota', name: 'Kota', timezone: zone },
      from: DATES[0]!,
      to: DATES.at(-1)!,
      services: [1, 2, 3, 4].map((id) => ({ id, code: id === 4 ? '~4' : String.fromCharCode(64 + id), nameId: `S${id}`, nameEn: `S${id}`, active: active[id]! })),
      tickets: rows,
      events: ordered,
      cancelled: cancelled.map((c) => ({ serviceId: c.service, date: DATES[c.day]! })),
      counters,
      hours,
    };
    return { r, ticketDate };
  });

/** What the store does: the figures of each day, through JSON, added up in date order. */
const fromDays = (r: ReportRows, ticketDate: Map<string, string>): RangeReport => {
  const sum = emptySum();
  for (const date of [...new Set([...r.tickets.map((tk) => tk.date), ...r.cancelled.map((b) => b.date)])].sort()) {
    const figures: ReportFigures = figuresOf(
      {
        tickets: r.tickets.filter((tk) => tk.date === date),
        events: r.events.filter((e) => ticketDate.get(e.ticketId) === date),
        cancelled: r.cancelled.filter((b) => b.date === date),
      },
      r.office.timezone,
    );
    addFigures(sum, JSON.parse(JSON.stringify(figures)) as ReportFigures);
  }
  return reportOf(r, sum);
};

describe('the report from per-day figures', () => {
  it('is the report from the rows, to the last digit and key', () => {
    fc.assert(
      fc.property(rowsArb, ({ r, ticketDate }) => {
        const expected = JSON.stringify(reference(r));
        expect(JSON.stringify(rangeReportOf(r))).toBe(expected);
        expect(JSON.stringify(fromDays(r, ticketDate))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('takes the same nearest-rank percentile as a sort, without sorting', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        expect(percentile(values, p)).toBe(referencePercentile(values, p));
      }),
    );
  });

  it('counts local hours as luxon does, across offsets of half and three quarters of an hour and daylight-saving changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }), (zone, ms) => {
        expect(localHour(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).hour);
      }),
      { numRuns: 2000 },
    );
  });
});
