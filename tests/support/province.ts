/**
 * A province deployment for tests and the bench: a fresh PostgreSQL database seeded as a first
 * start would, and N real server processes on it (bench/server.ts: the real boot, on 127.0.0.1,
 * port reported over IPC, clock started at `now`), sharing one Redis under a prefix of their own.
 * `stop` ends the processes and drops the database.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import { serverEnv } from '../../bench/prepare';
import { startProcess, type ServerProcess } from '../../bench/proc';
import { seedIfEmpty } from '../../server/seed';
import { createPostgresStore } from '../../server/store/postgres/index';
import { freshDatabase } from '../contract/postgresEngine';
import { manyNik } from './factories';

export const PROVINCE_ADMIN_PASSWORD = 'bench-admin-password';
export const redisUrl = (): string => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type Province = {
  /** The seeded database's URL, and a client on it to set up a case or read back what was stored. */
  databaseUrl: string;
  sql: pg.Pool;
  kioskToken: string;
  servers: ServerProcess[];
  env: Record<string, string>;
  /** Starts one more process on the same database and Redis (e.g. after one was killed). */
  addServer: () => Promise<ServerProcess>;
  stop: () => Promise<void>;
};

export const startProvince = async (options: { processes: number; now: string; env?: Record<string, string> }): Promise<Province> => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-province-'));
  const database = await freshDatabase();
  // Every process of a deployment hashes NIKs with the one key the deployment is given.
  const nikSecret = randomBytes(32).toString('hex');
  const store = await createPostgresStore({ connectionString: database.url, nikSecret, notifyChannel: 'log' });
  const seed = await seedIfEmpty(store, { seedDemo: true, adminPassword: PROVINCE_ADMIN_PASSWORD }, DateTime.fromISO(options.now, { setZone: true }))
    .finally(() => store.close());
  const env = {
    ...serverEnv(dir, join(dir, 'unused-on-postgres.db'), options.now),
    DATABASE_URL: database.url,
    NIK_SECRET: nikSecret,
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    ...options.env,
  };
  const servers: ServerProcess[] = [];
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  const addServer = async () => {
    const server = await startProcess('server.ts', env);
    servers.push(server);
    return server;
  };
  try {
    for (let i = 0; i < options.processes; i++) await addServer();
  } catch (error) {
    await Promise.all(servers.map((s) => s.kill()));
    await sql.end();
    await database.drop();
    throw error;
  }
  return {
    databaseUrl: database.url,
    sql,
    kioskToken: seed.kioskToken!,
    servers,
    env,
    addServer,
    stop: async () => {
      await Promise.all(servers.map((s) => s.kill()));
      await sql.end();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

// What the province tests send and read, over real HTTP to any of the processes.

export const post = async (url: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
};

export const signInAt = async (url: string): Promise<string> => {
  const res = await post(url, '/api/auth/login', { username: 'admin', password: PROVINCE_ADMIN_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in at ${url}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
};

/** The first future slot of a service with no bookings yet, set to `capacity` places. */
export const freshSlot = async (province: Province, service: string, capacity: number, skip = 0): Promise<{ id: number; date: string }> => {
  const { rows } = await province.sql.query<{ id: number; date: string }>(
    `SELECT s.id, s.date FROM slots s JOIN services v ON v.id = s.service_id
     WHERE s.office_id = 'demo' AND v.code = $1 AND s.date > '2026-11-24' AND s.booked = 0 ORDER BY s.date, s.start OFFSET $2 LIMIT 1`,
    [service, skip],
  );
  const slot = rows[0]!;
  await province.sql.query('UPDATE slots SET capacity = $1 WHERE id = $2', [capacity, slot.id]);
  return slot;
};

export const booking = (service: string, slotId: number, n: number) => ({
  service,
  slotId,
  nik: manyNik(n),
  name: `Warga ${n}`,
  phone: `0813${String(10_000_000 + n).padStart(8, '0')}`,
});

/** Runs `tasks` with at most `parallel` in flight. */
export const pooled = async <T>(tasks: (() => Promise<T>)[], parallel: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  }));
  return results;
};

