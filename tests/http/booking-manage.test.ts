/**
 * Managing a booking with its code and the NIK's last four digits: read, calendar file, cancel,
 * reschedule. Now is Tuesday 2026-11-24 09:30 WIB.
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarFile } from '../../server/http/public/calendarFile';
import { nikFor, person } from '../support/factories';
import { OPEN_TUESDAY, startServer, type TestServer } from '../support/server';
import { book, expectUnchanged, row, slotAt, sql } from './bookingSupport';

let s: TestServer;
beforeAll(async () => (s = await startServer({ listen: false })));
afterAll(() => s.stop());
beforeEach(() => {
  s.db.exec('DELETE FROM notifications; DELETE FROM tickets; DELETE FROM bookings; DELETE FROM closures; UPDATE slots SET booked = 0;');
  s.clock.set(OPEN_TUESDAY);
});

const NIK = nikFor(41);
const NIK4 = NIK.slice(-4);
const holder = { nik: NIK, name: 'Budi Santoso', phone: '+62 857-1234-5678' };

const bookAt = async (date: string, time: string, who = holder, service = 'A') => {
  const res = await book(s, { service, slotId: (await slotAt(s, date, time, service)).id, ...who });
  expect(res.status).toBe(201);
  return res.body as { code: string; slotId: number };
};
const booked = (slotId: number) => row<{ booked: number }>(s, 'SELECT booked FROM slots WHERE id = ?', slotId).booked;

describe('reading a booking', () => {
  it('shows the booking to whoever has the code and the last four digits, in any letter case', async () => {
    const { code } = await bookAt('2026-11-25', '10:00');
    const res = await request(s.app).get(`/api/bookings/${code.toLowerCase()}?nik4=${NIK4}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, status: 'booked', date: '2026-11-25', phoneMasked: '+62857••••5678', nikMasked: `************${NIK4}` });
    expect(JSON.stringify(res.body)).not.toMatch(/Budi|6285712345678/);
  });

  it('answers a wrong nik4 with exactly the same 404 as an unknown code, in both languages', async () => {
    const { code } = await bookAt('2026-11-25', '10:00');
    for (const lang of ['id', 'en']) {
      const wrong = await request(s.app).get(`/api/bookings/${code}?nik4=9999`).set('Accept-Language', lang);
      const unknown = await request(s.app).get(`/api/bookings/ZZZZZZZZ?nik4=${NIK4}`).set('Accept-Language', lang);
      expect(wrong.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.text).toBe(unknown.text);
      expect(wrong.body.error.code).toBe('NOT_FOUND');
    }
    // The cancel and calendar routes answer the same way, and change nothing but the count of wrong tries and its audit (domain/codeAttempts).
    const bookingTables = () => JSON.stringify(['bookings', 'slots', 'notifications', 'tickets'].map((t) => s.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
    const before = bookingTables();
    const cancel = await request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: '9999' });
    expect(bookingTables()).toBe(before);
    const unknownCancel = await request(s.app).post('/api/bookings/ZZZZZZZZ/cancel').send({ nik4: NIK4 });
    expect(cancel.status).toBe(404);
    expect(cancel.body).toEqual(unknownCancel.body);
    expect((await request(s.app).get(`/api/bookings/${code}/calendar.ics?nik4=9999`)).body).toEqual(unknownCancel.body);
  });

  it('refuses a nik4 that is not four digits with 400', async () => {
    const { code } = await bookAt('2026-11-25', '10:00');
    for (const nik4 of ['12', '12345', 'abcd', '']) {
      expect((await request(s.app).get(`/api/bookings/${code}?nik4=${nik4}`)).status).toBe(400);
    }
  });
});

describe('the calendar file', () => {
  it("gives an .ics event at the slot's local time in the office's zone, with what to bring and no personal data", async () => {
    const { code } = await bookAt('2026-11-25', '10:00');
    const res = await request(s.app).get(`/api/bookings/${code}/calendar.ics?nik4=${NIK4}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="giliran-${code}.ics"`);
    const ics = res.text;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;TZID=Asia/Jakarta:20261125T100000\r\n');
    expect(ics).toContain('DTEND;TZID=Asia/Jakarta:20261125T110000\r\n');
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Asia\/Jakarta\r\n[\s\S]*TZOFFSETTO:\+0700\r\nTZNAME:WIB/);
    expect(ics).toContain(`UID:booking-${code}@giliran`);
    expect(ics).toContain('SUMMARY:Pengambilan Dokumen — Disdukcapil Kota Demo');
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('Bawa tanda terima / bukti pengajuan. Wajib masker.');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('DTSTAMP:20261124T023000Z'); // the injected clock, 09:30 WIB
    expect(ics).not.toMatch(new RegExp(`Budi|6285712345678|${NIK}`));
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await request(s.app).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/bookings/{code}/calendar.ics', '/offices/{officeId}/bookings/{code}']));
  });

  it('marks a cancelled booking CANCELLED so that a calendar drops it', async () => {
    const { code } = await bookAt('2026-11-25', '10:00');
    await request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: NIK4 }).expect(200);
    expect((await request(s.app).get(`/api/bookings/${code}/calendar.ics?nik4=${NIK4}`)).text).toContain('STATUS:CANCELLED');
  });

  it('uses the zone of the office, not of the server (an office in Jayapura, WIT)', () => {
    const ics = calendarFile(
      {
        booking: {
          code: 'ABCDEFGH', office: 'jpr', service: 'A', serviceName: 'Legalisir', date: '2026-11-25', slotId: 1, status: 'booked',
          start: '2026-11-24T23:00:00.000Z', end: '2026-11-25T00:00:00.000Z', statusUrl: '/booking/?code=ABCDEFGH', nikMasked: '', phoneMasked: '',
        },
        office: { id: 'jpr', name: 'Disdukcapil Kota Jayapura', timezone: 'Asia/Jayapura' },
        requirements: '',
        requirementsEn: '',
      },
      s.clock.now(),
      'https://giliran.example.go.id/',
    );
    expect(ics).toContain('DTSTART;TZID=Asia/Jayapura:20261125T080000');
    expect(ics).toContain('TZOFFSETTO:+0900\r\nTZNAME:WIT');
    expect(ics).toContain('URL:https://giliran.example.go.id/booking/?code=ABCDEFGH');
  });
});

describe('cancelling', () => {
  it('cancels, returns the place to the slot, and queues a notification', async () => {
    const { code, slotId } = await bookAt('2026-11-25', '10:00');
    expect(booked(slotId)).toBe(1);
    const res = await request(s.app).post(`/api/bookings/${code}/cancel`).set('Accept-Language', 'en').send({ nik4: NIK4 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, status: 'cancelled' });
    expect(booked(slotId)).toBe(0);
    expect(row(s, "SELECT count(*) AS n FROM notifications WHERE template = 'cancelled'")).toEqual({ n: 1 });
    expect((await request(s.app).get(`/api/bookings/${code}?nik4=${NIK4}`)).body.status).toBe('cancelled');
  });

  it('refuses to cancel twice with 409 INVALID_STATE and changes nothing', async () => {
    const { code } = await bookAt('2026-11-25', '10:00');
    await request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: NIK4 }).expect(200);
    const again = await expectUnchanged(s, () => request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: NIK4 }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
  });
});

describe('rescheduling', () => {
  it('moves the booking to another slot: same code, the new place taken, the old one released', async () => {
    const { code, slotId } = await bookAt('2026-11-25', '10:00');
    const target = await slotAt(s, '2026-11-27', '13:00');
    const res = await request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4: NIK4, slotId: target.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, status: 'booked', date: '2026-11-27', slotId: target.id, start: '2026-11-27T13:00:00.000+07:00' });
    expect(booked(slotId)).toBe(0);
    expect(booked(target.id)).toBe(1);
    expect(row(s, "SELECT count(*) AS n FROM notifications WHERE template = 'moved'")).toEqual({ n: 1 });
  });

  it('may move within the same day (its own booking is not a duplicate)', async () => {
    const { code } = await bookAt('2026-11-25', '10:00');
    const later = await slotAt(s, '2026-11-25', '14:00');
    expect((await request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4: NIK4, slotId: later.id })).status).toBe(200);
  });

  it('keeps the old place when the new slot is full, closed, past, or of another service', async () => {
    const { code, slotId } = await bookAt('2026-11-25', '10:00');
    const full = await slotAt(s, '2026-11-26', '10:00');
    sql(s, 'UPDATE slots SET capacity = 1, booked = 1 WHERE id = ?', full.id);
    const attempts: [number, number, string][] = [
      [full.id, 409, 'SLOT_FULL'],
      [(await slotAt(s, '2026-11-24', '08:00')).id, 409, 'SLOT_NOT_BOOKABLE'],
      [(await slotAt(s, '2026-11-24', '10:00')).id, 409, 'SLOT_NOT_BOOKABLE'],
      [(await slotAt(s, '2026-11-26', '10:00', 'B')).id, 404, 'NOT_FOUND'],
    ];
    for (const [target, status, errorCode] of attempts) {
      const res = await expectUnchanged(s, () => request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4: NIK4, slotId: target }));
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(errorCode);
    }
    const closedDay = await slotAt(s, '2026-11-30', '10:00');
    sql(s, "INSERT INTO closures (office_id, from_date, to_date, reason, action, created_at) VALUES ('demo', '2026-11-30', '2026-11-30', 'Libur', 'cancel', 0)");
    const closed = await expectUnchanged(s, () => request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4: NIK4, slotId: closedDay.id }));
    expect(closed.body.error.code).toBe('CLOSED');
    expect(booked(slotId)).toBe(1);
    expect((await request(s.app).get(`/api/bookings/${code}?nik4=${NIK4}`)).body).toMatchObject({ slotId, date: '2026-11-25' });
  });

  it('refuses a move that would give the NIK two bookings of the service that day', async () => {
    const first = await bookAt('2026-11-25', '10:00');
    await bookAt('2026-11-26', '10:00');
    const sameDayAsSecond = await slotAt(s, '2026-11-26', '14:00');
    const res = await expectUnchanged(s, () =>
      request(s.app).post(`/api/bookings/${first.code}/reschedule`).send({ nik4: NIK4, slotId: sameDayAsSecond.id }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DUPLICATE_BOOKING');
  });

  it('refuses to move a cancelled booking, and a wrong nik4 is a 404', async () => {
    const { code } = await bookAt('2026-11-25', '10:00');
    const target = await slotAt(s, '2026-11-27', '13:00');
    expect((await request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4: '9999', slotId: target.id })).status).toBe(404);
    await request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: NIK4 }).expect(200);
    const res = await request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4: NIK4, slotId: target.id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
    expect(booked(target.id)).toBe(0);
  });

  it('refuses a move while the service cannot be booked online (availability shows no bookable slot then)', async () => {
    const { code, slotId } = await bookAt('2026-11-25', '10:00');
    const target = await slotAt(s, '2026-11-27', '13:00');
    sql(s, "UPDATE services SET bookable = 0 WHERE code = 'A'");
    try {
      expect((await slotAt(s, '2026-11-27', '13:00')).bookable).toBe(false);
      const res = await expectUnchanged(s, () => request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4: NIK4, slotId: target.id }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(booked(slotId)).toBe(1);
      // Cancelling stays possible.
      await request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4: NIK4 }).expect(200);
    } finally {
      sql(s, "UPDATE services SET bookable = 1 WHERE code = 'A'");
    }
  });

  it("does not touch other people's bookings", async () => {
    const mine = await bookAt('2026-11-25', '10:00');
    const theirs = await bookAt('2026-11-25', '10:00', person(5));
    const target = await slotAt(s, '2026-11-27', '13:00');
    await request(s.app).post(`/api/bookings/${mine.code}/reschedule`).send({ nik4: NIK4, slotId: target.id }).expect(200);
    expect(booked(theirs.slotId)).toBe(1);
  });
});
