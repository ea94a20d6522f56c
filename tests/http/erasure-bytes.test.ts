/**
 * Erasure that erases (issue 13, item 4): after the retention job, the erased names and phones
 * are gone from the bytes of the database file and its WAL, not only from the rows; and the
 * data folder and database files belong to the server alone.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { runRetention } from '../../server/jobs/retention';
import { nikFor } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { slotAt } from './bookingSupport';

let s: TestServer;
let parent: string;
afterEach(async () => {
  await s?.stop(true);
  rmSync(parent, { recursive: true, force: true });
});

const fileBytes = (path: string): Buffer => (existsSync(path) ? readFileSync(path) : Buffer.alloc(0));

const holders = [
  { name: 'Zulkarnaen Wibisono Prawiro', phone: '081298761234', stored: '+6281298761234' },
  { name: 'Sekar Ayuningtyas Mardiyah', phone: '0813 5566 7788', stored: '+6281355667788' },
  { name: 'Bonifasius Tambunan Siregar', phone: '0857-1122-3344', stored: '+6285711223344' },
];

describe('the retention job erases personal data from the files, not only from the rows', () => {
  it('leaves no erased name or phone in giliran.db or giliran.db-wal', async () => {
    parent = mkdtempSync(join(tmpdir(), 'giliran-erase-'));
    s = await startServer({ listen: false, dir: join(parent, 'data') });
    const codes: string[] = [];
    for (const [n, h] of holders.entries()) {
      const slot = await slotAt(s, '2026-11-25', `${String(9 + n).padStart(2, '0')}:00`);
      const res = await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: slot.id, nik: nikFor(60 + n), name: h.name, phone: h.phone });
      expect(res.status).toBe(201);
      codes.push(res.body.code);
    }
    // Moved and cancelled rows leave older copies of their pages behind: these must go too.
    await request(s.app).post(`/api/bookings/${codes[0]}/reschedule`).send({ nik4: nikFor(60).slice(-4), slotId: (await slotAt(s, '2026-11-26', '08:00')).id }).expect(200);
    await request(s.app).post(`/api/bookings/${codes[1]}/cancel`).send({ nik4: nikFor(61).slice(-4) }).expect(200);
    // Older pages are also copied into the database file by a checkpoint before the erasure.
    s.db.pragma('wal_checkpoint(PASSIVE)');

    const dbPath = join(s.dir, 'giliran.db');
    const all = () => Buffer.concat([fileBytes(dbPath), fileBytes(`${dbPath}-wal`)]);
    for (const h of holders) expect(all().includes(Buffer.from(h.stored))).toBe(true); // the search finds what is there

    s.clock.set('2026-12-28T10:00:00.000+07:00');
    expect(await runRetention(s.store, s.clock, 30)).toBe(3);

    const bytes = all();
    for (const h of holders) {
      expect(bytes.includes(Buffer.from(h.name)), `name ${h.name} still in the files`).toBe(false);
      expect(bytes.includes(Buffer.from(h.stored)), `phone ${h.stored} still in the files`).toBe(false);
      expect(bytes.includes(Buffer.from(h.phone))).toBe(false);
    }
  });

  it('creates the data folder 0700 and the database files 0600', async () => {
    parent = mkdtempSync(join(tmpdir(), 'giliran-modes-'));
    s = await startServer({ listen: false, dir: join(parent, 'data') });
    await request(s.app).post('/api/offices/demo/bookings').send({ service: 'A', slotId: (await slotAt(s, '2026-11-25', '09:00')).id, nik: nikFor(70), name: 'Ani', phone: '081234567890' }).expect(201);
    expect(statSync(s.dir).mode & 0o777).toBe(0o700);
    for (const file of ['giliran.db', 'giliran.db-wal', 'giliran.db-shm', 'nik-secret']) expect(statSync(join(s.dir, file)).mode & 0o777, file).toBe(0o600);
  });
});
