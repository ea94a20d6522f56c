/**
 * The lean lane (server/http/leanLane.ts) answers the plain booking POST without express. Each
 * request here goes once to express itself (supertest on the express app: the lane is never on
 * that way) and once to the listening server (the lane takes it when it is plain); both answers
 * must be the same: status, body and every header but the date and the rate-limit count.
 * Requests the lane must leave to express are checked to reach express.
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nikFor } from '../support/factories';
import { randomRedisPrefix, startServer, type TestServer } from '../support/server';
import { row, slotAt, sql } from './bookingSupport';

const PATH = '/api/offices/demo/bookings';
const citizen = (n: number) => ({ nik: nikFor(n), name: `Warga ${n}`, phone: `0812-3456-${String(1000 + n)}` });

type Answer = { status: number; body: unknown; headers: Record<string, string> };
const answerOf = (res: request.Response): Answer => {
  const { date: _date, ratelimit: _count, ...headers } = res.headers as Record<string, string>;
  return { status: res.status, body: res.body as unknown, headers };
};

let s: TestServer;
let slotId: number;
beforeAll(async () => {
  s = await startServer();
  slotId = (await slotAt(s, '2026-11-25', '09:00')).id;
});
afterAll(() => s.stop());
beforeEach(() => s.db.exec('DELETE FROM notifications; DELETE FROM bookings; DELETE FROM closures; UPDATE slots SET booked = 0;'));

/** Sends the same raw request by both ways; returns both answers and whether the lane took the listening one. */
const bothWays = async (body: string, headers: Record<string, string> = {}, path = PATH) => {
  const send = (target: request.SuperTest<request.Test> | ReturnType<typeof request>) => {
    let req = (target as ReturnType<typeof request>).post(path);
    for (const [name, value] of Object.entries({ 'Content-Type': 'application/json', ...headers })) req = req.set(name, value);
    return req.send(body);
  };
  const viaExpress = answerOf(await send(request(s.app)));
  const servedBefore = s.leanLane.served();
  const viaServer = answerOf(await send(request(s.url)));
  return { viaExpress, viaServer, lean: s.leanLane.served() > servedBefore };
};

describe('the lean lane answers as express does', () => {
  const refusals: [string, () => string, Record<string, string>?][] = [
    ['a full slot (409 SLOT_FULL)', () => JSON.stringify({ service: 'A', slotId, ...citizen(1) })],
    ['a malformed NIK, in English (400 VALIDATION with fields.nik)', () => JSON.stringify({ service: 'A', slotId, ...citizen(1), nik: '123' }), { 'Accept-Language': 'en' }],
    ['an unknown service (400 VALIDATION)', () => JSON.stringify({ service: 'Z', slotId, ...citizen(1) })],
    ['an unknown slot (404)', () => JSON.stringify({ service: 'A', slotId: 999_999, ...citizen(1) })],
    ['a body that is not JSON (400 VALIDATION, fields.body)', () => '{"service": "A",'],
    ['a JSON string, not an object (strict JSON: 400)', () => '"booking"'],
    ['a JSON array (400 VALIDATION)', () => '[]'],
    ['a missing name and phone (400 VALIDATION)', () => JSON.stringify({ service: 'A', slotId, nik: nikFor(1) })],
  ];

  it.each(refusals)('refuses %s the same way, and changes nothing', async (what, body, headers) => {
    if (what.includes('full')) sql(s, 'UPDATE slots SET booked = capacity WHERE id = ?', slotId);
    const { viaExpress, viaServer, lean } = await bothWays(body(), headers);
    expect(lean).toBe(true);
    expect(viaServer).toEqual(viaExpress);
    expect(viaServer.status).toBeGreaterThanOrEqual(400);
    expect(row<{ n: number }>(s, 'SELECT count(*) AS n FROM bookings').n).toBe(0);
  });

  it('books the same way: 201, the same fields and headers, one booking each', async () => {
    const viaExpress = answerOf(await request(s.app).post(PATH).send({ service: 'A', slotId, ...citizen(2) }));
    const servedBefore = s.leanLane.served();
    const viaServer = answerOf(await request(s.url).post(PATH).send({ service: 'A', slotId, ...citizen(3) }));
    expect(s.leanLane.served()).toBe(servedBefore + 1);
    expect(viaServer.status).toBe(201);
    const { code: codeA, statusUrl: _a, nikMasked: _na, phoneMasked: _pa, ...restExpress } = viaExpress.body as Record<string, string>;
    const { code: codeB, statusUrl: _b, nikMasked: _nb, phoneMasked: _pb, ...restServer } = viaServer.body as Record<string, string>;
    expect(restServer).toEqual(restExpress);
    expect(codeB).not.toBe(codeA);
    expect(viaServer.headers).toEqual(viaExpress.headers);
    expect(row<{ n: number }>(s, 'SELECT count(*) AS n FROM bookings').n).toBe(2);
    expect(row<{ booked: number }>(s, 'SELECT booked FROM slots WHERE id = ?', slotId).booked).toBe(2);
  });

  it('sends helmet’s security headers on its answers', async () => {
    const res = await request(s.url).post(PATH).send({ service: 'A', slotId, ...citizen(4), nik: '1' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['ratelimit-policy']).toMatch(/^\d+;w=60$/);
  });

  it('reads a body with a byte-order mark as express does', async () => {
    const { viaExpress, viaServer, lean } = await bothWays(`\uFEFF${JSON.stringify({ service: 'A', slotId: 999_999, ...citizen(5) })}`);
    expect(lean).toBe(true);
    expect(viaServer).toEqual(viaExpress);
  });
});

describe('what the lean lane leaves to express', () => {
  const others: [string, string, Record<string, string>][] = [
    ['a query string', `${PATH}?x=1`, {}],
    ['a percent-escaped office', '/api/offices/de%6Do/bookings', {}],
    ['another letter case', '/api/Offices/demo/bookings', {}],
    ['a trailing slash', `${PATH}/`, {}],
    ['a cookie (the same-origin rule)', PATH, { Cookie: 'giliran_session=abc' }],
    ['text/plain', PATH, { 'Content-Type': 'text/plain' }],
    ['another charset', PATH, { 'Content-Type': 'application/json; charset=latin1' }],
  ];

  it.each(others)('%s: answered by express, the lane untouched', async (_what, path, headers) => {
    const servedBefore = s.leanLane.served();
    const { viaExpress, viaServer } = await bothWays(JSON.stringify({ service: 'A', slotId: 999_999, ...citizen(6) }), headers, path);
    expect(s.leanLane.served()).toBe(servedBefore);
    expect(viaServer).toEqual(viaExpress);
  });

  it('a body over the limit: 413 from express', async () => {
    const servedBefore = s.leanLane.served();
    const res = await request(s.url).post(PATH).set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x'.repeat(20_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('TOO_LARGE');
    expect(s.leanLane.served()).toBe(servedBefore);
  });
});

describe('one rate limit whichever way a booking comes', () => {
  let limited: TestServer;
  beforeAll(async () => (limited = await startServer({ config: { bookingRateLimit: 3 } })));
  afterAll(() => limited.stop());

  it('counts requests through the lane and through express on the same counter, and answers 429 with the same headers', async () => {
    const body = { service: 'A', slotId: 999_999, ...citizen(7) };
    const lane = () => request(limited.url).post(PATH).send(body);
    const express = () => request(limited.app).post(PATH).send(body);
    expect((await lane()).headers.ratelimit).toBe('limit=3, remaining=2, reset=60');
    expect((await express()).headers.ratelimit).toMatch(/^limit=3, remaining=1, reset=\d+$/);
    expect((await lane()).headers.ratelimit).toMatch(/^limit=3, remaining=0, reset=\d+$/);
    const [viaLane, viaExpress] = [answerOf(await lane()), answerOf(await express())];
    expect(viaLane.status).toBe(429);
    expect((viaLane.body as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect(viaLane).toEqual(viaExpress);
  });
});

describe('one rate limit across the processes of a deployment (REDIS_URL), through the lane', () => {
  it('counts bookings sent to two servers on one Redis counter', async () => {
    const redisPrefix = randomRedisPrefix();
    const servers = await Promise.all([0, 1].map(() => startServer({ redis: true, config: { bookingRateLimit: 3, redisPrefix } })));
    try {
      const body = { service: 'A', slotId: 999_999, ...citizen(8) };
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await request(servers[i % 2]!.url).post(PATH).send(body)).status);
      // Each server has seen two: only a shared counter refuses the fourth.
      expect(statuses).toEqual([404, 404, 404, 429]);
      expect(servers.map((server) => server.leanLane.served())).toEqual([2, 2]);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });
});
