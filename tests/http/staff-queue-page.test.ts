/**
 * The staff queue is a bounded page (issue 16, item 4): however long the day's queue, each
 * service lists its first STAFF_PAGE_PER_SERVICE waiting tickets in call order, and every
 * service's full count rides along; on both engines.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PAGE_PER_SERVICE } from '../../shared/protocol';
import { ENGINES, type EngineServer } from '../support/engines';
import { kioskAuth, signIn } from '../support/factories';

describe.each(ENGINES)('the staff queue page on $name', ({ start }) => {
  let s: EngineServer;
  beforeAll(async () => {
    s = await start({ listen: false });
    const admin = await signIn(s.app);
    await admin.patch('/api/offices/demo/services/A').send({ walkInQuota: null }).expect(200);
  });
  afterAll(() => s.stop());

  it('lists the first tickets of each service in call order and counts the rest', async () => {
    const issue = (service: string) => request(s.app).post('/api/offices/demo/tickets').set(kioskAuth(s.kioskToken)).send({ service }).expect(201);
    for (let i = 0; i < STAFF_PAGE_PER_SERVICE + 30; i++) await issue('A');
    for (let i = 0; i < 3; i++) await issue('B');
    const state = await s.store.staffState('demo', s.clock.now());
    expect(state.waitingTotal).toBe(STAFF_PAGE_PER_SERVICE + 33);
    expect(state.waitingCounts).toMatchObject({ A: STAFF_PAGE_PER_SERVICE + 30, B: 3 });
    const listed = state.waiting.map((w) => w.number);
    expect(listed.filter((n) => n.startsWith('A'))).toEqual(Array.from({ length: STAFF_PAGE_PER_SERVICE }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect(listed.filter((n) => n.startsWith('B'))).toEqual(['B001', 'B002', 'B003']);
    // The page's size no longer grows with the queue.
    expect(JSON.stringify(state).length).toBeLessThan(20_000);
  });
});
