/**
 * One phone number, many made-up NIKs (issue 12): an office's `maxActiveBookingsPerPhone`
 * (default 2) caps the active bookings (booked or checked in, today on) one phone holds there,
 * whatever NIKs it books with; numbers are compared normalised. Now is Tuesday 2026-11-24 09:30 WIB.
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nikFor, signIn } from '../support/factories';
import { OPEN_TUESDAY, startServer, type TestServer } from '../support/server';
import { book, row, slotAt } from './bookingSupport';

let s: TestServer;
// Listening: `book` then goes through the lean lane, as visitors' bookings do.
beforeAll(async () => (s = await startServer()));
afterAll(() => s.stop());
beforeEach(() => {
  s.db.exec('DELETE FROM notifications; DELETE FROM tickets; DELETE FROM bookings; UPDATE slots SET booked = 0; UPDATE offices SET max_active_bookings_per_phone = 2;');
  s.clock.set(OPEN_TUESDAY);
});

const PHONE = '0812-7000-1234';
/** Person n with the shared phone, typed in another way each time (all +6281270001234 once normalised). */
const withPhone = (n: number, phone = [PHONE, '+62 812 7000 1234', '6281270001234', '081270001234'][n % 4]!) =>
  ({ nik: nikFor(80 + n), name: `Warga ${n}`, phone });

const bookAt = async (n: number, time: string, phone?: string, lang = 'id') =>
  book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-25', time)).id, ...withPhone(n, phone) }, lang);

describe('active bookings per phone number', () => {
  it('refuses a third booking with one phone (different NIKs, the number typed differently) with 409 BOOKING_LIMIT', async () => {
    expect((await bookAt(1, '09:00')).status).toBe(201);
    expect((await bookAt(2, '10:00')).status).toBe(201);
    const third = await bookAt(3, '11:00', undefined, 'en');
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({ code: 'BOOKING_LIMIT', message: 'This phone number has reached the limit of 2 active bookings at this office.' });
    const inIndonesian = await bookAt(4, '11:00');
    expect(inIndonesian.body.error.message).toBe('Nomor HP ini sudah mencapai batas 2 reservasi aktif di kantor ini.');
    expect(row<{ n: number }>(s, 'SELECT count(*) AS n FROM bookings').n).toBe(2);
    expect(row<{ booked: number }>(s, 'SELECT booked FROM slots WHERE id = ?', (await slotAt(s, '2026-11-25', '11:00')).id).booked).toBe(0);
  });

  it('takes it once one of the two is cancelled, and a different phone at once', async () => {
    const first = (await bookAt(1, '09:00')).body as { code: string };
    expect((await bookAt(2, '10:00')).status).toBe(201);
    expect((await bookAt(3, '11:00', '0813-9000-5555')).status).toBe(201);
    expect((await bookAt(4, '11:00')).status).toBe(409);
    await request(s.app).post(`/api/bookings/${first.code}/cancel`).send({ nik4: withPhone(1).nik.slice(-4) }).expect(200);
    expect((await bookAt(4, '11:00')).status).toBe(201);
  });

  it('lets a holder at the limit move a booking (it does not count against itself)', async () => {
    const first = (await bookAt(1, '09:00')).body as { code: string };
    expect((await bookAt(2, '10:00')).status).toBe(201);
    const target = (await slotAt(s, '2026-11-26', '13:00')).id;
    const moved = await request(s.app).post(`/api/bookings/${first.code}/reschedule`).send({ nik4: withPhone(1).nik.slice(-4), slotId: target });
    expect(moved.status).toBe(200);
    expect(moved.body.slotId).toBe(target);
  });

  it('applies to assisted (staff) bookings too', async () => {
    const admin = await signIn(s.app);
    expect((await bookAt(1, '09:00')).status).toBe(201);
    expect((await bookAt(2, '10:00')).status).toBe(201);
    const assisted = await admin.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: (await slotAt(s, '2026-11-25', '11:00')).id, ...withPhone(3) });
    expect(assisted.status).toBe(409);
    expect(assisted.body.error.code).toBe('BOOKING_LIMIT');
  });

  it('follows the office setting, which an admin changes with PATCH /api/offices/{officeId} (1–20)', async () => {
    const admin = await signIn(s.app);
    const patched = await admin.patch('/api/offices/demo').send({ maxActiveBookingsPerPhone: 3 });
    expect(patched.status).toBe(200);
    expect(row<{ n: number }>(s, "SELECT max_active_bookings_per_phone AS n FROM offices WHERE id = 'demo'").n).toBe(3);
    expect((await admin.get('/api/offices/demo/admin')).body.office).toMatchObject({ maxActiveBookingsPerPhone: 3 });
    for (const [n, time] of [[1, '09:00'], [2, '10:00'], [3, '11:00']] as const) expect((await bookAt(n, time)).status).toBe(201);
    const fourth = await bookAt(4, '12:00');
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.message).toBe('Nomor HP ini sudah mencapai batas 3 reservasi aktif di kantor ini.');
    for (const bad of [0, 21, 2.5, '3']) expect((await admin.patch('/api/offices/demo').send({ maxActiveBookingsPerPhone: bad })).status).toBe(400);
  });
});
