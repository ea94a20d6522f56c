/**
 * Issue 11, several processes: two real server processes on two ports (as behind a load
 * balancer) on one PostgreSQL database and one Redis. Every guarantee of PRODUCT.md must hold
 * across them because the database decides, not a process: capacity, one booking per NIK and
 * service and day, one ticket per call; and a board on one process hears the calls made through
 * the other, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { CallEvent } from '../../shared/types';
import { manyNik } from '../support/factories';
import { OPEN_TUESDAY } from '../support/server';
import { booking, freshSlot, pooled, post, signInAt, startProvince, type Province } from '../support/province';

const OFFICE = 'demo';

describe('two server processes on one PostgreSQL database and one Redis', () => {
  let province: Province;
  let a: string;
  let b: string;

  beforeAll(async () => {
    province = await startProvince({ processes: 2, now: OPEN_TUESDAY });
    [a, b] = province.servers.map((s) => s.url) as [string, string];
  }, 60_000);
  afterAll(async () => {
    await province?.stop();
  });

  it('takes exactly 25 of 400 parallel bookings spread over both processes for a slot of 25', async () => {
    const slot = await freshSlot(province, 'A', 25);
    const tasks = Array.from({ length: 400 }, (_, i) => () => post(i % 2 === 0 ? a : b, `/api/offices/${OFFICE}/bookings`, booking('A', slot.id, 10_000 + i)));
    const answers = await pooled(tasks, 80);
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(25);
    expect(answers.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.error.code === 'SLOT_FULL')).toBe(true);
    const { rows } = await province.sql.query(
      `SELECT s.booked, (SELECT count(*)::int FROM bookings b WHERE b.slot_id = s.id AND b.status = 'booked') AS active FROM slots s WHERE s.id = $1`,
      [slot.id],
    );
    expect(rows[0]).toEqual({ booked: 25, active: 25 });
  }, 60_000);

  it('makes one booking when the same NIK books one service and day through both processes at once', async () => {
    const first = await freshSlot(province, 'B', 10);
    const { rows: sameDay } = await province.sql.query<{ id: number }>(
      `SELECT s.id FROM slots s JOIN services v ON v.id = s.service_id WHERE v.code = 'B' AND s.date = $1 ORDER BY s.start`,
      [first.date],
    );
    const slotIds = sameDay.map((r) => r.id);
    expect(slotIds.length).toBeGreaterThan(1);
    // Twenty tries of one person, over the day's slots, half through each process, all at once.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(i % 2 === 0 ? a : b, `/api/offices/${OFFICE}/bookings`, { ...booking('B', slotIds[i % slotIds.length]!, 777), phone: `0813${String(20_000_000 + i)}` })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status !== 201).every((r) => r.body.error.code === 'DUPLICATE_BOOKING')).toBe(true);
    const { rows } = await province.sql.query(
      `SELECT count(*)::int AS n FROM bookings WHERE office_id = $1 AND date = $2 AND status = 'booked' AND nik_last4 = $3`,
      [OFFICE, first.date, manyNik(777).slice(-4)],
    );
    expect(rows[0].n).toBe(1);
  }, 60_000);

  it('never gives one ticket to two counters calling through different processes, 50 times each', async () => {
    const kiosk = { authorization: `Bearer ${province.kioskToken}` };
    await pooled(Array.from({ length: 100 }, (_, i) => () => post(i % 2 === 0 ? a : b, `/api/offices/${OFFICE}/tickets`, { service: 'A' }, kiosk)), 10);
    const [cookieA, cookieB] = [await signInAt(a), await signInAt(b)];
    const serve = async (url: string, cookie: string, counter: number): Promise<string | null> => {
      const called = await post(url, `/api/counters/${counter}/call-next`, {}, { cookie });
      expect([200, 204]).toContain(called.status);
      if (called.status === 204 || !called.body) return null;
      const id = called.body.ticket.id as string;
      expect((await post(url, `/api/tickets/${id}/start`, {}, { cookie })).status).toBe(200);
      expect((await post(url, `/api/tickets/${id}/complete`, {}, { cookie })).status).toBe(200);
      return id;
    };
    const called: string[] = [];
    for (let round = 0; round < 50; round++) {
      const pair = await Promise.all([serve(a, cookieA, 1), serve(b, cookieB, 2)]);
      called.push(...pair.filter((id): id is string => id !== null));
    }
    expect(called).toHaveLength(100);
    expect(new Set(called).size).toBe(100);
    const { rows } = await province.sql.query(`SELECT count(*)::int AS n FROM ticket_events WHERE type = 'called' AND ticket_id = ANY($1)`, [called]);
    expect(rows[0].n).toBe(100);
  }, 120_000);

  it('announces on a board connected to one process every call made through the other, in order', async () => {
    const kiosk = { authorization: `Bearer ${province.kioskToken}` };
    const numbers: string[] = [];
    for (let i = 0; i < 10; i++) numbers.push((await post(b, `/api/offices/${OFFICE}/tickets`, { service: 'C' }, kiosk)).body.number);
    const board: Socket = io(`${a}/display`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { officeId: OFFICE } });
    const heard: CallEvent[] = [];
    board.on('called', (call: CallEvent) => heard.push(call));
    await new Promise<void>((resolve, reject) => {
      board.once('state', () => resolve());
      board.once('connect_error', reject);
    });
    const cookie = await signInAt(b);
    const calledNumbers: string[] = [];
    for (let i = 0; i < 10; i++) {
      const called = await post(b, '/api/counters/3/call-next', {}, { cookie });
      expect(called.status).toBe(200);
      calledNumbers.push(called.body.ticket.number);
      await post(b, `/api/tickets/${called.body.ticket.id}/start`, {}, { cookie });
      await post(b, `/api/tickets/${called.body.ticket.id}/complete`, {}, { cookie });
    }
    const until = Date.now() + 10_000;
    while (heard.length < 10 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    board.close();
    expect(calledNumbers).toEqual(numbers);
    expect(heard.map((c) => c.number)).toEqual(calledNumbers);
  }, 60_000);
});
