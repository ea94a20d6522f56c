import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstBookableSlot, kioskAuth, person, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { adminFingerprint } from './adminSupport';

describe('admin: the office, its rules, opening hours and blanko stock', () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await startServer({ listen: false });
    admin = await signIn(s.app);
  });
  afterEach(() => s.stop());

  it('shows the whole office to its admin in one snapshot', async () => {
    const res = await admin.get('/api/offices/demo/admin');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe('2026-11-24');
    expect(res.body.office).toMatchObject({ id: 'demo', timezone: 'Asia/Jakarta', roomCapacity: 30, blankoStock: 50 });
    expect(res.body.services.map((x: { code: string }) => x.code)).toEqual(['A', 'B', 'C']);
    expect(res.body.services[0].templates).toHaveLength(35);
    expect(res.body.counters).toEqual([
      { id: 1, name: '1', status: 'open', services: ['A', 'B'] },
      { id: 2, name: '2', status: 'open', services: ['B', 'A'] },
      { id: 3, name: '3', status: 'open', services: ['C', 'A'] },
    ]);
    expect(res.body.kiosks).toEqual([expect.objectContaining({ name: 'Kiosk Lobi', revokedAt: null })]);
    expect(JSON.stringify(res.body)).not.toMatch(/password|token/i);
  });

  it('creates a new office with Monday–Friday hours, then an admin for it who sees only that office', async () => {
    const created = await admin.post('/api/offices').send({ id: 'lebong', name: 'Disdukcapil Kabupaten Lebong', timezone: 'Asia/Jakarta' });
    expect(created.status).toBe(201);
    // A new office is a draft: not listed to visitors until published (tests/http/office-drafts.test.ts).
    expect((await request(s.app).get('/api/offices')).body.map((o: { id: string }) => o.id)).not.toContain('lebong');
    const detail = await request(s.app).get('/api/offices/lebong');
    expect(detail.body.openingHours).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' })));
    const head = await admin.post('/api/offices/lebong/staff').send({ username: 'kepala.lebong', displayName: 'Kepala Dinas', role: 'admin' });
    const agent = await signIn(s.app, 'kepala.lebong', head.body.password);
    expect((await agent.get('/api/offices/lebong/admin')).status).toBe(200);
    expect((await agent.get('/api/offices/demo/admin')).status).toBe(403);
  });

  it('refuses an office with a taken id or an unknown time zone, in Indonesian and English', async () => {
    const taken = await admin.post('/api/offices').send({ id: 'demo', name: 'Dobel', timezone: 'Asia/Jakarta' });
    // A taken id conflicts with an office that exists (issue 13): 409, the field still says why.
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CONFLICT');
    expect(taken.body.error.fields.id).toBe('Sudah dipakai. Pilih yang lain.');
    const zone = await admin.post('/api/offices').set('Accept-Language', 'en').send({ id: 'mars', name: 'Kantor Mars', timezone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(zone.body.error.fields.timezone).toMatch(/Unknown time zone/);
  });

  it('changes room capacity and rules; the public office view follows', async () => {
    const res = await admin.patch('/api/offices/demo').send({ roomCapacity: 12, bookingHorizonDays: 7, recallLimit: 2, onePerServicePerDay: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ roomCapacity: 12, bookingHorizonDays: 7, recallLimit: 2, onePerServicePerDay: false });
    expect((await request(s.app).get('/api/offices/demo')).body).toMatchObject({ roomCapacity: 12, bookingHorizonDays: 7 });
    expect((await admin.patch('/api/offices/demo').send({ roomCapacity: null })).body.roomCapacity).toBeNull();
    const bad = await admin.patch('/api/offices/demo').send({ bookingHorizonDays: 0 });
    expect(bad.status).toBe(400);
  });

  it('replaces the opening hours: a day left out is closed for walk-ins', async () => {
    const hours = [1, 3, 5].map((weekday) => ({ weekday, open: '08:00', close: '12:00' }));
    const res = await admin.put('/api/offices/demo/hours').send({ hours });
    expect(res.status).toBe(200);
    expect((await request(s.app).get('/api/offices/demo')).body.openingHours).toEqual(hours);
    // Today is a Tuesday, now closed.
    const walkIn = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    expect(walkIn.status).toBe(409);
    expect(walkIn.body.error.code).toBe('CLOSED');
  });

  it('refuses opening hours that close before they open, and changes nothing', async () => {
    const before = adminFingerprint(s);
    const res = await admin.put('/api/offices/demo/hours').send({ hours: [{ weekday: 1, open: '12:00', close: '08:00' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields['hours.0.close']).toBe('Waktu selesai harus setelah waktu mulai.');
    expect(adminFingerprint(s)).toBe(before);
  });

  it('at zero blanko stops the KTP-el service: closed today with a suket reason, walk-in and booking refused with BLANKO_EMPTY', async () => {
    const slot = await firstBookableSlot(s.app, 'C');
    expect((await admin.put('/api/offices/demo/blanko').send({ stock: 0 })).body).toEqual({ stock: 0 });
    const detail = (await request(s.app).get('/api/offices/demo')).body;
    const c = detail.services.find((x: { code: string }) => x.code === 'C');
    expect(c.closedToday).toMatch(/suket/);
    expect(detail.services.find((x: { code: string }) => x.code === 'A').closedToday).toBeUndefined();
    const walkIn = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'C' });
    expect(walkIn.status).toBe(409);
    expect(walkIn.body.error).toMatchObject({ code: 'BLANKO_EMPTY', message: expect.stringContaining('suket') });
    const booking = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'C', slotId: slot.id, ...person(1) });
    expect(booking.status).toBe(409);
    expect(booking.body.error.code).toBe('BLANKO_EMPTY');
    const days = (await request(s.app).get('/api/offices/demo/availability?service=C&days=3')).body;
    expect(days.every((d: { closed: boolean; reason: string }) => d.closed && /suket/.test(d.reason))).toBe(true);
    // Other services carry on.
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' })).status).toBe(201);

    // A delivery of 25 cards starts the service again.
    expect((await admin.post('/api/offices/demo/blanko').send({ add: 25 })).body).toEqual({ stock: 25 });
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'C' })).status).toBe(201);
    expect((await request(s.app).get('/api/offices/demo')).body.services.find((x: { code: string }) => x.code === 'C').closedToday).toBeUndefined();
  });

  it('never lets the stock go below zero', async () => {
    const res = await admin.post('/api/offices/demo/blanko').send({ add: -51 });
    expect(res.status).toBe(400);
    expect((await admin.get('/api/offices/demo/admin')).body.office.blankoStock).toBe(50);
    expect((await admin.post('/api/offices/demo/blanko').send({ add: -50 })).body.stock).toBe(0);
  });

  it('records each of these actions in the audit log with who and which office', async () => {
    await admin.patch('/api/offices/demo').send({ roomCapacity: 20 });
    await admin.put('/api/offices/demo/blanko').send({ stock: 40 });
    const log = (await admin.get('/api/offices/demo/audit?kind=admin')).body.entries;
    expect(log.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'blanko.change', officeId: 'demo', user: expect.objectContaining({ username: 'admin' }), detail: expect.objectContaining({ before: 50, after: 40 }) }),
      expect.objectContaining({ action: 'office.update', officeId: 'demo', detail: { roomCapacity: 20 } }),
    ]);
  });
});
