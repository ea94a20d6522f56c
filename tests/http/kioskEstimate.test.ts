import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskAuth, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

describe('the estimated wait comes from measured service times and the counters open for the service', () => {
  let s: TestServer;
  let staff: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await startServer({ listen: false, now: '2026-11-24T08:00:00.000+07:00' });
    staff = await signIn(s.app);
  });
  afterEach(() => s.stop());

  const issue = async (service = 'A') => {
    const res = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string; position: number; estimatedWaitMinutes: number };
  };
  /** A counter calls the next ticket, starts it, and completes it `minutes` later on the clock. */
  const serve = async (counterId: number, minutes: number) => {
    const ticket = (await staff.post(`/api/counters/${counterId}/call-next`)).body.ticket;
    expect((await staff.post(`/api/tickets/${ticket.id}/start`)).status).toBe(200);
    s.clock.advance({ minutes });
    expect((await staff.post(`/api/tickets/${ticket.id}/complete`)).status).toBe(200);
    s.clock.advance({ seconds: 30 });
    return ticket;
  };
  const ticket = async (id: string) => (await request(s.app).get(`/api/tickets/${id}`)).body;

  it("uses the typical minutes with no history, then the average of the service's last ten durations", async () => {
    // No history: A's typical 5 minutes; 1 ahead, 3 counters serve A (1, 2, 3) → ⌈5/3⌉ = 2.
    const first = await issue();
    const second = await issue();
    expect(first).toMatchObject({ position: 1, estimatedWaitMinutes: 0 });
    expect(second).toMatchObject({ position: 2, estimatedWaitMinutes: 2 });
    await serve(1, 30);
    await serve(1, 30);

    // Ten more, whose durations average 6 minutes; the two 30-minute ones fall out of the window.
    for (const minutes of [2, 4, 6, 8, 10, 2, 4, 6, 8, 10]) {
      await issue();
      await serve(1, minutes);
    }
    // A long B service does not change A's average.
    await issue('B');
    await serve(2, 60);

    const waiting = [];
    for (let i = 0; i < 7; i++) waiting.push(await issue());
    expect(waiting.map((tk) => tk.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // k ahead × 6 minutes ÷ 3 open counters.
    expect(waiting.map((tk) => tk.estimatedWaitMinutes)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    const state = (await request(s.app).get('/api/kiosk/state').set(kioskAuth(s.kioskToken))).body;
    expect(state.services.find((sv: { code: string }) => sv.code === 'A')).toMatchObject({ waiting: 7, estimatedWaitMinutes: 14 });
    // B: nothing waiting, so a new B ticket is next.
    expect(state.services.find((sv: { code: string }) => sv.code === 'B')).toMatchObject({ waiting: 0, estimatedWaitMinutes: 0 });

    // Two counters pause: only counter 1 serves A now.
    expect((await staff.patch('/api/counters/2').send({ status: 'paused' })).status).toBe(200);
    expect((await staff.patch('/api/counters/3').send({ status: 'paused' })).status).toBe(200);
    expect((await ticket(waiting[6]!.id)).estimatedWaitMinutes).toBe(36);

    // Serving the first of them moves everyone up and adds its 12 minutes to the window: (4+6+8+10+2+4+6+8+10+12)/10 = 7.
    await serve(1, 12);
    const last = await ticket(waiting[6]!.id);
    expect(last).toMatchObject({ position: 6, estimatedWaitMinutes: 35 });
    expect((await ticket(waiting[1]!.id)).estimatedWaitMinutes).toBe(0);
  });
});
