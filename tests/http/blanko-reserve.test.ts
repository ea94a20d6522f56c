/**
 * A service that stops while a reserve of blanko remains (issue 15, item 6; OKI kept its cards
 * for citizens just recorded), on both engines. The demo office holds 50 cards; service C
 * (urgent KTP-el recording) needs one per visitor.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../server/jobs/templates';
import { ENGINES, type EngineServer } from '../support/engines';
import { kioskAuth, nikFor, signIn } from '../support/factories';

describe.each(ENGINES)('the blanko reserve on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    s = await start({ listen: false });
    admin = await signIn(s.app);
  });
  afterAll(() => s.stop());

  const walkIn = (service: string) => request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service });
  let slotC = 0;
  const bookC = (n: number) =>
    request(s.app).post('/api/offices/demo/bookings').send({ service: 'C', slotId: slotC, nik: nikFor(7000 + n, true), name: 'Warga', phone: `0812-5555-${1000 + n}` });

  it('takes nobody new for the service once the stock is down to its reserve; other services go on', async () => {
    const days = (await request(s.app).get('/api/offices/demo/availability?service=C&days=3')).body as { date: string; slots: { id: number }[] }[];
    slotC = days.find((d) => d.date === '2026-11-25')!.slots[0]!.id;
    expect((await admin.patch('/api/offices/demo/services/C').send({ blankoReserve: 50 })).status).toBe(200);
    const refused = await walkIn('C');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('BLANKO_EMPTY');
    expect((await bookC(1)).body.error.code).toBe('BLANKO_EMPTY');
    // The calendar shows the service's days closed with the blanko reason.
    const closedDays = (await request(s.app).get('/api/offices/demo/availability?service=C&days=3')).body as { closed: boolean; reason?: string }[];
    expect(closedDays.every((d) => d.closed)).toBe(true);
    expect((await walkIn('A')).status).toBe(201);
    const kiosk = (await request(s.app).get('/api/kiosk/state').set(kioskAuth(s.kioskToken))).body.services as { code: string; unavailable?: { reason?: string } }[];
    expect(kiosk.find((x) => x.code === 'C')!.unavailable?.reason).toContain('suket');
    const snapshot = (await admin.get('/api/offices/demo/admin')).body as { services: { code: string; blankoReserve: number }[] };
    expect(snapshot.services.find((x) => x.code === 'C')!.blankoReserve).toBe(50);
  });

  it('takes people again once the reserve is below the stock', async () => {
    await admin.patch('/api/offices/demo/services/C').send({ blankoReserve: 10 }).expect(200);
    expect((await walkIn('C')).status).toBe(201);
    expect((await bookC(2)).status).toBe(201);
    expect((await admin.patch('/api/offices/demo/services/C').send({ blankoReserve: -1 })).status).toBe(400);
  });

  it('when the last card is used: waiting tickets of the service say suket, and coming booking holders are told once', async () => {
    await admin.patch('/api/offices/demo/services/C').send({ blankoReserve: 0 }).expect(200);
    await admin.put('/api/offices/demo/blanko').send({ stock: 1 }).expect(200);
    const first = (await walkIn('C').expect(201)).body as { id: string };
    const second = (await walkIn('C').expect(201)).body as { id: string };
    expect((await request(s.app).get(`/api/tickets/${second.id}`)).body.suket).toBeUndefined();
    const booked = await bookC(3);
    expect(booked.status).toBe(201);
    // One C ticket is served with the last card (counter 3 serves C first)…
    const [counter] = await s.query<{ id: number }>("SELECT id FROM counters WHERE name = '3'");
    const called = await admin.post(`/api/counters/${counter!.id}/call-next`).send({});
    expect(called.status).toBe(200);
    const calledId = called.body.ticket.id as string;
    await admin.post(`/api/tickets/${calledId}/start`).send({}).expect(200);
    await admin.post(`/api/tickets/${calledId}/complete`).send({}).expect(200);
    expect(Number((await s.query<{ n: number }>("SELECT blanko_stock AS n FROM offices WHERE id = 'demo'"))[0]!.n)).toBe(0);
    const waitingId = calledId === second.id ? first.id : second.id;
    // …so the other one, still waiting, gets a suket; the staff queue says so too.
    expect((await request(s.app).get(`/api/tickets/${waitingId}`)).body.suket).toBe(true);
    const staff = await s.store.staffState('demo', s.clock.now());
    expect(staff.waiting.find((w) => w.id === waitingId)?.suket).toBe(true);
    // Each coming booking's holder (this one and the one of the test before) is told once, whatever else changes.
    const told = () => s.query<{ template: string }>("SELECT template FROM notifications WHERE template = 'blanko_out'");
    expect(await told()).toHaveLength(2);
    await admin.put('/api/offices/demo/blanko').send({ stock: 0 }).expect(200);
    expect(await told()).toHaveLength(2);
    const payloads = (await s.query<{ payload: string }>("SELECT payload FROM notifications WHERE template = 'blanko_out'")).map((m) => m.payload);
    expect(renderMessage('blanko_out', JSON.parse(payloads[0]!))).toContain('surat keterangan (suket)');
    expect(payloads.join()).toContain(booked.body.code);
    // The waiting one is served with a suket, counted as such in the day's report.
    const next = await admin.post(`/api/counters/${counter!.id}/call-next`).send({});
    await admin.post(`/api/tickets/${next.body.ticket.id}/start`).send({}).expect(200);
    await admin.post(`/api/tickets/${next.body.ticket.id}/complete`).send({}).expect(200);
    const report = (await admin.get('/api/offices/demo/reports/daily?date=2026-11-24')).body as { services: { service: string; suket: number; served: number }[] };
    expect(report.services.find((x) => x.service === 'C')).toMatchObject({ suket: 1 });
  });
});
