/**
 * The province scenario (issue 11): the booking burst on PostgreSQL with one server process and
 * with two (both on one database, Redis between them, the load split over both ports as a load
 * balancer would), and the call fan-out across processes (sockets on one process, the call made
 * through the other, carried by the Redis adapter), each beside the bare baseline measured in
 * this same phase. Every database is a fresh one on the machine's PostgreSQL, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import pg from 'pg';
import { seedIfEmpty } from '../server/seed';
import { createPostgresStore } from '../server/store/postgres/index';
import { freshDatabase } from '../tests/contract/postgresEngine';
import { burst, burstClient, type BurstResult } from './burst';
import { issueWalkIns, signInCookie, staffPost } from './client';
import { connectAll, interleave, type Fanout } from './fanout';
import { ADMIN_PASSWORD, BENCH_NOW, serverEnv, split } from './prepare';
import { startProcess, type ServerProcess } from './proc';
import type { Row } from './report';
import { fixed } from './stats';

export type ProvinceOptions = {
  dir: string;
  n: number;
  c: number;
  m: number;
  slots: number;
  k: number;
  rounds: number;
  redisUrl: string;
  step: (what: string) => void;
  track: (server: ServerProcess) => void;
};

/** The one NIK key every process of the bench deployment shares (NIK_SECRET). */
const BENCH_NIK_SECRET = randomBytes(32).toString('hex');

type PgBench = { url: string; drop: () => Promise<void>; kioskToken: string; slotIds: number[]; warmupSlotId: number };

/** A fresh database seeded as a first start would, then `slots` measured slots of service A holding `m` places. */
const preparePostgres = async (o: ProvinceOptions, warmupCapacity: number): Promise<PgBench> => {
  const database = await freshDatabase();
  const now = DateTime.fromISO(BENCH_NOW, { setZone: true });
  const store = await createPostgresStore({ connectionString: database.url, nikSecret: BENCH_NIK_SECRET, notifyChannel: 'log' });
  const seed = await seedIfEmpty(store, { seedDemo: true, adminPassword: ADMIN_PASSWORD }, now).finally(() => store.close());
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const today = now.setZone('Asia/Jakarta').toISODate()!;
    const { rows } = await client.query<{ id: number }>(
      `SELECT s.id FROM slots s JOIN services v ON v.id = s.service_id
       WHERE s.office_id = 'demo' AND v.code = 'A' AND s.date > $1 ORDER BY s.date, s.start LIMIT $2`,
      [today, o.slots + 1],
    );
    const [warmup, ...measured] = rows.map((r) => r.id) as [number, ...number[]];
    const capacities = split(o.m, o.slots);
    await client.query('UPDATE slots SET capacity = $1 WHERE id = $2', [warmupCapacity, warmup]);
    for (const [i, id] of measured.entries()) await client.query('UPDATE slots SET capacity = $1 WHERE id = $2', [capacities[i], id]);
    await client.query(`UPDATE services SET walk_in_quota = NULL WHERE office_id = 'demo'`);
    return { url: database.url, drop: database.drop, kioskToken: seed.kioskToken!, slotIds: measured, warmupSlotId: warmup };
  } finally {
    await client.end();
  }
};

/** Read back from the database: no slot over capacity, and `booked` equal to the active bookings. */
const checkPostgres = async (url: string, slotIds: number[]) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ capacity: number; booked: number; active: string }>(
      `SELECT s.capacity, s.booked, (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status IN ('booked', 'checked_in')) AS active
       FROM slots s WHERE s.id = ANY($1)`,
      [slotIds],
    );
    return {
      bookings: rows.reduce((sum, r) => sum + Number(r.active), 0),
      overbooked: rows.filter((r) => Number(r.active) > r.capacity || r.booked > r.capacity).length,
      mismatched: rows.filter((r) => r.booked !== Number(r.active)).length,
    };
  } finally {
    await client.end();
  }
};

/** N product processes on one PostgreSQL database (with Redis when more than one). */
const startProduct = async (o: ProvinceOptions, db: PgBench, processes: number, prefix: string): Promise<ServerProcess[]> => {
  const env = {
    ...serverEnv(o.dir, 'unused-on-postgres.db'),
    DATABASE_URL: db.url,
    NIK_SECRET: BENCH_NIK_SECRET,
    ...(processes > 1 ? { REDIS_URL: o.redisUrl, REDIS_PREFIX: prefix } : {}),
    BENCH_LOOP_DELAY: '1',
  };
  const servers: ServerProcess[] = [];
  for (let i = 0; i < processes; i++) {
    const server = await startProcess('server.ts', env);
    o.track(server);
    servers.push(server);
  }
  return servers;
};

/** One burst split over the processes as a load balancer would (N/P attempts at C/P each, at once); the combined rate. */
const splitBurst = async (servers: ServerProcess[], path: string, slotIds: number[], n: number, c: number, firstNik: number) => {
  const clients = servers.map((s) => burstClient(s.url, Math.ceil(c / servers.length)));
  const shares = split(n, servers.length);
  const concurrency = split(c, servers.length);
  const startedAt = performance.now();
  const results: BurstResult[] = await Promise.all(
    clients.map((client, i) => burst(client, { path, slotIds }, shares[i]!, concurrency[i]!, firstNik + i * n)),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  for (const client of clients) client.close();
  const attempts = results.reduce((sum, r) => sum + r.attempts, 0);
  const statuses: Record<number, number> = {};
  for (const r of results) for (const [status, count] of Object.entries(r.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
  return { rps: attempts / seconds, p99: Math.max(...results.map((r) => r.p99)), statuses, errors: results.reduce((sum, r) => sum + r.errors, 0) };
};

const burstOn = async (o: ProvinceOptions, processes: number) => {
  const warmup = Math.min(1000, Math.max(2 * o.c, Math.round(o.n / 10)));
  const db = await preparePostgres(o, Math.round(warmup / 2));
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const servers = await startProduct(o, db, processes, prefix);
  try {
    const path = '/api/offices/demo/bookings';
    o.step(`province: booking burst on PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`);
    await splitBurst(servers, path, [db.warmupSlotId], warmup, o.c, 900_000);
    const result = await splitBurst(servers, path, db.slotIds, o.n, o.c, 0);
    return { ...result, check: await checkPostgres(db.url, db.slotIds), servers, db };
  } catch (error) {
    await Promise.all(servers.map((s) => s.kill()));
    await db.drop();
    throw error;
  }
};

/** The bare baseline's burst in this phase, on its own fresh SQLite file (one process: its best case). */
const bareBurst = async (o: ProvinceOptions) => {
  const warmup = Math.min(1000, Math.max(2 * o.c, Math.round(o.n / 10)));
  const baseline = await startProcess('baseline-server.ts', {
    BASELINE_DB: `${o.dir}/province-baseline-${randomBytes(3).toString('hex')}.db`,
    BASELINE_CAPACITIES: [Math.round(warmup / 2), ...split(o.m, o.slots)].join(','),
  });
  o.track(baseline);
  const slotIds = Array.from({ length: o.slots }, (_, i) => i + 2);
  await splitBurst([baseline], '/book', [1], warmup, o.c, 900_000);
  const result = await splitBurst([baseline], '/book', slotIds, o.n, o.c, 0);
  return { ...result, baseline };
};

/** Sockets on process B, calls through process A: the Redis adapter carries every event across. */
const crossFanout = async (o: ProvinceOptions, [a, b]: ServerProcess[], db: PgBench, baseline: ServerProcess): Promise<[Fanout, Fanout]> => {
  const displays = Math.ceil(o.k / 2);
  const followed = o.k - displays;
  o.step(`province: fan-out across processes (${o.k} sockets on process B, calls through process A)`);
  const ticketIds = await issueWalkIns(a!.url, db.kioskToken, followed + o.rounds + 2);
  const cookie = await signInCookie(a!.url);
  const ours = await connectAll(
    {
      url: b!.url,
      officeId: 'demo',
      ticketIds: ticketIds.slice(0, followed),
      call: async () => (await staffPost(a!.url, cookie, '/counters/1/call-next'))?.ticket.id,
      settle: async (id) => {
        if (typeof id !== 'string') throw new Error('call-next found nobody waiting');
        await staffPost(a!.url, cookie, `/tickets/${id}/start`);
        await staffPost(a!.url, cookie, `/tickets/${id}/complete`);
      },
    },
    displays,
  );
  const bare = await connectAll(
    {
      url: baseline.url,
      officeId: 'demo',
      ticketIds: Array.from({ length: followed }, (_, i) => `t${i}`),
      call: async () => {
        const res = await fetch(`${baseline.url}/call`, { method: 'POST' });
        if (!res.ok) throw new Error(`baseline call: ${res.status}`);
        await res.arrayBuffer();
      },
    },
    displays,
  );
  const result = (await interleave([ours, bare], o.rounds, 2)) as [Fanout, Fanout];
  ours.close();
  bare.close();
  return result;
};

const statusText = (s: Record<number, number>) => Object.entries(s).map(([k, v]) => `${k}×${v}`).join(', ');

export const provincePhase = async (o: ProvinceOptions): Promise<{ rows: Row[]; statuses: string; ok: boolean }> => {
  const bare = await bareBurst(o);
  const one = await burstOn(o, 1);
  await Promise.all(one.servers.map((s) => s.stop()));
  await one.db.drop();
  const two = await burstOn(o, 2);
  let fanout: [Fanout, Fanout];
  try {
    fanout = await crossFanout(o, two.servers, two.db, bare.baseline);
  } finally {
    await Promise.all([...two.servers.map((s) => s.stop()), bare.baseline.stop()]);
    await two.db.drop();
  }
  const expected = Math.min(o.m, o.n);
  const [ours, bareFan] = fanout;
  const rows: Row[] = [
    { section: `Province: booking burst on PostgreSQL (${o.n} attempts, ${o.c} concurrent, ${o.m} places; the load split over the processes)` },
    { measure: 'requests/s, 1 process', ours: fixed(one.rps, 0), bare: fixed(bare.rps, 0), ratio: fixed(one.rps / bare.rps, 2) },
    { measure: 'requests/s, 2 processes + Redis', ours: fixed(two.rps, 0), bare: fixed(bare.rps, 0), ratio: fixed(two.rps / bare.rps, 2) },
    { measure: 'latency p99 (ms), 1 / 2 processes', ours: `${fixed(one.p99, 0)} / ${fixed(two.p99, 0)}`, bare: fixed(bare.p99, 0) },
    { measure: 'bookings made (201), 1 / 2 processes', ours: `${one.statuses[201] ?? 0} / ${two.statuses[201] ?? 0}`, target: `= ${expected}`, ok: one.statuses[201] === expected && two.statuses[201] === expected },
    { measure: 'bookings in the database, 1 / 2 processes', ours: `${one.check.bookings} / ${two.check.bookings}`, target: `= ${expected}`, ok: one.check.bookings === expected && two.check.bookings === expected },
    { measure: 'overbooked slots or booked ≠ bookings', ours: String(one.check.overbooked + one.check.mismatched + two.check.overbooked + two.check.mismatched), target: '0', ok: one.check.overbooked + one.check.mismatched + two.check.overbooked + two.check.mismatched === 0 },
    { measure: 'connection errors/timeouts', ours: String(one.errors + two.errors), bare: String(bare.errors), target: '0', ok: one.errors + two.errors === 0 },
    { section: `Province: call fan-out across two processes through Redis (${o.k} sockets on one process, calls through the other; ${o.rounds} calls)` },
    { measure: 'receipt p50 (ms)', ours: fixed(ours.p50), bare: fixed(bareFan.p50), ratio: fixed(ours.p50 / bareFan.p50, 2) },
    { measure: 'receipt p99 (ms)', ours: fixed(ours.p99), bare: fixed(bareFan.p99), ratio: fixed(ours.p99 / bareFan.p99, 2) },
    { measure: 'events missed', ours: String(ours.missed), bare: String(bareFan.missed), target: '0', ok: ours.missed === 0 },
  ];
  const statuses = `PostgreSQL 1 process ${statusText(one.statuses)}; 2 processes ${statusText(two.statuses)}; baseline ${statusText(bare.statuses)}`;
  const ok = rows.every((r) => !('ok' in r) || r.ok !== false);
  return { rows, statuses, ok };
};
