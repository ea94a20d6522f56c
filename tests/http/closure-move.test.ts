/**
 * Kepahiang replayed: the office, open every day, closes from Saturday 5 December; the bookings of
 * 5–7 December are moved. Before, they all went into 3 December 08:00–10:00 (earlier than booked,
 * into the first slots); now each goes to the nearest open day after the closure at its own time
 * of day, spread over the slots, on both engines.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMessage } from '../../server/jobs/templates';
import { person, signIn } from '../support/factories';
import { ENGINES, type EngineServer } from '../support/engines';

// Wednesday 2 December 2026, 09:30 WIB.
const NOW = '2026-12-02T09:30:00.000+07:00';
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

describe.each(ENGINES)('moving the bookings of a closure on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await start({ now: NOW });
    admin = await signIn(s.app);
    // Kepahiang served every day; two places an hour keep the numbers small.
    expect((await admin.put('/api/offices/demo/hours').send({ hours: EVERY_DAY.map((weekday) => ({ weekday, open: '08:00', close: '15:00' })) })).status).toBe(200);
    const slots = EVERY_DAY.flatMap((weekday) => [8, 9, 10, 11, 12, 13, 14].map((h) => ({ weekday, start: hh(h), end: hh(h + 1), capacity: 2 })));
    expect((await admin.put('/api/offices/demo/services/A/templates').send({ slots })).status).toBe(200);
  });
  afterEach(() => s.stop());

  let n = 0;
  /** Books one person into service A on `date` at `time`; returns the code and the nik4. */
  const book = async (date: string, time: string) => {
    const day = (await request(s.app).get(`/api/offices/demo/availability?service=A&from=${date}&days=1`)).body[0];
    const slot = day.slots.find((x: { start: string }) => x.start.includes(`T${time}`));
    const who = person(100 + n++);
    const res = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...who });
    expect(res.status).toBe(201);
    return { code: res.body.code as string, nik4: who.nik.slice(-4), was: `${date} ${time}` };
  };
  const whereNow = async (b: { code: string; nik4: string }) => {
    const view = (await request(s.app).get(`/api/bookings/${b.code}?nik4=${b.nik4}`)).body;
    return `${view.date} ${view.start.slice(11, 16)}`;
  };
  const bookedOn = async (date: string) =>
    (await s.query<{ booked: number }>('SELECT CAST(sum(booked) AS integer) AS booked FROM slots WHERE date = ?', date))[0]!.booked;

  it('moves 12 bookings of 5–7 December to 8 December at their own times, spread over the slots, none before the closure', async () => {
    const plan: [string, string][] = [
      ['2026-12-05', '08:00'], ['2026-12-05', '08:00'], ['2026-12-05', '10:00'], ['2026-12-05', '10:00'],
      ['2026-12-06', '10:00'], ['2026-12-06', '10:00'], ['2026-12-06', '13:00'], ['2026-12-06', '13:00'],
      ['2026-12-07', '08:00'], ['2026-12-07', '10:00'], ['2026-12-07', '14:00'], ['2026-12-07', '14:00'],
    ];
    const booked = [];
    for (const [date, time] of plan) booked.push(await book(date, time));

    const closure = await admin
      .post('/api/offices/demo/closures')
      .send({ from: '2026-12-05', to: '2026-12-07', reason: 'Layanan tatap muka dihentikan sementara', action: 'move' });
    expect(closure.status).toBe(201);
    expect(closure.body).toMatchObject({ affectedBookings: 12, moved: 12, cancelled: 0 });

    const now = await Promise.all(booked.map(whereNow));
    expect(now).toEqual([
      // Same time of day where a place was left…
      '2026-12-08 08:00', '2026-12-08 08:00', '2026-12-08 10:00', '2026-12-08 10:00',
      // …otherwise the nearest free hour (a later one on a tie).
      '2026-12-08 11:00', '2026-12-08 11:00', '2026-12-08 13:00', '2026-12-08 13:00',
      '2026-12-08 09:00', '2026-12-08 09:00', '2026-12-08 14:00', '2026-12-08 14:00',
    ]);
    // Nothing went before the closure; the closed days hold nobody.
    for (const date of ['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']) expect(await bookedOn(date)).toBe(0);
    expect(await bookedOn('2026-12-08')).toBe(12);

    // Each holder is told the old and the new time.
    const messages = await s.query<{ template: string; payload: string }>("SELECT template, payload FROM notifications WHERE template = 'moved' ORDER BY id");
    expect(messages).toHaveLength(12);
    const texts = messages.map((m) => renderMessage(m.template, JSON.parse(m.payload)));
    expect(texts[4]).toContain('pada Minggu, 6 Desember 2026 pukul 10.00–11.00 WIB dipindahkan ke Selasa, 8 Desember 2026 pukul 11.00–12.00 WIB');
    expect(texts[0]).toContain('pada Sabtu, 5 Desember 2026 pukul 08.00–09.00 WIB dipindahkan ke Selasa, 8 Desember 2026 pukul 08.00–09.00 WIB');
  });

  it('a closure "until further notice" moves a booking to the nearest open day before it, never to today', async () => {
    const early = await book('2026-12-05', '10:00');
    const late = await book('2026-12-06', '14:00');
    const closure = await admin.post('/api/offices/demo/closures').send({ from: '2026-12-05', to: null, reason: 'Pegawai terpapar COVID-19', action: 'move' });
    expect(closure.body).toMatchObject({ affectedBookings: 2, moved: 2 });
    expect(await whereNow(early)).toBe('2026-12-04 10:00');
    expect(await whereNow(late)).toBe('2026-12-04 14:00');
    expect(await bookedOn('2026-12-02')).toBe(0);
    expect(await bookedOn('2026-12-03')).toBe(0);
  });
});
