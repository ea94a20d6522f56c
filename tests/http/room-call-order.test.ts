/**
 * PRODUCT.md rule 8, played as a day: room capacity 3, two open counters with different services
 * (1 serves A, B; 3 serves C, A), priority visitors among the walk-ins. At every step no more than
 * three are inside, and every ticket a counter calls had been told to come in before its call.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskAuth, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

describe('the room holds what it promises', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ listen: false });
    s.db.prepare('update offices set room_capacity = 3').run();
  });
  afterAll(() => s.stop());

  it('never has more than three inside, and a counter only calls a ticket told to come in', async () => {
    const staff = await signIn(s.app);
    expect((await staff.patch('/api/counters/2').send({ status: 'closed' })).status).toBe(200);
    const issued: string[] = [];
    const issue = async (service: string, priority?: string) => {
      const res = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service, ...(priority ? { priority } : {}) });
      expect(res.status).toBe(201);
      issued.push(res.body.id);
      s.clock.advance({ seconds: 20 });
      await check();
    };
    const tickets = async () => Promise.all(issued.map(async (id) => (await request(s.app).get(`/api/tickets/${id}`)).body));
    const check = async () => {
      const all = await tickets();
      const inside = all.filter((tk) => (tk.status === 'waiting' && !tk.waitOutside) || tk.status === 'called' || tk.status === 'serving');
      expect(inside.length).toBeLessThanOrEqual(3);
      const kiosk = (await request(s.app).get('/api/kiosk/state').set(kioskAuth(s.kioskToken))).body;
      expect(kiosk.inside).toBeLessThanOrEqual(3);
      const board = await s.store.boardState('demo', s.clock.now());
      const waitingInside = all.filter((tk) => tk.status === 'waiting' && !tk.waitOutside).map((tk) => tk.number).sort();
      expect([...(board.admitted ?? [])].sort()).toEqual(waitingInside);
      return all;
    };
    const held = new Map<number, string>();
    let calls = 0;
    const callAt = async (counter: number) => {
      const current = held.get(counter);
      if (current) {
        expect((await staff.post(`/api/tickets/${current}/start`)).status).toBe(200);
        await check();
        expect((await staff.post(`/api/tickets/${current}/complete`)).status).toBe(200);
        held.delete(counter);
      }
      const before = new Map((await check()).map((tk) => [tk.id, tk]));
      const res = await staff.post(`/api/counters/${counter}/call-next`);
      if (res.status === 204) return;
      expect(res.status).toBe(200);
      const called = res.body.ticket;
      expect({ number: called.number, waitOutside: before.get(called.id)?.waitOutside }).toEqual({ number: called.number, waitOutside: false });
      held.set(counter, called.id);
      calls++;
      s.clock.advance({ minutes: 1 });
      await check();
    };

    for (const service of ['A', 'A', 'A', 'B', 'C', 'C']) await issue(service);
    await issue('A', 'pregnant');
    await issue('C', 'elderly');
    await callAt(1);
    await callAt(3);
    await issue('B');
    await issue('A', 'disabled');
    await issue('A');
    for (let round = 0; round < 4; round++) {
      await callAt(1);
      await issue(round % 2 ? 'C' : 'B');
      await callAt(3);
      if (round === 1) await issue('C', 'pregnant');
    }
    for (let round = 0; round < 12; round++) {
      await callAt(round % 3 === 2 ? 3 : 1);
      await callAt(3);
    }
    expect(calls).toBeGreaterThanOrEqual(issued.length - 1);
  });
});
