import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { firstBookableSlot, kioskAuth, person, signIn } from '../support/factories';
import { dbFingerprint } from '../support/fingerprint';
import { startServer, type TestServer } from '../support/server';

/**
 * A signed-in write must come from the server's own pages (issue 13, item 1). A page on another
 * site can make the browser send the staff cookie (SameSite=Lax lets a top-level form POST
 * through in some browsers, and any same-site page can): such a request names its origin in
 * `Origin`, else `Referer`, else the browser's `Sec-Fetch-Site`, and is refused 403. Every write
 * with a body is JSON, which no cross-site form can send: anything else is 415.
 */
const HOST = 'giliran.test';
const OWN = `http://${HOST}`;
const EVIL = 'https://jahat.example';

const expectError = (res: request.Response, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
};

describe('a write that carries the session cookie comes from the server’s own pages', () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let clerkId: number;

  beforeAll(async () => {
    s = await startServer({ listen: false });
    admin = await signIn(s.app);
    const clerk = await admin.post('/api/offices/demo/staff').send({ username: 'petugas', displayName: 'Petugas Loket', role: 'counter' });
    clerkId = clerk.body.user.id;
  });
  afterAll(() => s.stop());

  it('refuses a password reset posted by a form on another site, and changes nothing', async () => {
    const before = dbFingerprint(s.db);
    const form = await admin
      .post(`/api/offices/demo/staff/${clerkId}/reset-password`)
      .set('Host', HOST)
      .set('Origin', EVIL)
      .type('form')
      .send('confirm=1');
    expectError(form, 403, 'FORBIDDEN');
    // The same forged request without a body at all.
    const bare = await admin.post(`/api/offices/demo/staff/${clerkId}/reset-password`).set('Host', HOST).set('Origin', EVIL);
    expectError(bare, 403, 'FORBIDDEN');
    expect(dbFingerprint(s.db)).toBe(before);
  });

  it('refuses JSON writes from another origin: calling the next ticket, signing out, changing a setting', async () => {
    const before = dbFingerprint(s.db);
    expectError(await admin.post('/api/counters/1/call-next').set('Host', HOST).set('Origin', EVIL), 403, 'FORBIDDEN');
    expectError(await admin.put('/api/offices/demo/blanko').set('Host', HOST).set('Origin', EVIL).send({ stock: 0 }), 403, 'FORBIDDEN');
    expectError(await admin.post('/api/auth/logout').set('Host', HOST).set('Origin', EVIL), 403, 'FORBIDDEN');
    expect(dbFingerprint(s.db)).toBe(before);
    // The session survived the forged sign-out.
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  });

  it('accepts the pages’ own writes: an Origin naming the host, and a client that sends no origin at all', async () => {
    const own = await admin.put('/api/offices/demo/blanko').set('Host', HOST).set('Origin', OWN).send({ stock: 40 });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ stock: 40 });
    // curl, an integrator, these tests: no Origin, Referer or Sec-Fetch-Site, so no browser and nothing forged.
    expect((await admin.put('/api/offices/demo/blanko').send({ stock: 41 })).status).toBe(200);
  });

  it('falls back to the Referer when there is no Origin, then to Sec-Fetch-Site', async () => {
    const put = (headers: Record<string, string>) => admin.put('/api/offices/demo/blanko').set('Host', HOST).set(headers).send({ stock: 42 });
    expectError(await put({ Referer: `${EVIL}/halaman` }), 403, 'FORBIDDEN');
    expect((await put({ Referer: `${OWN}/admin/` })).status).toBe(200);
    expectError(await put({ 'Sec-Fetch-Site': 'cross-site' }), 403, 'FORBIDDEN');
    expectError(await put({ 'Sec-Fetch-Site': 'same-site' }), 403, 'FORBIDDEN');
    expect((await put({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    // `Origin: null` (a sandboxed frame) says nothing of where it came from: only Sec-Fetch-Site can vouch for it.
    expectError(await put({ Origin: 'null' }), 403, 'FORBIDDEN');
    expect((await put({ Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    // An Origin that names another host wins over a Referer or Sec-Fetch-Site that would pass.
    expectError(await put({ Origin: EVIL, Referer: `${OWN}/admin/`, 'Sec-Fetch-Site': 'same-origin' }), 403, 'FORBIDDEN');
  });

  it('wants JSON for a signed-in write with a body: a form or text body is 415, and changes nothing', async () => {
    const before = dbFingerprint(s.db);
    expectError(await admin.put('/api/offices/demo/blanko').set('Host', HOST).set('Origin', OWN).type('form').send('stock=0'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await admin.put('/api/offices/demo/blanko').set('Content-Type', 'text/plain').send('{"stock":0}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const en = await admin.put('/api/offices/demo/blanko').set('Accept-Language', 'en').set('Content-Type', 'multipart/form-data; boundary=x').send('--x--');
    expectError(en, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(en.body.error.message).toMatch(/JSON/);
    expect(dbFingerprint(s.db)).toBe(before);
    // A write without a body (call next, a ticket step, sign-out) needs no Content-Type.
    expect((await admin.post('/api/counters/1/call-next').set('Host', HOST).set('Origin', OWN)).status).not.toBe(415);
  });

  it('does not judge the origin of a write without a session cookie (public booking, the kiosk), but still wants JSON', async () => {
    const slot = await firstBookableSlot(s.app);
    const booked = await request(s.app).post('/api/offices/demo/bookings').set('Origin', EVIL).send({ service: 'A', slotId: slot.id, ...person(1) });
    expect(booked.status).toBe(201);
    const ticket = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).set('Origin', EVIL).send({ service: 'B' });
    expect(ticket.status).toBe(201);
    const before = dbFingerprint(s.db);
    const form = await request(s.app).post('/api/offices/demo/bookings').type('form').send({ service: 'A', slotId: String(slot.id), ...person(2) });
    expectError(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const text = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).set('Content-Type', 'text/plain').send('{"service":"B"}');
    expectError(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(dbFingerprint(s.db)).toBe(before);
  });
});

describe('origins a deployment behind another host name allows', () => {
  it('reads ALLOWED_ORIGINS as a comma-separated list of origins, leaving out what is not one', () => {
    const config = readConfig({ ALLOWED_ORIGINS: 'https://antrian.example.go.id, https://loket.example.go.id:8443/admin/,bukan-url,javascript:alert(1)' });
    expect(config.allowedOrigins).toEqual(['https://antrian.example.go.id', 'https://loket.example.go.id:8443']);
    expect(readConfig({}).allowedOrigins).toEqual([]);
  });

  it('accepts a signed-in write from ALLOWED_ORIGINS and from PUBLIC_BASE_URL’s origin, and no other', async () => {
    const s = await startServer({ listen: false, config: { allowedOrigins: ['https://antrian.example.go.id'], publicBaseUrl: 'https://giliran.example.go.id/' } });
    try {
      const admin = await signIn(s.app);
      const put = (origin: string) => admin.put('/api/offices/demo/blanko').set('Host', '10.0.0.5:3000').set('Origin', origin).send({ stock: 7 });
      expect((await put('https://antrian.example.go.id')).status).toBe(200);
      expect((await put('https://giliran.example.go.id')).status).toBe(200);
      expectError(await put('http://giliran.example.go.id'), 403, 'FORBIDDEN');
      expectError(await put('https://giliran.example.go.id.jahat.example'), 403, 'FORBIDDEN');
    } finally {
      await s.stop();
    }
  });
});
