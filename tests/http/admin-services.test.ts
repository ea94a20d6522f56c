import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlotDay } from '../../shared/types';
import { kioskAuth, person, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { adminFingerprint } from './adminSupport';

const days = async (s: TestServer, service: string, from: string, n = 1): Promise<SlotDay[]> =>
  (await request(s.app).get(`/api/offices/demo/availability?service=${service}&from=${from}&days=${n}`)).body;
const times = (day: SlotDay) => day.slots.map((x) => `${x.start.slice(11, 16)}-${x.end.slice(11, 16)}/${x.capacity}`);

describe('admin: services, weekly slot templates and per-date overrides', () => {
  let s: TestServer;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    s = await startServer({ listen: false });
    admin = await signIn(s.app);
  });
  afterEach(() => s.stop());

  it('creates a service with its letter, names, requirements, channels, typical minutes and walk-in quota', async () => {
    const res = await admin.post('/api/offices/demo/services').send({
      code: 'D', nameId: 'Konsultasi', nameEn: 'Consultation', requirementsId: 'Wajib masker', requirementsEn: 'Mask required',
      bookable: false, walkIn: true, typicalMinutes: 12, walkInQuota: 2, serviceGroup: 'Pencatatan Sipil',
    });
    expect(res.status).toBe(201);
    const info = (await request(s.app).get('/api/offices/demo')).body.services.find((x: { code: string }) => x.code === 'D');
    expect(info).toMatchObject({ name: 'Konsultasi', nameEn: 'Consultation', requirements: 'Wajib masker', bookable: false, walkIn: true, typicalMinutes: 12, walkInQuota: 2 });
    // The quota holds at the kiosk, and the ticket numbers use the new letter.
    const take = () => request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'D' });
    expect((await take()).body.number).toBe('D001');
    expect((await take()).body.number).toBe('D002');
    expect((await take()).body.error.code).toBe('QUOTA_EXHAUSTED');
  });

  it('refuses a second service with a letter in use, or a letter that is not A–Z', async () => {
    const before = adminFingerprint(s);
    expect((await admin.post('/api/offices/demo/services').send({ code: 'A', nameId: 'Dobel' })).body.error.fields.code).toBe('Sudah dipakai. Pilih yang lain.');
    expect((await admin.post('/api/offices/demo/services').send({ code: 'ab', nameId: 'Salah' })).status).toBe(400);
    expect(adminFingerprint(s)).toBe(before);
  });

  it('changes a service and orders the services', async () => {
    const res = await admin.patch('/api/offices/demo/services/B').send({ walkIn: false, walkInQuota: null, nameEn: 'Legalisation of copies' });
    expect(res.body).toMatchObject({ code: 'B', walkIn: false, walkInQuota: null, nameEn: 'Legalisation of copies' });
    expect((await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'B' })).body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect((await admin.put('/api/offices/demo/services/order').send({ codes: ['C', 'A'] })).status).toBe(204);
    expect((await request(s.app).get('/api/offices/demo')).body.services.map((x: { code: string }) => x.code)).toEqual(['C', 'A', 'B']);
  });

  it('retires a service only once it has no active bookings; the letter can be used again later', async () => {
    const day = (await days(s, 'B', '2026-11-25'))[0]!;
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'B', slotId: day.slots[0]!.id, ...person(1) });
    expect(booked.status).toBe(201);
    const refused = await admin.delete('/api/offices/demo/services/B');
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.code).toMatch(/1 reservasi aktif/);
    await admin.post('/api/offices/demo/closures').send({ from: '2026-11-25', to: null, service: 'B', reason: 'Legalisir dipindahkan ke kecamatan' });
    expect((await admin.delete('/api/offices/demo/services/B')).status).toBe(204);
    const detail = (await request(s.app).get('/api/offices/demo')).body;
    expect(detail.services.map((x: { code: string }) => x.code)).toEqual(['A', 'C']);
    expect((await request(s.app).get('/api/offices/demo/counters').set('Cookie', '')).status).toBe(401);
    expect((await admin.get('/api/offices/demo/counters')).body.find((c: { id: number }) => c.id === 1).services).toEqual(['A']);
    const again = await admin.post('/api/offices/demo/services').send({ code: 'B', nameId: 'Legalisir Akta' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ code: 'B', nameId: 'Legalisir Akta', active: true });
  });

  it('replaces the weekly template and re-plans future slots that have no bookings', async () => {
    // Wednesday 25 November: hourly slots of 20 from the seed.
    expect(times((await days(s, 'A', '2026-11-25'))[0]!)).toHaveLength(7);
    const slots = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '08:00', end: '10:00', capacity: 40 },
      { weekday, start: '10:00', end: '12:00', capacity: 30 },
    ]);
    const res = await admin.put('/api/offices/demo/services/A/templates').send({ slots });
    expect(res.status).toBe(200);
    expect(res.body.slots).toHaveLength(10);
    expect(times((await days(s, 'A', '2026-11-25'))[0]!)).toEqual(['08:00-10:00/40', '10:00-12:00/30']);
    // Today (Tuesday 09:30): slots that have begun stay as they were; the rest follow the new plan.
    expect(times((await days(s, 'A', '2026-11-24'))[0]!)).toEqual(['08:00-09:00/20', '09:00-10:00/20', '10:00-12:00/30']);
    // Dates not made yet follow the template too.
    expect(times((await days(s, 'A', '2026-12-04'))[0]!)).toEqual(['08:00-10:00/40', '10:00-12:00/30']);
  });

  it('never drops a slot below its bookings: CAPACITY_BELOW_BOOKED, and nothing changes', async () => {
    const day = (await days(s, 'A', '2026-11-25'))[0]!;
    const nine = day.slots.find((x) => x.start.includes('T09:00'))!;
    for (let i = 0; i < 3; i++) {
      expect((await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: nine.id, ...person(i) })).status).toBe(201);
    }
    const before = adminFingerprint(s);
    const hourly = (capacity: number) =>
      [1, 2, 3, 4, 5].flatMap((weekday) => [8, 9, 10].map((h) => ({ weekday, start: `${String(h).padStart(2, '0')}:00`, end: `${String(h + 1).padStart(2, '0')}:00`, capacity })));
    const shrink = await admin.put('/api/offices/demo/services/A/templates').send({ slots: hourly(2) });
    expect(shrink.status).toBe(409);
    expect(shrink.body.error.code).toBe('CAPACITY_BELOW_BOOKED');
    expect(shrink.body.error.message).toMatch(/\(3\)/);
    expect(shrink.body.error.fields.slots).toMatch(/2026-11-25 09:00/);
    const drop = await admin.put('/api/offices/demo/services/A/templates').send({ slots: hourly(5).filter((x) => x.start !== '09:00') });
    expect(drop.status).toBe(409);
    const reshape = await admin.put('/api/offices/demo/services/A/templates').send({ slots: [{ weekday: 3, start: '09:00', end: '09:30', capacity: 10 }] });
    expect(reshape.status).toBe(409);
    expect(adminFingerprint(s)).toBe(before);
    // Exactly the booked count is allowed.
    expect((await admin.put('/api/offices/demo/services/A/templates').send({ slots: hourly(3) })).status).toBe(200);
    expect(times((await days(s, 'A', '2026-11-25'))[0]!)).toEqual(['08:00-09:00/3', '09:00-10:00/3', '10:00-11:00/3']);
  });

  it('refuses overlapping or back-to-front template slots', async () => {
    const overlap = await admin.put('/api/offices/demo/services/A/templates').send({
      slots: [{ weekday: 1, start: '08:00', end: '09:00', capacity: 5 }, { weekday: 1, start: '08:30', end: '09:30', capacity: 5 }],
    });
    expect(overlap.status).toBe(400);
    expect(Object.values(overlap.body.error.fields)).toContain('Sesi ini tumpang tindih dengan sesi lain pada hari yang sama.');
    const backwards = await admin.put('/api/offices/demo/services/A/templates').send({ slots: [{ weekday: 1, start: '09:00', end: '08:00', capacity: 5 }] });
    expect(backwards.status).toBe(400);
  });

  it('overrides one date (e.g. a half day), or takes every slot away that day, and can go back to the template', async () => {
    const half = await admin.put('/api/offices/demo/services/A/overrides/2026-11-26').send({ slots: [{ start: '08:00', end: '10:00', capacity: 8 }] });
    expect(half.status).toBe(200);
    expect(times((await days(s, 'A', '2026-11-26'))[0]!)).toEqual(['08:00-10:00/8']);
    expect((await admin.get('/api/offices/demo/admin')).body.overrides).toEqual([{ service: 'A', date: '2026-11-26', slots: [{ start: '08:00', end: '10:00', capacity: 8 }] }]);
    await admin.put('/api/offices/demo/services/A/overrides/2026-11-26').send({ slots: [] });
    expect((await days(s, 'A', '2026-11-26'))[0]!.slots).toEqual([]);
    expect((await admin.delete('/api/offices/demo/services/A/overrides/2026-11-26')).status).toBe(204);
    expect(times((await days(s, 'A', '2026-11-26'))[0]!)).toHaveLength(7);
    // Not for a past date.
    expect((await admin.put('/api/offices/demo/services/A/overrides/2026-11-23').send({ slots: [] })).body.error.fields.date).toBe('Tanggal tidak boleh di masa lalu.');
  });

  it('keeps a slot whose only booking was cancelled out of the calendar once the plan drops it', async () => {
    const day = (await days(s, 'A', '2026-11-25'))[0]!;
    const eight = day.slots[0]!;
    const booked = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: eight.id, ...person(7) });
    await request(s.app).post(`/api/bookings/${booked.body.code}/cancel`).send({ nik4: person(7).nik.slice(-4) });
    await admin.put('/api/offices/demo/services/A/overrides/2026-11-25').send({ slots: [{ start: '10:00', end: '11:00', capacity: 4 }] });
    expect(times((await days(s, 'A', '2026-11-25'))[0]!)).toEqual(['10:00-11:00/4']);
    // The cancelled booking still reads fine.
    expect((await request(s.app).get(`/api/bookings/${booked.body.code}?nik4=${person(7).nik.slice(-4)}`)).body.status).toBe('cancelled');
  });
});
