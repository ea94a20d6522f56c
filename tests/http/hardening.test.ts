import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/factories';
import { dbFingerprint } from '../support/fingerprint';
import { startServer, type TestServer } from '../support/server';

/** The smaller findings of issue 13 (item 6): headers, an unknown office, a taken office id. */
describe('security headers', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ listen: false });
  });
  afterAll(() => s.stop());

  it('lets pages connect to their own server only: connect-src is \'self\', no ws: or wss: to any host', async () => {
    for (const path of ['/api/health', '/booking/']) {
      const csp = (await request(s.app).get(path)).headers['content-security-policy'] as string;
      const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
      expect(connect).toBe("connect-src 'self'");
    }
  });

  it('sends no HSTS over plain HTTP (SECURE_COOKIES unset)', async () => {
    expect((await request(s.app).get('/api/health')).headers['strict-transport-security']).toBeUndefined();
  });

  it('sends a Referer to its own origin only, so the pages’ writes carry their Origin', async () => {
    expect((await request(s.app).get('/api/health')).headers['referrer-policy']).toBe('same-origin');
  });
});

describe('HSTS where the deployment serves HTTPS', () => {
  it('pins HTTPS when SECURE_COOKIES=1', async () => {
    const s = await startServer({ listen: false, config: { secureCookies: true } });
    try {
      expect((await request(s.app).get('/api/health')).headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    } finally {
      await s.stop();
    }
  });
});

describe('admin answers about offices', () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    s = await startServer({ listen: false });
    admin = await signIn(s.app);
  });
  afterAll(() => s.stop());

  it('retrying the failed notifications of an unknown office is 404 and writes nothing, not even an audit row', async () => {
    const before = dbFingerprint(s.db);
    const res = await admin.post('/api/offices/tidak-ada/notifications/retry-failed');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(dbFingerprint(s.db)).toBe(before);
    expect((await admin.post('/api/offices/demo/notifications/retry-failed')).body).toEqual({ requeued: 0 });
  });

  it('an office id that is taken is a 409 CONFLICT that names the field, in Indonesian and English', async () => {
    const before = dbFingerprint(s.db);
    const res = await admin.post('/api/offices').send({ id: 'demo', name: 'Kantor Ganda', timezone: 'Asia/Jakarta' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', fields: { id: 'Sudah dipakai. Pilih yang lain.' } });
    const en = await admin.post('/api/offices').set('Accept-Language', 'en').send({ id: 'demo', name: 'Kantor Ganda', timezone: 'Asia/Jakarta' });
    expect(en.body.error.fields.id).toBe('Already in use. Choose another.');
    expect(dbFingerprint(s.db)).toBe(before);
  });
});
