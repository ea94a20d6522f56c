import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/security/passwords';
import { firstBookableSlot, kioskAuth, person, signIn } from '../support/factories';
import { dbFingerprint } from '../support/fingerprint';
import { startServer, type TestServer } from '../support/server';

let s: TestServer;
beforeEach(async () => (s = await startServer({ listen: false })));
afterEach(() => s.stop());

const walkIn = (service = 'A', priority?: string) =>
  request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service, ...(priority ? { priority } : {}) });

const refused = async (send: () => PromiseLike<request.Response>, status: number, code: string) => {
  const before = dbFingerprint(s.db);
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(dbFingerprint(s.db)).toBe(before);
  return res;
};

const addUser = async (username: string, role: 'admin' | 'supervisor' | 'counter', officeId: string | null = 'demo') =>
  await s.store.createUser({ username, displayName: username, passwordHash: await hashPassword('sandi-rahasia'), role, officeId }, s.clock.now());

describe('kiosk: walk-in tickets and check-ins', () => {
  it('issues numbered walk-in tickets per service: A001, A002, B001', async () => {
    const a1 = await walkIn('A');
    expect(a1.status).toBe(201);
    expect(a1.body).toMatchObject({ number: 'A001', service: 'A', status: 'waiting', position: 1, waitOutside: false, statusUrl: `/t/${a1.body.id}` });
    expect(a1.body.estimatedWaitMinutes).toEqual(expect.any(Number));
    expect((await walkIn('A')).body).toMatchObject({ number: 'A002', position: 2 });
    expect((await walkIn('B')).body.number).toBe('B001');
  });

  it('refuses a request without a valid kiosk token, and a token of another office', async () => {
    await refused(() => request(s.app).post('/api/offices/demo/tickets').send({ service: 'A' }), 401, 'UNAUTHENTICATED');
    await refused(() => request(s.app).post('/api/offices/demo/tickets').set(kioskAuth('not-a-token')).send({ service: 'A' }), 401, 'UNAUTHENTICATED');
    await refused(() => request(s.app).post('/api/offices/other/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' }), 403, 'FORBIDDEN');
  });

  it('refuses an unknown service and a bad priority with 400', async () => {
    await refused(() => walkIn('Z'), 400, 'VALIDATION');
    await refused(() => walkIn('A', 'vip'), 400, 'VALIDATION');
  });

  it('refuses walk-ins outside opening hours and on closed days with 409 CLOSED', async () => {
    s.clock.set('2026-11-24T15:00:00+07:00');
    await refused(() => walkIn('A'), 409, 'CLOSED');
    s.clock.set('2026-11-28T10:00:00+07:00');
    await refused(() => walkIn('A'), 409, 'CLOSED');
  });

  it('refuses a walk-in past the daily quota with 409 QUOTA_EXHAUSTED', async () => {
    s.db.prepare("update services set walk_in_quota = 2 where code = 'B'").run();
    expect((await walkIn('B')).status).toBe(201);
    expect((await walkIn('B')).status).toBe(201);
    await refused(() => walkIn('B'), 409, 'QUOTA_EXHAUSTED');
  });

  it('restarts numbering at the office’s local midnight', async () => {
    expect((await walkIn('A')).body.number).toBe('A001');
    expect((await walkIn('A')).body.number).toBe('A002');
    s.clock.set('2026-11-25T08:00:00+07:00');
    expect((await walkIn('A')).body.number).toBe('A001');
  });

  it('checks in a booking in its window, once; refuses unknown, wrong-day, early and repeated check-ins', async () => {
    const slot = (await request(s.app).get('/api/offices/demo/availability?service=B&from=2026-11-25&days=1')).body[0].slots[1];
    const p = person(40);
    const { code } = (await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: slot.id, ...p })).body;
    const checkIn = () => request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code });
    await refused(() => request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: 'ZZZZZZZZ' }), 404, 'NOT_FOUND');
    s.clock.set('2026-11-25T08:00:00+07:00');
    await refused(checkIn, 409, 'OUTSIDE_WINDOW');
    s.clock.set('2026-11-23T10:00:00+07:00');
    await refused(checkIn, 409, 'WRONG_DAY');
    s.clock.set(slot.start);
    const ticket = await checkIn();
    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ number: 'B001', service: 'B', status: 'waiting' });
    await refused(checkIn, 409, 'ALREADY_CHECKED_IN');
    const booking = await request(s.app).get(`/api/bookings/${code}?nik4=${p.nik.slice(-4)}`);
    expect(booking.body).toMatchObject({ status: 'checked_in', ticketId: ticket.body.id });
  });

  it('refuses the check-in of a cancelled booking with 409 BOOKING_CANCELLED', async () => {
    const slot = await firstBookableSlot(s.app, 'A');
    const p = person(41);
    const { code } = (await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...p })).body;
    await request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: p.nik.slice(-4) });
    s.clock.set(slot.start);
    await refused(() => request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code }), 409, 'BOOKING_CANCELLED');
  });
});

describe('staff sign-in and sessions', () => {
  it('signs in with an httpOnly SameSite cookie, answers /me, and signs out', async () => {
    const res = await request(s.app).post('/api/auth/login').send({ username: 'admin', password: 'rahasia-admin-123' });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/giliran_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const agent = await signIn(s.app);
    expect((await agent.get('/api/auth/me')).body).toMatchObject({ username: 'admin', role: 'admin' });
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('gives a fresh session id at every sign-in', async () => {
    const first = String((await request(s.app).post('/api/auth/login').send({ username: 'admin', password: 'rahasia-admin-123' })).headers['set-cookie']);
    const second = String((await request(s.app).post('/api/auth/login').send({ username: 'admin', password: 'rahasia-admin-123' })).headers['set-cookie']);
    expect(first.split(';')[0]).not.toBe(second.split(';')[0]);
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    const wrong = await request(s.app).post('/api/auth/login').send({ username: 'admin', password: 'salah' });
    const unknown = await request(s.app).post('/api/auth/login').send({ username: 'siapa', password: 'salah' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('stores passwords as scrypt hashes, never in plain text', () => {
    const row = s.db.prepare("select password_hash from users where username = 'admin'").get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('rahasia-admin-123');
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const agent = await signIn(s.app);
    s.clock.advance({ minutes: 119 });
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    s.clock.advance({ minutes: 121 });
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const busy = await signIn(s.app);
    for (let i = 0; i < 13; i++) {
      s.clock.advance({ minutes: 59 });
      await busy.get('/api/auth/me');
    }
    expect((await busy.get('/api/auth/me')).status).toBe(401);
  });

  it('ends the sessions of a user who is disabled', async () => {
    const user = await addUser('petugas1', 'counter');
    const agent = await signIn(s.app, 'petugas1', 'sandi-rahasia');
    await s.store.setUserDisabled(user.id, true, { userId: 1, role: 'admin', officeId: null }, s.clock.now());
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect((await request(s.app).post('/api/auth/login').send({ username: 'petugas1', password: 'sandi-rahasia' })).status).toBe(401);
  });

  it('limits sign-in attempts per address with 429', async () => {
    const limited = await startServer({ listen: false, config: { loginRateLimit: 3 } });
    try {
      for (let i = 0; i < 3; i++) await request(limited.app).post('/api/auth/login').send({ username: 'admin', password: 'x' });
      const res = await request(limited.app).post('/api/auth/login').send({ username: 'admin', password: 'x' });
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });
});

describe('counters and the ticket life', () => {
  it('refuses every staff call without a session', async () => {
    await refused(() => request(s.app).post('/api/counters/1/call-next'), 401, 'UNAUTHENTICATED');
    await refused(() => request(s.app).get('/api/offices/demo/counters'), 401, 'UNAUTHENTICATED');
  });

  it('calls the next ticket, 204 when nobody waits, and refuses a call while the counter is busy', async () => {
    const agent = await signIn(s.app);
    expect((await agent.post('/api/counters/1/call-next')).status).toBe(204);
    await walkIn('A');
    await walkIn('A');
    const called = await agent.post('/api/counters/1/call-next');
    expect(called.body.ticket).toMatchObject({ number: 'A001', status: 'called', counter: '1' });
    const busy = await agent.post('/api/counters/1/call-next');
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('COUNTER_BUSY');
    expect(busy.body.error.message).toContain('A001');
  });

  it('steps a ticket through recall, start, complete; refuses illegal steps with 409', async () => {
    const agent = await signIn(s.app);
    const { id } = (await walkIn('A')).body;
    await refused(() => agent.post(`/api/tickets/${id}/start`), 409, 'INVALID_STATE');
    await agent.post('/api/counters/1/call-next');
    expect((await agent.post(`/api/tickets/${id}/recall`)).body.ticket.status).toBe('called');
    expect((await agent.post(`/api/tickets/${id}/start`)).body.ticket.status).toBe('serving');
    await refused(() => agent.post(`/api/tickets/${id}/recall`), 409, 'INVALID_STATE');
    expect((await agent.post(`/api/tickets/${id}/complete`)).body.ticket.status).toBe('done');
    await refused(() => agent.post(`/api/tickets/${id}/complete`), 409, 'INVALID_STATE');
    await refused(() => agent.post(`/api/tickets/unknown-ticket-id/start`), 404, 'NOT_FOUND');
  });

  it('makes a ticket a no-show at the recall past the limit, and requeues it at the back', async () => {
    const agent = await signIn(s.app);
    const { id } = (await walkIn('A')).body;
    await walkIn('A');
    await agent.post('/api/counters/1/call-next');
    for (let i = 0; i < 3; i++) expect((await agent.post(`/api/tickets/${id}/recall`)).body.ticket.status).toBe('called');
    expect((await agent.post(`/api/tickets/${id}/recall`)).body.ticket.status).toBe('no_show');
    s.clock.advance({ minutes: 1 });
    const requeued = await agent.post(`/api/tickets/${id}/requeue`);
    expect(requeued.body.ticket).toMatchObject({ status: 'waiting', position: 2 });
    const events = s.db.prepare('select type from ticket_events where ticket_id = ? order by id').all(id) as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(['issued', 'called', 'recalled', 'recalled', 'recalled', 'no_show', 'requeued']);
  });

  it('marks a called ticket no-show on request', async () => {
    const agent = await signIn(s.app);
    const { id } = (await walkIn('A')).body;
    await agent.post('/api/counters/1/call-next');
    expect((await agent.post(`/api/tickets/${id}/no-show`)).body.ticket.status).toBe('no_show');
  });

  it('transfers a ticket to another service with the same number; refuses an unknown service', async () => {
    const agent = await signIn(s.app);
    const { id } = (await walkIn('A')).body;
    await agent.post('/api/counters/1/call-next');
    await agent.post(`/api/tickets/${id}/start`);
    await refused(() => agent.post(`/api/tickets/${id}/transfer`).send({ service: 'Z' }), 400, 'VALIDATION');
    const moved = await agent.post(`/api/tickets/${id}/transfer`).send({ service: 'C' });
    expect(moved.body.ticket).toMatchObject({ number: 'A001', service: 'C', status: 'waiting' });
    const counter3 = await agent.post('/api/counters/3/call-next');
    expect(counter3.body.ticket).toMatchObject({ number: 'A001', counter: '3' });
  });

  it('lists counters with services, status and current ticket; pauses a counter, which then cannot call', async () => {
    const agent = await signIn(s.app);
    await walkIn('B');
    await agent.post('/api/counters/2/call-next');
    const list = await agent.get('/api/offices/demo/counters');
    expect(list.body).toEqual([
      { id: 1, name: '1', services: ['A', 'B'], status: 'open' },
      { id: 2, name: '2', services: ['B', 'A'], status: 'open', current: expect.objectContaining({ number: 'B001', status: 'called' }) },
      { id: 3, name: '3', services: ['C', 'A'], status: 'open' },
    ]);
    expect((await agent.patch('/api/counters/1').send({ status: 'paused' })).body).toMatchObject({ id: 1, status: 'paused' });
    await refused(() => agent.post('/api/counters/1/call-next'), 409, 'COUNTER_NOT_OPEN');
    await refused(() => agent.patch('/api/counters/1').send({ status: 'asleep' }), 400, 'VALIDATION');
    await refused(() => agent.patch('/api/counters/99').send({ status: 'open' }), 404, 'NOT_FOUND');
  });

  it('keeps staff to their own office', async () => {
    const other = 'lain';
    s.db.prepare("insert into offices (id, name, timezone, created_at) values (?, 'Kantor Lain', 'Asia/Makassar', 0)").run(other);
    await addUser('petugas-lain', 'counter', other);
    const agent = await signIn(s.app, 'petugas-lain', 'sandi-rahasia');
    await walkIn('A');
    await refused(() => agent.post('/api/counters/1/call-next'), 403, 'FORBIDDEN');
    await refused(() => agent.get('/api/offices/demo/counters'), 403, 'FORBIDDEN');
  });
});

describe('admin: kiosks, closures, reports', () => {
  it('creates a kiosk whose token is shown once and works; refuses a counter-role user', async () => {
    const agent = await signIn(s.app);
    const res = await agent.post('/api/offices/demo/kiosks').send({ name: 'Kiosk Timur' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Kiosk Timur', token: expect.any(String) });
    const stored = s.db.prepare('select token_hash from kiosks where id = ?').get(res.body.id) as { token_hash: string };
    expect(stored.token_hash).not.toBe(res.body.token);
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(res.body.token)).send({ service: 'A' })).status).toBe(201);
    await addUser('petugas2', 'counter');
    const counterUser = await signIn(s.app, 'petugas2', 'sandi-rahasia');
    await refused(() => counterUser.post('/api/offices/demo/kiosks').send({ name: 'x' }), 403, 'FORBIDDEN');
  });

  it('closes a day: bookings in it are cancelled and holders notified; the day shows closed; new bookings get 409 CLOSED', async () => {
    const agent = await signIn(s.app);
    const slot = await firstBookableSlot(s.app, 'A');
    const p = person(50);
    const { code } = (await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...p })).body;
    const res = await agent.post('/api/offices/demo/closures').send({ from: slot.date, to: slot.date, reason: 'Staf terpapar COVID-19' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ affectedBookings: 1, cancelled: 1 });
    expect((await request(s.app).get(`/api/bookings/${code}?nik4=${p.nik.slice(-4)}`)).body).toMatchObject({ status: 'cancelled', cancelReason: 'Staf terpapar COVID-19' });
    const notes = s.db.prepare("select template from notifications where template = 'closure'").all();
    expect(notes).toHaveLength(1);
    const day = (await request(s.app).get(`/api/offices/demo/availability?service=A&from=${slot.date}&days=1`)).body[0];
    expect(day).toMatchObject({ closed: true, reason: 'Staf terpapar COVID-19' });
    const again = await refused(() => request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(51) }), 409, 'CLOSED');
    expect(again.body.error.message).toContain('Staf terpapar COVID-19');
    await refused(() => agent.post('/api/offices/demo/closures').send({ from: '2026-12-05', to: '2026-12-01', reason: 'urutan salah' }), 400, 'VALIDATION');
  });

  it('gives the daily report per service as JSON and as CSV', async () => {
    const agent = await signIn(s.app);
    const { id } = (await walkIn('A')).body;
    s.clock.advance({ minutes: 6 });
    await agent.post('/api/counters/1/call-next');
    await agent.post(`/api/tickets/${id}/start`);
    s.clock.advance({ minutes: 4 });
    await agent.post(`/api/tickets/${id}/complete`);
    const json = await agent.get('/api/offices/demo/reports/daily?date=2026-11-24');
    expect(json.body.services[0]).toMatchObject({ service: 'A', issued: 1, served: 1, noShow: 0, averageWaitMinutes: 6, averageServiceMinutes: 4 });
    const csv = await agent.get('/api/offices/demo/reports/daily?date=2026-11-24&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFdate,service,name,issued,served,no_show,cancelled_bookings,average_wait_minutes,p90_wait_minutes,average_service_minutes,p90_service_minutes,urgent,suket');
    expect(csv.text).toContain('2026-11-24,A,Pengambilan Dokumen,1,1,0,0,6,6,4,4,0,0');
    await refused(() => agent.get('/api/offices/demo/reports/daily?date=kemarin'), 400, 'VALIDATION');
  });

  it('lets staff book on a citizen’s behalf and records who did it', async () => {
    const agent = await signIn(s.app);
    const slot = await firstBookableSlot(s.app, 'A');
    const res = await agent.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: slot.id, ...person(60) });
    expect(res.status).toBe(201);
    const audit = s.db.prepare("select user_id, target from audit_log where action = 'booking.assisted'").get() as { user_id: number; target: string };
    expect(audit).toEqual({ user_id: 1, target: res.body.code });
  });
});
