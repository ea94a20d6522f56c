/**
 * Proof of work on public bookings (fair booking, API.md "Proof of work"): with the challenge on,
 * a visitor's booking or reschedule carries `altcha`, the solution of a challenge from
 * GET /api/challenge, verified and spent once; kiosk, staff and assisted routes need none; with
 * BOOKING_CHALLENGE=off nothing is asked. Challenges are solved here with altcha-lib, as the
 * booking page's widget does it.
 */
import request from 'supertest';
import { createChallenge, solveChallenge } from 'altcha-lib/v1';
import type { Challenge } from 'altcha-lib/v1/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readConfig, configProblems } from '../../server/config';
import { startBackgroundJobs } from '../../server/jobs';
import { kioskAuth, nikFor, signIn } from '../support/factories';
import { OPEN_TUESDAY, startPostgresServer, startServer, type TestServer } from '../support/server';
import { expectUnchanged, row, slotAt } from './bookingSupport';

const SECRET = 'test-challenge-secret';
/** Small, so the tests solve quickly; the page's difficulty is measured in tests/browser/booking-challenge.test.ts. */
const EASY = 2_000;
const ON = { bookingChallenge: true, challengeSecret: SECRET, challengeMaxNumber: EASY };
const EARLY_TUESDAY = '2026-11-24T07:00:00.000+07:00';

type App = Parameters<typeof request>[0];

const payloadOf = (c: Challenge, number: number): string =>
  Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature })).toString('base64');

const solve = async (c: Challenge): Promise<string> => {
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) throw new Error('unsolved challenge');
  return payloadOf(c, solution.number);
};

/** A fresh challenge from the server, solved. */
const solved = async (app: App): Promise<string> => {
  const res = await request(app).get('/api/challenge');
  expect(res.status).toBe(200);
  return solve(res.body as Challenge);
};

const decoded = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Record<string, unknown>;
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

const citizen = (n: number) => ({ nik: nikFor(n), name: `Warga ${n}`, phone: `0812-3456-${String(1000 + n)}` });
const usedCount = (s: TestServer) => row<{ n: number }>(s, 'SELECT count(*) AS n FROM used_challenges').n;
const bookingCount = (s: TestServer) => row<{ n: number }>(s, 'SELECT count(*) AS n FROM bookings').n;

describe('with the challenge on', () => {
  let s: TestServer;
  beforeAll(async () => (s = await startServer({ config: ON })));
  afterAll(() => s.stop());
  beforeEach(() => {
    s.db.exec('DELETE FROM notifications; DELETE FROM bookings; DELETE FROM used_challenges; UPDATE slots SET booked = 0;');
    s.clock.set(OPEN_TUESDAY);
  });

  // Through the listening server: the lean lane checks the challenge as express does.
  const book = (body: Record<string, unknown>, lang = 'id') => request(s.url).post('/api/offices/demo/bookings').set('Accept-Language', lang).send(body);
  const bookingBody = async (n: number, altcha?: string) => ({ service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, ...citizen(n), ...(altcha === undefined ? {} : { altcha }) });
  const expectRefused = (res: request.Response) => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CHALLENGE_FAILED');
  };

  it('hands out a signed SHA-256 challenge that expires 10 minutes later, never cached', async () => {
    const res = await request(s.app).get('/api/challenge');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(res.body).sort()).toEqual(['algorithm', 'challenge', 'maxnumber', 'salt', 'signature']);
    expect(res.body).toMatchObject({ algorithm: 'SHA-256', maxnumber: EASY, challenge: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const expires = Number(new URLSearchParams(String(res.body.salt).split('?')[1]).get('expires'));
    expect(expires * 1000).toBe(s.clock.now().toMillis() + 10 * 60_000);
    // Each one is new.
    expect((await request(s.app).get('/api/challenge')).body.signature).not.toBe(res.body.signature);
  });

  it('refuses a booking without `altcha` with 400 CHALLENGE_FAILED in Indonesian or English, and books nothing', async () => {
    const body = await bookingBody(1);
    const id = await expectUnchanged(s, () => book(body));
    expectRefused(id);
    expect(id.body.error.message).toMatch(/Pemeriksaan keamanan otomatis gagal/);
    const en = await expectUnchanged(s, () => book(body, 'en'));
    expectRefused(en);
    expect(en.body.error.message).toMatch(/automatic security check failed/);
    expect(bookingCount(s)).toBe(0);
  });

  it('books with a solved challenge, then refuses the same solution again (single use), and books nothing with it', async () => {
    const altcha = await solved(s.app);
    const first = await book(await bookingBody(1, altcha));
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('booked');
    expect(row(s, 'SELECT signature, expires_at AS expiresAt FROM used_challenges')).toEqual({
      signature: decoded(altcha).signature,
      expiresAt: s.clock.now().toMillis() + 10 * 60_000,
    });
    // Another citizen replaying it, a minute later.
    s.clock.advance({ minutes: 1 });
    const replay = await expectUnchanged(s, () => book({ ...citizen(2), service: 'A', slotId: first.body.slotId, altcha }));
    expectRefused(replay);
    expect(bookingCount(s)).toBe(1);
  });

  it('refuses tampered, wrong, foreign and malformed solutions', async () => {
    const challenge = (await request(s.app).get('/api/challenge')).body as Challenge;
    const good = decoded(await solve(challenge));
    const otherKey = await createChallenge({ hmacKey: 'not-the-server-key', maxNumber: EASY, expires: new Date(s.clock.now().toMillis() + 60_000) });
    const attempts: Record<string, unknown> = {
      'tampered signature': encoded({ ...good, signature: `${String(good.signature).slice(0, -1)}${String(good.signature).endsWith('0') ? '1' : '0'}` }),
      'wrong number': encoded({ ...good, number: Number(good.number) + 1 }),
      'salt with a later expiry': encoded({ ...good, salt: String(good.salt).replace(/expires=\d+/, 'expires=9999999999') }),
      'signed with another key': await solve(otherKey),
      'weaker algorithm': encoded({ ...good, algorithm: 'SHA-1' }),
      'not base64 JSON': 'bm90IGpzb24=',
      'empty': '',
      'far too long': 'A'.repeat(5_000),
    };
    for (const [what, altcha] of Object.entries(attempts)) {
      const body = { ...(await bookingBody(3)), altcha };
      const res = await expectUnchanged(s, () => book(body));
      expect({ what, status: res.status, code: res.body.error?.code }).toEqual({ what, status: 400, code: 'CHALLENGE_FAILED' });
    }
    expect(usedCount(s)).toBe(0);
    // The untouched solution still books.
    expect((await book(await bookingBody(3, encoded(good)))).status).toBe(201);
  });

  it('refuses an expired challenge: solved in time but sent after its 10 minutes, or issued already expired', async () => {
    const late = await solved(s.app);
    s.clock.advance({ minutes: 10, seconds: 1 });
    expectRefused(await expectUnchanged(s, async () => book(await bookingBody(4, late))));
    const stale = await createChallenge({ hmacKey: SECRET, maxNumber: EASY, expires: new Date(s.clock.now().toMillis() - 1_000) });
    expectRefused(await expectUnchanged(s, async () => book(await bookingBody(4, await solve(stale)))));
    expect(usedCount(s)).toBe(0);
    // Just before its expiry a solution is still good.
    const inTime = await solved(s.app);
    s.clock.advance({ minutes: 9, seconds: 59 });
    expect((await book(await bookingBody(4, inTime))).status).toBe(201);
  });

  it('asks the same of a reschedule: none or a used one is refused and the booking stays; a fresh one moves it', async () => {
    const made = (await book(await bookingBody(5, await solved(s.app)))).body;
    const nik4 = citizen(5).nik.slice(-4);
    const target = await slotAt(s, '2026-11-26', '10:00');
    const move = (altcha?: string) => request(s.app).post(`/api/bookings/${made.code}/reschedule`).send({ nik4, slotId: target.id, ...(altcha === undefined ? {} : { altcha }) });
    expectRefused(await expectUnchanged(s, () => move()));
    const fresh = await solved(s.app);
    const moved = await move(fresh);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ code: made.code, slotId: target.id, date: '2026-11-26' });
    const back = await slotAt(s, '2026-11-25', '09:00');
    expectRefused(await expectUnchanged(s, () => request(s.app).post(`/api/bookings/${made.code}/reschedule`).send({ nik4, slotId: back.id, altcha: fresh })));
    expect(row(s, 'SELECT slot_id AS slotId FROM bookings WHERE code = ?', made.code)).toEqual({ slotId: target.id });
  });

  it('never asks it of staff: an assisted booking needs no altcha', async () => {
    const staff = await signIn(s.app);
    const res = await staff.post('/api/offices/demo/assisted-bookings').send(await bookingBody(6));
    expect(res.status).toBe(201);
    expect(usedCount(s)).toBe(0);
  });
});

describe('the background jobs', () => {
  it('forget the spent solutions once their challenges have expired, and keep the others', async () => {
    const s = await startServer({ listen: false, config: ON });
    try {
      const bookWith = async (n: number) =>
        request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, ...citizen(n), altcha: await solved(s.app) });
      expect((await bookWith(20)).status).toBe(201);
      s.clock.advance({ minutes: 5 });
      expect((await bookWith(21)).status).toBe(201);
      expect(usedCount(s)).toBe(2);
      // Eleven minutes after the first: its challenge has expired, the second's has not.
      s.clock.advance({ minutes: 6 });
      const log = { info: (..._args: unknown[]) => {}, error: (..._args: unknown[]) => {} };
      const stop = startBackgroundJobs(s.store, s.clock, { retentionDays: 30 }, log);
      try {
        for (let i = 0; i < 200 && usedCount(s) !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      } finally {
        stop();
      }
      expect(usedCount(s)).toBe(1);
      expect(row(s, 'SELECT expires_at AS e FROM used_challenges')).toEqual({ e: s.clock.now().toMillis() - 6 * 60_000 + 10 * 60_000 });
    } finally {
      await s.stop();
    }
  });
});

describe('at the kiosk, with the challenge on', () => {
  let s: TestServer;
  beforeEach(async () => (s = await startServer({ listen: false, now: EARLY_TUESDAY, config: ON })));
  afterEach(() => s.stop());

  it('issues a walk-in ticket and checks a booking in without any altcha', async () => {
    const slot = await slotAt(s, '2026-11-24', '10:00');
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...citizen(7), altcha: await solved(s.app) });
    expect(booked.status).toBe(201);
    s.clock.set(OPEN_TUESDAY);
    const checkIn = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    expect(checkIn.status).toBe(201);
    const walkIn = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'B' });
    expect(walkIn.status).toBe(201);
    expect(usedCount(s)).toBe(1);
  });
});

describe('with BOOKING_CHALLENGE=off', () => {
  let s: TestServer;
  beforeAll(async () => (s = await startServer({ listen: false, config: { bookingChallenge: false } })));
  afterAll(() => s.stop());

  it('hands out no challenge (404) and books and reschedules without one', async () => {
    expect((await request(s.app).get('/api/challenge')).status).toBe(404);
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const res = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...citizen(8) });
    expect(res.status).toBe(201);
    const target = await slotAt(s, '2026-11-26', '10:00');
    expect((await request(s.app).post(`/api/bookings/${res.body.code}/reschedule`).send({ nik4: citizen(8).nik.slice(-4), slotId: target.id })).status).toBe(200);
    expect(usedCount(s)).toBe(0);
  });
});

describe('the challenge key', () => {
  it('is derived from the NIK secret when CHALLENGE_SECRET is unset: processes sharing NIK_SECRET accept each other’s challenges, others do not', async () => {
    const derived = { bookingChallenge: true, challengeMaxNumber: EASY, nikSecret: 'shared-nik-secret' };
    const [a, b, c] = await Promise.all([
      startServer({ listen: false, config: derived }),
      startServer({ listen: false, config: derived }),
      startServer({ listen: false, config: { ...derived, nikSecret: 'another-nik-secret' } }),
    ]);
    try {
      const bookWith = async (server: TestServer, n: number, altcha: string) =>
        request(server.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: (await slotAt(server, '2026-11-25', '09:00')).id, ...citizen(n), altcha });
      expect((await bookWith(b, 9, await solved(a.app))).status).toBe(201);
      expect((await bookWith(c, 9, await solved(a.app))).body.error.code).toBe('CHALLENGE_FAILED');
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    }
  });

  it('reads BOOKING_CHALLENGE (on unless "off"), CHALLENGE_SECRET and CHALLENGE_MAX_NUMBER, and refuses settings that cannot work', () => {
    expect(readConfig({})).toMatchObject({ bookingChallenge: true, challengeSecret: undefined, challengeMaxNumber: 80_000 });
    expect(readConfig({ BOOKING_CHALLENGE: 'off', CHALLENGE_SECRET: 'k', CHALLENGE_MAX_NUMBER: '80000' })).toMatchObject({ bookingChallenge: false, challengeSecret: 'k', challengeMaxNumber: 80_000 });
    const problems = (env: NodeJS.ProcessEnv) => configProblems(env, readConfig(env));
    expect(problems({ BOOKING_CHALLENGE: 'on', CHALLENGE_MAX_NUMBER: '100000' })).toEqual([]);
    expect(problems({ BOOKING_CHALLENGE: 'no' })).toEqual(['BOOKING_CHALLENGE must be "on" or "off" (got "no")']);
    expect(problems({ CHALLENGE_MAX_NUMBER: '10' })).toEqual(['CHALLENGE_MAX_NUMBER must be a whole number from 1000 to 10000000 (got "10")']);
  });
});

describe('on PostgreSQL, with the challenge on', () => {
  it('books with a solved challenge once and refuses its replay', async () => {
    const s = await startPostgresServer({ config: { ...ON, bookingRateLimit: 1000 }, listen: false });
    try {
      const slot = (await request(s.app).get('/api/offices/demo/availability?service=A&days=3')).body[1].slots[1];
      const altcha = await solved(s.app);
      const send = (n: number) => request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...citizen(n), altcha });
      expect((await send(10)).status).toBe(201);
      const replay = await send(11);
      expect(replay.status).toBe(400);
      expect(replay.body.error.code).toBe('CHALLENGE_FAILED');
      expect((await s.pg.query('SELECT count(*)::int AS n FROM bookings')).rows[0].n).toBe(1);
      expect((await s.pg.query('SELECT count(*)::int AS n FROM used_challenges')).rows[0].n).toBe(1);
    } finally {
      await s.stop();
    }
  });
});
