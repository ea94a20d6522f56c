/** Rule 1 over real HTTP on both engines: never more bookings in a slot than its capacity, whatever the concurrency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBookableSlot, person } from '../support/factories';
import { ENGINES, type EngineServer } from '../support/engines';

describe.each(ENGINES)('capacity under concurrency on $name, over real HTTP', ({ start }) => {
  let s: EngineServer;
  beforeAll(async () => (s = await start({ config: { synchronous: 'FULL' } })));
  afterAll(() => s.stop());

  it('200 parallel bookings for a slot of capacity 20 give exactly 20 × 201, 180 × 409 SLOT_FULL and 20 rows', async () => {
    const slot = await firstBookableSlot(s.app, 'A');
    expect(slot.capacity).toBe(20);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(`${s.url}/api/offices/demo/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ service: 'A', slotId: slot.id, ...person(1000 + i), phone: `0812${String(30_000_000 + i)}` }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } })),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    const full = responses.filter((r) => r.status === 409 && r.body.error?.code === 'SLOT_FULL');
    expect(created).toHaveLength(20);
    expect(full).toHaveLength(180);
    const [stored] = await s.query<{ n: number }>("SELECT CAST(count(*) AS integer) AS n FROM bookings WHERE slot_id = ? AND status = 'booked'", slot.id);
    expect(stored!.n).toBe(20);
    const [counted] = await s.query<{ booked: number }>('SELECT booked FROM slots WHERE id = ?', slot.id);
    expect(counted!.booked).toBe(20);
  });
});
