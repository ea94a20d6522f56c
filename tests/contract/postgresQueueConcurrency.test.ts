/**
 * The live queue of one office under real concurrency on PostgreSQL: one store whose pool holds
 * ten connections, so that many of the operations below run in their own transactions at once
 * and meet only at the office's lock and the ticket_sequences row. Walk-ins still get distinct,
 * consecutive numbers, and two counters calling at once never call one ticket twice nor hold two.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../server/store/postgres/index';
import type { Actor } from '../../server/store/records';
import type { Store } from '../../server/store/store';
import { at, counterId, OFFICE, outcome, setUpOffice } from './contractOffice';
import { freshDatabase } from './postgresEngine';

const SET_UP_AT = at('2026-11-24T07:00');
const OPEN = at('2026-11-24T09:30');

describe('the postgres store keeps one office\'s queue consistent under concurrent use', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  let admin: Actor;

  beforeEach(async () => {
    database = await freshDatabase();
    store = await createPostgresStore({ connectionString: database.url, nikSecret: 'concurrency', notifyChannel: 'log', poolSize: 10 });
    admin = await setUpOffice(store, SET_UP_AT);
  });
  afterEach(async () => {
    await store?.close();
    await database?.drop();
  });

  /** Rows straight from the database, for what the Store interface does not show (the event log). */
  const query = async <R extends pg.QueryResultRow>(text: string, ...values: unknown[]): Promise<R[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  const walkIns = (count: number) =>
    Promise.all(Array.from({ length: count }, (_, i) => store.issueWalkIn(OFFICE, { service: 'A' }, OPEN.plus({ milliseconds: i }))));

  it('gives 100 walk-ins of one service taken at once 100 distinct consecutive numbers, A001 to A100', async () => {
    const issued = await walkIns(100);
    const expected = Array.from({ length: 100 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`);
    expect(issued.map((t) => t.number).sort()).toEqual(expected);
    expect(new Set(issued.map((t) => t.id)).size).toBe(100);
    // The next one, alone, follows on.
    expect((await store.issueWalkIn(OFFICE, { service: 'A' }, OPEN.plus({ seconds: 1 }))).number).toBe('A101');
  });

  it('lets two counters calling at once take one free ticket each, the others refused with COUNTER_BUSY', async () => {
    const waiting = await walkIns(10);
    const counters = [await counterId(store, OPEN, '1'), await counterId(store, OPEN, '2')];
    const later = OPEN.plus({ minutes: 1 });
    const attempts = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const counter = counters[i % 2]!;
        let called: string | undefined;
        const result = await outcome(async () => {
          called = (await store.callNext(counter, admin, later))?.ticket.id;
        });
        return { counter, result, called };
      }),
    );
    const taken = attempts.filter((a) => a.result === 'OK');
    expect(attempts.filter((a) => a.result !== 'OK').map((a) => a.result)).toEqual(Array(18).fill('COUNTER_BUSY'));
    expect(taken.map((a) => a.counter).sort()).toEqual([...counters].sort());
    expect(new Set(taken.map((a) => a.called)).size).toBe(2);
    expect(taken.every((a) => waiting.some((t) => t.id === a.called))).toBe(true);
    const views = await store.listCounters(OFFICE, later);
    expect(views.filter((c) => counters.includes(c.id)).map((c) => c.current?.id).sort()).toEqual(taken.map((a) => a.called).sort());
  });

  it('serves ten waiting visitors at two counters, three callers racing at each, calling every ticket once and one at a time per counter', async () => {
    const waiting = await walkIns(10);
    const counters = [await counterId(store, OPEN, '1'), await counterId(store, OPEN, '2')];
    const later = OPEN.plus({ minutes: 1 });
    /** Calls and serves at one counter until nobody waits; a call refused because a racer holds the counter is tried again. */
    const caller = async (counter: number): Promise<string[]> => {
      const served: string[] = [];
      for (;;) {
        let ticketId: string | null | undefined;
        const result = await outcome(async () => {
          ticketId = (await store.callNext(counter, admin, later))?.ticket.id ?? null;
        });
        if (result === 'COUNTER_BUSY') continue;
        expect(result).toBe('OK');
        if (ticketId === null) return served;
        await store.stepTicket(ticketId!, 'start', admin, later);
        await store.stepTicket(ticketId!, 'complete', admin, later);
        served.push(ticketId!);
      }
    };
    const served = (await Promise.all(counters.flatMap((counter) => [caller(counter), caller(counter), caller(counter)]))).flat();
    expect(served.sort()).toEqual(waiting.map((t) => t.id).sort());

    const calls = await query<{ ticket_id: string; n: string }>("SELECT ticket_id, count(*) AS n FROM ticket_events WHERE type = 'called' GROUP BY ticket_id");
    expect(calls).toHaveLength(10);
    expect(calls.every((c) => Number(c.n) === 1)).toBe(true);
    // In the order they happened, each counter's steps run call, start, complete for one ticket before the next call.
    const events = await query<{ counter_id: number; ticket_id: string; type: string }>(
      "SELECT counter_id, ticket_id, type FROM ticket_events WHERE type IN ('called', 'started', 'completed') ORDER BY id",
    );
    for (const counter of counters) {
      const steps = events.filter((e) => e.counter_id === counter);
      for (let i = 0; i < steps.length; i += 3) {
        expect(steps.slice(i, i + 3).map((e) => `${e.type} ${e.ticket_id}`)).toEqual(['called', 'started', 'completed'].map((type) => `${type} ${steps[i]!.ticket_id}`));
      }
    }
    expect(await Promise.all(waiting.map(async (t) => (await store.publicTicket(t.id, later))?.status))).toEqual(Array(10).fill('done'));
  });
});
