import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBookableSlot, person } from '../support/factories';
import { dbFingerprint, dbFingerprintBesidesCodeTries } from '../support/fingerprint';
import { startServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => (s = await startServer({ listen: false })));
afterAll(() => s.stop());

/** Sends a request that must be refused and checks that nothing in the database changed. */
const refused = async (send: () => Promise<request.Response>, status: number, code: string) => {
  const before = dbFingerprint(s.db);
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toEqual(expect.any(String));
  expect(dbFingerprint(s.db)).toBe(before);
  return res;
};

describe('GET /api/health and the office directory', () => {
  it('answers ok once the database answers', async () => {
    expect((await request(s.app).get('/api/health')).body).toEqual({ status: 'ok' });
  });

  it('lists the demo office with its time zone', async () => {
    expect((await request(s.app).get('/api/offices')).body).toEqual([{ id: 'demo', name: 'Disdukcapil Kota Demo', timezone: 'Asia/Jakarta' }]);
  });

  it('describes an office: services with requirements, hours, notices, WhatsApp contacts', async () => {
    const res = await request(s.app).get('/api/offices/demo');
    expect(res.status).toBe(200);
    expect(res.body.services.map((x: { code: string }) => x.code)).toEqual(['A', 'B', 'C']);
    expect(res.body.services[2]).toMatchObject({ code: 'C', bookable: true, walkIn: true, requirements: expect.stringContaining('sarung tangan') });
    expect(res.body.openingHours).toHaveLength(5);
    expect(res.body.notices.length).toBeGreaterThan(0);
    expect(res.body.whatsappContacts.length).toBe(2);
  });

  it('answers 404 NOT_FOUND for an unknown office, in Indonesian by default and English on request', async () => {
    const id = await request(s.app).get('/api/offices/nowhere');
    expect(id.status).toBe(404);
    expect(id.body.error).toEqual({ code: 'NOT_FOUND', message: 'Data tidak ditemukan.' });
    const en = await request(s.app).get('/api/offices/nowhere').set('Accept-Language', 'en-US,en;q=0.9');
    expect(en.body.error.message).toBe('Not found.');
  });

  it('answers 404 for an unknown API path', async () => {
    expect((await request(s.app).get('/api/nothing-here')).status).toBe(404);
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await request(s.app).get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/offices/{officeId}/bookings'].post.requestBody.content['application/json'].schema.properties.nik).toBeDefined();
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/offices/{officeId}/availability', '/counters/{counterId}/call-next', '/offices/{officeId}/closures']));
  });
});

describe('GET /api/offices/{id}/availability', () => {
  it('gives each day with its slots; past and cut-off slots are not bookable; weekends closed with a reason', async () => {
    const res = await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-24&days=7');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(7);
    const [today] = res.body;
    expect(today.date).toBe('2026-11-24');
    expect(today.slots[0]).toMatchObject({ start: '2026-11-24T08:00:00.000+07:00', end: '2026-11-24T09:00:00.000+07:00', capacity: 20, remaining: 20, bookable: false });
    // 09:30 now, 30 minutes cut-off: 10:00 is past the cut-off, 11:00 is bookable.
    expect(today.slots.find((x: { start: string }) => x.start.includes('T10:00')).bookable).toBe(false);
    expect(today.slots.find((x: { start: string }) => x.start.includes('T11:00')).bookable).toBe(true);
    const saturday = res.body.find((d: { date: string }) => d.date === '2026-11-28');
    expect(saturday).toMatchObject({ closed: true, slots: [] });
    expect(saturday.reason).toEqual(expect.any(String));
  });

  it('refuses a bad date, a bad number of days and an unknown service with 400 and the field', async () => {
    const bad = await request(s.app).get('/api/offices/demo/availability?service=A&from=24-11-2026');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.from).toBe('Tanggal harus berformat YYYY-MM-DD.');
    expect((await request(s.app).get('/api/offices/demo/availability?service=A&days=400')).status).toBe(400);
    const unknown = await request(s.app).get('/api/offices/demo/availability?service=Z');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.service).toBeDefined();
  });
});

describe('POST /api/offices/{id}/bookings, GET and cancel', () => {
  it('books a place, returns the code and status URL, and counts the place in the slot', async () => {
    const slot = await firstBookableSlot(s.app);
    const res = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(10) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ service: 'A', date: slot.date, start: slot.start, end: slot.end, status: 'booked', statusUrl: expect.stringContaining(res.body.code) });
    expect(res.body.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(JSON.stringify(res.body)).not.toContain(person(10).nik);
    const after = await firstBookableSlot(s.app);
    expect(after.remaining).toBe(slot.remaining - 1);
  });

  it('refuses a malformed NIK, phone and name with 400 and one message per field, changing nothing', async () => {
    const slot = await firstBookableSlot(s.app);
    const res = await refused(
      () => request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik: '1234', name: 'X', phone: '12' }),
      400,
      'VALIDATION',
    );
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['name', 'nik', 'phone']);
    const en = await request(s.app)
      .post('/api/offices/demo/bookings')
      .set('Accept-Language', 'en')
      .send({ service: 'A', slotId: slot.id, ...person(11), nik: '3174011708900000' });
    expect(en.body.error.fields.nik).toBe('The serial number of a NIK cannot be 0000.');
  });

  it('refuses a missing body and malformed JSON with 400', async () => {
    await refused(() => request(s.app).post('/api/offices/demo/bookings').send({}), 400, 'VALIDATION');
    await refused(() => request(s.app).post('/api/offices/demo/bookings').set('Content-Type', 'application/json').send('{"nik":'), 400, 'VALIDATION');
  });

  it('refuses a body over the size limit with 413', async () => {
    await refused(() => request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', name: 'x'.repeat(40_000) }), 413, 'TOO_LARGE');
  });

  it('refuses an unknown slot with 404 and a slot of another service with 404', async () => {
    await refused(() => request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: 999999, ...person(12) }), 404, 'NOT_FOUND');
    const slotB = await firstBookableSlot(s.app, 'B');
    await refused(() => request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slotB.id, ...person(12) }), 404, 'NOT_FOUND');
  });

  it('refuses a second active booking of one NIK for the same service and day with 409 DUPLICATE_BOOKING', async () => {
    const slot = await firstBookableSlot(s.app);
    expect((await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(13) })).status).toBe(201);
    await refused(() => request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(13) }), 409, 'DUPLICATE_BOOKING');
  });

  it('refuses a slot that has begun or is past its cut-off with 409 SLOT_NOT_BOOKABLE', async () => {
    const days = (await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-24&days=1')).body;
    const begun = days[0].slots[0];
    await refused(() => request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: begun.id, ...person(14) }), 409, 'SLOT_NOT_BOOKABLE');
  });

  it('refuses a full slot with 409 SLOT_FULL', async () => {
    const slot = await firstBookableSlot(s.app, 'C');
    s.db.prepare('update slots set capacity = booked where id = ?').run(slot.id);
    await refused(() => request(s.app).post('/api/offices/demo/bookings').send({ service: 'C', slotId: slot.id, ...person(15) }), 409, 'SLOT_FULL');
  });

  it('reads a booking with the NIK last four; a wrong nik4 and an unknown code give the same 404', async () => {
    const slot = await firstBookableSlot(s.app);
    const p = person(16);
    const { code } = (await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...p })).body;
    const ok = await request(s.app).get(`/api/bookings/${code}?nik4=${p.nik.slice(-4)}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ code, status: 'booked', nikMasked: `************${p.nik.slice(-4)}` });
    expect(ok.body.phoneMasked).toMatch(/^\+62812•+\d{4}$/);
    const wrong = await request(s.app).get(`/api/bookings/${code}?nik4=0000`);
    const unknown = await request(s.app).get(`/api/bookings/ZZZZZZZZ?nik4=${p.nik.slice(-4)}`);
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('cancels a booking and returns its place; a second cancel is refused with 409', async () => {
    const slot = await firstBookableSlot(s.app, 'B');
    const p = person(17);
    const { code } = (await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: slot.id, ...p })).body;
    const cancelled = await request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: p.nik.slice(-4) });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await firstBookableSlot(s.app, 'B')).remaining).toBe(slot.remaining);
    await refused(() => request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: p.nik.slice(-4) }), 409, 'INVALID_STATE');
    // A wrong nik4 changes nothing but the count of wrong tries on the code and its audit.
    const before = dbFingerprintBesidesCodeTries(s.db);
    const wrong = await request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: p.nik.slice(-4) === '9999' ? '9998' : '9999' });
    expect([wrong.status, wrong.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(dbFingerprintBesidesCodeTries(s.db)).toBe(before);
  });
});

describe('GET /api/tickets/{id}', () => {
  it('answers 404 for an unknown ticket', async () => {
    await refused(() => request(s.app).get('/api/tickets/unknown-ticket-id'), 404, 'NOT_FOUND');
  });
});
