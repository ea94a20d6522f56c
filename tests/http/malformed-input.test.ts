import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBookableSlot, person, signIn } from '../support/factories';
import { dbFingerprint } from '../support/fingerprint';
import { capturingLog } from '../support/log';
import { startServer, type TestServer } from '../support/server';

/**
 * Malformed input is the client's mistake: a 4xx with the error shape, never a 5xx, nothing
 * logged as a failure, nothing changed (issue 13, item 3).
 */
type Agent = Awaited<ReturnType<typeof signIn>>;

/** Where a supertest answer came from, for a failure message. */
const origin = (res: request.Response) => {
  const req = (res as unknown as { req?: { method?: string; path?: string } }).req;
  return `${req?.method} ${req?.path}`;
};

const expectRefused = (res: request.Response, status = 400, code = 'VALIDATION') => {
  expect(res.status, `${origin(res)}: ${JSON.stringify(res.body)}`).toBe(status);
  expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
};

describe('malformed input is a 4xx with the error shape, and changes nothing', () => {
  let s: TestServer;
  let admin: Agent;
  let capture: ReturnType<typeof capturingLog>;
  let ids: { notice: number; contact: number; staff: number; closure: number };

  beforeAll(async () => {
    capture = capturingLog();
    s = await startServer({ listen: false, log: capture.log });
    admin = await signIn(s.app);
    ids = {
      notice: (await admin.post('/api/offices/demo/notices').send({ textId: 'Wajib memakai masker' })).body.id,
      contact: (await admin.post('/api/offices/demo/whatsapp-contacts').send({ label: 'Pencatatan Sipil', phone: '081234567890' })).body.id,
      staff: (await admin.post('/api/offices/demo/staff').send({ username: 'petugas', displayName: 'Petugas Loket', role: 'counter' })).body.user.id,
      closure: (await admin.post('/api/offices/demo/closures').send({ from: '2026-12-01', to: '2026-12-02', reason: 'Pelatihan pegawai' })).body.id,
    };
    expect(Object.values(ids).every((id) => Number.isInteger(id))).toBe(true);
  });
  afterAll(() => s.stop());

  it('a path that is not valid percent-encoding is 400, for anyone, and is not logged as a failure', async () => {
    const before = dbFingerprint(s.db);
    expectRefused(await request(s.app).get('/api/offices/%FF%FE'));
    expectRefused(await request(s.app).get('/api/offices/%FF%FE/availability?service=A'));
    expectRefused(await request(s.app).get('/api/bookings/%E0%A4%A?nik4=1234'));
    expectRefused(await admin.post('/api/tickets/%C0%AF%C0%AF%C0%AF/start'));
    expectRefused(await admin.patch('/api/offices/demo/services/%FF').send({ nameId: 'Diubah' }));
    expect(capture.errors()).toEqual([]);
    expect(dbFingerprint(s.db)).toBe(before);
  });

  it('a body whose Content-Encoding is false is 400; an unknown encoding or charset is 415', async () => {
    const before = dbFingerprint(s.db);
    const slot = await firstBookableSlot(s.app);
    const body = JSON.stringify({ service: 'A', slotId: slot.id, ...person(1) });
    const post = () => request(s.app).post('/api/offices/demo/bookings');
    expectRefused(await post().set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send(body));
    expectRefused(await post().set('Content-Type', 'application/json').set('Content-Encoding', 'deflate').send(body));
    expectRefused(await post().set('Content-Type', 'application/json').set('Content-Encoding', 'x-rahasia').send(body), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectRefused(await post().set('Content-Type', 'application/json; charset=latin1').send(body), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectRefused(await admin.put('/api/offices/demo/blanko').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"stock":1}'));
    expect(capture.errors()).toEqual([]);
    expect(dbFingerprint(s.db)).toBe(before);
  });

  it('an empty PATCH is 400 and says there is nothing to change', async () => {
    const before = dbFingerprint(s.db);
    const targets = [
      '/api/offices/demo/services/A',
      '/api/offices/demo',
      '/api/offices/demo/counters/1',
      `/api/offices/demo/staff/${ids.staff}`,
      `/api/offices/demo/notices/${ids.notice}`,
      `/api/offices/demo/whatsapp-contacts/${ids.contact}`,
    ];
    for (const path of targets) {
      for (const body of [{}, { __proto__: { nameId: 'Diubah' } }, JSON.parse('{"__proto__":{"nameId":"Diubah"},"constructor":{"prototype":{"x":1}}}')]) {
        const res = await admin.patch(path).send(body);
        expectRefused(res);
        expect(res.body.error.fields).toEqual({ body: 'Tidak ada yang diubah: kirim setidaknya satu nilai.' });
      }
    }
    expect(capture.errors()).toEqual([]);
    expect(dbFingerprint(s.db)).toBe(before);
  });

  it('an impossible date is refused everywhere a date is taken: 2026-13-01, 2026-02-30, 0000-00-00', async () => {
    const before = dbFingerprint(s.db);
    for (const day of ['2026-13-01', '2026-02-30', '0000-00-00', '2026-11-31', '2025-02-29']) {
      const calls: [string, request.Response][] = [
        ['from', await admin.post('/api/offices/demo/closures').send({ from: day, to: '2026-12-31', reason: 'Tanggal mustahil' })],
        ['to', await admin.post('/api/offices/demo/closures').send({ from: '2026-12-01', to: day, reason: 'Tanggal mustahil' })],
        ['to', await admin.post(`/api/offices/demo/closures/${ids.closure}/end`).send({ to: day })],
        ['from', await admin.put('/api/offices/demo/urgent-only').send({ open: ['C'], reason: 'Hanya mendesak', from: day })],
        ['from', await admin.delete(`/api/offices/demo/urgent-only?from=${day}`)],
        ['from', await request(s.app).get(`/api/offices/demo/availability?service=A&from=${day}`)],
        ['from', await admin.get(`/api/offices/demo/reports?from=${day}`)],
        ['to', await admin.get(`/api/offices/demo/reports?from=2026-11-01&to=${day}`)],
        ['date', await admin.get(`/api/offices/demo/reports/daily?date=${day}`)],
        ['from', await admin.get(`/api/offices/demo/audit?from=${day}`)],
        ['to', await admin.get(`/api/offices/demo/audit?to=${day}`)],
        ['date', await admin.put(`/api/offices/demo/services/A/overrides/${day}`).send({ slots: [] })],
        ['date', await admin.delete(`/api/offices/demo/services/A/overrides/${day}`)],
      ];
      for (const [field, res] of calls) {
        expectRefused(res);
        expect(res.body.error.fields[field], origin(res)).toMatch(day.startsWith('0000') ? /YYYY-MM-DD|kalender/ : /tidak ada di kalender/);
      }
    }
    const en = await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-02-30').set('Accept-Language', 'en');
    expect(en.body.error.fields.from).toBe('This date does not exist in the calendar.');
    expect(dbFingerprint(s.db)).toBe(before);
  });

  it('a closure that ends before it begins is refused', async () => {
    const before = dbFingerprint(s.db);
    const res = await admin.post('/api/offices/demo/closures').send({ from: '2026-12-10', to: '2026-12-09', reason: 'Terbalik' });
    expectRefused(res);
    expect(res.body.error.fields.to).toBe('Tanggal akhir tidak boleh sebelum tanggal mulai.');
    expect(dbFingerprint(s.db)).toBe(before);
  });

  it('an admin number is a JSON number: null, false, "", [], "0x10" and "12" are the wrong type, not 0 or 16', async () => {
    const before = dbFingerprint(s.db);
    const junk: unknown[] = [false, '', [], '0x10', '12', {}, 1.5];
    const numberFields: [string, string, (v: unknown) => object][] = [
      ['PATCH', '/api/offices/demo', (v) => ({ bookingHorizonDays: v })],
      ['PATCH', '/api/offices/demo', (v) => ({ bookingCutoffMinutes: v })],
      ['PATCH', '/api/offices/demo', (v) => ({ checkInEarlyMinutes: v })],
      ['PATCH', '/api/offices/demo', (v) => ({ maxActiveBookingsPerNik: v })],
      ['PATCH', '/api/offices/demo', (v) => ({ walkInEvery: v })],
      ['PATCH', '/api/offices/demo', (v) => ({ recallLimit: v })],
      ['PATCH', '/api/offices/demo', (v) => ({ roomCapacity: v })],
      ['PUT', '/api/offices/demo/blanko', (v) => ({ stock: v })],
      ['POST', '/api/offices/demo/blanko', (v) => ({ add: v })],
      ['PATCH', '/api/offices/demo/services/A', (v) => ({ typicalMinutes: v })],
      ['PATCH', '/api/offices/demo/services/A', (v) => ({ walkInQuota: v })],
      ['POST', '/api/offices/demo/services', (v) => ({ code: 'D', nameId: 'Konsultasi', typicalMinutes: v })],
      ['PUT', '/api/offices/demo/services/A/templates', (v) => ({ slots: [{ weekday: 1, start: '08:00', end: '09:00', capacity: v }] })],
      ['PUT', '/api/offices/demo/services/A/overrides/2026-12-01', (v) => ({ slots: [{ start: '08:00', end: '09:00', capacity: v }] })],
    ];
    for (const [method, path, body] of numberFields) {
      // null means "no limit" for the room capacity and the walk-in quota; for every other number it is the wrong type.
      const nullable = /roomCapacity|walkInQuota/.test(JSON.stringify(body(0)));
      for (const value of [...junk, ...(nullable ? [] : [null])]) {
        const m = method.toLowerCase() as 'patch' | 'put' | 'post';
        const res = await admin[m](path).send(body(value));
        expectRefused(res);
      }
    }
    // The values that are meant still work.
    expect((await admin.patch('/api/offices/demo').send({ roomCapacity: null, recallLimit: 0 })).status).toBe(200);
    expect((await admin.put('/api/offices/demo/blanko').send({ stock: 16 })).body).toEqual({ stock: 16 });
    expect(dbFingerprint(s.db)).not.toBe(before);
  });

  it('a number in a path or a query is written in decimal digits, nothing else', async () => {
    const before = dbFingerprint(s.db);
    for (const days of ['0x10', '1e1', '', ' 7', '-1', '7.0', 'tujuh']) {
      expectRefused(await request(s.app).get(`/api/offices/demo/availability?service=A&days=${encodeURIComponent(days)}`));
    }
    expectRefused(await request(s.app).get('/api/offices/demo/availability?service=A&days=7&days=8'));
    for (const q of ['limit=0x10', 'limit=1e2', 'offset=-0', 'offset=', 'limit=1&limit=2']) expectRefused(await admin.get(`/api/offices/demo/audit?${q}`));
    for (const id of ['0x1', '1e0', '-1', '0', '01.0']) {
      expectRefused(await admin.patch(`/api/counters/${id}`).send({ status: 'open' }));
      expectRefused(await admin.post(`/api/offices/demo/kiosks/${id}/revoke`));
    }
    expect((await request(s.app).get('/api/offices/demo/availability?service=A&days=3')).body).toHaveLength(3);
    expect(dbFingerprint(s.db)).toBe(before);
  });

  it('availability for an impossible date is refused, not answered with date null', async () => {
    const res = await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-02-30&days=1');
    expectRefused(res);
    expect(res.body).not.toBeInstanceOf(Array);
  });

  it('a booking’s slotId is a number (or, as before, its digits): null, false, "", [] and "0x10" are refused', async () => {
    const slot = await firstBookableSlot(s.app);
    const before = dbFingerprint(s.db);
    for (const slotId of [null, false, '', [], '0x10', `${slot.id}.0`, ` ${slot.id}`]) {
      expectRefused(await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId, ...person(7) }));
    }
    expect(dbFingerprint(s.db)).toBe(before);
    expect((await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: String(slot.id), ...person(7) })).status).toBe(201);
  });
});
