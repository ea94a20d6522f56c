/**
 * Privacy (UU 27/2022, minimisation): no plain NIK in the SQLite file, phones masked on every
 * public answer, and the retention job erasing the personal data of old bookings while the
 * rows stay for the counts.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOUR_MS, runRetention, startRetention } from '../../server/jobs/retention';
import { manyNik, nikFor, signIn } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { row, rows, slotAt } from './bookingSupport';

let s: TestServer;
afterEach(async () => {
  vi.useRealTimers();
  await s?.stop();
});

const fileBytes = (path: string): Buffer => (existsSync(path) ? readFileSync(path) : Buffer.alloc(0));

describe('the NIK is never stored in plain text', () => {
  it('leaves no plain NIK in the database file or its WAL after bookings, a reschedule, a cancellation and an assisted booking', async () => {
    s = await startServer({ listen: false });
    const niks = Array.from({ length: 40 }, (_, n) => manyNik(700 + n));
    const codes: string[] = [];
    for (const [n, nik] of niks.entries()) {
      const slot = await slotAt(s, n % 2 ? '2026-11-25' : '2026-11-26', `${String(8 + (n % 7)).padStart(2, '0')}:00`);
      const res = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik, name: `Warga ${n}`, phone: `0812 7777 ${8888 - n}` });
      expect(res.status).toBe(201);
      codes.push(res.body.code);
    }
    await request(s.app).post(`/api/bookings/${codes[0]}/reschedule`).send({ nik4: niks[0]!.slice(-4), slotId: (await slotAt(s, '2026-11-27', '09:00')).id }).expect(200);
    await request(s.app).post(`/api/bookings/${codes[1]}/cancel`).send({ nik4: niks[1]!.slice(-4) }).expect(200);
    const assistedNik = nikFor(4321, true);
    const admin = await signIn(s.app);
    await admin.post('/api/offices/demo/assisted-bookings').send({ service: 'B', slotId: (await slotAt(s, '2026-11-25', '09:00', 'B')).id, nik: assistedNik, name: 'Nenek', phone: '081311112222' }).expect(201);
    // A refused attempt carries a NIK too and must not leave it anywhere either.
    const refusedNik = nikFor(4322);
    await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: (await slotAt(s, '2026-11-24', '08:00')).id, nik: refusedNik, name: 'Telat', phone: '081311112222' }).expect(409);

    const dbPath = join(s.dir, 'giliran.db');
    const beforeCheckpoint = Buffer.concat([fileBytes(dbPath), fileBytes(`${dbPath}-wal`)]);
    expect(fileBytes(`${dbPath}-wal`).length).toBeGreaterThan(0); // the bookings are (still) in the WAL
    s.db.pragma('wal_checkpoint(FULL)');
    const afterCheckpoint = Buffer.concat([fileBytes(dbPath), fileBytes(`${dbPath}-wal`)]);
    for (const bytes of [beforeCheckpoint, afterCheckpoint]) {
      for (const nik of [...niks, assistedNik, refusedNik]) {
        expect(bytes.includes(Buffer.from(nik, 'utf8')), `plain NIK ${nik} found in the file`).toBe(false);
        expect(bytes.includes(Buffer.from(nik, 'utf16le'))).toBe(false);
      }
      // The name and phone are stored (the staff view needs them) — the search does find what is there.
      expect(bytes.includes(Buffer.from('+6281277778888'))).toBe(true);
    }

    // What is stored is HMAC-SHA256 under the generated secret, plus the last four digits.
    const secretFile = join(s.dir, 'nik-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, 'utf8').trim();
    const stored = row<{ nik_hash: string; nik_last4: string }>(s, 'SELECT nik_hash, nik_last4 FROM bookings WHERE code = ?', codes[2]);
    expect(stored).toEqual({ nik_hash: createHmac('sha256', secret).update(niks[2]!).digest('hex'), nik_last4: niks[2]!.slice(-4) });
  });

  it('uses NIK_SECRET when it is set, so the same NIK hashes differently under another key', async () => {
    s = await startServer({ listen: false, config: { nikSecret: 'kunci-rahasia-kantor' } });
    const nik = nikFor(1);
    const { body } = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, nik, name: 'Ani', phone: '081234567890' }).expect(201);
    const { nik_hash } = row<{ nik_hash: string }>(s, 'SELECT nik_hash FROM bookings WHERE code = ?', body.code);
    expect(nik_hash).toBe(createHmac('sha256', 'kunci-rahasia-kantor').update(nik).digest('hex'));
    expect(existsSync(join(s.dir, 'nik-secret'))).toBe(false);
  });
});

describe('phones are masked on every public answer', () => {
  it('booking, read, cancel and reschedule answers carry only the masked number and no name', async () => {
    s = await startServer({ listen: false });
    const nik = nikFor(3);
    const answers = [];
    const made = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, nik, name: 'Dewi Lestari', phone: '0857-1234-5678' });
    answers.push(made);
    answers.push(await request(s.app).get(`/api/bookings/${made.body.code}?nik4=${nik.slice(-4)}`));
    answers.push(await request(s.app).post(`/api/bookings/${made.body.code}/reschedule`).send({ nik4: nik.slice(-4), slotId: (await slotAt(s, '2026-11-26', '09:00')).id }));
    answers.push(await request(s.app).get(`/api/bookings/${made.body.code}/calendar.ics?nik4=${nik.slice(-4)}`));
    answers.push(await request(s.app).post(`/api/bookings/${made.body.code}/cancel`).send({ nik4: nik.slice(-4) }));
    for (const res of answers) {
      expect(res.status).toBeLessThan(300);
      expect(res.text).not.toMatch(/6285712345678|0857-?1234-?5678|Dewi/);
      expect(res.text).not.toContain(nik);
    }
    expect(made.body.phoneMasked).toBe('+62857••••5678');
  });
});

describe('the retention job', () => {
  const bookOn = async (date: string, nik: string, time = '09:00') => {
    const res = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: (await slotAt(s, date, time)).id, nik, name: 'Pak Joko', phone: '0812-3456-7890' });
    expect(res.status).toBe(201);
    return res.body.code as string;
  };
  const bookingRow = (code: string) =>
    row<Record<string, unknown>>(s, 'SELECT name, phone, nik_hash, nik_last4, erased_at, status, slot_id, date FROM bookings WHERE code = ?', code);

  it('erases name, phone and NIK of bookings whose date is more than 30 days old, keeping the rows for the counts', async () => {
    s = await startServer({ listen: false });
    const old = await bookOn('2026-11-25', nikFor(10));
    const cancelledOld = await bookOn('2026-11-25', nikFor(11), '10:00');
    await request(s.app).post(`/api/bookings/${cancelledOld}/cancel`).send({ nik4: nikFor(11).slice(-4) }).expect(200);
    const recent = await bookOn('2026-11-26', nikFor(12));
    const before = row(s, 'SELECT count(*) AS n, sum(status = \'booked\') AS booked FROM bookings');
    const slotCounts = rows(s, 'SELECT id, booked FROM slots ORDER BY id');

    // 2026-12-26 (WIB): the 25 November is 31 days old, the 26th exactly 30 days: only the first goes.
    s.clock.set('2026-12-26T10:00:00.000+07:00');
    expect(await runRetention(s.store, s.clock, 30)).toBe(2);
    expect(bookingRow(old)).toMatchObject({ name: null, phone: null, nik_hash: null, nik_last4: null, erased_at: s.clock.now().toMillis(), status: 'booked', date: '2026-11-25' });
    expect(bookingRow(cancelledOld)).toMatchObject({ name: null, phone: null, nik_hash: null, nik_last4: null, status: 'cancelled' });
    expect(bookingRow(recent)).toMatchObject({ name: 'Pak Joko', phone: '+6281234567890', nik_last4: nikFor(12).slice(-4), erased_at: null });
    expect(row(s, 'SELECT count(*) AS n, sum(status = \'booked\') AS booked FROM bookings')).toEqual(before);
    expect(rows(s, 'SELECT id, booked FROM slots ORDER BY id')).toEqual(slotCounts);
    // The notification outbox keeps only a masked number for the erased bookings.
    const recipients = rows<{ recipient: string; code: string }>(s, 'SELECT n.recipient, b.code FROM notifications n JOIN bookings b ON b.id = n.booking_id');
    for (const r of recipients) expect(r.recipient).toBe(r.code === recent ? '+6281234567890' : '+62812••••7890');
    // An erased booking can no longer be opened with its NIK digits.
    expect((await request(s.app).get(`/api/bookings/${old}?nik4=${nikFor(10).slice(-4)}`)).status).toBe(404);
    // Running again erases nothing more; a day later the 26th goes too.
    expect(await runRetention(s.store, s.clock, 30)).toBe(0);
    s.clock.advance({ days: 1 });
    expect(await runRetention(s.store, s.clock, 30)).toBe(1);
    expect(bookingRow(recent)).toMatchObject({ name: null, phone: null, nik_hash: null, nik_last4: null });
  });

  it("counts days in the office's own calendar (00:30 WIB is still the previous day in UTC)", async () => {
    s = await startServer({ listen: false });
    const code = await bookOn('2026-11-25', nikFor(20));
    s.clock.set('2026-12-26T00:30:00.000+07:00'); // 2026-12-25 17:30 UTC
    expect(await runRetention(s.store, s.clock, 30)).toBe(1);
    expect(bookingRow(code).erased_at).not.toBeNull();
  });

  it('follows RETENTION_DAYS (config.retentionDays)', async () => {
    s = await startServer({ listen: false, config: { retentionDays: 7 } });
    const code = await bookOn('2026-11-25', nikFor(21));
    s.clock.set('2026-12-02T10:00:00.000+07:00');
    expect(await runRetention(s.store, s.clock, s.config.retentionDays)).toBe(0);
    s.clock.set('2026-12-03T10:00:00.000+07:00');
    expect(await runRetention(s.store, s.clock, s.config.retentionDays)).toBe(1);
    expect(bookingRow(code).name).toBeNull();
  });

  /** The job's run is async (the store is): let it finish. */
  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it('runs at start and then every hour', async () => {
    s = await startServer({ listen: false });
    const first = await bookOn('2026-11-25', nikFor(30));
    const second = await bookOn('2026-11-26', nikFor(31));
    s.clock.set('2026-12-26T10:00:00.000+07:00');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startRetention(s.store, s.clock, s.config, log);
    await settled();
    expect(bookingRow(first).erased_at).not.toBeNull(); // at start
    expect(bookingRow(second).erased_at).toBeNull();
    expect(log.info).toHaveBeenCalledWith({ erased: 1, retentionDays: 30 }, expect.any(String));
    s.clock.advance({ days: 1 });
    vi.advanceTimersByTime(HOUR_MS - 1);
    expect(bookingRow(second).erased_at).toBeNull();
    vi.advanceTimersByTime(1);
    await settled();
    expect(bookingRow(second).erased_at).not.toBeNull(); // at the next hourly run
    stop();
    expect(JSON.stringify(log.info.mock.calls)).not.toMatch(/Joko|6281234567890/);
  });
});
