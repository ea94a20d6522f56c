/**
 * Cost flat in history (STYLE.md habit 14): every statement a live operation runs is served by an
 * index. The statements are the real ones: the store runs each hot operation (walk-in, booking,
 * check-in, call-next, every ticket step, the board, staff, kiosk and ticket views, the public
 * ticket, availability) on a real SQLite file with the migrations, every SQL text it prepares is
 * recorded, and `EXPLAIN QUERY PLAN` of each must not scan a table that grows with history nor
 * sort through a temporary B-tree. The statements the triggers run on every ticket write
 * (migration 0003_live_triggers) are checked the same way.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../server/store/sqlite/index';
import type { Store } from '../../server/store/store';
import { at, bookingOf, counterId, OFFICE, setUpOffice, slotAt, TUESDAY } from '../contract/contractOffice';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '../../server/store/sqlite/migrations');
/** Tables whose rows pile up day after day. */
const HISTORY = ['tickets', 'ticket_events', 'bookings', 'notifications', 'slots', 'audit_log', 'sessions', 'report_days'];

let dir: string;
let file: string;
const recorded = new Set<string>();

/** Every SQL text prepared on any connection while `record` runs. */
const recording = async (record: () => Promise<void>) => {
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    recorded.add(source);
    return prepare.call(this, source) as Database.Statement;
  } as typeof prepare;
  try {
    await record();
  } finally {
    Database.prototype.prepare = prepare;
  }
};

const open = (): Store => createSqliteStore({ databasePath: file, synchronous: 'NORMAL', nikSecret: 'plans', notifyChannel: 'log' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'giliran-plans-'));
  file = join(dir, 'giliran.db');
  // The office and a booking to check in, made on one connection…
  const setup = open();
  const admin = await setUpOffice(setup, at('2026-11-24T07:00'));
  const slot = await slotAt(setup, at('2026-11-24T07:00'), 'A', TUESDAY, '10:00');
  const booking = await setup.bookPlace(OFFICE, bookingOf(1, 'A', slot.id), at('2026-11-24T07:00'));
  const counter1 = await counterId(setup, at('2026-11-24T07:00'), '1');
  const counter2 = await counterId(setup, at('2026-11-24T07:00'), '2');
  await setup.setCounterStatus(counter1, 'open', admin, at('2026-11-24T07:00'));
  await setup.setCounterStatus(counter2, 'open', admin, at('2026-11-24T07:00'));
  await setup.close();

  // …and every live operation on a fresh one, so that each statement is prepared (and recorded) there.
  await recording(async () => {
    const store = open();
    let now = at('2026-11-24T09:50');
    const next = () => (now = now.plus({ minutes: 1 }));
    const walkIns = [];
    for (const service of ['A', 'A', 'B', 'B', 'A', 'B']) walkIns.push(await store.issueWalkIn(OFFICE, { service, priority: null }, next()));
    await store.issueWalkIn(OFFICE, { service: 'A', priority: 'elderly' }, next());
    const another = await store.bookPlace(OFFICE, bookingOf(2, 'B', (await slotAt(store, now, 'B', TUESDAY, '14:00')).id), next());
    await store.getBooking(another.code, bookingOf(2, 'B', 0).nik.slice(-4), now, 'test');
    const checkedIn = await store.checkIn(OFFICE, booking.code, next());
    for (const counter of [counter1, counter2]) {
      const called = (await store.callNext(counter, admin, next()))!;
      await store.stepTicket(called.ticket.id, 'recall', admin, next());
      await store.stepTicket(called.ticket.id, 'start', admin, next());
      await store.stepTicket(called.ticket.id, 'complete', admin, next());
    }
    const missed = (await store.callNext(counter1, admin, next()))!;
    await store.stepTicket(missed.ticket.id, 'no_show', admin, next());
    await store.stepTicket(missed.ticket.id, 'requeue', admin, next());
    const moved = (await store.callNext(counter2, admin, next()))!;
    await store.stepTicket(moved.ticket.id, 'transfer', admin, next(), { service: 'B' });
    await store.publicTicket(checkedIn.id, next());
    await store.publicTicket(walkIns[0]!.id, now);
    await store.boardState(OFFICE, now);
    await store.staffState(OFFICE, now);
    await store.liveViews(OFFICE, now, { calls: [{ ticketId: moved.ticket.id, counterId: counter2, recall: false, at: now.toMillis() }], tickets: [walkIns[5]!.id], board: true, staff: true });
    await store.kioskState({ id: 1, name: 'Kiosk', officeId: OFFICE }, now, null);
    await store.listCounters(OFFICE, now);
    await store.availability(OFFICE, 'A', TUESDAY, 14, now);
    await store.officeDetail(OFFICE, now);
    await store.cancelBooking(another.code, bookingOf(2, 'B', 0).nik.slice(-4), next(), 'test');
    await store.close();
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The statements of each trigger body, with NEW./OLD. columns as parameters. */
const triggerStatements = (): string[] =>
  [...readFileSync(join(MIGRATIONS, '0003_live_triggers.sql'), 'utf8').matchAll(/BEGIN\s([\s\S]*?)END;/g)].flatMap((m) =>
    m[1]!
      .split(';')
      .map((s) => s.replace(/(NEW|OLD)\.`?\w+`?/g, '?').trim())
      .filter(Boolean),
  );

const planOf = (db: Database.Database, source: string): string[] => {
  const params = (source.match(/\?/g) ?? []).map(() => null);
  return (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((r) => r.detail);
};

const isQuery = (source: string) => /^\s*(select|insert|update|delete|with)\b/i.test(source) && !source.includes('__drizzle_migrations');

describe('the query plans of the live operations', () => {
  it('records the hot statements, including the day, the wait estimate and the last calls', () => {
    const all = [...recorded].join('\n');
    expect(all).toContain('ORDER BY completed_at DESC LIMIT 10');
    expect(all).toContain('ORDER BY issued_at');
    expect(all).toContain("type IN ('called', 'recalled')");
    expect(all).toContain('FROM office_versions');
    expect([...recorded].filter(isQuery).length).toBeGreaterThan(30);
  });

  it('never scans a table that grows with history, nor sorts in a temporary B-tree', () => {
    const db = new Database(file, { readonly: true });
    const faults: string[] = [];
    for (const source of [...[...recorded].filter(isQuery), ...triggerStatements()]) {
      const plan = planOf(db, source);
      for (const step of plan) {
        const scanned = /^SCAN (\w+)/.exec(step)?.[1];
        if ((scanned && HISTORY.includes(scanned)) || step.includes('TEMP B-TREE')) faults.push(`${step}\n    in: ${source.replace(/\s+/g, ' ')}`);
      }
    }
    db.close();
    expect(faults).toEqual([]);
  });

  it("counts a holder's bookings along the NIK and phone indexes, not through every booking from today on", () => {
    const db = new Database(file, { readonly: true });
    const holder = [...recorded].filter((source) => source.includes('nik_hash = ?') && source.includes('phone = ?'));
    expect(holder.length).toBeGreaterThan(0);
    for (const source of holder) {
      const plan = planOf(db, source).join('\n');
      expect(plan).toContain('USING INDEX bookings_nik (office_id=? AND nik_hash=?)');
      expect(plan).toContain('USING INDEX bookings_phone (office_id=? AND phone=?)');
    }
    db.close();
  });

  it('reads the history tables along an index in every statement', () => {
    const db = new Database(file, { readonly: true });
    const unindexed: string[] = [];
    for (const source of [...recorded].filter(isQuery)) {
      for (const step of planOf(db, source)) {
        const table = /^(?:SEARCH|SCAN) (\w+)/.exec(step)?.[1];
        if (table && HISTORY.includes(table) && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING PRIMARY KEY/.test(step)) {
          unindexed.push(`${step}\n    in: ${source.replace(/\s+/g, ' ')}`);
        }
      }
    }
    db.close();
    expect(unindexed).toEqual([]);
  });
});
