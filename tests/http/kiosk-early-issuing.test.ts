/**
 * Tickets before opening (issue 14, item 1), on both engines: an office hands out numbers from
 * `issueEarlyMinutes` before its opening (people queue from early morning) while calling starts
 * at opening; the kiosk says when calling starts, and too early says from when tickets are handed
 * out. The check-in window a booking's message gives is the office's own setting.
 * The demo office opens 08:00–15:00 WIB on weekdays; Tuesday 24 November 2026.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../server/jobs/templates';
import { ENGINES, type EngineServer } from '../support/engines';
import { kioskAuth, nikFor, signIn } from '../support/factories';

describe.each(ENGINES)('tickets before opening on $name', ({ start }) => {
  let s: EngineServer;
  beforeAll(async () => {
    s = await start({ listen: false, now: '2026-11-24T06:30:00.000+07:00' });
    const admin = await signIn(s.app);
    await admin.patch('/api/offices/demo').send({ issueEarlyMinutes: 60, checkInEarlyMinutes: 45 }).expect(200);
  });
  afterAll(() => s.stop());

  const walkIn = (lang = 'id') => request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).set('Accept-Language', lang).send({ service: 'A' });
  const serviceA = async () =>
    ((await request(s.app).get('/api/kiosk/state').set(kioskAuth(s.kioskToken)).expect(200)).body.services as { code: string; callingFrom?: string; unavailable?: { reason?: string } }[])
      .find((x) => x.code === 'A')!;

  it('refuses a ticket before the issuing window, saying from when tickets are handed out', async () => {
    const early = await walkIn();
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'CLOSED', message: expect.stringContaining('Nomor antrean dibagikan mulai pukul 07.00; jam layanan 08.00–15.00') });
    expect((await serviceA()).unavailable?.reason).toContain('07.00');
  });

  it('hands out tickets from 07:00, and the kiosk says calling starts at 08:00; at opening the note goes', async () => {
    s.clock.set('2026-11-24T07:05:00.000+07:00');
    const ticket = await walkIn();
    expect(ticket.status).toBe(201);
    expect(ticket.body.number).toBe('A001');
    expect(await serviceA()).toMatchObject({ callingFrom: '08:00' });
    expect((await serviceA()).unavailable).toBeUndefined();
    s.clock.set('2026-11-24T08:00:00.000+07:00');
    expect((await serviceA()).callingFrom).toBeUndefined();
  });

  it("tells a booking's holder the office's check-in window, not a fixed 30 minutes", async () => {
    s.clock.set('2026-11-24T09:30:00.000+07:00');
    const days = (await request(s.app).get('/api/offices/demo/availability?service=A&days=3')).body as { date: string; slots: { id: number; bookable: boolean }[] }[];
    const slot = days.find((d) => d.date === '2026-11-25')!.slots.find((x) => x.bookable)!;
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik: nikFor(9001, true), name: 'Siti', phone: '0812-3333-4444' });
    expect(booked.status).toBe(201);
    const [message] = await s.query<{ template: string; payload: string }>("SELECT template, payload FROM notifications WHERE template = 'booked'");
    expect(renderMessage(message!.template, JSON.parse(message!.payload))).toContain('paling cepat 45 menit sebelum sesi');
    expect((await request(s.app).get('/api/offices/demo')).body.checkInEarlyMinutes).toBe(45);
  });
});
