/**
 * A service that stops while a reserve of blanko remains (issue 15, item 6; OKI kept its cards
 * for citizens just recorded), on both engines. The demo office holds 50 cards; service C
 * (urgent KTP-el recording) needs one per visitor.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
