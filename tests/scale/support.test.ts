/**
 * The tests' PostgreSQL server starter (tests/support/server.ts): the real app on a fresh
 * database with Redis, a `pg` pool on the same database for the test, and the database dropped
 * and the Redis keys gone at stop.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../contract/postgresEngine';
import { walkIn } from '../socket/live';
import { redisUrl, startPostgresServer } from '../support/server';

describe('startPostgresServer', () => {
  it('serves the seeded office from a fresh database, and drops it at stop', async () => {
    const s = await startPostgresServer({ redis: true, config: { bookingRateLimit: 3 } });
    const name = new URL(s.databaseUrl).pathname.slice(1);
    let stopped = false;
    try {
      expect((await s.pg.query<{ id: string }>('SELECT id FROM offices')).rows.map((row) => row.id)).toEqual(['demo']);
      const ticket = await walkIn(s.url, s.kioskToken, 'A');
      expect((await s.pg.query('SELECT id FROM tickets WHERE id = $1', [ticket.id])).rowCount).toBe(1);
      // A rate limit counted in Redis under the server's prefix.
      for (let i = 0; i < 2; i++) await fetch(`${s.url}/api/offices/demo/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const redis = new Redis(redisUrl());
      try {
        expect((await redis.keys(`${s.config.redisPrefix}:rl:*`)).length).toBeGreaterThan(0);
        await s.stop();
        stopped = true;
        expect(await redis.keys(`${s.config.redisPrefix}:*`)).toEqual([]);
      } finally {
        redis.disconnect();
      }
      const admin = new pg.Client({ connectionString: serverUrl() });
      await admin.connect();
      try {
        expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount).toBe(0);
      } finally {
        await admin.end();
      }
    } finally {
      if (!stopped) await s.stop();
    }
  });
});
