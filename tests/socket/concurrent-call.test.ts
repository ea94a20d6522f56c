import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type EngineServer } from '../support/engines';
import { login, post, walkIn } from './live';

const ROUNDS = 50;

describe.each(ENGINES)('two counters calling at the same moment on $name', ({ start }) => {
  let s: EngineServer;
  beforeAll(async () => (s = await start()));
  afterAll(() => s.stop());

  it(`never get the same ticket (${ROUNDS} rounds over real HTTP)`, async () => {
    // Counter 1 serves A then B, counter 2 serves B then A: both compete for every ticket.
    for (let i = 0; i < ROUNDS + 5; i++) {
      await walkIn(s.url, s.kioskToken, 'A');
      await walkIn(s.url, s.kioskToken, 'B');
    }
    const [desk1, desk2] = await Promise.all([login(s.url), login(s.url)]);
    const seen = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const [one, two] = await Promise.all([post(s.url, '/counters/1/call-next', desk1!), post(s.url, '/counters/2/call-next', desk2!)]);
      expect([one.status, two.status]).toEqual([200, 200]);
      const a = one.body.ticket;
      const b = two.body.ticket;
      expect(a.id).not.toBe(b.id);
      expect(seen.has(a.id) || seen.has(b.id)).toBe(false);
      seen.add(a.id).add(b.id);
      expect([a.counter, b.counter]).toEqual(['1', '2']);
      for (const [ticket, cookie] of [[a, desk1], [b, desk2]] as const) {
        expect((await post(s.url, `/tickets/${ticket.id}/start`, cookie!)).status).toBe(200);
        expect((await post(s.url, `/tickets/${ticket.id}/complete`, cookie!)).body.ticket.status).toBe('done');
      }
    }
    expect(seen.size).toBe(2 * ROUNDS);
    // The database agrees: each of those tickets was called exactly once, and is done.
    for (const id of seen) {
      const calls = await s.query("select * from ticket_events where ticket_id = ? and type = 'called'", id);
      expect(calls).toHaveLength(1);
    }
    expect(await s.query("select * from tickets where status = 'done'")).toHaveLength(2 * ROUNDS);
    expect(await s.query("select * from tickets where status = 'waiting'")).toHaveLength(10);
  });
});
