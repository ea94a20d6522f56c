import { describe, expect, it } from 'vitest';
import { rangeReportOf, type ReportRows } from '../../server/domain/rangeReport';

const zone = 'Asia/Jakarta';
const at = (local: string) => Date.parse(`${local}:00+07:00`);
const min = 60_000;

const rows = (over: Partial<ReportRows> = {}): ReportRows => ({
  office: { id: 'kota', name: 'Kota', timezone: zone },
  from: '2026-11-24',
  to: '2026-11-24',
  services: [
    { id: 1, code: 'A', nameId: 'Pengambilan Dokumen', nameEn: 'Document pickup', active: true },
    { id: 2, code: 'B', nameId: 'Legalisir', nameEn: 'Legalisation', active: true },
    { id: 3, code: '~3', nameId: 'Rekam Sidik Jari', nameEn: 'Fingerprints', active: false },
    { id: 4, code: 'D', nameId: 'Lama', nameEn: 'Old', active: false },
  ],
  tickets: [
    { date: '2026-11-24', issuedServiceId: 1, serviceId: 1, status: 'done', issuedAt: at('2026-11-24T08:10') },
    { date: '2026-11-24', issuedServiceId: 1, serviceId: 2, status: 'no_show', issuedAt: at('2026-11-24T08:20') },
    { date: '2026-11-24', issuedServiceId: 3, serviceId: 3, status: 'waiting', issuedAt: at('2026-11-24T16:05') },
  ],
  events: [
    { ticketId: 't1', type: 'issued', at: at('2026-11-24T08:10'), counterId: null, serviceId: 1 },
    { ticketId: 't1', type: 'called', at: at('2026-11-24T08:20'), counterId: 5, serviceId: 1 },
    { ticketId: 't1', type: 'started', at: at('2026-11-24T08:21'), counterId: 5, serviceId: 1 },
    { ticketId: 't1', type: 'completed', at: at('2026-11-24T08:27'), counterId: 5, serviceId: 1 },
    { ticketId: 't2', type: 'issued', at: at('2026-11-24T08:20'), counterId: null, serviceId: 1 },
    { ticketId: 't2', type: 'transferred', at: at('2026-11-24T08:30'), counterId: 5, serviceId: 2 },
    { ticketId: 't2', type: 'called', at: at('2026-11-24T08:50'), counterId: 9, serviceId: 2 },
    { ticketId: 't2', type: 'no_show', at: at('2026-11-24T08:55'), counterId: 9, serviceId: 2 },
  ],
  cancelled: [{ serviceId: 2, date: '2026-11-24' }],
  counters: [{ id: 5, name: '1' }, { id: 6, name: '2' }],
  hours: [{ open: '08:00', close: '15:00' }],
  ...over,
});

describe('the report of a range', () => {
  const report = rangeReportOf(rows());

  it('counts issues under the service issued, outcomes under the service that served', () => {
    expect(report.services.map((s) => [s.service, s.issued, s.called, s.served, s.noShow, s.cancelledBookings])).toEqual([
      ['A', 2, 1, 1, 0, 0],
      ['B', 0, 1, 0, 1, 1],
      ['?', 1, 0, 0, 0, 0],
    ]);
    expect(report.total).toMatchObject({ issued: 3, called: 2, served: 1, noShow: 1, cancelledBookings: 1 });
  });

  it('shows a retired service only for the range it ran in, under "?" when it gave its letter up', () => {
    expect(report.services.map((s) => s.name)).toEqual(['Pengambilan Dokumen', 'Legalisir', 'Rekam Sidik Jari']);
  });

  it('measures waits and service per service and per counter', () => {
    expect(report.services[0]).toMatchObject({ averageWaitMinutes: 10, averageServiceMinutes: 6 });
    expect(report.services[1]).toMatchObject({ averageWaitMinutes: 20, p90WaitMinutes: 20, averageServiceMinutes: null });
    expect(report.total).toMatchObject({ averageWaitMinutes: 15, p90WaitMinutes: 20 });
  });

  it('lists every counter of the office and any other counter that called, by id', () => {
    expect(report.counters.map((c) => [c.counter, c.called, c.served, c.noShow])).toEqual([
      ['1', 1, 1, 0],
      ['2', 0, 0, 0],
      ['#9', 1, 0, 1],
    ]);
  });

  it('counts arrivals per office hour, from opening to closing and any hour someone came outside them', () => {
    expect(report.arrivalsPerHour.map((h) => h.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(report.arrivalsPerHour[0]).toEqual({ hour: 8, total: 2, byService: { A: 2, B: 0, '~3': 0 } });
    expect(report.arrivalsPerHour.at(-1)).toEqual({ hour: 16, total: 1, byService: { A: 0, B: 0, '~3': 1 } });
  });

  it('ends the hours before a closing on the hour, and within a closing past it', () => {
    const lastHour = (close: string) => rangeReportOf(rows({ tickets: [], hours: [{ open: '08:00', close }] })).arrivalsPerHour.at(-1)?.hour;
    expect(lastHour('15:00')).toBe(14);
    expect(lastHour('15:30')).toBe(15);
  });

  it('totals each day that had tickets or cancelled bookings', () => {
    expect(report.days).toEqual([{ date: '2026-11-24', issued: 3, served: 1, noShow: 1, cancelledBookings: 1 }]);
  });
});
