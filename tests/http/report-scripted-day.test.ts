import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskAuth, person, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

/**
 * A scripted Tuesday at the demo office (counters 1: A,B · 2: B,A · 3: C,A), every step at a
 * known local time through the real API and the injected clock:
 *
 *   07:30 a B booking for 13:00 is made, then cancelled by its holder
 *   08:00 A001 · 08:05 A002 · 08:10 B001 issued at the kiosk
 *   08:12 counter 1 calls A001 (waited 12) · 08:13 starts · 08:20 completes (7 min)
 *   08:15 counter 2 calls B001 (waited 5)  · 08:16 starts · 08:26 completes (10 min)
 *   08:21 counter 1 calls A002 (waited 16) · 08:22 marks it no-show
 *   09:00 C001 · 09:05 A003 issued
 *   09:10 counter 3 calls C001 (waited 10) · 09:11 starts · 09:30 completes (19 min; one blanko used)
 *   09:31 counter 3 calls A003 (waited 26) · 09:32 starts · 09:35 transfers it to B
 *   09:40 counter 2 calls A003 in B (waited 5 in B) · 09:41 starts · 09:45 completes (4 min)
 *   10:00 B002 issued, still waiting at the end of the day
 *
 * Hand-computed figures (p90 = nearest rank: the ⌈0.9·n⌉-th smallest):
 *   A: issued 3, called 3, served 1, no-show 1; waits 12,16,26 → avg 18, p90 26; service 7 → 7, 7
 *   B: issued 2, called 2, served 2 (B001, A003), cancelled 1; waits 5,5 → 5, 5; service 10,4 → 7, 10
 *   C: issued 1, called 1, served 1; wait 10; service 19
 *   all: issued 6, called 6, served 4, no-show 1, cancelled 1; waits avg 74/6 = 12.3, p90 26; service avg 40/4 = 10, p90 19
 *   counter 1: called 2, served 1, no-show 1; waits 12,16 → 14, 16; service 7
 *   counter 2: called 2, served 2; waits 5,5 → 5, 5; service 10,4 → 7, 10
 *   counter 3: called 2, served 1; waits 10,26 → 18, 26; service 19
 *   arrivals: 08h 3 (A2 B1), 09h 2 (A1 C1), 10h 1 (B1), 11–14h 0
 */
describe('reports computed from a scripted day match the hand-computed figures', () => {
  let s: TestServer;
  let staff: Awaited<ReturnType<typeof signIn>>;
  const at = (hhmm: string, day = '2026-11-24') => s.clock.set(`${day}T${hhmm}:00.000+07:00`);
  const issue = async (service: string) => (await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service })).body;
  const call = async (counter: number) => (await staff.post(`/api/counters/${counter}/call-next`)).body.ticket;
  const step = async (ticketId: string, action: string, body?: object) => {
    const res = await staff.post(`/api/tickets/${ticketId}/${action}`).send(body ?? {});
    expect(res.status, `${action} at ${s.clock.now().toFormat('HH:mm')}`).toBe(200);
    return res.body.ticket;
  };

  beforeAll(async () => {
    s = await startServer({ listen: false, now: '2026-11-24T07:30:00.000+07:00' });
    staff = await signIn(s.app);
    const slot = (await request(s.app).get('/api/offices/demo/availability?service=B&days=1')).body[0].slots.find((x: { start: string }) => x.start.includes('T13:00'));
    const booking = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: slot.id, ...person(1) });
    await request(s.app).post(`/api/bookings/${booking.body.code}/cancel`).send({ nik4: person(1).nik.slice(-4) });

    at('08:00'); const a1 = await issue('A');
    at('08:05'); await issue('A');
    at('08:10'); const b1 = await issue('B');
    at('08:12'); expect((await call(1)).number).toBe('A001');
    at('08:13'); await step(a1.id, 'start');
    at('08:15'); expect((await call(2)).number).toBe('B001');
    at('08:16'); await step(b1.id, 'start');
    at('08:20'); await step(a1.id, 'complete');
    at('08:21'); const a2 = await call(1); expect(a2.number).toBe('A002');
    at('08:22'); await step(a2.id, 'no-show');
    at('08:26'); await step(b1.id, 'complete');
    at('09:00'); const c1 = await issue('C');
    at('09:05'); const a3 = await issue('A');
    at('09:10'); expect((await call(3)).number).toBe('C001');
    at('09:11'); await step(c1.id, 'start');
    at('09:30'); await step(c1.id, 'complete');
    at('09:31'); expect((await call(3)).number).toBe('A003');
    at('09:32'); await step(a3.id, 'start');
    at('09:35'); await step(a3.id, 'transfer', { service: 'B' });
    at('09:40'); expect((await call(2)).number).toBe('A003');
    at('09:41'); await step(a3.id, 'start');
    at('09:45'); await step(a3.id, 'complete');
    at('10:00'); await issue('B');
    // The office has closed; the head of service signs in to read the day.
    at('16:00');
    staff = await signIn(s.app);
  });
  afterAll(() => s.stop());

  it('per service and in total', async () => {
    const r = (await staff.get('/api/offices/demo/reports?from=2026-11-24')).body;
    expect(r).toMatchObject({ office: 'demo', from: '2026-11-24', to: '2026-11-24' });
    const fig = (issued: number | undefined, called: number, served: number, noShow: number, cancelled: number | undefined, w: [number, number] | null, d: [number, number] | null) => ({
      ...(issued === undefined ? {} : { issued }),
      called, served, noShow,
      ...(cancelled === undefined ? {} : { cancelledBookings: cancelled, urgent: 0, suket: 0 }),
      averageWaitMinutes: w?.[0] ?? null, p90WaitMinutes: w?.[1] ?? null, averageServiceMinutes: d?.[0] ?? null, p90ServiceMinutes: d?.[1] ?? null,
    });
    expect(r.services).toEqual([
      { service: 'A', name: 'Pengambilan Dokumen', nameEn: 'Document pickup', ...fig(3, 3, 1, 1, 0, [18, 26], [7, 7]) },
      { service: 'B', name: 'Legalisir', nameEn: 'Legalisation', ...fig(2, 2, 2, 0, 1, [5, 5], [7, 10]) },
      { service: 'C', name: 'Perekaman KTP-el Mendesak', nameEn: 'Urgent KTP-el recording', ...fig(1, 1, 1, 0, 0, [10, 10], [19, 19]) },
    ]);
    expect(r.total).toEqual(fig(6, 6, 4, 1, 1, [12.3, 26], [10, 19]));
  });

  it('per counter', async () => {
    const r = (await staff.get('/api/offices/demo/reports?from=2026-11-24')).body;
    expect(r.counters).toEqual([
      { counterId: 1, counter: '1', called: 2, served: 1, noShow: 1, averageWaitMinutes: 14, p90WaitMinutes: 16, averageServiceMinutes: 7, p90ServiceMinutes: 7 },
      { counterId: 2, counter: '2', called: 2, served: 2, noShow: 0, averageWaitMinutes: 5, p90WaitMinutes: 5, averageServiceMinutes: 7, p90ServiceMinutes: 10 },
      { counterId: 3, counter: '3', called: 2, served: 1, noShow: 0, averageWaitMinutes: 18, p90WaitMinutes: 26, averageServiceMinutes: 19, p90ServiceMinutes: 19 },
    ]);
  });

  it('arrivals per hour over the opening hours, and the day total', async () => {
    const r = (await staff.get('/api/offices/demo/reports?from=2026-11-24')).body;
    expect(r.arrivalsPerHour).toEqual([
      { hour: 8, total: 3, byService: { A: 2, B: 1, C: 0 } },
      { hour: 9, total: 2, byService: { A: 1, B: 0, C: 1 } },
      { hour: 10, total: 1, byService: { A: 0, B: 1, C: 0 } },
      ...[11, 12, 13, 14].map((hour) => ({ hour, total: 0, byService: { A: 0, B: 0, C: 0 } })),
    ]);
    expect(r.days).toEqual([{ date: '2026-11-24', issued: 6, served: 4, noShow: 1, cancelledBookings: 1 }]);
  });

  it('the daily report of API.md gives the same figures per service', async () => {
    const r = (await staff.get('/api/offices/demo/reports/daily?date=2026-11-24')).body;
    expect(r.services.map((x: Record<string, unknown>) => [x.service, x.issued, x.served, x.noShow, x.averageWaitMinutes, x.averageServiceMinutes])).toEqual([
      ['A', 3, 1, 1, 18, 7],
      ['B', 2, 2, 0, 5, 7],
      ['C', 1, 1, 0, 10, 19],
    ]);
  });

  it('used one blanko for the KTP-el recording', async () => {
    expect((await request(s.app).get('/api/offices/demo')).body.blankoStock).toBe(49);
  });

  it('downloads as CSV for a spreadsheet: UTF-8 with BOM, one header row, CRLF, the same figures', async () => {
    const res = await staff.get('/api/offices/demo/reports?from=2026-11-24&format=csv').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="giliran-demo-2026-11-24.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]!.split(',').slice(0, 6)).toEqual(['Dari / From', 'Sampai / To', 'Jenis / Kind', 'Kode / Code', 'Nama / Name', 'Diterbitkan / Issued']);
    expect(lines[0]!.split(',').at(-1)).toBe('Datang 14:00 / Arrivals 14:00');
    expect(lines.slice(1, -1)).toEqual([
      '2026-11-24,2026-11-24,layanan,A,Pengambilan Dokumen,3,3,1,1,0,18,26,7,7,0,0,2,1,0,0,0,0,0',
      '2026-11-24,2026-11-24,layanan,B,Legalisir,2,2,2,0,1,5,5,7,10,0,0,1,0,1,0,0,0,0',
      '2026-11-24,2026-11-24,layanan,C,Perekaman KTP-el Mendesak,1,1,1,0,0,10,10,19,19,0,0,0,1,0,0,0,0,0',
      '2026-11-24,2026-11-24,total,,Semua layanan / All services,6,6,4,1,1,12.3,26,10,19,0,0,3,2,1,0,0,0,0',
      '2026-11-24,2026-11-24,loket,1,Loket 1,,2,1,1,,14,16,7,7,,,,,,,,,',
      '2026-11-24,2026-11-24,loket,2,Loket 2,,2,2,0,,5,5,7,10,,,,,,,,,',
      '2026-11-24,2026-11-24,loket,3,Loket 3,,2,1,0,,18,26,19,19,,,,,,,,,',
    ]);
    const semi = await staff.get('/api/offices/demo/reports?from=2026-11-24&format=csv&delimiter=semicolon');
    expect(semi.text).toContain('2026-11-24;2026-11-24;total;;Semua layanan / All services;6;6;4;1;1;12,3;26;10;19;0;0;3;2;1;0;0;0;0');
  });

  it('covers a date range: a second day adds to the figures', async () => {
    at('08:00', '2026-11-25');
    staff = await signIn(s.app);
    const a = await issue('A');
    at('08:10', '2026-11-25');
    await call(1);
    await step(a.id, 'start');
    at('08:15', '2026-11-25');
    await step(a.id, 'complete');
    const r = (await staff.get('/api/offices/demo/reports?from=2026-11-24&to=2026-11-25')).body;
    expect(r.services[0]).toMatchObject({ service: 'A', issued: 4, served: 2, averageWaitMinutes: 16, p90WaitMinutes: 26, averageServiceMinutes: 6, p90ServiceMinutes: 7 });
    expect(r.days.map((d: { date: string; issued: number }) => [d.date, d.issued])).toEqual([['2026-11-24', 6], ['2026-11-25', 1]]);
    expect(r.arrivalsPerHour[0]).toEqual({ hour: 8, total: 4, byService: { A: 3, B: 1, C: 0 } });
    expect((await staff.get('/api/offices/demo/reports?from=2026-11-25&to=2026-11-24')).status).toBe(400);
    expect((await staff.get('/api/offices/demo/reports?from=2025-01-01&to=2026-11-24')).body.error.fields.to).toMatch(/366/);
  });
});
