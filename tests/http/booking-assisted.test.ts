/**
 * Assisted booking: signed-in staff (an office, or a kelurahan helping citizens who cannot book
 * themselves) book on a citizen's behalf; the audit log records who. The staff view of a booking
 * is the only place that shows the full phone number.
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/security/passwords';
import { nikFor, signIn } from '../support/factories';
import { OPEN_TUESDAY, startServer, type TestServer } from '../support/server';
import { expectUnchanged, row, rows, slotAt, sql } from './bookingSupport';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ listen: false });
  const passwordHash = await hashPassword('kelurahan-rahasia-1');
  // A kelurahan helper of the demo office, and a counter clerk of another office.
  await s.store.createUser({ username: 'kel.sukamaju', displayName: 'Kelurahan Sukamaju', passwordHash, role: 'counter', officeId: 'demo' }, s.clock.now());
  sql(s, "INSERT INTO offices (id, name, timezone, created_at) VALUES ('lain', 'Disdukcapil Lain', 'Asia/Makassar', 0)");
  await s.store.createUser({ username: 'petugas.lain', displayName: 'Petugas Lain', passwordHash, role: 'counter', officeId: 'lain' }, s.clock.now());
});
afterAll(() => s.stop());
beforeEach(() => {
  s.db.exec("DELETE FROM notifications; DELETE FROM bookings; DELETE FROM audit_log WHERE action LIKE 'booking.%'; UPDATE slots SET booked = 0;");
  s.clock.set(OPEN_TUESDAY);
});

const citizen = { nik: nikFor(77, true), name: 'Ibu Rahmawati', phone: '0813 2222 3333' };

describe('assisted booking', () => {
  it("books on a citizen's behalf and records who did it in the audit log", async () => {
    const kel = await signIn(s.app, 'kel.sukamaju', 'kelurahan-rahasia-1');
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const res = await kel.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: slot.id, ...citizen });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'booked', date: '2026-11-25', phoneMasked: '+62813••••3333' });
    const userId = row<{ id: number }>(s, "SELECT id FROM users WHERE username = 'kel.sukamaju'").id;
    const audit = rows(s, "SELECT office_id, user_id, action, target, at FROM audit_log WHERE action = 'booking.assisted'");
    expect(audit).toEqual([{ office_id: 'demo', user_id: userId, action: 'booking.assisted', target: res.body.code, at: s.clock.now().toMillis() }]);
    expect(row(s, 'SELECT created_by_user_id AS by FROM bookings WHERE code = ?', res.body.code)).toEqual({ by: userId });
    // The citizen manages it with the code and the NIK's last four digits like any other booking.
    expect((await request(s.app).get(`/api/bookings/${res.body.code}?nik4=${citizen.nik.slice(-4)}`)).status).toBe(200);
  });

  it('a booking made by the citizen leaves no assisted entry', async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...citizen }).expect(201);
    expect(rows(s, "SELECT * FROM audit_log WHERE action = 'booking.assisted'")).toEqual([]);
    expect(row(s, 'SELECT created_by_user_id AS by FROM bookings')).toEqual({ by: null });
  });

  it('applies the same rules (a duplicate is refused) and a refusal writes no audit row', async () => {
    const admin = await signIn(s.app);
    await admin.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, ...citizen }).expect(201);
    const second = await slotAt(s, '2026-11-25', '13:00');
    const dup = await expectUnchanged(s, () => admin.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: second.id, ...citizen }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_BOOKING');
    const bad = await expectUnchanged(s, () =>
      admin.post('/api/offices/demo/assisted-bookings').set('Accept-Language', 'en').send({ service: 'A', slotId: second.id, ...citizen, nik: '1234' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.nik).toBe('A NIK has exactly 16 digits.');
  });

  it('refuses without a session (401) and for staff of another office (403), changing nothing', async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const anon = await expectUnchanged(s, () => request(s.app).post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: slot.id, ...citizen }));
    expect(anon.status).toBe(401);
    const other = await signIn(s.app, 'petugas.lain', 'kelurahan-rahasia-1');
    const forbidden = await expectUnchanged(s, () => other.post('/api/offices/demo/assisted-bookings').send({ service: 'A', slotId: slot.id, ...citizen }));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
  });
});

describe('the staff view of a booking', () => {
  it('shows the name and the full phone number to staff of that office, and audits the reading', async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const { body } = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...citizen }).expect(201);
    const kel = await signIn(s.app, 'kel.sukamaju', 'kelurahan-rahasia-1');
    const res = await kel.get(`/api/offices/demo/bookings/${body.code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: body.code, name: 'Ibu Rahmawati', phone: '+6281322223333', phoneMasked: '+62813••••3333', erased: false });
    expect(JSON.stringify(res.body)).not.toContain(citizen.nik);
    expect(rows(s, "SELECT action, target FROM audit_log WHERE action = 'booking.viewed'")).toEqual([{ action: 'booking.viewed', target: body.code }]);
  });

  it('is closed to the public and to staff of another office', async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const { body } = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...citizen }).expect(201);
    expect((await request(s.app).get(`/api/offices/demo/bookings/${body.code}`)).status).toBe(401);
    const other = await signIn(s.app, 'petugas.lain', 'kelurahan-rahasia-1');
    expect((await other.get(`/api/offices/demo/bookings/${body.code}`)).status).toBe(403);
    expect((await other.get(`/api/offices/lain/bookings/${body.code}`)).status).toBe(404);
  });
});
