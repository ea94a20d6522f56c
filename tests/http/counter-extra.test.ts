import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/security/passwords';
import { firstBookableSlot, kioskAuth, nikFor, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

describe("the counter screen's own reads", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ listen: false });
    // A second office, and a counter clerk who works there only.
    s.db.prepare("insert into offices (id, name, timezone, created_at) values ('lain', 'Kantor Lain', 'Asia/Makassar', 0)").run();
    await s.store.createUser({ username: 'lain1', displayName: 'Petugas Lain', passwordHash: await hashPassword('kantor-lain-123'), role: 'counter', officeId: 'lain' }, s.clock.now());
  });
  afterAll(() => s.stop());

  it("shows staff the current ticket's booking holder, masked, and nobody else", async () => {
    const slot = await firstBookableSlot(s.app, 'A');
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik: nikFor(5), name: 'Budi Santoso', phone: '0812-3333-4444' });
    s.clock.set(slot.start);
    const ticket = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    const staff = await signIn(s.app);
    await staff.post('/api/counters/1/call-next');

    const res = await staff.get(`/api/tickets/${ticket.body.id}/details`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      number: 'A001', service: 'A', serviceName: 'Pengambilan Dokumen', status: 'called', source: 'booking', counter: '1',
      recallCount: 0, recallLimit: 3, calledAt: slot.start,
      booking: { code: booked.body.code, name: 'Budi Santoso', nikMasked: '************0006', phoneMasked: expect.stringMatching(/4444$/), slot: expect.stringMatching(/^\d\d:00–\d\d:00$/) },
    });
    expect(JSON.stringify(res.body)).not.toContain(nikFor(5));
    // The look at the holder's data is on the audit log: who, which booking.
    const viewed = s.db.prepare("select user_id, target from audit_log where action = 'booking.viewed'").all();
    expect(viewed).toEqual([{ user_id: 1, target: booked.body.code }]);

    // Not signed in: refused, with the Indonesian message by default.
    const anonymous = await request(s.app).get(`/api/tickets/${ticket.body.id}/details`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toBe('Silakan masuk terlebih dahulu.');
    // Staff of another office: refused.
    const other = await signIn(s.app, 'lain1', 'kantor-lain-123');
    expect((await other.get(`/api/tickets/${ticket.body.id}/details`)).status).toBe(403);
    expect((await staff.get('/api/tickets/unknown-ticket-id/details')).status).toBe(404);
  });

  it("lists today's no-shows, latest first, until they are requeued", async () => {
    const staff = await signIn(s.app);
    const walkIns = [];
    for (const service of ['B', 'B']) walkIns.push((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service })).body);
    // Counter 1 still has A001: finish it first.
    const current = (await staff.get('/api/offices/demo/counters')).body[0].current;
    await staff.post(`/api/tickets/${current.id}/start`);
    await staff.post(`/api/tickets/${current.id}/complete`);
    for (const _ of walkIns) {
      const called = await staff.post('/api/counters/2/call-next');
      await staff.post(`/api/tickets/${called.body.ticket.id}/no-show`);
      s.clock.advance({ minutes: 3 });
    }
    const list = await staff.get('/api/offices/demo/no-shows');
    expect(list.status).toBe(200);
    expect(list.body.map((n: { number: string; counter: string; service: string }) => [n.number, n.service, n.counter])).toEqual([
      ['B002', 'B', '2'],
      ['B001', 'B', '2'],
    ]);
    await staff.post(`/api/tickets/${list.body[0].id}/requeue`);
    expect((await staff.get('/api/offices/demo/no-shows')).body.map((n: { number: string }) => n.number)).toEqual(['B001']);
    expect((await request(s.app).get('/api/offices/demo/no-shows')).status).toBe(401);
    expect((await (await signIn(s.app, 'lain1', 'kantor-lain-123')).get('/api/offices/demo/no-shows')).status).toBe(403);
  });
});
