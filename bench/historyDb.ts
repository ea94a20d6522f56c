/**
 * The year-of-history database of the history scenario, made once and cached in bench/.cache/
 * (git-ignored). The real server creates it (its migrations, its first-start seed: the demo
 * office, the admin, the kiosk whose token it reports once), then the past is written with
 * plain SQL in a few big transactions, and the real server opens it once more and runs until
 * it idles (whatever it does with an existing database at start-up or in its background jobs
 * has then been done, as on a server that has run for a year; bounded at SETTLE_MAX_MS). The cache is keyed on everything that shapes the file: the generator, the
 * migrations, the seed and the bench clock; a change to any of them makes a new one.
 */
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../server/config';
import { generateDay, type Day, type OfficeShape } from './historyDay';
import { BENCH_NOW, serverEnv } from './prepare';
import { startProcess, type ServerProcess } from './proc';
import { sleep } from './stats';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
export const CACHE_DIR = join(HERE, '.cache');

/** One busy office's year, as issue 16 measured it. */
export const HISTORY = { days: 250, ticketsPerDay: 600, bookingsPerDay: 300, seed: 16, officeId: 'demo', daysPerTransaction: 25 };
/** Walk-in share of each demo service. */
const WALK_IN_SHARE: Record<string, number> = { A: 0.5, B: 0.35, C: 0.15 };
/** How long the server may work on the new history in the background before the file is cached anyway. */
const SETTLE_MAX_MS = 30_000;

export type HistoryCounts = { days: number; slots: number; bookings: number; tickets: number; events: number; notifications: number };
export type HistoryDb = {
  path: string;
  kioskToken: string;
  counts: HistoryCounts;
  /** First and last day of the history (office-local). */
  from: string;
  to: string;
  bytes: number;
  /** Seconds the generation took when it was made (0 ⇒ never measured). */
  generatedSeconds: number;
  fromCache: boolean;
};
type Meta = Omit<HistoryDb, 'path' | 'fromCache'> & { key: string };

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])).sort();

/** Everything the file depends on: the generator, the migrations, the seed, the clock, the parameters. */
const cacheKey = (): string => {
  const hash = createHash('sha256').update(JSON.stringify({ HISTORY, WALK_IN_SHARE, BENCH_NOW }));
  const sources = [join(HERE, 'historyDay.ts'), join(HERE, 'historyDb.ts'), join(ROOT, 'server/seed.ts'), ...filesUnder(join(ROOT, 'server/store/sqlite/migrations'))];
  for (const file of sources) hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
};

/** The working days before the bench's today (newest first): days with opening hours, most recent `count`. */
const pastWorkingDays = (today: DateTime, count: number, openWeekdays: Set<number>): string[] => {
  const days: string[] = [];
  for (let d = today.minus({ days: 1 }); days.length < count; d = d.minus({ days: 1 })) if (openWeekdays.has(d.weekday)) days.push(d.toISODate()!);
  return days;
};

const readShape = (sqlite: Database.Database, officeId: string) => {
  const office = sqlite.prepare('SELECT id, name, timezone FROM offices WHERE id = ?').get(officeId) as { id: string; name: string; timezone: string } | undefined;
  if (!office) throw new Error(`history: the seed made no office '${officeId}'`);
  const services = sqlite.prepare('SELECT id, code, name_id AS name, typical_minutes AS typicalMinutes FROM services WHERE office_id = ? ORDER BY position, code').all(officeId) as
    { id: number; code: string; name: string; typicalMinutes: number }[];
  const templates = sqlite.prepare('SELECT service_id AS serviceId, weekday, start, "end", capacity FROM slot_templates WHERE office_id = ? ORDER BY service_id, start').all(officeId) as
    { serviceId: number; weekday: number; start: string; end: string; capacity: number }[];
  const hours = sqlite.prepare('SELECT weekday, open, close FROM opening_hours WHERE office_id = ?').all(officeId) as { weekday: number; open: string; close: string }[];
  const counters = sqlite.prepare('SELECT id FROM counters WHERE office_id = ? ORDER BY id').all(officeId) as { id: number }[];
  const links = sqlite.prepare('SELECT counter_id AS counterId, service_id AS serviceId FROM counter_services ORDER BY position').all() as { counterId: number; serviceId: number }[];
  const admin = sqlite.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: number };
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  /** The day's shape: its weekday's hours and slot templates, and the zone's offset that day. */
  const shapeOf = (weekday: number, offsetMinutes: number): OfficeShape => {
    const h = hours.find((x) => x.weekday === weekday)!;
    return {
      officeName: office.name,
      offsetMinutes,
      open: minutes(h.open),
      close: minutes(h.close),
      services: services.map((s) => ({ ...s, walkInShare: WALK_IN_SHARE[s.code] ?? 0 })),
      templates: templates.filter((t) => t.weekday === weekday),
      counters: counters.map((c) => ({ id: c.id, serviceIds: links.filter((l) => l.counterId === c.id).map((l) => l.serviceId) })),
      userId: admin.id,
    };
  };
  return { timezone: office.timezone, openWeekdays: new Set(hours.map((h) => h.weekday)), shapeOf };
};

const writer = (sqlite: Database.Database, officeId: string) => {
  const slot = sqlite.prepare(
    `INSERT INTO slots (office_id, service_id, date, start, "end", start_at, end_at, capacity, booked)
     VALUES ('${officeId}', @service_id, @date, @start, @end, @start_at, @end_at, @capacity, @booked)`,
  );
  const booking = sqlite.prepare(
    `INSERT INTO bookings (office_id, code, service_id, slot_id, date, nik_hash, nik_last4, name, phone, status, cancel_reason, created_at, cancelled_at, checked_in_at, erased_at)
     VALUES ('${officeId}', @code, @service_id, @slot_id, @date, @nik_hash, @nik_last4, @name, @phone, @status, @cancel_reason, @created_at, @cancelled_at, @checked_in_at, @erased_at)`,
  );
  const ticket = sqlite.prepare(
    `INSERT INTO tickets (id, office_id, date, sequence, number, issued_service_id, service_id, source, booking_id, slot_start_at, priority, status, counter_id,
       recall_count, issued_at, queued_at, called_at, last_called_at, started_at, completed_at, no_show_at)
     VALUES (@id, '${officeId}', @date, @sequence, @number, @service_id, @service_id, @source, @booking_id, @slot_start_at, @priority, @status, @counter_id,
       @recall_count, @issued_at, @issued_at, @called_at, @last_called_at, @started_at, @completed_at, @no_show_at)`,
  );
  const event = sqlite.prepare(
    `INSERT INTO ticket_events (office_id, ticket_id, type, at, counter_id, user_id, service_id)
     VALUES ('${officeId}', @ticket_id, @type, @at, @counter_id, @user_id, @service_id)`,
  );
  const notification = sqlite.prepare(
    `INSERT INTO notifications (office_id, booking_id, channel, recipient, template, payload, status, attempts, next_attempt_at, dedupe_key, created_at, sent_at)
     VALUES ('${officeId}', @booking_id, 'log', @recipient, @template, @payload, 'sent', 1, @created_at, @dedupe_key, @created_at, @sent_at)`,
  );
  return (day: Day) => {
    const slotIds = day.slots.map((s) => Number(slot.run(s).lastInsertRowid));
    const bookingIds = day.bookings.map(({ slotIndex, ...b }) => Number(booking.run({ ...b, slot_id: slotIds[slotIndex] }).lastInsertRowid));
    for (const { bookingIndex, ...tk } of day.tickets) ticket.run({ ...tk, booking_id: bookingIndex === null ? null : bookingIds[bookingIndex] });
    for (const e of day.events) event.run(e);
    for (const { bookingIndex, ...n } of day.notifications) {
      const id = bookingIds[bookingIndex]!;
      notification.run({ ...n, booking_id: id, dedupe_key: n.template === 'reminder' ? `reminder:${id}:${day.bookings[bookingIndex]!.date}` : null });
    }
  };
};

/** Writes the history into a migrated, seeded database; returns what it wrote. */
const writeHistory = (path: string, now: DateTime): Omit<Meta, 'key' | 'kioskToken' | 'bytes' | 'generatedSeconds'> => {
  const sqlite = new Database(path);
  try {
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -262144');
    const shape = readShape(sqlite, HISTORY.officeId);
    const zone = shape.timezone;
    const today = now.setZone(zone).startOf('day');
    const retentionDays = readConfig({}).retentionDays;
    const dates = pastWorkingDays(today, HISTORY.days, shape.openWeekdays).reverse();
    const write = writer(sqlite, HISTORY.officeId);
    const counts: HistoryCounts = { days: 0, slots: 0, bookings: 0, tickets: 0, events: 0, notifications: 0 };
    for (let i = 0; i < dates.length; i += HISTORY.daysPerTransaction) {
      sqlite.transaction(() => {
        for (const date of dates.slice(i, i + HISTORY.daysPerTransaction)) {
          const midnight = DateTime.fromISO(date, { zone });
          // The retention job erases a booking's personal data once its day is `retentionDays` old.
          const erasedAt = midnight.plus({ days: retentionDays + 1, minutes: 5 });
          const day = generateDay(
            shape.shapeOf(midnight.weekday, midnight.offset),
            {
              date,
              midnightMs: midnight.toMillis(),
              erasedAtMs: erasedAt <= now ? erasedAt.toMillis() : null,
              tickets: HISTORY.ticketsPerDay,
              bookings: HISTORY.bookingsPerDay,
              seed: HISTORY.seed * 1_000_003 + Number(date.replaceAll('-', '')),
            },
          );
          write(day);
          counts.days++;
          counts.slots += day.slots.length;
          counts.bookings += day.bookings.length;
          counts.tickets += day.tickets.length;
          counts.events += day.events.length;
          counts.notifications += day.notifications.length;
        }
      }).immediate();
    }
    // The scenario issues many walk-ins today; on the fresh database prepareDb lifts the quotas too.
    sqlite.prepare('UPDATE services SET walk_in_quota = NULL WHERE office_id = ?').run(HISTORY.officeId);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { counts, from: dates[0]!, to: dates[dates.length - 1]! };
  } finally {
    sqlite.close();
  }
};

/** Polls the server's CPU time until it has been idle (under 2% of a core) for two windows in a row, or `maxMs` passed. */
const untilIdle = async (server: ServerProcess, maxMs: number, windowMs = 500): Promise<number> => {
  const started = performance.now();
  let quiet = 0;
  let cpu = (await server.rss()).cpuMicros;
  while (quiet < 2 && performance.now() - started < maxMs) {
    await sleep(windowMs);
    const now = (await server.rss()).cpuMicros;
    quiet = now - cpu < windowMs * 1000 * 0.02 ? quiet + 1 : 0;
    cpu = now;
  }
  return performance.now() - started;
};

/**
 * Starts the real bench server on `path` and stops it again: migrations, first-start seed, and
 * (with `settle`) whatever it then does with an existing database in the background, until it idles.
 */
const openWithServer = async (dir: string, path: string, settle: boolean): Promise<{ kioskToken: string | null; settledMs: number }> => {
  const server = await startProcess('server.ts', serverEnv(dir, path), 120_000);
  try {
    const res = await fetch(`${server.url}/api/health`);
    if (!res.ok) throw new Error(`history: /api/health answered ${res.status}`);
    return { kioskToken: server.kioskToken, settledMs: settle ? await untilIdle(server, SETTLE_MAX_MS) : 0 };
  } finally {
    await server.stop();
  }
};

/** The cached history database, made first when there is none for the current key. */
export const historyDatabase = async (step: (what: string) => void): Promise<HistoryDb> => {
  const key = cacheKey();
  const path = join(CACHE_DIR, `history-${key}.db`);
  const metaPath = join(CACHE_DIR, `history-${key}.json`);
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
    return { ...meta, path, fromCache: true };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const work = join(CACHE_DIR, `making-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  try {
    const started = performance.now();
    const file = join(work, 'giliran.db');
    step(`history: creating the database with the real server (migrations, seed)`);
    const { kioskToken } = await openWithServer(work, file, false);
    if (!kioskToken) throw new Error('history: the server reported no kiosk token: the database was not fresh');
    step(`history: writing ${HISTORY.days} days × ${HISTORY.ticketsPerDay} tickets and ${HISTORY.bookingsPerDay} bookings`);
    const written = writeHistory(file, DateTime.fromISO(BENCH_NOW, { setZone: true }));
    step('history: opening it once with the real server, until it idles');
    const { settledMs } = await openWithServer(work, file, true);
    step(`history: the server idled after ${(settledMs / 1000).toFixed(1)} s`);
    const settled = new Database(file);
    settled.pragma('wal_checkpoint(TRUNCATE)');
    settled.close();
    for (const old of readdirSync(CACHE_DIR)) if (/^history-.*\.(db|db-wal|db-shm|json)$/.test(old)) rmSync(join(CACHE_DIR, old), { force: true });
    renameSync(file, path);
    const meta: Meta = { key, kioskToken, ...written, bytes: statSync(path).size, generatedSeconds: (performance.now() - started) / 1000 };
    writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
    return { ...meta, path, fromCache: false };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
