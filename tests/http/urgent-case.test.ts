/**
 * Urgent cases (issue "the lobby and the counter", item 4): a supervisor or an admin issues a
 * ticket for, or transfers one into, a service closed today, always with a reason; the ticket is
 * flagged, the decision audited and counted in the reports. And the counter's no-show taken back
 * by a requeue is counted neither under its counter nor its service. On both engines.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/security/passwords';
import { ENGINES, type EngineServer } from '../support/engines';
import { kioskAuth, signIn } from '../support/factories';

const TODAY = '2026-11-24';

describe.each(ENGINES)('urgent cases ($name)', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let supervisor: Awaited<ReturnType<typeof signIn>>;
  let clerk: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    s = await start({ listen: false });
    const now = s.clock.now();
    await s.store.createUser({ username: 'super1', displayName: 'Supervisor', passwordHash: await hashPassword('supervisor-kota-123'), role: 'supervisor', officeId: 'demo' }, now);
    await s.store.createUser({ username: 'loket1', displayName: 'Petugas', passwordHash: await hashPassword('petugas-loket-123'), role: 'counter', officeId: 'demo' }, now);
    admin = await signIn(s.app);
    supervisor = await signIn(s.app, 'super1', 'supervisor-kota-123');
    clerk = await signIn(s.app, 'loket1', 'petugas-loket-123');
    // Urgent-only mode: only A stays open, B and C are closed from today.
    const mode = await admin.put('/api/offices/demo/urgent-only').send({ open: ['A'], reason: 'Staf terpapar, hanya layanan mendesak', action: 'cancel' });
    expect(mode.status, JSON.stringify(mode.body)).toBeLessThan(300);
  });
  afterAll(() => s?.stop());

  const urgentTicket = (agent: typeof admin, body: Record<string, unknown>) => agent.post('/api/offices/demo/urgent-tickets').send(body);

  it('documents its routes in the OpenAPI document', async () => {
    const paths = (await request(s.app).get('/api/openapi.json')).body.paths;
    expect(paths['/offices/{officeId}/urgent-tickets'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['service', 'reason']));
    expect(paths['/offices/{officeId}/urgent-bookings'].post).toBeDefined();
    expect(paths['/tickets/{ticketId}/verify-holder'].post.responses['200']).toBeDefined();
    expect(paths['/tickets/{ticketId}/transfer'].post.requestBody.content['application/json'].schema.properties.reason).toBeDefined();
  });

  it('lets a supervisor issue a ticket for a closed service with a reason, flagged and audited; the kiosk still refuses it', async () => {
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'C' })).body.error.code).toBe('CLOSED');
    const issued = await urgentTicket(supervisor, { service: 'C', reason: '  Perekaman untuk rujukan RS  ', priority: 'elderly' });
    expect(issued.status).toBe(201);
    expect(issued.body.ticket).toMatchObject({ number: 'C001', service: 'C', status: 'waiting' });
    // Nothing about the case on the public ticket.
    expect(JSON.stringify((await request(s.app).get(`/api/tickets/${issued.body.ticket.id}`)).body)).not.toContain('rujukan');
    const details = await supervisor.get(`/api/tickets/${issued.body.ticket.id}/details`);
    expect(details.body).toMatchObject({ urgentReason: 'Perekaman untuk rujukan RS', priority: 'elderly', requirements: expect.stringContaining('sarung tangan') });
    const audited = await s.query<{ action: string; target: string; detail: string }>("SELECT action, target, detail FROM audit_log WHERE action = 'ticket.urgent'");
    expect(audited.map((a) => [a.target, JSON.parse(a.detail)])).toEqual([['C001', { via: 'issue', service: 'C', reason: 'Perekaman untuk rujukan RS' }]]);
  });

  it('refuses a clerk, a missing reason, an open service and an unknown one, changing nothing', async () => {
    const forbidden = await urgentTicket(clerk, { service: 'C', reason: 'Perekaman untuk rujukan RS' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toBe('Hanya supervisor atau admin yang dapat melayani kasus mendesak pada layanan yang tutup.');
    const noReason = await urgentTicket(supervisor, { service: 'C', reason: ' ok ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toMatch(/tulis alasan kasus mendesak/);
    const open = await urgentTicket(admin, { service: 'A', reason: 'Perekaman untuk rujukan RS' });
    expect(open.status).toBe(400);
    expect(open.body.error.fields.service).toMatch(/Layanan ini buka/);
    expect((await urgentTicket(admin, { service: 'Z', reason: 'Perekaman untuk rujukan RS' })).status).toBe(400);
    expect((await request(s.app).post('/api/offices/demo/urgent-tickets').send({ service: 'C', reason: 'Perekaman untuk rujukan RS' })).status).toBe(401);
    const tickets = await s.query<{ n: number }>("SELECT CAST(count(*) AS integer) AS n FROM tickets WHERE service_id IN (SELECT id FROM services WHERE code = 'C')");
    expect(tickets[0]!.n).toBe(1);
  });

  it('asks a transfer into a closed service for a supervisor and a reason, and records it; into an open one, nothing more', async () => {
    const walkIn = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    const id = walkIn.body.id as string;
    const byClerk = await clerk.post(`/api/tickets/${id}/transfer`).send({ service: 'B', reason: 'Legalisir akta untuk sidang besok' });
    expect(byClerk.status).toBe(403);
    const noReason = await supervisor.post(`/api/tickets/${id}/transfer`).send({ service: 'B' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBeDefined();
    expect((await s.query<{ service_id: number; urgent_reason: string | null }>('SELECT urgent_reason FROM tickets WHERE id = ?', id))[0]).toEqual({ urgent_reason: null });

    const moved = await supervisor.post(`/api/tickets/${id}/transfer`).send({ service: 'B', reason: 'Legalisir akta untuk sidang besok' });
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ number: 'A001', service: 'B', status: 'waiting' });
    expect((await s.query('SELECT urgent_reason FROM tickets WHERE id = ?', id))[0]).toEqual({ urgent_reason: 'Legalisir akta untuk sidang besok' });
    const audited = await s.query<{ target: string; detail: string; user_id: number }>("SELECT target, detail, user_id FROM audit_log WHERE action = 'ticket.urgent' ORDER BY id");
    expect(audited.map((a) => [a.target, JSON.parse(a.detail).via, JSON.parse(a.detail).service])).toEqual([['C001', 'issue', 'C'], ['A001', 'transfer', 'B']]);

    // Back into A, which is open: any clerk, no reason asked.
    expect((await clerk.post(`/api/tickets/${id}/transfer`).send({ service: 'A' })).status).toBe(200);
  });

  it('counts the urgent cases in the reports', async () => {
    const report = await admin.get(`/api/offices/demo/reports?from=${TODAY}&to=${TODAY}`);
    expect(report.status).toBe(200);
    const urgent = Object.fromEntries(report.body.services.map((r: { service: string; urgent: number }) => [r.service, r.urgent]));
    // C001 in C; A001 was urgent in B, then went back to A: it counts where it is now.
    expect(urgent).toEqual({ A: 1, B: 0, C: 1 });
    expect(report.body.total.urgent).toBe(2);
    const csv = await admin.get(`/api/offices/demo/reports/daily?date=${TODAY}&format=csv`);
    expect(csv.text.split('\r\n')[0]).toMatch(/,urgent,suket$/);
  });

  it("counts a no-show that was requeued and served neither under its counter nor its service", async () => {
    const ticket = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    // Counter 1 serves A and B: it serves whatever waits; the new ticket misses its first call, comes back, and is served.
    let missed = false;
    for (let i = 0; i < 10; i++) {
      const called = await admin.post('/api/counters/1/call-next');
      if (called.status !== 200) break;
      const id = called.body.ticket.id as string;
      if (id === ticket.body.id && !missed) {
        missed = true;
        expect((await admin.post(`/api/tickets/${id}/no-show`)).status).toBe(200);
        expect((await admin.post(`/api/tickets/${id}/requeue`)).status).toBe(200);
        continue;
      }
      await admin.post(`/api/tickets/${id}/start`);
      await admin.post(`/api/tickets/${id}/complete`);
    }
    expect(missed).toBe(true);
    expect((await s.query('SELECT status FROM tickets WHERE id = ?', ticket.body.id))[0]).toEqual({ status: 'done' });
    const report = await admin.get(`/api/offices/demo/reports?from=${TODAY}&to=${TODAY}`);
    const counter1 = report.body.counters.find((c: { counter: string }) => c.counter === '1');
    expect(counter1.noShow).toBe(0);
    expect(report.body.services.find((r: { service: string }) => r.service === 'A').noShow).toBe(0);
    expect(report.body.total.noShow).toBe(0);
  });

  it('books a place for an urgent case on a closed day (supervisor, reason), whose ticket is flagged at check-in', async () => {
    const slotOf = async (service: string) =>
      (await s.query<{ id: number; start: string }>(
        `SELECT id, start FROM slots WHERE office_id = 'demo' AND date = ? AND start >= '12:00' AND service_id = (SELECT id FROM services WHERE office_id = 'demo' AND code = ?) ORDER BY start`,
        TODAY, service,
      ))[0]!;
    const slot = await slotOf('C');
    const person = { service: 'C', slotId: slot.id, nik: '3174015708900101', name: 'Ibu Sari', phone: '0812-7777-8888' };
    // The citizen's own booking is refused: the service is closed.
    expect((await request(s.app).post('/api/offices/demo/bookings').send(person)).body.error.code).toBe('CLOSED');
    expect((await clerk.post('/api/offices/demo/urgent-bookings').send({ ...person, reason: 'Rujukan operasi RS' })).status).toBe(403);
    const noReason = await supervisor.post('/api/offices/demo/urgent-bookings').send({ ...person, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBeDefined();
    const openDay = await supervisor.post('/api/offices/demo/urgent-bookings').send({ ...person, service: 'A', slotId: (await slotOf('A')).id, reason: 'Rujukan operasi RS' });
    expect(openDay.status).toBe(400);
    expect(openDay.body.error.fields.slotId).toMatch(/buat reservasi biasa/);

    const booked = await supervisor.post('/api/offices/demo/urgent-bookings').send({ ...person, reason: 'Rujukan operasi RS' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(JSON.stringify(booked.body)).not.toContain('Rujukan');
    const stored = await s.query<{ urgent_reason: string; created_by_user_id: number }>('SELECT urgent_reason, created_by_user_id FROM bookings WHERE code = ?', booked.body.code);
    expect(stored[0]!.urgent_reason).toBe('Rujukan operasi RS');
    const audited = await s.query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'ticket.urgent' AND target = ?", booked.body.code);
    expect(audited.map((a) => JSON.parse(a.detail))).toEqual([{ via: 'booking', reason: 'Rujukan operasi RS' }]);

    s.clock.set(`${TODAY}T${slot.start}:00.000+07:00`);
    const ticket = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    // Hours later: the sessions went idle.
    supervisor = await signIn(s.app, 'super1', 'supervisor-kota-123');
    admin = await signIn(s.app);
    expect((await supervisor.get(`/api/tickets/${ticket.body.id}/details`)).body).toMatchObject({ source: 'booking', urgentReason: 'Rujukan operasi RS' });
    const report = await admin.get(`/api/offices/demo/reports?from=${TODAY}&to=${TODAY}`);
    expect(report.body.services.find((r: { service: string }) => r.service === 'C').urgent).toBe(2);
  });
});
