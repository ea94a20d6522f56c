/**
 * The history scenario: the live operations and the reports of one office against a year of
 * its history (historyDb.ts, cached) and against a fresh database, in the same run. Both servers
 * run side by side, each in its own process, and every operation alternates between them, so
 * both meet the same machine. Timed from this process: walk-in, public ticket read, call-next,
 * the board's `state` after a call, the ticket steps (start, complete), the daily report and the
 * 365-day report; from inside each server: the event-loop delay; and the start-up time.
 */
import { DateTime } from 'luxon';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { watchBoard } from './board';
import { health, issueWalkIn, probeHealth, readTicket, signInCookie, staffGet, staffPost } from './client';
import { historyDatabase, HISTORY, type HistoryDb } from './historyDb';
import type { LoopAnswer } from './ipc';
import { BENCH_NOW, prepareDb, serverEnv } from './prepare';
import { startProcess, type ServerProcess } from './proc';
import type { Row } from './report';
import { fixed, sleep, summarise } from './stats';

export type HistoryOptions = {
  dir: string;
  /** Samples of each live operation on each database. */
  ops: number;
  step: (what: string) => void;
  /** Every server started here, so the run can kill them whatever happens. */
  track: (server: ServerProcess) => void;
};

const OFFICE = HISTORY.officeId;
const COUNTER = '1';
const WARMUP_ROUNDS = 3;
const DAILY_RUNS = 10;
/** The 365-day report: at most this many runs per database, and no new run once it would pass the budget. */
const YEAR_RUNS = 5;
const YEAR_BUDGET_MS = 40_000;
/** The health check sent while the 365-day report runs leaves this long after the report request. */
const HEALTH_DELAY_MS = 20;
const LIVE_TARGET = 1.3;
const YEAR_REPORT_TARGET_MS = 500;
const LOOP_TARGET_MS = 50;

const OPS = ['walkIn', 'read', 'callNext', 'board', 'step', 'dailyToday', 'dailyPast', 'year'] as const;
type Op = (typeof OPS)[number];

type Side = {
  label: string;
  server: ServerProcess;
  /** Spawn → /api/health answering, each start. */
  startupsMs: number[];
  kioskToken: string;
  cookie: string;
  counterId: number;
  board: Awaited<ReturnType<typeof watchBoard>>;
  samples: Record<Op, number[]>;
  waiting: string[];
  issuedToday: number;
  /** Calls whose board state never showed the called number. */
  boardMissed: number;
  loop: { live?: LoopAnswer; reports?: LoopAnswer };
  healthDuringYear?: number;
  yearIssued?: number;
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const result = await work();
  return [result, performance.now() - t0];
};

/** Spawns the bench server on `dbPath` and times it until /api/health answers. */
const startTimed = async (dir: string, dbPath: string, track: HistoryOptions['track']) => {
  const t0 = performance.now();
  const server = await startProcess('server.ts', { ...serverEnv(dir, dbPath), BENCH_LOOP_DELAY: '1' }, 120_000);
  track(server);
  await health(server.url);
  return { server, startupMs: performance.now() - t0 };
};

type Started = { server: ServerProcess; startupMs: number };

/**
 * Starts each database's server twice, in the order A B B A so that neither always starts
 * first (a cold page cache, a busy moment); the second servers stay up for the scenario.
 */
const startBoth = async (dbs: { dir: string; dbPath: string }[], track: HistoryOptions['track']): Promise<{ running: Started[]; startups: number[][] }> => {
  const startups: number[][] = dbs.map(() => []);
  for (const [i, db] of dbs.entries()) {
    const started = await startTimed(db.dir, db.dbPath, track);
    startups[i]!.push(started.startupMs);
    await started.server.stop();
  }
  const running: Started[] = [];
  for (const i of dbs.map((_, k) => dbs.length - 1 - k)) {
    const started = await startTimed(dbs[i]!.dir, dbs[i]!.dbPath, track);
    startups[i]!.push(started.startupMs);
    running[i] = started;
  }
  return { running, startups };
};

const side = async (label: string, started: Started, startupsMs: number[], kioskToken: string): Promise<Side> => {
  const cookie = await signInCookie(started.server.url);
  const counters = await staffGet<{ id: number; name: string }[]>(started.server.url, cookie, `/offices/${OFFICE}/counters`);
  const counter = counters.find((c) => c.name === COUNTER);
  if (!counter) throw new Error(`history: no counter ${COUNTER} on the ${label} database`);
  return {
    label,
    server: started.server,
    startupsMs,
    kioskToken,
    cookie,
    counterId: counter.id,
    board: await watchBoard(started.server.url, OFFICE),
    samples: Object.fromEntries(OPS.map((op) => [op, []])) as unknown as Record<Op, number[]>,
    waiting: [],
    issuedToday: 0,
    boardMissed: 0,
    loop: {},
  };
};

/** `rounds` rounds of `work` on each side, the order alternating, so neither always runs second. */
const alternate = async (sides: Side[], rounds: number, work: (s: Side, round: number) => Promise<void>) => {
  for (let r = 0; r < rounds; r++) for (const s of r % 2 === 0 ? sides : [...sides].reverse()) await work(s, r);
};

const walkIn = async (s: Side, record: boolean) => {
  const [ticket, ms] = await timed(() => issueWalkIn(s.server.url, s.kioskToken));
  s.waiting.push(ticket.id);
  s.issuedToday++;
  if (record) s.samples.walkIn.push(ms);
};

const read = async (s: Side, i: number, record: boolean) => {
  const [, ms] = await timed(() => readTicket(s.server.url, s.waiting[i % s.waiting.length]!));
  if (record) s.samples.read.push(ms);
};

/** Call the next ticket at the counter (timed, and the board's state showing it), then serve it (timed steps) so the counter is free. */
const callAndServe = async (s: Side, record: boolean) => {
  s.board.clear();
  const t0 = performance.now();
  const answer = await staffPost(s.server.url, s.cookie, `/counters/${s.counterId}/call-next`);
  const callMs = performance.now() - t0;
  if (!answer) throw new Error(`history: call-next on the ${s.label} database found nobody waiting`);
  const boardMs = await s.board.shown(t0, COUNTER, answer.ticket.number);
  const [, startMs] = await timed(() => staffPost(s.server.url, s.cookie, `/tickets/${answer.ticket.id}/start`));
  const [, completeMs] = await timed(() => staffPost(s.server.url, s.cookie, `/tickets/${answer.ticket.id}/complete`));
  if (!record) return;
  s.samples.callNext.push(callMs);
  if (Number.isFinite(boardMs)) s.samples.board.push(boardMs);
  else s.boardMissed++;
  s.samples.step.push(startMs, completeMs);
};

const report = <T>(s: Side, path: string) => staffGet<T>(s.server.url, s.cookie, `/offices/${OFFICE}${path}`, 300_000);

type YearReport = { total: { issued: number } };

/** One 365-day report; the first on each side also sends a health check while it runs. */
const yearReport = async (s: Side, from: string, to: string) => {
  const sent = performance.now();
  const pending = report<YearReport>(s, `/reports?from=${from}&to=${to}`);
  if (s.healthDuringYear === undefined) {
    await sleep(HEALTH_DELAY_MS);
    const [, ms] = await timed(() => probeHealth(s.server.url));
    s.healthDuringYear = ms;
  }
  const answer = await pending;
  s.samples.year.push(performance.now() - sent);
  s.yearIssued = answer.total.issued;
};

export const historyPhase = async ({ dir, ops, step, track }: HistoryOptions): Promise<Row[]> => {
  const phaseStarted = performance.now();
  const cached = await historyDatabase(step);
  step(`history: ${cached.fromCache ? 'cached database' : `database generated in ${fixed(cached.generatedSeconds, 1)} s`} (${fixed(cached.bytes / 1024 / 1024, 0)} MB); preparing a fresh one`);
  const historyDir = join(dir, 'history');
  const freshDir = join(dir, 'fresh');
  mkdirSync(historyDir, { recursive: true });
  mkdirSync(freshDir, { recursive: true });
  const historyPath = join(historyDir, 'giliran.db');
  // The run writes to its database; the cache stays as it was made.
  copyFileSync(cached.path, historyPath);
  // The same first-start seed as the history's, walk-in quotas lifted alike (its two burst slots go unused here).
  const fresh = await prepareDb(freshDir, { slots: 1, capacity: 1, warmupCapacity: 1, unlimitedWalkIns: true });

  step('history: starting the server on each database twice (history, fresh, fresh, history)');
  const { running, startups } = await startBoth([{ dir: historyDir, dbPath: historyPath }, { dir: freshDir, dbPath: fresh.dbPath }], track);
  const historySide = await side('history', running[0]!, startups[0]!, cached.kioskToken);
  const freshSide = await side('fresh', running[1]!, startups[1]!, fresh.kioskToken);
  const sides = [historySide, freshSide];
  const today = DateTime.fromISO(BENCH_NOW, { setZone: true }).setZone('Asia/Jakarta').toISODate()!;
  const yearFrom = DateTime.fromISO(today).minus({ days: 364 }).toISODate()!;

  try {
    step(`history: warm-up (${WARMUP_ROUNDS} rounds on each)`);
    await alternate(sides, WARMUP_ROUNDS, async (s, r) => {
      for (let i = 0; i < 3; i++) await walkIn(s, false);
      await read(s, r, false);
      await callAndServe(s, false);
      await report(s, `/reports/daily?date=${today}`);
    });
    await Promise.all(sides.map((s) => s.server.loopDelay(true)));

    step(`history: ${ops} walk-ins, ${ops} ticket reads, ${ops} calls (each served) on each, alternating`);
    await alternate(sides, ops, (s) => walkIn(s, true));
    await alternate(sides, ops, (s, i) => read(s, i, true));
    await alternate(sides, ops, (s) => callAndServe(s, true));
    for (const s of sides) s.loop.live = await s.server.loopDelay(true);

    step(`history: daily reports (${DAILY_RUNS} each), then the 365-day report (up to ${YEAR_RUNS} each, ${YEAR_BUDGET_MS / 1000} s budget)`);
    await alternate(sides, DAILY_RUNS, async (s) => {
      const [, todayMs] = await timed(() => report(s, `/reports/daily?date=${today}`));
      s.samples.dailyToday.push(todayMs);
      const [, pastMs] = await timed(() => report(s, `/reports/daily?date=${cached.to}`));
      s.samples.dailyPast.push(pastMs);
    });
    await alternate(sides, YEAR_RUNS, async (s) => {
      const spent = s.samples.year.reduce((a, b) => a + b, 0);
      const last = s.samples.year.at(-1) ?? 0;
      if (s.samples.year.length > 0 && spent + last > YEAR_BUDGET_MS) return;
      await yearReport(s, yearFrom, today);
    });
    for (const s of sides) s.loop.reports = await s.server.loopDelay(true);
  } finally {
    for (const s of sides) s.board.close();
    await Promise.all(sides.map((s) => s.server.stop()));
  }
  step(`history: scenario done in ${fixed((performance.now() - phaseStarted) / 1000, 0)} s`);
  return historyRows(cached, historySide, freshSide, ops, today);
};

const historyRows = (db: HistoryDb, h: Side, f: Side, ops: number, today: string): Row[] => {
  const hs = Object.fromEntries(OPS.map((op) => [op, summarise(h.samples[op])])) as Record<Op, ReturnType<typeof summarise>>;
  const fs = Object.fromEntries(OPS.map((op) => [op, summarise(f.samples[op])])) as Record<Op, ReturnType<typeof summarise>>;
  const ms = (n: number) => fixed(n, 1);
  const live = (op: Op, what: string): Row[] =>
    (['p50', 'p99'] as const).map((p) => {
      const ratio = hs[op][p] / fs[op][p];
      return { measure: `${what} ${p} (ms)`, ours: ms(hs[op][p]), bare: ms(fs[op][p]), ratio: fixed(ratio, 2), target: `≤ ${fixed(LIVE_TARGET, 2)}`, ok: ratio <= LIVE_TARGET };
    });
  const plain = (op: Op, what: string): Row[] =>
    (['p50', 'p99'] as const).map((p) => ({ measure: `${what} ${p} (ms)`, ours: ms(hs[op][p]), bare: ms(fs[op][p]), ratio: fixed(hs[op][p] / fs[op][p], 2) }));
  const loopMax = (phase: 'live' | 'reports', what: string): Row => {
    const hm = h.loop[phase]?.maxMs ?? NaN;
    const fm = f.loop[phase]?.maxMs ?? NaN;
    return { measure: `event-loop delay max, ${what} (ms)`, ours: ms(hm), bare: ms(fm), target: `≤ ${LOOP_TARGET_MS}`, ok: hm <= LOOP_TARGET_MS && fm <= LOOP_TARGET_MS };
  };
  const loopP99 = (side: Side) => `${ms(side.loop.live?.p99Ms ?? NaN)} / ${ms(side.loop.reports?.p99Ms ?? NaN)}`;
  // The 365-day report must count every ticket: the year's history and what the run issued today.
  const expectedYear = db.counts.tickets + h.issuedToday;
  const counted = h.yearIssued === expectedYear && f.yearIssued === f.issuedToday;
  const c = db.counts;
  const thousands = (n: number) => `${fixed(n / 1000, 0)}k`;
  return [
    {
      section:
        `History: one office's year (${c.days} days × ${HISTORY.ticketsPerDay} tickets: ${thousands(c.tickets)} tickets, ${thousands(c.events)} events, ` +
        `${thousands(c.bookings)} bookings, ${thousands(c.notifications)} messages; ${fixed(db.bytes / 1024 / 1024, 0)} MB) against a fresh database`,
      columns: ['Year of history', 'Fresh'],
    },
    ...live('walkIn', 'walk-in'),
    ...live('callNext', 'call-next'),
    ...live('board', 'board update (call → state on /display)'),
    { measure: 'board updates missed', ours: String(h.boardMissed), bare: String(f.boardMissed), target: '0', ok: h.boardMissed + f.boardMissed === 0 },
    ...live('step', 'ticket step (start, complete)'),
    ...live('read', 'public ticket read'),
    ...plain('dailyToday', `daily report, today`),
    ...plain('dailyPast', `daily report, ${db.to} (${HISTORY.ticketsPerDay} tickets / none)`),
    ...(['p50', 'p99'] as const).map((p) => ({
      measure: `365-day report ${p} (ms)`,
      ours: ms(hs.year[p]),
      bare: ms(fs.year[p]),
      ratio: fixed(hs.year[p] / fs.year[p], 0),
      target: `< ${YEAR_REPORT_TARGET_MS}`,
      ok: hs.year[p] < YEAR_REPORT_TARGET_MS,
    })),
    { measure: '365-day report runs', ours: String(h.samples.year.length), bare: String(f.samples.year.length) },
    { measure: `365-day report: tickets counted`, ours: `${h.yearIssued ?? '—'}`, bare: `${f.yearIssued ?? '—'}`, target: `= ${expectedYear} / ${f.issuedToday}`, ok: counted },
    { measure: `health check sent ${HEALTH_DELAY_MS} ms into the 365-day report (ms)`, ours: ms(h.healthDuringYear ?? NaN), bare: ms(f.healthDuringYear ?? NaN) },
    loopMax('live', 'live operations'),
    loopMax('reports', 'reports'),
    { measure: 'event-loop delay p99, live / reports (ms)', ours: loopP99(h), bare: loopP99(f) },
    { measure: 'start-up, spawn → /api/health (ms, mean)', ours: fixed(mean(h.startupsMs), 0), bare: fixed(mean(f.startupsMs), 0), ratio: fixed(mean(h.startupsMs) / mean(f.startupsMs), 2) },
    { measure: 'start-up, each start (ms)', ours: h.startupsMs.map((n) => fixed(n, 0)).join(' / '), bare: f.startupsMs.map((n) => fixed(n, 0)).join(' / ') },
    {
      note:
        `${ops} samples of each live operation on each database (two per call for the steps), alternating between the servers, after ${WARMUP_ROUNDS} warm-up rounds; ` +
        `today is ${today}, the history runs ${db.from} … ${db.to} (working days, 08:00–15:00 Asia/Jakarta). The history database is generated once ` +
        `(${fixed(db.generatedSeconds, 0)} s when it was made) into bench/.cache/ and copied for each run. The 365-day report runs up to ${YEAR_RUNS} times per database ` +
        `while it stays within ${YEAR_BUDGET_MS / 1000} s, so its p99 is the slowest run. Event-loop delay is measured inside each server ` +
        `(monitorEventLoopDelay, 1 ms resolution: an idle loop reads about 1 ms) over the live operations and over the reports; ` +
        `here requests come one at a time, so a delay is one piece of work (or time the process waited for a core on a busy machine). ` +
        `Start-up: each server starts twice, history, fresh, fresh, history; the second pair runs the scenario.`,
    },
  ];
};
