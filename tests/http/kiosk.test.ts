import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskAuth, person, signIn } from '../support/factories';
import { OPEN_TUESDAY, startServer, type TestServer } from '../support/server';

const ticketCount = (s: TestServer) => (s.db.prepare('select count(*) as n from tickets').get() as { n: number }).n;

/** Books a place in the first bookable slot of `service` on `date` whose start passes `accept`. */
const bookOn = async (s: TestServer, date: string, n: number, accept: (start: string) => boolean = () => true, service = 'A') => {
  const days = await request(s.app).get(`/api/offices/demo/availability?service=${service}&from=${date}&days=1`);
  const slot = days.body[0].slots.find((sl: { bookable: boolean; start: string }) => sl.bookable && accept(sl.start));
  if (!slot) throw new Error(`no bookable slot on ${date}`);
  const who = person(n);
  const res = await request(s.app).post('/api/offices/demo/bookings').send({ service, slotId: slot.id, ...who });
  expect(res.status).toBe(201);
  return { code: res.body.code as string, nik4: who.nik.slice(-4), slot };
};

describe('the kiosk issues walk-in tickets within the daily quota', () => {
  let s: TestServer;
  beforeEach(async () => (s = await startServer({ listen: false })));
  afterEach(() => s.stop());

  it('issues C tickets until its quota of 20 is used up, then refuses with 409 QUOTA_EXHAUSTED and changes nothing', async () => {
    const kiosk = kioskAuth(s.kioskToken);
    for (let i = 1; i <= 20; i++) {
      const res = await request(s.app).post('/api/offices/demo/tickets').set(kiosk).send({ service: 'C' });
      expect(res.status).toBe(201);
      expect(res.body.number).toBe(`C${String(i).padStart(3, '0')}`);
    }
    const before = ticketCount(s);
    const refused = await request(s.app).post('/api/offices/demo/tickets').set(kiosk).send({ service: 'C' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('QUOTA_EXHAUSTED');
    expect(refused.body.error.message).toMatch(/kuota/i);
    const english = await request(s.app).post('/api/offices/demo/tickets').set(kiosk).set('Accept-Language', 'en').send({ service: 'C', priority: 'elderly' });
    expect(english.status).toBe(409);
    expect(english.body.error.message).toMatch(/quota/i);
    expect(ticketCount(s)).toBe(before);

    const office = await request(s.app).get('/api/offices/demo');
    const c = office.body.services.find((sv: { code: string }) => sv.code === 'C');
    expect(c.walkInRemaining).toBe(0);
    const state = await request(s.app).get('/api/kiosk/state').set(kiosk);
    expect(state.body.services.find((sv: { code: string }) => sv.code === 'C').unavailable).toEqual({ code: 'QUOTA_EXHAUSTED' });

    // Other services are unaffected, and the quota is per local day: tomorrow C issues again from C001.
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kiosk).send({ service: 'A' })).status).toBe(201);
    s.clock.set('2026-11-25T08:05:00.000+07:00');
    const tomorrow = await request(s.app).post('/api/offices/demo/tickets').set(kiosk).send({ service: 'C' });
    expect(tomorrow.status).toBe(201);
    expect(tomorrow.body.number).toBe('C001');
  });

  it('refuses a walk-in outside opening hours with 409 CLOSED and the hours', async () => {
    s.clock.set('2026-11-24T15:10:00.000+07:00');
    const res = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CLOSED');
    expect(res.body.error.message).toContain('08.00–15.00');
  });
});

describe('room capacity: tickets past it wait outside until earlier visitors are served', () => {
  let s: TestServer;
  beforeEach(async () => (s = await startServer({ listen: false })));
  afterEach(() => s.stop());

  it('makes the 31st ticket of a 30-place room wait outside, and admits it once an earlier ticket is done', async () => {
    const kiosk = kioskAuth(s.kioskToken);
    const issued = [];
    for (let i = 0; i < 30; i++) {
      s.clock.advance({ seconds: 10 });
      const res = await request(s.app).post('/api/offices/demo/tickets').set(kiosk).send({ service: i % 2 ? 'B' : 'A' });
      expect(res.body.waitOutside).toBe(false);
      issued.push(res.body);
    }
    expect((await request(s.app).get('/api/kiosk/state').set(kiosk)).body).toMatchObject({ roomCapacity: 30, inside: 30, roomFull: true });
    s.clock.advance({ seconds: 10 });
    // Three counters serve A and two serve B (rule 8: the room follows the call order), so the
    // last B tickets will be called last: a 31st B ticket waits outside.
    const outside = (await request(s.app).post('/api/offices/demo/tickets').set(kiosk).send({ service: 'B' })).body;
    expect(outside).toMatchObject({ number: 'B016', waitOutside: true, status: 'waiting' });
    s.clock.advance({ seconds: 10 });
    const later = (await request(s.app).post('/api/offices/demo/tickets').set(kiosk).send({ service: 'B' })).body;
    expect(later.waitOutside).toBe(true);

    // Calling a visitor does not free a place (they are still inside, at the counter); finishing does.
    const staff = await signIn(s.app);
    const called = (await staff.post('/api/counters/1/call-next')).body.ticket;
    expect(called.number).toBe('A001');
    expect((await request(s.app).get(`/api/tickets/${outside.id}`)).body.waitOutside).toBe(true);
    await staff.post(`/api/tickets/${called.id}/start`);
    expect((await staff.post(`/api/tickets/${called.id}/complete`)).status).toBe(200);

    expect((await request(s.app).get(`/api/tickets/${outside.id}`)).body.waitOutside).toBe(false);
    expect((await request(s.app).get(`/api/tickets/${later.id}`)).body.waitOutside).toBe(true);
    const board = await s.store.boardState('demo', s.clock.now());
    expect(board.admitted).toContain('B016');
    expect(board.admitted).not.toContain(later.number);

    // A no-show frees a place too: the next one outside comes in.
    const second = (await staff.post('/api/counters/2/call-next')).body.ticket;
    expect((await staff.post(`/api/tickets/${second.id}/no-show`)).status).toBe(200);
    expect((await request(s.app).get(`/api/tickets/${later.id}`)).body.waitOutside).toBe(false);
  });
});

describe('booking check-in at the kiosk', () => {
  let s: TestServer;
  // Bookings are made early in the morning (a slot closes for booking 30 minutes before it begins).
  beforeEach(async () => (s = await startServer({ listen: false, now: '2026-11-24T07:00:00.000+07:00' })));
  afterEach(() => s.stop());
  const checkIn = (code: string, lang = 'id') =>
    request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).set('Accept-Language', lang).send({ code });

  it("turns today's booking into a ticket, typed in lower case with spaces around it", async () => {
    const booking = await bookOn(s, '2026-11-24', 1, (start) => start.includes('T10:00'));
    s.clock.set(OPEN_TUESDAY);
    const res = await checkIn(`  ${booking.code.toLowerCase()} `);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'A001', status: 'waiting', waitOutside: false, statusUrl: `/t/${res.body.id}` });
    expect(JSON.stringify(res.body)).not.toMatch(/Warga|3174|0812/);
  });

  it('refuses an unknown code with 404 NOT_FOUND', async () => {
    const res = await checkIn('ZZZZ9999');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(ticketCount(s)).toBe(0);
  });

  it('refuses a cancelled booking with 409 BOOKING_CANCELLED', async () => {
    const booking = await bookOn(s, '2026-11-24', 2, (start) => start.includes('T10:00'));
    s.clock.set(OPEN_TUESDAY);
    expect((await request(s.app).post(`/api/bookings/${booking.code}/cancel`).send({ nik4: booking.nik4 })).status).toBe(200);
    const res = await checkIn(booking.code);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('BOOKING_CANCELLED');
    expect(res.body.error.message).toMatch(/dibatalkan/);
    expect(ticketCount(s)).toBe(0);
  });

  it("refuses another day's booking with 409 WRONG_DAY naming its date, and leaves it booked", async () => {
    const booking = await bookOn(s, '2026-11-26', 3);
    s.clock.set(OPEN_TUESDAY);
    const res = await checkIn(booking.code);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('WRONG_DAY');
    expect(res.body.error.message).toContain('2026-11-26');
    expect((await checkIn(booking.code, 'en')).body.error.message).toBe('This booking is for 2026-11-26, not today.');
    expect((await request(s.app).get(`/api/bookings/${booking.code}?nik4=${booking.nik4}`)).body.status).toBe('booked');
    expect(ticketCount(s)).toBe(0);
  });

  it('refuses a check-in before the window (30 minutes before the slot) or after the slot with 409 OUTSIDE_WINDOW', async () => {
    const booking = await bookOn(s, '2026-11-24', 4, (start) => start.includes('T13:00'));
    s.clock.set(OPEN_TUESDAY);
    const early = await checkIn(booking.code);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('OUTSIDE_WINDOW');
    expect(early.body.error.message).toBe('Check-in untuk reservasi ini dibuka pukul 12:30 sampai 14:00.');
    s.clock.set('2026-11-24T14:00:01.000+07:00');
    expect((await checkIn(booking.code)).body.error.code).toBe('OUTSIDE_WINDOW');
    expect(ticketCount(s)).toBe(0);
    s.clock.set('2026-11-24T12:30:00.000+07:00');
    expect((await checkIn(booking.code)).status).toBe(201);
  });

  it('refuses a second check-in of the same booking with 409 ALREADY_CHECKED_IN', async () => {
    const booking = await bookOn(s, '2026-11-24', 5, (start) => start.includes('T10:00'));
    s.clock.set(OPEN_TUESDAY);
    expect((await checkIn(booking.code)).status).toBe(201);
    const again = await checkIn(booking.code);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_CHECKED_IN');
    expect(ticketCount(s)).toBe(1);
  });
});

describe('only a paired kiosk of the office issues tickets', () => {
  let s: TestServer;
  beforeEach(async () => (s = await startServer({ listen: false, now: OPEN_TUESDAY })));
  afterEach(() => s.stop());

  it('refuses a request without a token, or with an unknown or revoked token, with 401 UNAUTHENTICATED', async () => {
    const none = await request(s.app).post('/api/offices/demo/tickets').send({ service: 'A' });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    const wrong = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth('not-a-real-token')).send({ service: 'A' });
    expect(wrong.status).toBe(401);
    const basic = await request(s.app).post('/api/offices/demo/check-ins').set('Authorization', `Basic ${s.kioskToken}`).send({ code: 'ABCD2345' });
    expect(basic.status).toBe(401);
    expect((await request(s.app).get('/api/kiosk/me').set(kioskAuth('nope'))).status).toBe(401);
    expect((await request(s.app).get('/api/kiosk/state')).status).toBe(401);

    s.db.prepare('update kiosks set revoked_at = ?').run(s.clock.now().toMillis());
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' })).status).toBe(401);
    expect(ticketCount(s)).toBe(0);
  });

  it("refuses a kiosk of another office with 403 FORBIDDEN, and its state shows only its own office", async () => {
    s.db.prepare("insert into offices (id, name, timezone, created_at) values ('lain', 'Disdukcapil Kabupaten Lain', 'Asia/Makassar', 0)").run();
    const other = await s.store.createKiosk('lain', 'Kiosk Lain', null, s.clock.now());
    const res = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(other.token)).send({ service: 'A' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(other.token)).send({ code: 'ABCD2345' })).status).toBe(403);
    expect(ticketCount(s)).toBe(0);
    expect((await request(s.app).get('/api/kiosk/me').set(kioskAuth(other.token))).body).toMatchObject({ officeId: 'lain', name: 'Kiosk Lain' });
    const state = await request(s.app).get('/api/kiosk/state').set(kioskAuth(other.token));
    expect(state.body.office).toEqual({ id: 'lain', name: 'Disdukcapil Kabupaten Lain', timezone: 'Asia/Makassar' });
    expect(state.body.services).toEqual([]);
    expect(s.db.prepare("select * from tickets where office_id = 'demo'").all()).toEqual([]);
  });
});

describe('without KTP-el blanko the recording service stops at the kiosk and offers a suket', () => {
  let s: TestServer;
  beforeEach(async () => (s = await startServer({ listen: false })));
  afterEach(() => s.stop());

  it('shows service C closed with the suket reason and refuses its walk-ins with 409 BLANKO_EMPTY', async () => {
    const kiosk = kioskAuth(s.kioskToken);
    s.db.prepare("update offices set blanko_stock = 0 where id = 'demo'").run();
    const state = await request(s.app).get('/api/kiosk/state').set(kiosk);
    const c = state.body.services.find((x: { code: string }) => x.code === 'C');
    expect(c.unavailable).toEqual({ code: 'CLOSED', reason: expect.stringContaining('suket') });
    expect(state.body.services.find((x: { code: string }) => x.code === 'A').unavailable).toBeUndefined();
    const before = ticketCount(s);
    const refused = await request(s.app).post('/api/offices/demo/tickets').set(kiosk).send({ service: 'C' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('BLANKO_EMPTY');
    expect(refused.body.error.message).toContain('suket');
    expect(ticketCount(s)).toBe(before);
  });
});
