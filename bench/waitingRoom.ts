/**
 * The quota-opening rush through the waiting room (BENCH_ONLY=waiting-room): the demo office
 * releases, at 10:00 WIB, the day 7 days ahead with 300 places (service A). The server's clock
 * starts at 09:59:30; V visitors (BENCH_WR_VISITORS, 5,000) join the room in the last half
 * minute, then each follows its entry at the pace the server suggests (`pollAfterMs`, as the
 * booking page does) and books once admitted, with its admission. Measured: the time from the
 * release until all 300 places are booked (read from the database: the release instant and
 * the last booking's creation, both on the server's clock), overbooked slots, 5xx answers;
 * beside it the plain burst on the same server: V direct attempts at concurrency C for 300
 * places of an already released day, and the time until its 300th booking.
 */
import Database from 'better-sqlite3';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { manyNik } from '../tests/support/factories';
import { checkProductDb } from './checks';
import { prepareDb, serverEnv, split } from './prepare';
import { startProcess, type ServerProcess } from './proc';
import type { Row } from './report';
import { fixed, sleep, summarise } from './stats';

export type WaitingRoomOptions = {
  dir: string;
  visitors: number;
  concurrency: number;
  places: number;
  step: (what: string) => void;
  track: (server: ServerProcess) => void;
};

/** The server's clock starts 30 s before the 10:00 release; the released day is 7 days ahead. */
const SERVER_NOW = '2026-11-24T09:59:30.000+07:00';
const RELEASED_DAY = '2026-12-01';
/** How long after the release the rush may take before the phase gives up (bounded run time). */
const RUSH_LIMIT_MS = 90_000;

type Answer = { status: number; body: unknown };

/** A keep-alive JSON client with up to `connections` sockets (requests beyond them queue in the agent). */
const jsonClient = (url: string, connections: number) => {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const send = (method: 'GET' | 'POST', path: string, body?: unknown, token?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = {
        ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      };
      const req = request({ agent, hostname, port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
        });
        res.on('error', reject);
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
};
type Client = ReturnType<typeof jsonClient>;

/** Counts answers by status, and the 5xx and transport errors among them. */
const tally = () => {
  const statuses: Record<string, number> = {};
  return {
    statuses,
    add: (what: string, status: number) => void (statuses[`${what} ${status}`] = (statuses[`${what} ${status}`] ?? 0) + 1),
    serverErrors: () => Object.entries(statuses).filter(([k]) => /\s(5\d\d|0)$/.test(k)).reduce((n, [, v]) => n + v, 0),
  };
};

/** The database as the load needs it: the release at 10:00, the released day's places, and a released day's for the plain burst. */
const prepare = async (dir: string, places: number) => {
  mkdirSync(dir, { recursive: true });
  const db = await prepareDb(dir, { slots: 10, capacity: places, warmupCapacity: 1, unlimitedWalkIns: false, sets: 1 });
  const sqlite = new Database(db.dbPath);
  try {
    sqlite.prepare(`UPDATE offices SET release_time = '10:00', release_days_ahead = 7 WHERE id = 'demo'`).run();
    const slots = sqlite
      .prepare(`SELECT s.id, v.code FROM slots s JOIN services v ON v.id = s.service_id WHERE s.office_id = 'demo' AND s.date = ? ORDER BY s.start`)
      .all(RELEASED_DAY) as { id: number; code: string }[];
    const released = slots.filter((s) => s.code === 'A').map((s) => s.id);
    const capacities = split(places, released.length);
    const set = sqlite.prepare('UPDATE slots SET capacity = ? WHERE id = ?');
    sqlite.transaction(() => {
      for (const s of slots) set.run(0, s.id);
      released.forEach((id, i) => set.run(capacities[i], id));
    })();
    return { dbPath: db.dbPath, releasedSlots: released, burstSlots: db.slotSets[0]! };
  } finally {
    sqlite.close();
  }
};

/** One visitor: joins (done before), follows the entry at the suggested pace, books once admitted (another slot if one is full). */
const visit = async (client: Client, entry: { entryId: string; token: string }, n: number, slots: number[], t: ReturnType<typeof tally>, done: () => boolean) => {
  while (!done()) {
    const polled = await client.send('GET', `/api/waiting-room/${entry.entryId}`, undefined, entry.token).catch(() => ({ status: 0, body: null }));
    t.add('poll', polled.status);
    const view = polled.body as { status: string; drawn: boolean; pollAfterMs: number } | null;
    if (polled.status !== 200 || !view) return;
    if (view.status === 'admitted') {
      for (let k = 0; k < slots.length && !done(); k++) {
        const body = { service: 'A', slotId: slots[(n + k) % slots.length], nik: manyNik(n), name: `Warga ${n}`, phone: `0812${String(10_000_000 + n)}`, admission: entry.token };
        const booked = await client.send('POST', '/api/offices/demo/bookings', body).catch(() => ({ status: 0, body: null }));
        t.add('book', booked.status);
        if (booked.status !== 409 || (booked.body as { error?: { code?: string } })?.error?.code !== 'SLOT_FULL') return;
      }
      return;
    }
    if (view.status !== 'waiting') return;
    await sleep(view.pollAfterMs + (view.drawn ? 0 : Math.random() * 1000));
  }
};

/** The plain burst on the same server: `n` direct attempts at concurrency `c` on an open day; when its last place went. */
const plainRush = async (client: Client, n: number, c: number, slots: number[], places: number, t: ReturnType<typeof tally>) => {
  let next = 0;
  let booked = 0;
  let allBookedMs = NaN;
  const started = performance.now();
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const body = { service: 'A', slotId: slots[i % slots.length], nik: manyNik(800_000 + i), name: `Warga ${i}`, phone: `0813${String(10_000_000 + i)}` };
      const res = await client.send('POST', '/api/offices/demo/bookings', body).catch(() => ({ status: 0, body: null }));
      t.add('plain', res.status);
      if (res.status === 201 && ++booked === places) allBookedMs = performance.now() - started;
    }
  };
  await Promise.all(Array.from({ length: c }, worker));
  return { allBookedMs, seconds: (performance.now() - started) / 1000, booked };
};

export const waitingRoomPhase = async (o: WaitingRoomOptions): Promise<{ rows: Row[]; statuses: string; ok: boolean }> => {
  const dir = join(o.dir, 'waiting-room');
  o.step(`waiting room: preparing (${o.visitors} visitors, ${o.places} places)`);
  const db = await prepare(dir, o.places);
  const server = await startProcess('server.ts', serverEnv(dir, db.dbPath, SERVER_NOW));
  o.track(server);
  const client = jsonClient(server.url, o.concurrency);
  const t = tally();
  try {
    // The joins: everyone in the last half minute before the release, C at a time.
    o.step('waiting room: visitors joining before the release');
    const entries: { entryId: string; token: string }[] = [];
    const joinLatencies: number[] = [];
    let nextJoin = 0;
    const joinStarted = performance.now();
    await Promise.all(Array.from({ length: o.concurrency }, async () => {
      while (nextJoin < o.visitors) {
        nextJoin++;
        const sentAt = performance.now();
        const res = await client.send('POST', '/api/offices/demo/waiting-room', { date: RELEASED_DAY }).catch(() => ({ status: 0, body: null }));
        joinLatencies.push(performance.now() - sentAt);
        t.add('join', res.status);
        if (res.status === 201) entries.push(res.body as { entryId: string; token: string });
      }
    }));
    const joinSeconds = (performance.now() - joinStarted) / 1000;

    // Everyone follows the room until the places are gone (or the bound).
    o.step(`waiting room: ${entries.length} waiting for the release, then booking`);
    let finished = false;
    const countBooked = new Database(db.dbPath, { readonly: true });
    countBooked.pragma('busy_timeout = 5000');
    const bookedOnDay = () => (countBooked.prepare(`SELECT count(*) AS n FROM bookings WHERE date = ? AND status IN ('booked', 'checked_in')`).get(RELEASED_DAY) as { n: number }).n;
    const watcher = (async () => {
      const limit = performance.now() + 30_000 + RUSH_LIMIT_MS;
      while (!finished && performance.now() < limit) {
        await sleep(250);
        if (bookedOnDay() >= o.places) finished = true;
      }
      finished = true;
    })();
    await Promise.all(entries.map((e, n) => visit(client, e, n + 1, db.releasedSlots, t, () => finished)));
    finished = true;
    await watcher;
    const timing = countBooked
      .prepare(`SELECT r.release_at AS releaseAt, (SELECT max(created_at) FROM bookings WHERE date = r.date) AS lastBooking,
          (SELECT count(*) FROM bookings WHERE date = r.date AND status IN ('booked', 'checked_in')) AS booked, r.drawn_entries AS drawn
        FROM releases r WHERE r.office_id = 'demo' AND r.date = ?`)
      .get(RELEASED_DAY) as { releaseAt: number; lastBooking: number | null; booked: number; drawn: number } | undefined;
    countBooked.close();

    o.step('waiting room: the plain burst on an open day, for comparison');
    const plain = await plainRush(client, o.visitors, o.concurrency, db.burstSlots, o.places, t);
    const check = checkProductDb(db.dbPath);
    const roomMs = timing?.lastBooking ? timing.lastBooking - timing.releaseAt : NaN;
    const allBooked = (timing?.booked ?? 0) === o.places;
    const join = summarise(joinLatencies);
    const fiveXx = t.serverErrors();
    const rows: Row[] = [
      { section: `Quota opening through the waiting room (${o.visitors} visitors joining in the last 30 s for ${o.places} places; the plain burst: ${o.visitors} direct attempts at concurrency ${o.concurrency} on an open day)`, columns: ['Waiting room', 'Plain burst'] },
      { measure: `time until all ${o.places} places are booked (s)`, ours: fixed(roomMs / 1000, 2), bare: fixed(plain.allBookedMs / 1000, 2), target: 'all booked', ok: allBooked && plain.booked === o.places },
      { measure: 'places booked', ours: String(timing?.booked ?? 0), bare: String(plain.booked) },
      { measure: 'slots overbooked (whole database)', ours: String(check.overbooked), target: '0', ok: check.overbooked === 0 && check.mismatched === 0 },
      { measure: '5xx answers or transport errors (all requests)', ours: String(fiveXx), target: '0', ok: fiveXx === 0 },
      { measure: `joins: ${o.visitors} in (s), p99 (ms)`, ours: `${fixed(joinSeconds, 1)}, ${fixed(join.p99, 0)}`, bare: '' },
      { measure: 'entries drawn at the release', ours: String(timing?.drawn ?? 0) },
      { note: 'Waiting room: from the release instant to the creation of the last booking, both on the server\'s clock; each visitor polls at the pace the server suggests (the release moment ±1 s, then 2–5 s) and books with its admission. Plain burst: from the first attempt to the answer of the 300th booking, measured by the load generator.' },
    ];
    const statuses = `waiting room: ${Object.entries(t.statuses).map(([k, v]) => `${k}×${v}`).join(', ')}`;
    return { rows, statuses, ok: allBooked && check.overbooked === 0 && check.mismatched === 0 && fiveXx === 0 };
  } finally {
    client.close();
    await server.stop();
  }
};
