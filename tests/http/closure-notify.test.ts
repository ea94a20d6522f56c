import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { LEASE_MS, deliverDue, deliverers } from '../../server/jobs/sender';
import { signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { bookMany, drainOutbox, notificationRows, startWhatsappStub, waNumber, whatsappConfig, type WhatsappStub } from './closureSupport';

const WEDNESDAY = '2026-11-25';
const THURSDAY = '2026-11-26';

describe('a closure cancels or moves every booking in its range and each holder gets exactly one WhatsApp message', () => {
  let s: TestServer;
  let stub: WhatsappStub;
  afterEach(async () => {
    await s?.stop();
    await stub?.close();
  });

  it('closes the office for two days: 30 bookings cancelled, 30 closure messages delivered to the WhatsApp endpoint, each once', async () => {
    stub = await startWhatsappStub();
    s = await startServer({ listen: false, config: whatsappConfig(stub) });
    const booked = await bookMany(s, 30, WEDNESDAY);
    expect(await drainOutbox(s)).toBe(30);
    stub.reset();

    const admin = await signIn(s.app);
    const closure = await admin
      .post('/api/offices/demo/closures')
      .send({ from: WEDNESDAY, to: THURSDAY, reason: 'Delapan pegawai terpapar COVID-19; kantor disterilkan', action: 'cancel' });
    expect(closure.status).toBe(201);
    expect(closure.body).toMatchObject({ affectedBookings: 30, cancelled: 30, moved: 0 });
    for (const b of booked) {
      const view = await request(s.app).get(`/api/bookings/${b.code}?nik4=${b.nik4}`);
      expect(view.body).toMatchObject({ status: 'cancelled', cancelReason: 'Delapan pegawai terpapar COVID-19; kantor disterilkan' });
    }
    // The places went back and the days show closed.
    const days = (await request(s.app).get(`/api/offices/demo/availability?service=A&from=${WEDNESDAY}&days=2`)).body;
    expect(days.map((d: { closed: boolean; reason: string }) => [d.closed, d.reason])).toEqual([
      [true, 'Delapan pegawai terpapar COVID-19; kantor disterilkan'],
      [true, 'Delapan pegawai terpapar COVID-19; kantor disterilkan'],
    ]);
    expect(s.db.prepare('SELECT sum(booked) AS n FROM slots WHERE date = ?').get(WEDNESDAY)).toEqual({ n: 0 });

    expect(await drainOutbox(s)).toBe(30);
    expect(stub.requests).toHaveLength(30);
    expect(stub.delivered.size).toBe(30);
    expect(new Set(stub.requests.map((r) => r.body.to))).toEqual(new Set(booked.map((b) => waNumber(b.phone))));
    for (const r of stub.requests) {
      expect(r.path).toBe('/v21.0/106540352242922/messages');
      expect(r.authorization).toBe('Bearer uji-token-rahasia');
      expect(r.body.type).toBe('text');
      expect(r.body.text!.body).toMatch(/^Mohon maaf, Disdukcapil Kota Demo tutup pada jadwal reservasi Anda \([A-Z2-9]{8}, Rabu, 25 November 2026 pukul \d\d.00–\d\d.00 WIB\) karena: Delapan pegawai/);
    }
    // Nothing is sent twice, however often the sender runs.
    s.clock.advance({ hours: 2 });
    expect(await drainOutbox(s)).toBe(0);
    expect(stub.requests).toHaveLength(30);
    expect(notificationRows(s).filter((n) => n.template === 'closure').every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
  });

  it('moves 30 bookings to the first free slots after the closed day, telling each holder the new time', async () => {
    stub = await startWhatsappStub();
    s = await startServer({ listen: false, config: whatsappConfig(stub) });
    await bookMany(s, 30, WEDNESDAY);
    await drainOutbox(s);
    stub.reset();
    const admin = await signIn(s.app);
    const closure = await admin.post('/api/offices/demo/closures').send({ from: WEDNESDAY, to: WEDNESDAY, service: 'A', reason: 'Server SIAK dalam pemeliharaan', action: 'move' });
    expect(closure.body).toMatchObject({ affectedBookings: 30, moved: 30, cancelled: 0 });
    // Thursday 08:00 and 09:00 hold 20 places each: the earliest bookings take 08:00.
    const thursday = (await request(s.app).get(`/api/offices/demo/availability?service=A&from=${THURSDAY}&days=1`)).body[0];
    expect(thursday.slots.slice(0, 3).map((x: { booked: number }) => x.booked)).toEqual([20, 10, 0]);
    expect(await drainOutbox(s)).toBe(30);
    expect(stub.delivered.size).toBe(30);
    const texts = stub.requests.map((r) => r.body.text!.body);
    expect(texts.filter((t) => t.includes('dipindahkan ke Kamis, 26 November 2026 pukul 08.00–09.00 WIB'))).toHaveLength(20);
    expect(texts.filter((t) => t.includes('dipindahkan ke Kamis, 26 November 2026 pukul 09.00–10.00 WIB'))).toHaveLength(10);
    expect(texts.every((t) => t.includes('pada Rabu, 25 November 2026') && t.includes('karena: Server SIAK dalam pemeliharaan'))).toBe(true);
  });

  it('when the endpoint fails the first two attempts of every message, each message still arrives exactly once (backoff 5 s, then 30 s)', async () => {
    stub = await startWhatsappStub({ failFirst: 2 });
    s = await startServer({ listen: false, config: whatsappConfig(stub) });
    await bookMany(s, 30, WEDNESDAY);
    const admin = await signIn(s.app);
    await admin.post('/api/offices/demo/closures').send({ from: WEDNESDAY, to: WEDNESDAY, reason: 'Pemadaman listrik terjadwal PLN', action: 'cancel' });
    const channels = deliverers(s.config, s.log);

    expect(await drainOutbox(s)).toBe(0);
    expect(stub.requests).toHaveLength(60);
    // Not yet due: the backoff holds.
    s.clock.advance({ seconds: 4 });
    expect(await deliverDue(s.store, s.clock, channels)).toBe(0);
    expect(stub.requests).toHaveLength(60);
    s.clock.advance({ seconds: 1 });
    expect(await drainOutbox(s)).toBe(0);
    expect(stub.requests).toHaveLength(120);
    s.clock.advance({ seconds: 29 });
    expect(await deliverDue(s.store, s.clock, channels)).toBe(0);
    s.clock.advance({ seconds: 1 });
    expect(await drainOutbox(s)).toBe(60);
    s.clock.advance({ hours: 1 });
    expect(await drainOutbox(s)).toBe(0);

    expect(stub.requests).toHaveLength(180);
    expect(stub.accepted()).toHaveLength(60);
    expect(new Set(stub.accepted().map((r) => r.key)).size).toBe(60);
    const closureTexts = stub.accepted().filter((r) => r.body.text!.body.startsWith('Mohon maaf'));
    expect(closureTexts).toHaveLength(30);
    expect(notificationRows(s).every((n) => n.status === 'sent' && n.attempts === 3)).toBe(true);
  });
});

describe('the outbox survives a restart: nothing lost, nothing doubled', () => {
  let stub: WhatsappStub;
  const dirs: string[] = [];
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const srv of servers.splice(0)) await srv.stop(true).catch(() => undefined);
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    await stub?.close();
  });

  const twoLives = async () => {
    stub = await startWhatsappStub();
    const dir = mkdtempSync(join(tmpdir(), 'giliran-restart-'));
    dirs.push(dir);
    const first = await startServer({ listen: false, dir, config: whatsappConfig(stub) });
    servers.push(first);
    await bookMany(first, 30, WEDNESDAY);
    await drainOutbox(first);
    stub.reset();
    const admin = await signIn(first.app);
    await admin.post('/api/offices/demo/closures').send({ from: WEDNESDAY, to: WEDNESDAY, reason: 'Kantor ditutup sementara', action: 'cancel' });
    const restart = async () => {
      await first.stop(true);
      servers.splice(servers.indexOf(first), 1);
      const second = await startServer({ listen: false, dir, now: first.clock.now().toISO()!, config: whatsappConfig(stub) });
      servers.push(second);
      return second;
    };
    return { first, restart };
  };

  it('a sender that crashed after claiming messages: after the restart they go out once their lease ends', async () => {
    const { first, restart } = await twoLives();
    // The first process sends 10, claims 10 more and dies before sending them.
    expect(await deliverDue(first.store, first.clock, deliverers(first.config, first.log), 10)).toBe(10);
    expect(await first.store.claimDueNotifications(first.clock.now().toMillis(), 10, LEASE_MS)).toHaveLength(10);
    const second = await restart();
    // The 10 never claimed go at once; the 10 claimed by the dead sender wait for their lease.
    expect(await drainOutbox(second)).toBe(10);
    expect(stub.requests).toHaveLength(20);
    second.clock.advance({ minutes: 2, seconds: 1 });
    expect(await drainOutbox(second)).toBe(10);
    expect(stub.requests).toHaveLength(30);
    expect(new Set(stub.requests.map((r) => r.key)).size).toBe(30);
    expect(notificationRows(second).filter((n) => n.template === 'closure').every((n) => n.status === 'sent')).toBe(true);
  });

  it('a sender that crashed after the endpoint accepted but before recording it: the repeat carries the same idempotency key, so each message reaches the phone once', async () => {
    const { first, restart } = await twoLives();
    const real = deliverers(first.config, first.log).whatsapp!;
    // The process dies right after the endpoint answered: the promise never comes back to mark the rows.
    void deliverDue(first.store, first.clock, { whatsapp: async (row, text) => { await real(row, text); await new Promise(() => undefined); } }, 5, 5);
    for (let i = 0; i < 100 && stub.requests.length < 5; i++) await new Promise((r) => setTimeout(r, 20));
    expect(stub.requests).toHaveLength(5);
    const second = await restart();
    second.clock.advance({ minutes: 3 });
    expect(await drainOutbox(second)).toBe(30);
    expect(stub.requests).toHaveLength(35);
    expect(stub.delivered.size).toBe(30);
    const keys = stub.requests.map((r) => r.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toHaveLength(5);
    expect(notificationRows(second).filter((n) => n.template === 'closure').every((n) => n.status === 'sent')).toBe(true);
  });
});
