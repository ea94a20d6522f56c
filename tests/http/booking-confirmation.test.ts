/**
 * Confirmation by WhatsApp (issue 12, API.md "Confirmation"), on both engines: with
 * BOOKING_CONFIRMATION=whatsapp a visitor's booking is pending and holds its place for
 * BOOKING_HOLD_MINUTES; the 6-digit code goes out through the outbox; POST …/confirm makes it
 * booked; a wrong code counts like a wrong nik4 (5 → locked); unconfirmed, it expires (the job, or
 * a read of it) and its place returns; a pending booking counts against the per-phone limit until
 * then; staff bookings never wait. Now is Tuesday 2026-11-24 09:30 WIB (injected clock).
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { expirePendingBookings } from '../../server/jobs/pendingBookings';
import { readConfig } from '../../server/config';
import { renderMessage } from '../../server/jobs/templates';
import { ENGINES, type EngineServer } from '../support/engines';
import { kioskAuth, nikFor, signIn } from '../support/factories';
import { OPEN_TUESDAY, startServer } from '../support/server';

const quiet = pino({ level: 'silent' });
const NIK = nikFor(4711, true);
const NIK4 = NIK.slice(-4);
const PHONE = '0812-7000-4711';

describe.each(ENGINES)('booking confirmation on $name', ({ start }) => {
  let s: EngineServer;
  beforeAll(async () => {
    s = await start({ listen: false, config: { bookingConfirmation: 'whatsapp', bookingHoldMinutes: 10 } });
  });
  afterAll(() => s.stop());
  beforeEach(async () => {
    s.clock.set(OPEN_TUESDAY);
    await s.query('DELETE FROM notifications');
    await s.query('DELETE FROM code_attempts');
    await s.query('DELETE FROM tickets');
    await s.query('DELETE FROM bookings');
    await s.query('UPDATE slots SET booked = 0');
  });

  const slotAt = async (date: string, time: string, service = 'A'): Promise<number> => {
    const days = (await request(s.app).get(`/api/offices/demo/availability?service=${service}&days=14`).expect(200)).body as {
      date: string; slots: { id: number; start: string }[];
    }[];
    const slot = days.find((d) => d.date === date)?.slots.find((x) => x.start.slice(11, 16) === time);
    if (!slot) throw new Error(`no slot ${date} ${time}`);
    return slot.id;
  };
  const book = async (slotId: number, n = 0, phone = PHONE) =>
    request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId, nik: n ? nikFor(4711 + n, true) : NIK, name: 'Siti Aminah', phone });
  const confirm = (code: string, otp: string, nik4 = NIK4, lang = 'id') =>
    request(s.app).post(`/api/bookings/${code}/confirm`).set('Accept-Language', lang).send({ nik4, otp });
  const booked = async (slotId: number) => Number((await s.query<{ booked: number }>('SELECT booked FROM slots WHERE id = ?', slotId))[0]!.booked);
  const messages = (code: string) =>
    s.query<{ template: string; payload: string }>(
      'SELECT n.template, n.payload FROM notifications n JOIN bookings b ON b.id = n.booking_id WHERE b.code = ? ORDER BY n.id', code,
    );
  /** The code the holder received by WhatsApp (the outbox message's payload). */
  const otpOf = async (code: string): Promise<string> => {
    const message = (await messages(code)).find((m) => m.template === 'booking_otp');
    return (JSON.parse(message!.payload) as { otp: string }).otp;
  };

  it('books as pending with a hold of 10 minutes, sends a 6-digit code and no "booked" message yet, and takes the place', async () => {
    const slotId = await slotAt('2026-11-25', '09:00');
    const res = await book(slotId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', holdUntil: '2026-11-24T09:40:00.000+07:00' });
    expect(await booked(slotId)).toBe(1);
    const sent = await messages(res.body.code);
    expect(sent.map((m) => m.template)).toEqual(['booking_otp']);
    expect(await otpOf(res.body.code)).toMatch(/^\d{6}$/);
    // The WhatsApp text carries the code and the end of the hold.
    const text = renderMessage('booking_otp', JSON.parse(sent[0]!.payload));
    expect(text).toContain(`Kode konfirmasi Giliran Anda: ${await otpOf(res.body.code)}`);
    expect(text).toContain('sebelum pukul 09.40 WIB');
    // The code is never stored as such: only its keyed hash.
    const stored = (await s.query<{ otp_hash: string }>('SELECT otp_hash FROM bookings WHERE code = ?', res.body.code))[0]!;
    expect(stored.otp_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.otp_hash).not.toContain(await otpOf(res.body.code));
  });

  it('confirms with the code: booked, the "booked" message follows once, a repeat answers the same', async () => {
    const res = await book(await slotAt('2026-11-25', '09:00'));
    const otp = await otpOf(res.body.code);
    const ok = await confirm(res.body.code, otp);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('booked');
    expect(ok.body.holdUntil).toBeUndefined();
    expect((await confirm(res.body.code, otp)).body.status).toBe('booked');
    expect((await messages(res.body.code)).map((m) => m.template)).toEqual(['booking_otp', 'booked']);
    const read = await request(s.app).get(`/api/bookings/${res.body.code}?nik4=${NIK4}`);
    expect(read.body.status).toBe('booked');
  });

  it('answers a wrong code 400 VALIDATION on the field, in either language, and locks the booking code after 5 wrong tries', async () => {
    const res = await book(await slotAt('2026-11-25', '09:00'));
    const otp = await otpOf(res.body.code);
    const wrong = otp === '000000' ? '000001' : '000000';
    const first = await confirm(res.body.code, wrong);
    expect(first.status).toBe(400);
    expect(first.body.error.code).toBe('VALIDATION');
    expect(first.body.error.fields.otp).toBe('Kode konfirmasi salah. Periksa kembali 6 angka kode konfirmasi.');
    expect((await confirm(res.body.code, wrong, NIK4, 'en')).body.error.fields.otp).toBe('Wrong confirmation code. Check the 6 digits of the confirmation code again.');
    for (let i = 0; i < 3; i++) expect((await confirm(res.body.code, wrong)).status).toBe(400);
    // Five wrong: the right code is refused too, from any address, and so is the booking's read.
    const locked = await confirm(res.body.code, otp);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await request(s.app).get(`/api/bookings/${res.body.code}?nik4=${NIK4}`)).status).toBe(429);
    const audited = await s.query<{ action: string; detail: string }>("SELECT action, detail FROM audit_log WHERE action = 'booking.wrong_otp'");
    expect(audited).toHaveLength(5);
    expect(audited.map((a) => a.detail).join()).not.toContain(wrong);
    // After the lock's 15 minutes… the hold has ended too: the booking is expired.
    s.clock.advance({ minutes: 16 });
    expect((await confirm(res.body.code, otp)).body.error.code).toBe('BOOKING_EXPIRED');
  });

  it('expires an unconfirmed booking after its hold (the job), returns its place, and refuses a late confirmation', async () => {
    const slotId = await slotAt('2026-11-25', '09:00');
    const res = await book(slotId);
    const otp = await otpOf(res.body.code);
    s.clock.advance({ minutes: 9, seconds: 59 });
    expect(await expirePendingBookings(s.store, s.clock, quiet)).toBe(0);
    expect(await booked(slotId)).toBe(1);
    s.clock.advance({ seconds: 1 });
    expect(await expirePendingBookings(s.store, s.clock, quiet)).toBe(1);
    expect(await booked(slotId)).toBe(0);
    expect(await expirePendingBookings(s.store, s.clock, quiet)).toBe(0);
    const late = await confirm(res.body.code, otp, NIK4, 'en');
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'BOOKING_EXPIRED', message: expect.stringContaining('expired') });
    expect((await request(s.app).get(`/api/bookings/${res.body.code}?nik4=${NIK4}`)).body.status).toBe('expired');
    expect(await booked(slotId)).toBe(0);
  });

  it('shows a booking read after its hold as expired, its place already back, before the job has run', async () => {
    const slotId = await slotAt('2026-11-25', '10:00');
    const res = await book(slotId);
    s.clock.advance({ minutes: 11 });
    const read = await request(s.app).get(`/api/bookings/${res.body.code}?nik4=${NIK4}`);
    expect(read.body.status).toBe('expired');
    expect(await booked(slotId)).toBe(0);
    expect(await expirePendingBookings(s.store, s.clock, quiet)).toBe(0);
  });

  it('counts pending bookings against the per-phone limit until they expire', async () => {
    expect((await book(await slotAt('2026-11-25', '09:00'), 1)).status).toBe(201);
    expect((await book(await slotAt('2026-11-25', '10:00'), 2)).status).toBe(201);
    const third = await book(await slotAt('2026-11-25', '11:00'), 3);
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('BOOKING_LIMIT');
    s.clock.advance({ minutes: 10 });
    expect((await book(await slotAt('2026-11-25', '11:00'), 3)).status).toBe(201);
  });

  it('lets the holder cancel a pending booking (its place back) but not move it before confirming', async () => {
    const slotId = await slotAt('2026-11-25', '09:00');
    const res = await book(slotId);
    const move = await request(s.app).post(`/api/bookings/${res.body.code}/reschedule`).send({ nik4: NIK4, slotId: await slotAt('2026-11-26', '09:00') });
    expect(move.status).toBe(409);
    expect(move.body.error.code).toBe('BOOKING_NOT_CONFIRMED');
    const cancelled = await request(s.app).post(`/api/bookings/${res.body.code}/cancel`).send({ nik4: NIK4 });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await booked(slotId)).toBe(0);
  });

  it('takes a pending booking into a closure of its day like a booked one (cancelled, its place back, its holder told)', async () => {
    const slotId = await slotAt('2026-11-26', '09:00');
    const res = await book(slotId);
    const admin = await signIn(s.app);
    const closure = await admin.post('/api/offices/demo/closures').send({ from: '2026-11-26', to: '2026-11-26', reason: 'Pemadaman listrik', action: 'cancel' });
    expect(closure.status).toBe(201);
    expect(closure.body).toMatchObject({ affectedBookings: 1, cancelled: 1 });
    expect((await request(s.app).get(`/api/bookings/${res.body.code}?nik4=${NIK4}`)).body.status).toBe('cancelled');
    expect(await booked(slotId)).toBe(0);
    expect((await messages(res.body.code)).map((m) => m.template)).toContain('closure');
    // Its code confirms nothing any more.
    expect((await confirm(res.body.code, await otpOf(res.body.code))).status).toBe(409);
  });

  it('books staff (assisted) bookings as booked at once, and refuses a pending booking at the kiosk', async () => {
    const admin = await signIn(s.app);
    const slotId = await slotAt('2026-11-24', '11:00');
    const assisted = await admin.post('/api/offices/demo/assisted-bookings')
      .send({ service: 'A', slotId, nik: nikFor(4800, true), name: 'Budi', phone: '0813-1111-2222' });
    expect(assisted.status).toBe(201);
    expect(assisted.body.status).toBe('booked');
    const pending = await book(slotId);
    expect(pending.body.status).toBe('pending');
    const checkIn = await request(s.app).post('/api/offices/demo/check-ins').set(kioskAuth(s.kioskToken)).set('Accept-Language', 'id').send({ code: pending.body.code });
    expect(checkIn.status).toBe(409);
    expect(checkIn.body.error).toMatchObject({ code: 'BOOKING_NOT_CONFIRMED', message: expect.stringContaining('belum dikonfirmasi') });
  });
});

describe('confirmation survives a restart', () => {
  it('expires, after a restart on the same database, a booking whose hold ended while the server was down', async () => {
    const first = await startServer({ listen: false, config: { bookingConfirmation: 'whatsapp' } });
    const dir = first.dir;
    const days = (await request(first.app).get('/api/offices/demo/availability?service=A&days=3')).body as { date: string; slots: { id: number; start: string }[] }[];
    const slotId = days.find((d) => d.date === '2026-11-25')!.slots[0]!.id;
    const res = await request(first.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId, nik: NIK, name: 'Siti', phone: PHONE });
    expect(res.body.status).toBe('pending');
    await first.stop(true);
    const second = await startServer({ listen: false, dir, now: '2026-11-24T10:00:00.000+07:00', config: { bookingConfirmation: 'whatsapp' } });
    try {
      expect(await expirePendingBookings(second.store, second.clock, quiet)).toBe(1);
      expect((second.db.prepare('SELECT booked FROM slots WHERE id = ?').get(slotId) as { booked: number }).booked).toBe(0);
      expect((second.db.prepare('SELECT status FROM bookings WHERE code = ?').get(res.body.code) as { status: string }).status).toBe('expired');
    } finally {
      await second.stop();
    }
  });
});

describe('the confirmation setting', () => {
  it('is on by default with WhatsApp notifications, off with the log channel, and BOOKING_CONFIRMATION overrides both', () => {
    expect(readConfig({ NOTIFY_CHANNEL: 'whatsapp' }).bookingConfirmation).toBe('whatsapp');
    expect(readConfig({}).bookingConfirmation).toBe('none');
    expect(readConfig({ NOTIFY_CHANNEL: 'whatsapp', BOOKING_CONFIRMATION: 'none' }).bookingConfirmation).toBe('none');
    expect(readConfig({ BOOKING_CONFIRMATION: 'whatsapp' }).bookingConfirmation).toBe('whatsapp');
    expect(readConfig({ BOOKING_HOLD_MINUTES: '5' }).bookingHoldMinutes).toBe(5);
    expect(readConfig({}).bookingHoldMinutes).toBe(10);
  });
});
