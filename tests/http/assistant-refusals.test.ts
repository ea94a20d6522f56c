/**
 * A kelurahan assistant may book on citizens' behalf and list its own bookings, and nothing else
 * (issue "Closures, blanko and the citizen's words", item 7): every signed-in route of the OpenAPI
 * document, walked as an assistant of the office with real paths, is refused (403) except the
 * assistant's own (its session, its password, assisted bookings); and nothing changes meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFingerprintBesidesCodeTries } from '../support/fingerprint';
import { firstBookableSlot, person, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { walkIn } from '../socket/live';

type Agent = Awaited<ReturnType<typeof signIn>>;
type DocOperation = { parameters?: { name: string; in: string; required?: boolean }[]; security?: Record<string, unknown>[] };

/** The routes an assistant may use: everything else that needs a session refuses it. */
const ASSISTANT_ROUTES = new Set([
  'POST /auth/logout',
  'GET /auth/me',
  'POST /auth/password',
  'POST /offices/{officeId}/assisted-bookings',
  'GET /offices/{officeId}/assisted-bookings',
]);

describe('an assistant is refused every signed-in route but its own', () => {
  let s: TestServer;
  let assistant: Agent;
  let values: Record<string, string>;

  beforeAll(async () => {
    s = await startServer();
    const admin = await signIn(s.app);
    const created = await admin.post('/api/offices/demo/staff').send({ username: 'kel.prabumulih', displayName: 'Kelurahan Prabumulih', role: 'assistant', contactPhone: '081255550001' });
    expect(created.status).toBe(201);
    assistant = await signIn(s.app, 'kel.prabumulih', created.body.password);
    const slot = await firstBookableSlot(s.app);
    const booking = await admin.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: slot.id, ...person(1) });
    expect(booking.status).toBe(201);
    const ticket = await walkIn(s.url, s.kioskToken, 'B');
    values = {
      officeId: 'demo', counterId: '1', ticketId: ticket.id, date: '2026-12-01', code: booking.body.code, bookingCode: booking.body.code,
      id: String(created.body.user.id), service: 'A', entryId: 'AAAAAAAAAAAAAAAA',
    };
  });
  afterAll(() => s.stop());

  const send = (method: string, path: string) => {
    const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = assistant[m](path).set('Accept-Language', 'en');
    return m === 'get' || m === 'delete' ? req : req.send({});
  };

  it('walks the OpenAPI document: 403 on every session route that is not the assistant\'s, nothing changed', async () => {
    const doc = (await assistant.get('/api/openapi.json')).body as { paths: Record<string, Record<string, DocOperation>> };
    const sessionRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).filter(([, op]) => op.security?.some((r) => 'session' in r)).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    expect(sessionRoutes.length).toBeGreaterThanOrEqual(60);
    const refused = sessionRoutes.filter((r) => !ASSISTANT_ROUTES.has(`${r.method} ${r.path}`));
    // Every route the assistant may use is documented (a renamed route fails here, not silently).
    expect(sessionRoutes.filter((r) => ASSISTANT_ROUTES.has(`${r.method} ${r.path}`))).toHaveLength(ASSISTANT_ROUTES.size);
    // Counter work, the staff read of a booking (name and phone), reports and administration among them.
    expect(refused.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([
      'POST /counters/{counterId}/call-next', 'GET /offices/{officeId}/bookings/{code}', 'GET /tickets/{ticketId}/details',
      'POST /offices/{officeId}/urgent-bookings', 'GET /offices/{officeId}/reports/daily', 'GET /offices/{officeId}/admin', 'POST /offices/{officeId}/staff',
    ]));

    // One touch first: the session's last-seen instant is then what every later request sets again.
    expect((await assistant.get('/api/auth/me')).status).toBe(200);
    const before = dbFingerprintBesidesCodeTries(s.db);
    const wrong: string[] = [];
    for (const { method, path, op } of refused) {
      const query = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${p.name === 'date' || p.name === 'from' ? '2026-11-24' : 'A'}`);
      const url = `/api${path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? '1'))}${query.length ? `?${query.join('&')}` : ''}`;
      const res = await send(method, url);
      if (res.status !== 403 || res.body?.error?.code !== 'FORBIDDEN') wrong.push(`${method} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(dbFingerprintBesidesCodeTries(s.db)).toBe(before);
  });

  it('reaches its own routes', async () => {
    expect((await assistant.get('/api/auth/me')).body).toMatchObject({ role: 'assistant', contactPhone: '+6281255550001' });
    expect((await assistant.get('/api/offices/demo/assisted-bookings')).status).toBe(200);
    const slot = await firstBookableSlot(s.app, 'B');
    const booked = await assistant.post('/api/offices/demo/assisted-bookings').send({ service: 'B', slotId: slot.id, nik: person(2).nik, name: 'Warga Dua', noPhone: true });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  });
});
