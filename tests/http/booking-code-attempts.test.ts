/**
 * Guessing a booking code's nik4 (issue 12): five wrong answers within 15 minutes lock the code
 * for 15 minutes on every route that takes nik4 (read, .ics, cancel, reschedule), from any
 * address, even for the right digits; the holder is told once; the tries are audited without
 * the digits; the kiosk check-in (code alone) still works; a per-address limit guards the reads.
 * Now is Tuesday 2026-11-24 09:30 WIB.
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kioskAuth, nikFor } from '../support/factories';
import { OPEN_TUESDAY, startServer, type TestServer } from '../support/server';
import { book, row, slotAt } from './bookingSupport';

let s: TestServer;
beforeAll(async () => (s = await startServer({ listen: false })));
afterAll(() => s.stop());
beforeEach(() => {
  s.db.exec('DELETE FROM notifications; DELETE FROM tickets; DELETE FROM bookings; DELETE FROM code_attempts; DELETE FROM audit_log; UPDATE slots SET booked = 0;');
  s.clock.set(OPEN_TUESDAY);
});

const holder = (n: number) => ({ nik: nikFor(60 + n), name: `Warga ${n}`, phone: `0857-1234-${String(5000 + n)}` });
const nik4Of = (n: number) => holder(n).nik.slice(-4);
const wrong4 = (n: number) => (nik4Of(n) === '7391' ? '8264' : '7391');

const bookFor = async (n: number, date = '2026-11-25', time = '10:00') => {
  const res = await book(s, { service: 'A', slotId: (await slotAt(s, date, time)).id, ...holder(n) });
  expect(res.status).toBe(201);
  return res.body as { code: string; slotId: number };
};

/** Every route that takes nik4, as one try each. */
const tries = (code: string, nik4: string, slotId: number) => ({
  read: () => request(s.app).get(`/api/bookings/${code}?nik4=${nik4}`),
  ics: () => request(s.app).get(`/api/bookings/${code}/calendar.ics?nik4=${nik4}`),
  cancel: () => request(s.app).post(`/api/bookings/${code}/cancel`).send({ nik4 }),
  reschedule: () => request(s.app).post(`/api/bookings/${code}/reschedule`).send({ nik4, slotId }),
});

const wrongFiveTimes = async (code: string, nik4: string) => {
  for (let i = 0; i < 5; i++) {
    const res = await request(s.app).get(`/api/bookings/${code}?nik4=${nik4}`).set('X-Forwarded-For', `10.0.0.${i}`);
    expect(res.status).toBe(404);
  }
};

describe('five wrong nik4 on one code', () => {
  it('lock the code on read, .ics, cancel and reschedule for the right digits too; another code is unaffected', async () => {
    const mine = await bookFor(1);
    const other = await bookFor(2);
    const target = (await slotAt(s, '2026-11-26', '10:00')).id;
    await wrongFiveTimes(mine.code, wrong4(1));

    for (const [route, attempt] of Object.entries(tries(mine.code, nik4Of(1), target))) {
      const res = await attempt();
      expect(res.status, route).toBe(429);
      expect(res.body.error.code, route).toBe('TOO_MANY_ATTEMPTS');
    }
    // The wrong digits too, and in any letter case of the code.
    expect((await request(s.app).get(`/api/bookings/${mine.code.toLowerCase()}?nik4=${wrong4(1)}`)).status).toBe(429);
    // Nothing changed: the booking stays where it was, booked.
    expect(row<{ status: string; slot_id: number }>(s, 'SELECT status, slot_id FROM bookings WHERE code = ?', mine.code)).toEqual({ status: 'booked', slot_id: mine.slotId });

    const others = tries(other.code, nik4Of(2), target);
    expect((await others.read()).status).toBe(200);
    expect((await others.ics()).status).toBe(200);
  });

  it('answer 404 until the fifth, then 429 (the English message says when to try again)', async () => {
    const mine = await bookFor(1);
    for (let i = 1; i <= 5; i++) expect((await request(s.app).post(`/api/bookings/${mine.code}/cancel`).send({ nik4: wrong4(1) })).status).toBe(404);
    const locked = await request(s.app).get(`/api/bookings/${mine.code}?nik4=${nik4Of(1)}`).set('Accept-Language', 'en');
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe('Too many wrong tries for this booking code. Please try again in 15 minutes.');
  });

  it('counted within 15 minutes only: wrong answers spread wider do not lock', async () => {
    const mine = await bookFor(1);
    for (let i = 0; i < 8; i++) {
      expect((await request(s.app).get(`/api/bookings/${mine.code}?nik4=${wrong4(1)}`)).status).toBe(404);
      s.clock.advance({ minutes: 4 });
    }
    expect((await request(s.app).get(`/api/bookings/${mine.code}?nik4=${nik4Of(1)}`)).status).toBe(200);
  });

  it('unlock after 15 minutes: the right digits work again, and the holder can cancel', async () => {
    const mine = await bookFor(1);
    await wrongFiveTimes(mine.code, wrong4(1));
    s.clock.advance({ minutes: 14, seconds: 59 });
    expect((await request(s.app).get(`/api/bookings/${mine.code}?nik4=${nik4Of(1)}`)).status).toBe(429);
    s.clock.advance({ seconds: 1 });
    expect((await request(s.app).get(`/api/bookings/${mine.code}?nik4=${nik4Of(1)}`)).status).toBe(200);
    expect((await request(s.app).post(`/api/bookings/${mine.code}/cancel`).send({ nik4: nik4Of(1) })).body.status).toBe('cancelled');
  });

  it('count an unknown code the same way, so that a lock does not tell which codes exist', async () => {
    for (let i = 0; i < 5; i++) expect((await request(s.app).get('/api/bookings/zzzz2345?nik4=1234')).status).toBe(404);
    const res = await request(s.app).get('/api/bookings/ZZZZ2345?nik4=1234');
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('are audited with code, address and time, never the digits; the holder gets one code_locked message without the NIK', async () => {
    const mine = await bookFor(1);
    await wrongFiveTimes(mine.code, wrong4(1));
    await request(s.app).get(`/api/bookings/${mine.code}?nik4=${wrong4(1)}`).expect(429);
    const audits = s.db.prepare("SELECT office_id, target, detail, at FROM audit_log WHERE action = 'booking.wrong_nik4' ORDER BY id").all() as
      { office_id: string; target: string; detail: string; at: number }[];
    expect(audits).toHaveLength(5);
    expect(audits.map((a) => JSON.parse(a.detail).failures)).toEqual([1, 2, 3, 4, 5]);
    expect(audits[0]).toMatchObject({ office_id: 'demo', target: mine.code, at: Date.parse(OPEN_TUESDAY) });
    expect(audits.map((a) => JSON.parse(a.detail).address)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']);
    expect(JSON.parse(audits[4]!.detail).lockedUntil).toBe(Date.parse(OPEN_TUESDAY) + 15 * 60_000);
    const auditText = JSON.stringify(s.db.prepare('SELECT * FROM audit_log').all());
    expect(auditText).not.toContain(wrong4(1));
    expect(auditText).not.toContain(nik4Of(1));

    const messages = s.db.prepare("SELECT recipient, payload FROM notifications WHERE template = 'code_locked'").all() as { recipient: string; payload: string }[];
    expect(messages).toEqual([{ recipient: '+6285712345001', payload: expect.stringContaining(mine.code) }]);
    expect(messages[0]!.payload).not.toContain(holder(1).nik.slice(-4));
    expect(JSON.parse(messages[0]!.payload)).toMatchObject({ office: 'Disdukcapil Kota Demo', until: '2026-11-24T09:45:00.000+07:00' });
  });

  it('leave the kiosk check-in (the code alone, in person) working', async () => {
    // A server of its own: the ticket it makes stays out of the other tests' tables. Booked early in
    // the morning (a slot closes for booking 30 minutes before it begins), checked in at 09:30.
    const kiosk = await startServer({ listen: false, now: '2026-11-24T07:00:00.000+07:00' });
    try {
      const made = await book(kiosk, { service: 'A', slotId: (await slotAt(kiosk, '2026-11-24', '10:00')).id, ...holder(1) });
      const { code } = made.body as { code: string };
      kiosk.clock.set(OPEN_TUESDAY);
      for (let i = 0; i < 5; i++) expect((await request(kiosk.app).get(`/api/bookings/${code}?nik4=${wrong4(1)}`)).status).toBe(404);
      expect((await request(kiosk.app).get(`/api/bookings/${code}?nik4=${nik4Of(1)}`)).status).toBe(429);
      const res = await request(kiosk.app).post('/api/offices/demo/check-ins').set(kioskAuth(kiosk.kioskToken)).send({ code });
      expect(res.status).toBe(201);
      expect(row<{ status: string }>(kiosk, 'SELECT status FROM bookings WHERE code = ?', code).status).toBe('checked_in');
    } finally {
      await kiosk.stop();
    }
  });
});

describe('the retention job', () => {
  it('forgets the counts whose window has passed and whose lock has ended, and keeps the others', async () => {
    const locked = await bookFor(1);
    const lately = await bookFor(2);
    await wrongFiveTimes(locked.code, wrong4(1));
    s.clock.advance({ minutes: 10 });
    await request(s.app).get(`/api/bookings/${lately.code}?nik4=${wrong4(2)}`).expect(404);
    const counted = () => (s.db.prepare('SELECT code FROM code_attempts ORDER BY code').all() as { code: string }[]).map((r) => r.code);
    expect(counted()).toEqual([locked.code, lately.code].sort());
    // 14 minutes after the lock began: it still holds.
    s.clock.advance({ minutes: 4 });
    await s.store.eraseExpiredPersonalData(s.clock.now(), 30);
    expect(counted()).toEqual([locked.code, lately.code].sort());
    // The lock has ended; the other code's window (begun 10 minutes in) has 11 minutes to run.
    s.clock.advance({ minutes: 1 });
    await s.store.eraseExpiredPersonalData(s.clock.now(), 30);
    expect(counted()).toEqual([lately.code]);
    expect((await request(s.app).get(`/api/bookings/${locked.code}?nik4=${nik4Of(1)}`)).status).toBe(200);
  });
});

describe('the per-address limit on booking reads', () => {
  it('answers 429 RATE_LIMITED past RATE_LIMIT_BOOKING_READS_PER_MINUTE reads from one address', async () => {
    const limited = await startServer({ listen: false, config: { bookingReadRateLimit: 3 } });
    try {
      const res = await book(limited, { service: 'A', slotId: (await slotAt(limited, '2026-11-25', '10:00')).id, ...holder(1) });
      const { code } = res.body as { code: string };
      expect((await request(limited.app).get(`/api/bookings/${code}?nik4=${nik4Of(1)}`)).status).toBe(200);
      expect((await request(limited.app).get(`/api/bookings/${code}/calendar.ics?nik4=${nik4Of(1)}`)).status).toBe(200);
      expect((await request(limited.app).get(`/api/bookings/${code}?nik4=${nik4Of(1)}`)).status).toBe(200);
      const fourth = await request(limited.app).get(`/api/bookings/${code}/calendar.ics?nik4=${nik4Of(1)}`);
      expect(fourth.status).toBe(429);
      expect(fourth.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });
});
