import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../support/server';

/**
 * Wrong passwords are counted per account in the database, not per address only: after five in
 * a row the account waits (one minute, doubling, at most fifteen), even for the right password;
 * failures and refusals are audited with name, address and time, never the password (issue 13, item 2).
 */
describe('sign-in throttling per account', () => {
  let s: TestServer;
  afterEach(() => s.stop());

  // The per-address guard stays at its production value: each address below tries once.
  const start = (config = {}) => startServer({ listen: false, config: { loginRateLimit: 10, ...config } });
  const login = (username: string, password: string, address: string) =>
    request(s.app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
  const wrong = (n: number, username = 'admin', from = 0) => Array.from({ length: n }, (_, i) => login(username, `salah-${from + i}`, `10.0.${Math.floor((from + i) / 250)}.${((from + i) % 250) + 1}`));
  const inTurn = async (calls: Array<() => Promise<request.Response>> | Promise<request.Response>[]) => {
    const out: request.Response[] = [];
    for (const c of calls) out.push(await (typeof c === 'function' ? c() : c));
    return out;
  };

  it('refuses the right password after 40 wrong ones from 40 addresses', async () => {
    s = await start();
    const answers = await inTurn(wrong(40));
    expect(answers.slice(0, 5).map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5).every((r) => r.status === 429 && r.body.error.code === 'RATE_LIMITED')).toBe(true);
    const right = await login('admin', ADMIN_PASSWORD, '10.9.9.9');
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('RATE_LIMITED');
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('locks for a minute at the fifth failure, then twice as long after each further one', async () => {
    s = await start();
    await inTurn(wrong(5));
    expect((await login('admin', ADMIN_PASSWORD, '10.9.9.1')).status).toBe(429);
    s.clock.advance({ seconds: 61 });
    expect((await login('admin', 'salah-lagi', '10.9.9.2')).status).toBe(401);
    s.clock.advance({ seconds: 119 });
    expect((await login('admin', ADMIN_PASSWORD, '10.9.9.3')).status).toBe(429);
    s.clock.advance({ seconds: 2 });
    expect((await login('admin', ADMIN_PASSWORD, '10.9.9.4')).status).toBe(200);
  });

  it('forgets the failures at a successful sign-in', async () => {
    s = await start();
    await inTurn(wrong(4));
    expect((await login('admin', ADMIN_PASSWORD, '10.9.9.1')).status).toBe(200);
    const again = await inTurn(wrong(4, 'admin', 10));
    expect(again.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect((await login('admin', ADMIN_PASSWORD, '10.9.9.2')).status).toBe(200);
  });

  it('locks an unknown name just like a known one, so a lock tells nothing', async () => {
    s = await start();
    const answers = await inTurn(wrong(6, 'tidak-ada'));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login('admin', ADMIN_PASSWORD, '10.9.9.1')).status).toBe(200);
  });

  it('audits failures and refusals with name, address and time, never the password', async () => {
    s = await start();
    await inTurn(wrong(6));
    const rows = s.db.prepare("SELECT action, target, detail, at FROM audit_log WHERE action LIKE 'auth.%' ORDER BY id").all() as Array<{ action: string; target: string; detail: string; at: number }>;
    expect(rows.map((r) => r.action)).toEqual(['auth.failure', 'auth.failure', 'auth.failure', 'auth.failure', 'auth.failure', 'auth.throttled']);
    expect(rows.every((r) => r.target === 'admin' && r.at === s.clock.now().toMillis())).toBe(true);
    expect(rows.map((r) => JSON.parse(r.detail).address)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
    const everything = JSON.stringify(s.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain('salah-');
  });

  it('keeps older sessions by default; SINGLE_SESSION=1 ends them at a new sign-in', async () => {
    for (const singleSession of [false, true]) {
      s = await start({ singleSession });
      const first = request.agent(s.app);
      expect((await first.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
      const second = request.agent(s.app);
      expect((await second.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
      expect((await first.get('/api/auth/me')).status).toBe(singleSession ? 401 : 200);
      expect((await second.get('/api/auth/me')).status).toBe(200);
      if (!singleSession) await s.stop();
    }
  });
});
