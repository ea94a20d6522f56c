/**
 * Several opening intervals a day (issue "the lobby and the counter as a real office runs them",
 * item 2), on both engines: Friday prayer closes the demo office 11:30–13:30. No slot may start or
 * end outside an opening interval; changing the hours re-plans the future empty slots at once and
 * reports the booked ones that no longer fit; the kiosk refuses in the break, saying when it opens.
 * The demo office opens 08:00–15:00 on weekdays with hourly slots; now is Tuesday 24 November
 * 2026, 09:30 WIB; Friday is 27 November.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, type EngineServer } from '../support/engines';
import { kioskAuth, person, signIn } from '../support/factories';

const FRIDAY = '2026-11-27';
const WEEKDAYS = [1, 2, 3, 4].map((weekday) => ({ weekday, open: '08:00', close: '15:00' }));
const PRAYER = [...WEEKDAYS, { weekday: 5, open: '13:30', close: '15:00' }, { weekday: 5, open: '08:00', close: '11:30' }];

type Slot = { id: number; start: string; end: string; booked: number; bookable: boolean };
type Day = { date: string; closed: boolean; slots: Slot[] };

describe.each(ENGINES)('opening intervals on $name', ({ start }) => {
  let s: EngineServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await start({ listen: false });
    admin = await signIn(s.app);
  });
  afterEach(() => s.stop());

  const day = async (date: string, service = 'A'): Promise<Day> =>
    ((await request(s.app).get(`/api/offices/demo/availability?service=${service}&from=${date}&days=1`).expect(200)).body as Day[])[0]!;
  /** 'HH:mm–HH:mm' of a slot, from its instants with the office's offset. */
  const window = (slot: Slot) => `${slot.start.slice(11, 16)}–${slot.end.slice(11, 16)}`;
  const walkIn = (lang = 'id') => request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).set('Accept-Language', lang).send({ service: 'A' });

  it('makes no Friday slot across the prayer break: the made ones go at once, new days are made without them', async () => {
    expect((await day(FRIDAY)).slots.map(window)).toContain('11:00–12:00');
    const res = await admin.put('/api/offices/demo/hours').send({ hours: PRAYER });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ hours: [...WEEKDAYS, PRAYER[5], PRAYER[4]], conflicts: [] });
    expect((await day(FRIDAY)).slots.map(window)).toEqual(['08:00–09:00', '09:00–10:00', '10:00–11:00', '14:00–15:00']);
    expect((await day(FRIDAY, 'C')).slots.map(window)).toEqual(['08:00–09:00', '09:00–10:00', '10:00–11:00', '14:00–15:00']);
    // Thursday keeps its seven slots.
    expect((await day('2026-11-26')).slots).toHaveLength(7);
    // A week on, the days the generator makes now (Friday 11 December) follow the intervals too.
    s.clock.set('2026-12-01T09:30:00.000+07:00');
    expect((await day('2026-12-11')).slots.map(window)).toEqual(['08:00–09:00', '09:00–10:00', '10:00–11:00', '14:00–15:00']);
    // The office page shows every interval, by weekday then opening.
    expect((await request(s.app).get('/api/offices/demo')).body.openingHours.slice(4)).toEqual([PRAYER[5], PRAYER[4]]);
  });

  it('reports the booked slots the new hours leave outside, keeps their bookings, offers them no more, and audits it', async () => {
    const slot = (await day(FRIDAY)).slots.find((x) => window(x) === '11:00–12:00')!;
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(1) });
    expect(booked.status).toBe(201);
    const res = await admin.put('/api/offices/demo/hours').send({ hours: PRAYER });
    expect(res.status).toBe(200);
    expect(res.body.conflicts).toEqual([{ date: FRIDAY, service: 'A', start: '11:00', end: '12:00', booked: 1 }]);
    const kept = (await day(FRIDAY)).slots.find((x) => x.id === slot.id)!;
    expect(kept).toMatchObject({ booked: 1, bookable: false });
    expect((await request(s.app).get(`/api/bookings/${booked.body.code}?nik4=${person(1).nik.slice(-4)}`)).body.status).toBe('booked');
    const another = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, ...person(2) });
    expect(another.status).toBe(409);
    expect(another.body.error.code).toBe('SLOT_NOT_BOOKABLE');
    const [entry] = await s.query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'office.hours' ORDER BY id DESC");
    expect(JSON.parse(entry!.detail).conflicts).toEqual(res.body.conflicts);
    // Back to 08:00–15:00: the slots of the break are made again, and nothing conflicts.
    const back = await admin.put('/api/offices/demo/hours').send({ hours: [...WEEKDAYS, { weekday: 5, open: '08:00', close: '15:00' }] });
    expect(back.body.conflicts).toEqual([]);
    const friday = await day(FRIDAY);
    expect(friday.slots.map(window)).toHaveLength(7);
    expect(friday.slots.find((x) => x.id === slot.id)!.bookable).toBe(true);
  });

  it('refuses a walk-in at 12:00 on Friday saying it opens again at 13.30, and issues again from 13:30', async () => {
    await admin.put('/api/offices/demo/hours').send({ hours: PRAYER }).expect(200);
    s.clock.set(`${FRIDAY}T11:15:00.000+07:00`);
    expect((await walkIn()).status).toBe(201);
    s.clock.set(`${FRIDAY}T12:00:00.000+07:00`);
    const refused = await walkIn();
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CLOSED', message: expect.stringContaining('Istirahat; buka lagi pukul 13.30') });
    expect((await walkIn('en')).body.error.message).toContain('open again at 13.30');
    const kiosk = (await request(s.app).get('/api/kiosk/state').set(kioskAuth(s.kioskToken)).expect(200)).body as {
      services: { code: string; unavailable?: { reason?: string } }[];
      hoursToday: { open: string; close: string }[];
    };
    expect(kiosk.services.find((x) => x.code === 'A')!.unavailable?.reason).toContain('13.30');
    // The kiosk shows today's intervals.
    expect(kiosk.hoursToday).toEqual([{ open: '08:00', close: '11:30' }, { open: '13:30', close: '15:00' }]);
    s.clock.set(`${FRIDAY}T13:30:00.000+07:00`);
    expect((await walkIn()).status).toBe(201);
    s.clock.set(`${FRIDAY}T15:00:00.000+07:00`);
    expect((await walkIn()).body.error.message).toContain('Jam layanan 08.00–11.30, 13.30–15.00');
  });

  it('refuses intervals of a day that overlap, in Indonesian and English, and changes nothing', async () => {
    const overlapping = [{ weekday: 5, open: '08:00', close: '12:00' }, { weekday: 5, open: '11:30', close: '15:00' }];
    const res = await admin.put('/api/offices/demo/hours').send({ hours: overlapping });
    expect(res.status).toBe(400);
    expect(res.body.error.fields['hours.1.open']).toBe('Jam buka ini tumpang tindih dengan jam buka lain pada hari yang sama.');
    const en = await admin.put('/api/offices/demo/hours').set('Accept-Language', 'en').send({ hours: overlapping });
    expect(en.body.error.fields['hours.0.open']).toBe('These opening hours overlap other opening hours of the same day.');
    expect((await request(s.app).get('/api/offices/demo')).body.openingHours).toHaveLength(5);
    expect((await day(FRIDAY)).slots).toHaveLength(7);
  });
});
