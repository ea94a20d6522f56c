import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBookableSlot, person } from '../support/factories';
import { startServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => (s = await startServer({ config: { synchronous: 'FULL' } })));
afterAll(() => s.stop());

describe('capacity under concurrency, on a real SQLite file over real HTTP', () => {
  it('200 parallel bookings for a slot of capacity 20 give exactly 20 × 201, 180 × 409 SLOT_FULL and 20 rows', async () => {
    const slot = await firstBookableSlot(s.app, 'A');
    expect(slot.capacity).toBe(20);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(`${s.url}/api/offices/demo/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ service: 'A', slotId: slot.id, ...person(1000 + i) }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } })),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    const full = responses.filter((r) => r.status === 409 && r.body.error?.code === 'SLOT_FULL');
    expect(created).toHaveLength(20);
    expect(full).toHaveLength(180);
    const rows = s.db.prepare("select count(*) n from bookings where slot_id = ? and status = 'booked'").get(slot.id) as { n: number };
    expect(rows.n).toBe(20);
    const counted = s.db.prepare('select booked from slots where id = ?').get(slot.id) as { booked: number };
    expect(counted.booked).toBe(20);
  });
});
