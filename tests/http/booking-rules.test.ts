/**
 * Every booking rule and refusal of POST /api/offices/{id}/bookings, each checked to leave the
 * database unchanged. Now is Tuesday 2026-11-24 09:30 WIB (Asia/Jakarta).
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nikFor, person, signIn } from '../support/factories';
import { OPEN_TUESDAY, startServer, type TestServer } from '../support/server';
import { book, expectUnchanged, row, slotAt, sql } from './bookingSupport';

let s: TestServer;
// Listening: `book` then goes through the lean lane, as visitors' bookings do.
beforeAll(async () => (s = await startServer()));
afterAll(() => s.stop());
beforeEach(() => {
  // Each test starts from an empty booking book and the seeded office rules.
  s.db.exec(`DELETE FROM notifications; DELETE FROM tickets; DELETE FROM bookings; DELETE FROM closures;
    UPDATE slots SET booked = 0; UPDATE offices SET booking_horizon_days = 14, max_active_bookings_per_nik = 3, one_per_service_per_day = 1;
    UPDATE offices SET max_active_bookings_per_phone = 20; -- these tests book with one phone: the per-phone limit kept out of the per-NIK rules' way
    UPDATE services SET bookable = 1;`);
  s.clock.set(OPEN_TUESDAY);
});

const VALID = { nik: nikFor(1), name: 'Siti Aminah', phone: '0812-3456-7890' };
const NIK4 = VALID.nik.slice(-4);

describe('the NIK is checked for its structure, in Indonesian and English', () => {
  const badNiks: [string, string][] = [
    ['letters', '31740117089A0001'],
    ['15 digits', '317401170890001'],
    ['17 digits', '31740117089000011'],
    ['empty', ''],
    ['unknown province 00', '0074011708900001'],
    ['unknown province 20', '2074011708900001'],
    ['unknown province 99', '9974011708900001'],
    ['regency 00', '3100011708900001'],
    ['district 00', '3174001708900001'],
    ['day 00', '3174010008900001'],
    ['day 32', '3174013208900001'],
    ['day 40 (neither a man nor a woman)', '3174014008900001'],
    ['woman day 72', '3174017208900001'],
    ['month 00', '3174011700900001'],
    ['month 13', '3174011713900001'],
    ['31 April', '3174013104900001'],
    ['29 February 2001', '3174012902010001'],
    ['born after today (25 Dec 2026)', '3174012512260001'],
    ['serial 0000', '3174011708900000'],
  ];

  it.each(badNiks)('refuses a NIK with %s: 400 VALIDATION with fields.nik, nothing stored', async (_what, nik) => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const [id, en] = await expectUnchanged(s, async () => [
      await book(s, { service: 'A', slotId: slot.id, ...VALID, nik }),
      await book(s, { service: 'A', slotId: slot.id, ...VALID, nik }, 'en'),
    ]);
    for (const res of [id!, en!]) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(res.body.error.fields.nik).toEqual(expect.any(String));
    }
    expect(id!.body.error.fields.nik).not.toBe(en!.body.error.fields.nik);
    expect(id!.body.error.fields.nik).toMatch(/NIK/);
    expect(en!.body.error.fields.nik).toMatch(/NIK/);
    expect(en!.body.error.message).toBe('The submitted data is not valid.');
    expect(id!.body.error.message).toBe('Data yang dikirim tidak valid.');
  });

  it('names the problem: length, digits, province, region, birth date, serial', async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const en = async (nik: string) => (await book(s, { service: 'A', slotId: slot.id, ...VALID, nik }, 'en')).body.error.fields.nik;
    expect(await en('317401170890001')).toBe('A NIK has exactly 16 digits.');
    expect(await en('31740117089A0001')).toBe('A NIK contains digits only.');
    expect(await en('2074011708900001')).toBe('The province code of this NIK is unknown.');
    expect(await en('3100011708900001')).toBe('The regency or district code of this NIK is not valid.');
    expect(await en('3174013208900001')).toBe('The birth date in this NIK is not valid.');
    expect(await en('3174012512260001')).toBe('The birth date in this NIK lies in the future.');
    expect(await en('3174011708900000')).toBe('The serial number of a NIK cannot be 0000.');
    expect((await book(s, { service: 'A', slotId: slot.id, ...VALID, nik: '3174011708900000' })).body.error.fields.nik).toBe(
      'Nomor urut pada NIK tidak boleh 0000.',
    );
  });

  it("accepts a woman's NIK (day + 40) and a NIK typed with spaces or dots; stores only its hash and last four digits", async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const res = await book(s, { service: 'A', slotId: slot.id, ...VALID, nik: '3174 0157 0890 0042' });
    expect(res.status).toBe(201);
    expect(res.body.nikMasked).toBe('************0042');
    const stored = row<{ nik_hash: string; nik_last4: string }>(s, 'SELECT nik_hash, nik_last4 FROM bookings WHERE code = ?', res.body.code);
    expect(stored.nik_last4).toBe('0042');
    expect(stored.nik_hash).toMatch(/^[0-9a-f]{64}$/);
    const dotted = await book(s, { service: 'B', slotId: (await slotAt(s, '2026-11-25', '09:00', 'B')).id, ...VALID, nik: '3174.0157.0890.0042' });
    expect(dotted.status).toBe(201);
  });

  it('refuses a missing NIK, a one-letter name and a missing body with field messages', async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const noNik = await expectUnchanged(s, () => book(s, { service: 'A', slotId: slot.id, name: 'Siti', phone: '08123456789' }));
    expect(noNik.status).toBe(400);
    expect(noNik.body.error.fields.nik).toBe('Wajib diisi.');
    const shortName = await expectUnchanged(s, () => book(s, { service: 'A', slotId: slot.id, ...VALID, name: ' S ' }, 'en'));
    expect(shortName.status).toBe(400);
    expect(shortName.body.error.fields.name).toBe('Too short (at least 2 characters).');
    const empty = await expectUnchanged(s, () => book(s, {}));
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.fields).sort()).toEqual(['name', 'nik', 'phone', 'service', 'slotId']);
  });
});

describe('the WhatsApp number is accepted as people type it and stored in E.164', () => {
  it.each([
    ['0812-3456-7890'],
    ['0812 3456 7890'],
    ['+62 812-3456-7890'],
    ['+6281234567890'],
    ['62 812 3456 7890'],
    ['6281234567890'],
  ])('accepts %s', async (phone) => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const res = await book(s, { service: 'A', slotId: slot.id, ...VALID, phone });
    expect(res.status).toBe(201);
    expect(res.body.phoneMasked).toBe('+62812••••7890');
    expect(row<{ phone: string }>(s, 'SELECT phone FROM bookings WHERE code = ?', res.body.code).phone).toBe('+6281234567890');
  });

  it.each([['12345'], ['021-555-1234 (a landline)'], ['+1 202 555 0100'], ['0812'], ['08123456789012345']])('refuses %s', async (phone) => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const res = await expectUnchanged(s, () => book(s, { service: 'A', slotId: slot.id, ...VALID, phone }, 'en'));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.phone).toBe('Not a valid mobile number (e.g. 0812-3456-7890).');
  });
});

describe('one active booking per NIK per service per day', () => {
  it('refuses a second booking of the same service on the same day with 409 DUPLICATE_BOOKING', async () => {
    const first = await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, ...VALID });
    expect(first.status).toBe(201);
    const other = await slotAt(s, '2026-11-25', '13:00');
    const res = await expectUnchanged(s, () => book(s, { service: 'A', slotId: other.id, ...VALID, phone: '0813-1111-2222' }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DUPLICATE_BOOKING');
    expect(res.body.error.message).toMatch(/NIK ini sudah memiliki reservasi aktif/);
  });

  it('allows another service that day, the same service another day, and the same slot again after cancelling', async () => {
    const first = await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, ...VALID });
    expect((await book(s, { service: 'B', slotId: (await slotAt(s, '2026-11-25', '09:00', 'B')).id, ...VALID })).status).toBe(201);
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-26', '09:00')).id, ...VALID })).status).toBe(201);
    await request(s.app).post(`/api/bookings/${first.body.code}/cancel`).send({ nik4: NIK4 }).expect(200);
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-25', '11:00')).id, ...VALID })).status).toBe(201);
  });

  it('is the office setting: with one_per_service_per_day off, a second booking that day is allowed', async () => {
    sql(s, 'UPDATE offices SET one_per_service_per_day = 0');
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, ...VALID })).status).toBe(201);
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-25', '10:00')).id, ...VALID })).status).toBe(201);
  });
});

describe('a limit of active bookings per NIK', () => {
  it('refuses the fourth active booking with 409 BOOKING_LIMIT (limit 3)', async () => {
    for (const date of ['2026-11-25', '2026-11-26', '2026-11-27']) {
      expect((await book(s, { service: 'A', slotId: (await slotAt(s, date, '09:00')).id, ...VALID })).status).toBe(201);
    }
    const fourth = await slotAt(s, '2026-11-30', '09:00');
    const res = await expectUnchanged(s, () => book(s, { service: 'A', slotId: fourth.id, ...VALID }, 'en'));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'BOOKING_LIMIT', message: 'This NIK has reached the limit of 3 active bookings.' });
    // Another person is not affected.
    expect((await book(s, { service: 'A', slotId: fourth.id, ...person(7) })).status).toBe(201);
  });

  it('counts neither cancelled bookings nor bookings of past days', async () => {
    const codes: string[] = [];
    for (const date of ['2026-11-25', '2026-11-26', '2026-11-27']) {
      codes.push((await book(s, { service: 'A', slotId: (await slotAt(s, date, '09:00')).id, ...VALID })).body.code);
    }
    await request(s.app).post(`/api/bookings/${codes[0]}/cancel`).send({ nik4: NIK4 }).expect(200);
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-30', '09:00')).id, ...VALID })).status).toBe(201);
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-12-01', '09:00')).id, ...VALID })).status).toBe(409);
    // Two days later the bookings of the 25th and 26th lie in the past and no longer count.
    s.clock.set('2026-11-27T07:00:00.000+07:00');
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-12-01', '09:00')).id, ...VALID })).status).toBe(201);
  });

  it('follows the office setting', async () => {
    sql(s, 'UPDATE offices SET max_active_bookings_per_nik = 1');
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, ...VALID })).status).toBe(201);
    const res = await book(s, { service: 'B', slotId: (await slotAt(s, '2026-11-26', '09:00', 'B')).id, ...VALID });
    expect(res.body.error).toMatchObject({ code: 'BOOKING_LIMIT', message: 'NIK ini sudah mencapai batas 1 reservasi aktif.' });
  });
});

describe('no booking of a past slot, past the horizon, or after the cut-off: 409 SLOT_NOT_BOOKABLE', () => {
  it('refuses a slot that has begun (08:00 today) and one that has ended', async () => {
    for (const time of ['08:00', '09:00']) {
      const slot = await slotAt(s, '2026-11-24', time);
      expect(slot.bookable).toBe(false);
      const res = await expectUnchanged(s, () => book(s, { service: 'A', slotId: slot.id, ...VALID }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('SLOT_NOT_BOOKABLE');
    }
  });

  it('refuses a slot within the 30-minute cut-off (10:00 at 09:30) and accepts it one minute earlier', async () => {
    const slot = await slotAt(s, '2026-11-24', '10:00');
    const res = await expectUnchanged(s, () => book(s, { service: 'A', slotId: slot.id, ...VALID }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SLOT_NOT_BOOKABLE');
    s.clock.set('2026-11-24T09:29:00.000+07:00');
    expect((await book(s, { service: 'A', slotId: slot.id, ...VALID })).status).toBe(201);
  });

  it('refuses a slot beyond the booking horizon (horizon cut to 3 days: today, 25th, 26th)', async () => {
    const beyond = await slotAt(s, '2026-11-27', '09:00');
    sql(s, 'UPDATE offices SET booking_horizon_days = 3');
    const res = await expectUnchanged(s, () => book(s, { service: 'A', slotId: beyond.id, ...VALID }, 'en'));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SLOT_NOT_BOOKABLE');
    expect(res.body.error.message).toMatch(/beyond the booking horizon/);
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-26', '14:00')).id, ...VALID })).status).toBe(201);
  });
});

describe('closed days and full slots', () => {
  it('refuses a slot on a day the service is closed with 409 CLOSED and the reason', async () => {
    const slot = await slotAt(s, '2026-11-26', '09:00');
    const admin = await signIn(s.app);
    await admin.post('/api/offices/demo/closures').send({ from: '2026-11-26', to: '2026-11-26', reason: 'Petugas sakit / Staff ill' }).expect(201);
    const res = await expectUnchanged(s, () => book(s, { service: 'A', slotId: slot.id, ...VALID }));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CLOSED', message: 'Layanan tutup: Petugas sakit / Staff ill' });
    const day = (await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-26&days=1')).body[0];
    expect(day).toMatchObject({ date: '2026-11-26', closed: true, reason: 'Petugas sakit / Staff ill', slots: [] });
  });

  it('a closure of one service leaves the others bookable', async () => {
    const admin = await signIn(s.app);
    await admin.post('/api/offices/demo/closures').send({ from: '2026-11-25', service: 'C', reason: 'Perekaman dihentikan sementara' }).expect(201);
    const c = await slotAt(s, '2026-11-30', '09:00', 'C').catch(() => undefined);
    expect(c).toBeUndefined(); // a closed day lists no slots
    expect((await book(s, { service: 'A', slotId: (await slotAt(s, '2026-11-30', '09:00')).id, ...VALID })).status).toBe(201);
  });

  it('fills a slot to its capacity, then refuses with 409 SLOT_FULL', async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00', 'C'); // capacity 5
    for (let n = 1; n <= 5; n++) expect((await book(s, { service: 'C', slotId: slot.id, ...person(n) })).status).toBe(201);
    const res = await expectUnchanged(s, () => book(s, { service: 'C', slotId: slot.id, ...person(6) }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SLOT_FULL');
    expect(row<{ booked: number }>(s, 'SELECT booked FROM slots WHERE id = ?', slot.id).booked).toBe(5);
    expect((await slotAt(s, '2026-11-25', '09:00', 'C'))).toMatchObject({ booked: 5, remaining: 0, bookable: false });
  });

  it('refuses a service that cannot be booked online, an unknown slot, a slot of another service and an unknown office', async () => {
    const b = await slotAt(s, '2026-11-25', '09:00', 'B');
    sql(s, "UPDATE services SET bookable = 0 WHERE code = 'B'");
    const offline = await expectUnchanged(s, () => book(s, { service: 'B', slotId: b.id, ...VALID }));
    expect(offline.status).toBe(409);
    expect(offline.body.error.code).toBe('SERVICE_UNAVAILABLE');
    sql(s, "UPDATE services SET bookable = 1 WHERE code = 'B'");
    expect((await expectUnchanged(s, () => book(s, { service: 'A', slotId: 999_999, ...VALID }))).status).toBe(404);
    expect((await expectUnchanged(s, () => book(s, { service: 'A', slotId: b.id, ...VALID }))).status).toBe(404);
    const unknownService = await expectUnchanged(s, () => book(s, { service: 'Z', slotId: b.id, ...VALID }));
    expect(unknownService.status).toBe(400);
    expect(unknownService.body.error.fields.service).toBe('Layanan tidak dikenal.');
    const office = await expectUnchanged(s, () => request(s.app).post('/api/offices/nowhere/bookings').send({ service: 'A', slotId: b.id, ...VALID }));
    expect(office.status).toBe(404);
  });
});

describe('a successful booking', () => {
  it('answers 201 with the code, slot and masked personal data, and queues the WhatsApp confirmation', async () => {
    const slot = await slotAt(s, '2026-11-25', '09:00');
    const res = await book(s, { service: 'A', slotId: slot.id, ...VALID });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      office: 'demo', service: 'A', serviceName: 'Pengambilan Dokumen', date: '2026-11-25', status: 'booked',
      start: '2026-11-25T09:00:00.000+07:00', end: '2026-11-25T10:00:00.000+07:00', slotId: slot.id,
      nikMasked: `************${NIK4}`, phoneMasked: '+62812••••7890', statusUrl: `/booking/?code=${res.body.code}`,
    });
    expect(res.body.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`Siti|6281234567890|${VALID.nik}`));
    const queued = row<{ template: string; recipient: string; payload: string }>(s, 'SELECT template, recipient, payload FROM notifications');
    expect(queued).toMatchObject({ template: 'booked', recipient: '+6281234567890' });
    expect(queued.payload).not.toMatch(new RegExp(`${VALID.nik}|Siti`));
    expect((await slotAt(s, '2026-11-25', '09:00')).booked).toBe(1);
  });
});

describe('the quick refusal of a full slot (the precheck remembers a slot until the database changes)', () => {
  it('books a place at once when another process frees it or raises the capacity', async () => {
    const slot = await slotAt(s, '2026-11-25', '10:00');
    // The test's own connection stands for another process: its commits must be seen at the next attempt.
    sql(s, 'UPDATE slots SET booked = capacity WHERE id = ?', slot.id);
    for (let i = 0; i < 3; i++) expect((await book(s, { service: 'A', slotId: slot.id, ...VALID })).body.error.code).toBe('SLOT_FULL');
    sql(s, 'UPDATE slots SET booked = capacity - 1 WHERE id = ?', slot.id);
    expect((await book(s, { service: 'A', slotId: slot.id, ...VALID })).status).toBe(201);
    expect((await book(s, { service: 'A', slotId: slot.id, ...{ ...VALID, nik: nikFor(2), phone: '0812-3456-0002' } })).body.error.code).toBe('SLOT_FULL');
    sql(s, 'UPDATE slots SET capacity = capacity + 1 WHERE id = ?', slot.id);
    expect((await book(s, { service: 'A', slotId: slot.id, ...{ ...VALID, nik: nikFor(2), phone: '0812-3456-0002' } })).status).toBe(201);
  });
});
