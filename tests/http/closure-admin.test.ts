import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskAuth, person, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { adminFingerprint } from './adminSupport';
import { bookMany } from './closureSupport';

const closedDays = async (s: TestServer, service: string, from: string, days: number) =>
  ((await request(s.app).get(`/api/offices/demo/availability?service=${service}&from=${from}&days=${days}`)).body as { date: string; closed: boolean }[])
    .filter((d) => d.closed)
    .map((d) => d.date);

describe('closures: until further notice, ended later; one service; urgent-only mode', () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await startServer({ listen: false });
    admin = await signIn(s.app);
  });
  afterEach(() => s.stop());

  it('closes the office "until further notice" from tomorrow, then an admin ends it: the days after re-open', async () => {
    const res = await admin.post('/api/offices/demo/closures').send({ from: '2026-11-25', to: null, reason: 'Tutup sampai pemberitahuan lebih lanjut' });
    expect(res.status).toBe(201);
    expect(await closedDays(s, 'A', '2026-11-24', 14)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
    expect((await request(s.app).get('/api/offices/demo')).body.closures).toEqual([
      { id: res.body.id, service: null, from: '2026-11-25', to: null, reason: 'Tutup sampai pemberitahuan lebih lanjut' },
    ]);
    const ended = await admin.post(`/api/offices/demo/closures/${res.body.id}/end`).send({ to: '2026-11-27' });
    expect(ended.body).toMatchObject({ from: '2026-11-25', to: '2026-11-27' });
    // Saturday and Sunday stay closed by the opening hours, not by the closure.
    expect(await closedDays(s, 'A', '2026-11-24', 7)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    const list = (await admin.get('/api/offices/demo/closures')).body;
    expect(list[0]).toMatchObject({ id: res.body.id, state: 'upcoming', to: '2026-11-27', createdBy: 'admin', endedAt: s.clock.now().toMillis() });
  });

  it('refuses to extend a closure by ending it later, or to end it in the past', async () => {
    const res = await admin.post('/api/offices/demo/closures').send({ from: '2026-11-25', to: '2026-11-26', reason: 'Pelatihan pegawai' });
    const before = adminFingerprint(s);
    expect((await admin.post(`/api/offices/demo/closures/${res.body.id}/end`).send({ to: '2026-11-30' })).body.error.fields.to).toMatch(/dipersingkat/);
    expect((await admin.post(`/api/offices/demo/closures/${res.body.id}/end`).send({ to: '2026-11-20' })).body.error.fields.to).toBe('Tanggal tidak boleh di masa lalu.');
    expect((await admin.post('/api/offices/demo/closures/999/end').send({ to: '2026-11-25' })).status).toBe(404);
    expect(adminFingerprint(s)).toBe(before);
  });

  it('withdraws an upcoming closure by ending it before its first day; it disappears from the public office', async () => {
    const res = await admin.post('/api/offices/demo/closures').send({ from: '2026-11-30', to: null, reason: 'Rencana renovasi' });
    await admin.post(`/api/offices/demo/closures/${res.body.id}/end`).send({ to: '2026-11-24' });
    expect((await request(s.app).get('/api/offices/demo')).body.closures).toEqual([]);
    expect(await closedDays(s, 'A', '2026-11-30', 1)).toEqual([]);
    expect((await admin.get('/api/offices/demo/closures')).body[0].state).toBe('withdrawn');
  });

  it('closes one service from today: its walk-ins and bookings are refused with the reason, others carry on', async () => {
    const res = await admin.post('/api/offices/demo/closures').send({ from: '2026-11-24', to: null, service: 'C', reason: 'Perekaman sidik jari dihentikan sementara' });
    expect(res.status).toBe(201);
    const walkIn = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'C' });
    expect(walkIn.status).toBe(409);
    expect(walkIn.body.error).toMatchObject({ code: 'CLOSED', message: 'Layanan tutup: Perekaman sidik jari dihentikan sementara' });
    expect((await request(s.app).get('/api/offices/demo')).body.services.find((x: { code: string }) => x.code === 'C').closedToday).toBe('Perekaman sidik jari dihentikan sementara');
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' })).status).toBe(201);
  });

  it("closing today tells only holders whose slot has not ended yet: a missed morning slot is not 'closed'", async () => {
    s.clock.set('2026-11-24T07:00:00.000+07:00');
    const early = await bookMany(s, 1, '2026-11-24', 'B');
    s.clock.set('2026-11-24T09:00:00.000+07:00');
    const later = (await request(s.app).get('/api/offices/demo/availability?service=B&from=2026-11-24&days=1')).body[0].slots.find((x: { start: string }) => x.start.includes('T13:00'));
    const afternoon = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: later.id, ...person(50) });
    s.clock.set('2026-11-24T10:15:00.000+07:00');
    const res = await admin.post('/api/offices/demo/closures').send({ from: '2026-11-24', to: '2026-11-24', reason: 'Banjir di depan kantor' });
    expect(res.body).toMatchObject({ affectedBookings: 1, cancelled: 1 });
    expect((await request(s.app).get(`/api/bookings/${afternoon.body.code}?nik4=${person(50).nik.slice(-4)}`)).body.status).toBe('cancelled');
    expect((await request(s.app).get(`/api/bookings/${early[0]!.code}?nik4=${early[0]!.nik4}`)).body.status).toBe('booked');
  });

  it('refuses a closure that starts in the past or ends before it starts', async () => {
    expect((await admin.post('/api/offices/demo/closures').send({ from: '2026-11-20', to: null, reason: 'Terlambat' })).body.error.fields.from).toBe('Tanggal tidak boleh di masa lalu.');
    expect((await admin.post('/api/offices/demo/closures').send({ from: '2026-11-26', to: '2026-11-25', reason: 'Terbalik' })).body.error.fields.to).toMatch(/Tanggal akhir/);
  });

  it('urgent-only mode keeps only the chosen services open, cancels the others\' bookings, and ends again', async () => {
    const bBookings = await bookMany(s, 3, '2026-11-25', 'B');
    await bookMany(s, 2, '2026-11-25', 'C', 100);
    const res = await admin.put('/api/offices/demo/urgent-only').send({ open: ['C'], reason: 'Hanya layanan mendesak selama pandemi' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: true, open: ['C'], closed: ['A', 'B'], from: '2026-11-24', reason: 'Hanya layanan mendesak selama pandemi' });
    expect(res.body.results.map((r: { affectedBookings: number }) => r.affectedBookings)).toEqual([0, 3]);
    expect((await request(s.app).get(`/api/bookings/${bBookings[0]!.code}?nik4=${bBookings[0]!.nik4}`)).body.status).toBe('cancelled');
    const services = (await request(s.app).get('/api/offices/demo')).body.services;
    expect(services.map((x: { code: string; closedToday?: string }) => [x.code, x.closedToday ?? null])).toEqual([
      ['A', 'Hanya layanan mendesak selama pandemi'],
      ['B', 'Hanya layanan mendesak selama pandemi'],
      ['C', null],
    ]);
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' })).status).toBe(409);
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'C' })).status).toBe(201);
    expect((await admin.get('/api/offices/demo/urgent-only')).body).toMatchObject({ active: true, open: ['C'] });
    // Widening it to A as well re-opens A and keeps B shut.
    const wider = await admin.put('/api/offices/demo/urgent-only').send({ open: ['A', 'C'], reason: 'Pengambilan dokumen dibuka kembali' });
    expect(wider.body).toMatchObject({ open: ['A', 'C'], closed: ['B'] });
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' })).status).toBe(201);

    const ended = await admin.delete('/api/offices/demo/urgent-only');
    expect(ended.body).toMatchObject({ active: false, open: ['A', 'B', 'C'], closed: [] });
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'B' })).status).toBe(201);
    expect((await request(s.app).get('/api/offices/demo')).body.closures).toEqual([]);
  });

  it('refuses urgent-only mode with no service or an unknown one, and changes nothing', async () => {
    const before = adminFingerprint(s);
    expect((await admin.put('/api/offices/demo/urgent-only').send({ open: [], reason: 'Kosong' })).status).toBe(400);
    expect((await admin.put('/api/offices/demo/urgent-only').send({ open: ['Z'], reason: 'Tidak ada' })).status).toBe(400);
    expect(adminFingerprint(s)).toBe(before);
  });

  it('shows failed notifications and queues them again on request', async () => {
    await bookMany(s, 2, '2026-11-25');
    s.db.prepare("UPDATE notifications SET status = 'failed', attempts = 8, last_error = 'WhatsApp endpoint answered 401'").run();
    const outbox = (await admin.get('/api/offices/demo/admin')).body.outbox;
    expect(outbox).toMatchObject({ failed: 2, pending: 0 });
    expect(outbox.recentFailures[0]).toMatchObject({ template: 'booked', recipient: '+62812••••1001', attempts: 8, lastError: 'WhatsApp endpoint answered 401' });
    expect((await admin.post('/api/offices/demo/notifications/retry-failed')).body).toEqual({ requeued: 2 });
    expect((await admin.get('/api/offices/demo/admin')).body.outbox).toMatchObject({ failed: 0, pending: 2 });
  });
});
