/**
 * Numbering and closures over real HTTP on both engines (issue 11: what matters for scale holds
 * on PostgreSQL exactly as on SQLite): concurrent walk-ins get consecutive numbers of their
 * service, a check-in takes the next one, the numbers start again the next morning; a closure
 * cancels the bookings it covers, gives their places back, and refuses new ones.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskAuth, person, signIn } from '../support/factories';
import { ENGINES, type EngineServer } from '../support/engines';

describe.each(ENGINES)('ticket numbers and closures on $name', ({ start }) => {
  let s: EngineServer;
  beforeEach(async () => (s = await start()));
  afterEach(() => s.stop());

  const walkIn = (service: string) => request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service });

  it('gives 60 concurrent walk-ins A001–A060, a check-in the next number, and starts again at A001 the next morning', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, () => walkIn('A')));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    const numbers = answers.map((r) => r.body.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect((await walkIn('B')).body.number).toBe('B001');

    const day = (await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-24&days=1')).body[0];
    const slot = day.slots.find((x: { start: string }) => x.start.includes('T11:00'));
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(1) });
    expect(booked.status).toBe(201);
    s.clock.set('2026-11-24T10:45:00.000+07:00');
    const checkedIn = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).send({ code: booked.body.code });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.number).toBe('A061');
    // A booking's ticket carries its session (the kiosk shows and prints it); a walk-in's has none.
    expect(checkedIn.body.slot).toEqual({ start: booked.body.start, end: booked.body.end });
    expect((await request(s.app).get(`/api/tickets/${checkedIn.body.id}`)).body.slot).toEqual({ start: booked.body.start, end: booked.body.end });
    expect(answers[0]!.body.slot).toBeUndefined();

    s.clock.set('2026-11-25T08:05:00.000+07:00');
    expect((await walkIn('A')).body.number).toBe('A001');
    const [rows] = await s.query<{ n: number }>("SELECT CAST(count(DISTINCT number) AS integer) AS n FROM tickets WHERE date = '2026-11-24'");
    expect(rows!.n).toBe(62);
  });

  it('cancels the bookings a closure covers, gives their places back, and refuses new bookings that day with CLOSED', async () => {
    const day = (await request(s.app).get('/api/offices/demo/availability?service=B&from=2026-11-26&days=1')).body[0];
    const slot = day.slots[0];
    const made = [];
    for (let i = 0; i < 3; i++) {
      const res = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: slot.id, ...person(100 + i) });
      expect(res.status).toBe(201);
      made.push({ code: res.body.code as string, nik4: person(100 + i).nik.slice(-4) });
    }
    const admin = await signIn(s.app);
    const closure = await admin.post('/api/offices/demo/closures').send({ from: '2026-11-26', to: '2026-11-26', reason: 'Pemadaman listrik' });
    expect(closure.status).toBe(201);
    expect(closure.body.affectedBookings).toBe(3);
    for (const { code, nik4 } of made) expect((await request(s.app).get(`/api/bookings/${code}?nik4=${nik4}`)).body.status).toBe('cancelled');
    const [stored] = await s.query<{ booked: number }>('SELECT booked FROM slots WHERE id = ?', slot.id);
    expect(stored!.booked).toBe(0);
    const refused = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: slot.id, ...person(200) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CLOSED');
  });
});
