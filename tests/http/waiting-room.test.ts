/**
 * The release draw and waiting room over real HTTP on both engines (API.md "Release and waiting
 * room"). The demo office releases, each day at 10:00 WIB, the day 7 days ahead: on Tuesday
 * 2026-11-24 the room for Tuesday 2026-12-01 opens at 09:45, the day at 10:00. That day is given
 * 28 places (service A, 7 slots of 4).
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawOrder } from '../../server/domain/waitingRoom';
import { manyNik, signIn } from '../support/factories';
import { ENGINES, type EngineServer } from '../support/engines';
import { spearman } from '../support/rankCorrelation';

const DAY = '2026-12-01';
const PLACES = 28;
const at = (time: string) => `2026-11-24T${time}.000+07:00`;
const visitor = (n: number) => ({ nik: manyNik(n), name: `Warga ${n}`, phone: `0812${String(10_000_000 + n)}` });

type Entry = { entryId: string; token: string };
type Slot = { id: number; bookable: boolean; opensAt?: string; remaining: number };

describe.each(ENGINES)('release and waiting room on $name', ({ start }) => {
  let s: EngineServer;
  beforeEach(async () => {
    s = await start({ now: at('09:30:00') });
    const admin = await signIn(s.app);
    expect((await admin.patch('/api/offices/demo').send({ releaseTime: '10:00', releaseDaysAhead: 7, waitingRoomMinutes: 15, admissionMinutes: 10 })).status).toBe(200);
    await request(s.app).get(`/api/offices/demo/availability?service=A&from=${DAY}&days=1`).expect(200);
    await s.query(`UPDATE slots SET capacity = 0 WHERE date = ? AND service_id <> (SELECT id FROM services WHERE office_id = 'demo' AND code = 'A')`, DAY);
    await s.query(`UPDATE slots SET capacity = 4 WHERE date = ? AND service_id = (SELECT id FROM services WHERE office_id = 'demo' AND code = 'A')`, DAY);
  });
  afterEach(() => s.stop());

  const slotsOfDay = async (): Promise<Slot[]> =>
    (await request(s.app).get(`/api/offices/demo/availability?service=A&from=${DAY}&days=1`).expect(200)).body[0].slots;
  const join = () => request(s.app).post('/api/offices/demo/waiting-room').send({ date: DAY });
  const poll = (e: Entry) => request(s.app).get(`/api/waiting-room/${e.entryId}`).set('Authorization', `Bearer ${e.token}`);
  const book = (n: number, slotId: number, admission?: string) =>
    request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId, ...visitor(n), ...(admission ? { admission } : {}) });
  const bookedOnDay = async () =>
    (await s.query<{ n: number }>("SELECT CAST(count(*) AS integer) AS n FROM bookings WHERE date = ? AND status <> 'cancelled'", DAY))[0]!.n;

  it('draws 500 early joiners in an order unrelated to arrival, queues late joiners after, and admits as places allow', async () => {
    // Before the room opens: NOT_OPEN_YET; the day's slots are not bookable and say when they open.
    const early = await join();
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'NOT_OPEN_YET', message: 'Belum dibuka. Dibuka pada 2026-11-24 09:45.' });
    const slots = await slotsOfDay();
    expect(slots).toHaveLength(7);
    expect(slots.every((x) => !x.bookable && x.opensAt === '2026-11-24T10:00:00.000+07:00')).toBe(true);

    s.clock.set(at('09:45:00'));
    const entries: Entry[] = [];
    for (let i = 0; i < 500; i++) {
      if (i % 50 === 0) s.clock.advance({ seconds: 30 });
      const res = await join();
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'waiting', opensAt: '2026-11-24T10:00:00.000+07:00' });
      entries.push(res.body);
    }
    const before = await poll(entries[3]!);
    expect(before.body).toMatchObject({ status: 'waiting', position: 500, ahead: 499 });
    // Nobody books the day before its release, admission or not.
    expect((await book(1, slots[0]!.id, entries[0]!.token)).body.error.code).toBe('NOT_OPEN_YET');

    s.clock.set(at('10:00:00'));
    for (let i = 0; i < 3; i++) entries.push((await join()).body);
    expect((await poll({ entryId: entries[0]!.entryId, token: 'x'.repeat(20) })).status).toBe(404);
    expect((await request(s.app).get(`/api/waiting-room/${entries[0]!.entryId}`)).status).toBe(401);

    const views: { status: string; position: number; ahead: number; admittedUntil?: string }[] = [];
    for (const e of entries) views.push((await poll(e)).body as { status: string; position: number; ahead: number; admittedUntil?: string });
    const early500 = views.slice(0, 500).map((v) => v.position);
    expect([...early500].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(Math.abs(spearman(Array.from({ length: 500 }, (_, i) => i + 1), early500))).toBeLessThan(0.15);
    expect(views.slice(500).map((v) => v.position)).toEqual([501, 502, 503]);
    // The first PLACES positions are admitted, the rest wait, knowing how many wait before them.
    views.forEach((v) => {
      if (v.position <= PLACES) expect(v).toMatchObject({ status: 'admitted', ahead: 0, admittedUntil: '2026-11-24T10:10:00.000+07:00' });
      else expect(v).toMatchObject({ status: 'waiting', ahead: v.position - PLACES - 1 });
    });

    // The room is active: no booking without an admission, nor with a waiting entry's token.
    const plain = await book(900, slots[0]!.id);
    expect(plain.status).toBe(409);
    expect(plain.body.error).toMatchObject({ code: 'WAITING_ROOM', fields: {} });
    const inEnglish = await request(s.app).post('/api/offices/demo/bookings').set('Accept-Language', 'en').send({ service: 'A', slotId: slots[0]!.id, ...visitor(902) });
    expect(inEnglish.body.error.message).toBe("This day's places are given out through the waiting room: join it and wait for your turn.");
    const waitingOne = entries[views.findIndex((v) => v.position === PLACES + 1)]!;
    expect((await book(901, slots[0]!.id, waitingOne.token)).body.error.code).toBe('WAITING_ROOM');

    // Every admitted entry books while places last; an admission books once.
    const byPosition = entries.map((e, i) => ({ ...e, position: views[i]!.position })).sort((a, b) => a.position - b.position);
    const admitted = byPosition.slice(0, PLACES);
    const codes: string[] = [];
    for (const [k, e] of admitted.entries()) {
      const res = await book(k + 1, slots[k % 7]!.id, e.token);
      expect(res.status).toBe(201);
      codes.push(res.body.code);
    }
    expect(await bookedOnDay()).toBe(PLACES);
    const over = await s.query<{ n: number }>('SELECT CAST(count(*) AS integer) AS n FROM slots WHERE booked > capacity');
    expect(over[0]!.n).toBe(0);
    expect((await poll(admitted[0]!)).body).toMatchObject({ status: 'used', placesLeft: 0 });
    // No place left: nobody more is admitted.
    expect((await poll(byPosition[PLACES]!)).body).toMatchObject({ status: 'waiting', ahead: 0, placesLeft: 0 });

    // A cancelled place passes to the next in line; an admission not used in time passes on.
    for (const i of [0, 1]) {
      await request(s.app).post(`/api/bookings/${codes[i]}/cancel`).send({ nik4: visitor(i + 1).nik.slice(-4) }).expect(200);
    }
    // An admission books once, even with places free again.
    expect((await book(100, slots[0]!.id, admitted[0]!.token)).body.error.code).toBe('WAITING_ROOM');
    const next = byPosition[PLACES]!;
    const after = byPosition[PLACES + 1]!;
    expect((await poll(next)).body.status).toBe('admitted');
    expect((await poll(after)).body.status).toBe('admitted');
    expect((await book(200, slots[0]!.id, next.token)).status).toBe(201);
    s.clock.set(at('10:10:01'));
    expect((await poll(after)).body.status).toBe('expired');
    expect((await book(201, slots[1]!.id, after.token)).body.error.code).toBe('WAITING_ROOM');
    expect((await poll(byPosition[PLACES + 2]!)).body.status).toBe('admitted');
    expect(await bookedOnDay()).toBe(PLACES - 1);

    // Admins see the draw's seed; the order it gives is the stored one.
    const admin = await signIn(s.app);
    const list = await admin.get('/api/offices/demo/releases');
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({ date: DAY, drawnEntries: 500, arrivals: 503, used: PLACES + 1, expired: 1, admitted: 1 });
    const draw = await admin.get(`/api/offices/demo/releases/${DAY}`);
    expect(draw.body.order).toEqual(drawOrder(draw.body.seed, 500));
    expect((await request(s.app).get('/api/offices/demo/releases')).status).toBe(401);
  }, 120_000);

  it('lets everyone book as usual once the room has drained, and refuses moving into an unreleased day', async () => {
    s.clock.set(at('09:50:00'));
    const entry = (await join()).body as Entry;
    s.clock.set(at('10:00:00'));
    const [slot] = await slotsOfDay();
    expect(slot!.bookable).toBe(true);
    expect((await book(1, slot!.id)).body.error.code).toBe('WAITING_ROOM');
    expect((await poll(entry)).body.status).toBe('admitted');
    expect((await book(2, slot!.id, entry.token)).status).toBe(201);
    // Drained: no entry waiting, no admission open.
    expect((await book(3, slot!.id)).status).toBe(201);

    // A booking on an earlier day cannot be moved into the day after (not released until tomorrow 10:00).
    const today = (await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-11-26&days=1').expect(200)).body[0].slots[0];
    const held = await book(4, today.id);
    expect(held.status).toBe(201);
    const nextDay = (await request(s.app).get('/api/offices/demo/availability?service=A&from=2026-12-02&days=1').expect(200)).body[0].slots[0];
    expect(nextDay.bookable).toBe(false);
    const moved = await request(s.app).post(`/api/bookings/${held.body.code}/reschedule`).send({ nik4: visitor(4).nik.slice(-4), slotId: nextDay.id });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('NOT_OPEN_YET');
  });

  it('admits no more than the places under concurrent polls, and books no more than the places under a concurrent rush', async () => {
    s.clock.set(at('09:59:00'));
    const entries = (await Promise.all(Array.from({ length: 60 }, () => join()))).map((r) => r.body as Entry);
    expect(new Set(entries.map((e) => e.entryId)).size).toBe(60);
    s.clock.set(at('10:00:00'));
    const views = (await Promise.all(entries.map((e) => poll(e)))).map((r) => r.body as { status: string; position: number });
    expect(views.map((v) => v.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const admittedRows = await s.query<{ n: number }>("SELECT CAST(count(*) AS integer) AS n FROM waiting_room_entries WHERE status = 'admitted'");
    expect(admittedRows[0]!.n).toBe(PLACES);
    const admitted = entries.filter((_, i) => views[i]!.position <= PLACES);
    const slots = await slotsOfDay();
    // Every admitted entry books twice at once (the second must fail), beside 30 attempts without an admission.
    const attempts = await Promise.all([
      ...admitted.flatMap((e, k) => [book(k + 1, slots[k % 7]!.id, e.token), book(k + 101, slots[k % 7]!.id, e.token)]),
      ...Array.from({ length: 30 }, (_, k) => book(k + 301, slots[k % 7]!.id)),
    ]);
    expect(attempts.filter((r) => r.status >= 500)).toHaveLength(0);
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(PLACES);
    expect(attempts.slice(PLACES * 2).every((r) => r.status === 409)).toBe(true);
    expect(await bookedOnDay()).toBe(PLACES);
    const used = await s.query<{ n: number }>("SELECT CAST(count(*) AS integer) AS n FROM waiting_room_entries WHERE status = 'used'");
    expect(used[0]!.n).toBe(PLACES);
    const over = await s.query<{ n: number }>('SELECT CAST(count(*) AS integer) AS n FROM slots WHERE booked > capacity');
    expect(over[0]!.n).toBe(0);
  }, 60_000);

  it('draws and drains a room nobody follows through the periodic job (admissions pass on until none waits)', async () => {
    s.clock.set(at('09:50:00'));
    for (let i = 0; i < 30; i++) await join();
    s.clock.set(at('10:00:00'));
    const [slot] = await slotsOfDay();
    expect((await book(1, slot!.id)).body.error.code).toBe('WAITING_ROOM');
    expect(await s.store.advanceWaitingRooms(s.clock.now())).toBe(1);
    expect(await s.store.advanceWaitingRooms(s.clock.now())).toBe(0);
    const count = async (status: string) =>
      (await s.query<{ n: number }>('SELECT CAST(count(*) AS integer) AS n FROM waiting_room_entries WHERE status = ?', status))[0]!.n;
    expect([await count('admitted'), await count('waiting')]).toEqual([PLACES, 2]);
    s.clock.set(at('10:10:00'));
    await s.store.advanceWaitingRooms(s.clock.now());
    expect([await count('expired'), await count('admitted'), await count('waiting')]).toEqual([PLACES, 2, 0]);
    s.clock.set(at('10:20:00'));
    // Nobody is left waiting and every admission has passed: booking is as usual again.
    expect((await book(2, slot!.id)).status).toBe(201);
  });

  it('refuses a release day beyond the booking horizon', async () => {
    const admin = await signIn(s.app);
    const res = await admin.patch('/api/offices/demo').send({ releaseDaysAhead: 30 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['releaseDaysAhead']);
  });
});
