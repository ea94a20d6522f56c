import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskAuth } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

/** An office in Makassar (WITA, UTC+8) beside the demo office in Jakarta (WIB, UTC+7). */
let s: TestServer;
let token: string;
beforeAll(async () => {
  s = await startServer({ listen: false, now: '2026-11-24T00:30:00Z' });
  const db = s.db;
  db.prepare("insert into offices (id, name, timezone, created_at) values ('makassar', 'Disdukcapil Kota Makassar', 'Asia/Makassar', 0)").run();
  for (let d = 1; d <= 7; d++) db.prepare("insert into opening_hours (office_id, weekday, open, close) values ('makassar', ?, '08:00', '15:00')").run(d);
  db.prepare("insert into services (office_id, code, name_id, name_en) values ('makassar', 'A', 'Pengambilan Dokumen', 'Document pickup')").run();
  token = (await s.store.createKiosk('makassar', 'Kiosk', null, s.clock.now())).token;
});
afterAll(() => s.stop());

const walkIn = () => request(s.app).post('/api/offices/makassar/tickets').set(kioskAuth(token)).send({ service: 'A' });

describe('an office in Asia/Makassar (WITA) keeps its own clock', () => {
  it('opens at 08:00 WITA, which is 07:00 in Jakarta', async () => {
    s.clock.set('2026-11-24T07:30:00+07:00'); // 08:30 WITA
    const res = await walkIn();
    expect(res.status).toBe(201);
    expect(res.body.issuedAt).toBe('2026-11-24T08:30:00.000+08:00');
    expect(res.body.date).toBe('2026-11-24');
    const jakarta = await request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service: 'A' });
    expect(jakarta.status).toBe(409);
  });

  it('closes at 15:00 WITA', async () => {
    s.clock.set('2026-11-24T14:59:00+08:00');
    expect((await walkIn()).status).toBe(201);
    s.clock.set('2026-11-24T15:00:00+08:00');
    expect((await walkIn()).body.error.code).toBe('CLOSED');
  });

  it('restarts its numbers at midnight WITA (16:00 UTC), before Jakarta does', async () => {
    s.clock.set('2026-11-24T14:00:00+08:00');
    expect((await walkIn()).body.number).toBe('A003');
    // 08:00 WITA on the 25th; numbering restarts for the new local day.
    s.clock.set('2026-11-25T00:00:00Z');
    const next = await walkIn();
    expect(next.body).toMatchObject({ number: 'A001', date: '2026-11-25' });
  });
});
