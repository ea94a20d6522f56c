/**
 * Rule 1 of the product: never more bookings in a slot than its capacity, whatever the
 * concurrency. Real HTTP to a listening server on 127.0.0.1, many requests in flight at once.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manyNik, nikFor } from '../support/factories';
import { startServer, type TestServer } from '../support/server';
import { row, rows, slotAt, sql } from './bookingSupport';

let s: TestServer;
beforeAll(async () => (s = await startServer({ config: { bookingRateLimit: 100_000, publicWriteRateLimit: 100_000 } })));
afterAll(() => s.stop());

const post = async (path: string, body: unknown, base = s.url) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { code?: string; error?: { code: string } } };
};

describe('500 parallel booking requests over 5 slots of capacity 20', () => {
  it('makes exactly 100 bookings, 20 per slot, and refuses the other 400 with SLOT_FULL', async () => {
    const slots = await Promise.all(['08:00', '09:00', '10:00', '11:00', '12:00'].map((time) => slotAt(s, '2026-11-26', time)));
    expect(slots.map((x) => x.capacity)).toEqual([20, 20, 20, 20, 20]);
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, n) =>
        post('/api/offices/demo/bookings', { service: 'A', slotId: slots[n % 5]!.id, nik: manyNik(1000 + n), name: `Warga ${n}`, phone: `0812-5555-${String(1000 + n)}` }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(created).toHaveLength(100);
    expect(refused).toHaveLength(400);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.error?.code}`))).toEqual(new Set(['409 SLOT_FULL']));
    expect(new Set(created.map((r) => r.body.code)).size).toBe(100);
    for (const slot of slots) {
      const { booked, capacity } = row<{ booked: number; capacity: number }>(s, 'SELECT booked, capacity FROM slots WHERE id = ?', slot.id);
      const stored = row<{ n: number }>(s, "SELECT count(*) AS n FROM bookings WHERE slot_id = ? AND status = 'booked'", slot.id).n;
      expect({ booked, stored, capacity }).toEqual({ booked: 20, stored: 20, capacity: 20 });
    }
    // Every booking had its own confirmation queued in the same transaction; no refusal left one.
    expect(row<{ n: number }>(s, "SELECT count(*) AS n FROM notifications WHERE template = 'booked'").n).toBe(100);
  });
});

describe('two reschedules racing for the last place', () => {
  it('lets one win; the other keeps its old place (ten rounds)', async () => {
    const target = await slotAt(s, '2026-11-27', '14:00', 'C'); // capacity 5
    const froms = [await slotAt(s, '2026-11-27', '08:00', 'C'), await slotAt(s, '2026-11-27', '09:00', 'C')];
    for (let round = 0; round < 10; round++) {
      s.db.exec("DELETE FROM notifications; DELETE FROM bookings WHERE service_id = (SELECT id FROM services WHERE code = 'C')");
      sql(s, 'UPDATE slots SET booked = 0 WHERE id IN (?, ?, ?)', target.id, froms[0]!.id, froms[1]!.id);
      // The target has one place left: four others hold the rest.
      for (let n = 0; n < 4; n++) {
        const r = await post('/api/offices/demo/bookings', { service: 'C', slotId: target.id, nik: manyNik(50_000 + n), name: 'Pengisi', phone: `08129999000${n}` });
        expect(r.status).toBe(201);
      }
      const holders = [nikFor(9001), nikFor(9002)];
      const codes: string[] = [];
      for (const [i, nik] of holders.entries()) {
        const r = await post('/api/offices/demo/bookings', { service: 'C', slotId: froms[i]!.id, nik, name: 'Pemohon', phone: `08128888000${i}` });
        expect(r.status).toBe(201);
        codes.push(r.body.code!);
      }
      const [a, b] = await Promise.all(
        codes.map((code, i) => post(`/api/bookings/${code}/reschedule`, { nik4: holders[i]!.slice(-4), slotId: target.id })),
      );
      const outcomes = [a!, b!].map((r) => (r.status === 200 ? 'won' : `${r.status} ${r.body.error?.code}`)).sort();
      expect(outcomes).toEqual(['409 SLOT_FULL', 'won']);
      const loserIndex = a!.status === 200 ? 1 : 0;
      const loser = row<{ slot_id: number; status: string }>(s, 'SELECT slot_id, status FROM bookings WHERE code = ?', codes[loserIndex]);
      expect(loser).toEqual({ slot_id: froms[loserIndex]!.id, status: 'booked' });
      const counts = rows<{ id: number; booked: number }>(s, 'SELECT id, booked FROM slots WHERE id IN (?, ?, ?) ORDER BY id', target.id, froms[0]!.id, froms[1]!.id);
      const byId = new Map(counts.map((c) => [c.id, c.booked]));
      expect(byId.get(target.id)).toBe(5);
      expect(byId.get(froms[loserIndex]!.id)).toBe(1);
      expect(byId.get(froms[1 - loserIndex]!.id)).toBe(0);
    }
  });
});

describe('two server processes on the same database file', () => {
  it('never overbook a slot between them: 200 requests over 2 slots of capacity 20 → 40 bookings', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/http/bookingProcess.ts', s.dir], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const otherUrl = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`second process exited with ${code}`)));
      });
      const slots = [await slotAt(s, '2026-11-30', '08:00'), await slotAt(s, '2026-11-30', '09:00')];
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, n) =>
          post(
            '/api/offices/demo/bookings',
            { service: 'A', slotId: slots[n % 2]!.id, nik: manyNik(20_000 + n), name: `Warga ${n}`, phone: `0812-4444-${5000 + n}` },
            n % 4 < 2 ? s.url : otherUrl,
          ),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(40);
      expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.error?.code))).toEqual(new Set(['SLOT_FULL']));
      for (const slot of slots) {
        expect(row(s, "SELECT booked, (SELECT count(*) FROM bookings b WHERE b.slot_id = slots.id AND b.status = 'booked') AS stored FROM slots WHERE id = ?", slot.id)).toEqual({ booked: 20, stored: 20 });
      }
      // Each process sees what the other committed.
      const seen = await (await fetch(`${otherUrl}/api/offices/demo/availability?service=A&from=2026-11-30&days=1`)).json();
      expect(seen[0].slots.slice(0, 2).map((x: { remaining: number }) => x.remaining)).toEqual([0, 0]);
    } finally {
      child.stdin!.end();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    }
  });
});
