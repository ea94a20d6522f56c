import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => (s = await startServer({ listen: false })));
afterAll(() => s.stop());

describe('the server serves the built pages', () => {
  it.each(['/booking/', '/kiosk/', '/display/', '/counter/', '/admin/', '/assist/', '/t/any-ticket-id'])('serves %s as an Indonesian HTML page', async (path) => {
    const res = await request(s.app).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('<html lang="id">');
  });

  it('gzips page assets for slow phone connections, and leaves API answers uncompressed', async () => {
    const html = await request(s.app).get('/booking/');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html.text)?.[1];
    expect(script).toBeDefined();
    const asset = await request(s.app).get(script!).set('Accept-Encoding', 'gzip');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    const api = await request(s.app).get('/api/offices/demo').set('Accept-Encoding', 'gzip');
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('sends the security headers on pages and on the API', async () => {
    for (const path of ['/booking/', '/api/offices']) {
      const res = await request(s.app).get(path);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
