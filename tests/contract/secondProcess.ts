/**
 * The contract's second OS process on the same database: spawned with tsx, it opens the store
 * through the engine's own opener module, says "ready", and books from the instant it is told.
 * Waiting for "ready" keeps tsx's start-up time out of the race, and a start instant shared by
 * both processes (rather than "go now") keeps the pipe's latency out of it.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DateTime } from 'luxon';
import type { BookInput } from '../../server/store/store';

/**
 * How another process opens the same database: `module` (an absolute path) exports
 * `openStore(options): Store | Promise<Store>`; `options` must survive JSON.
 */
export type SecondProcessAccess = { module: string; options: unknown };

/** What the child sends to the process that started it. */
export type BookingJob = { module: string; options: unknown; officeId: string; now: string; requests: BookInput[] };
/** One booking attempt: 'OK' with the booking's code, or the refusal's code. */
export type BookingAttempt = { code: string; bookingCode?: string };

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = join(here, '..', '..');

export const bookInSecondProcess = async (
  access: SecondProcessAccess,
  job: { officeId: string; now: DateTime; requests: BookInput[] },
): Promise<{ startAt: (epochMs: number) => Promise<BookingAttempt[]>; stop: () => void }> => {
  const payload: BookingJob = { module: access.module, options: access.options, officeId: job.officeId, now: job.now.toISO()!, requests: job.requests };
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'bookingProcess.ts')], {
    cwd: repositoryRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // The lines end when the child's stdout closes, so a child that dies is noticed here too.
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (what: string): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`the second process ended before ${what}: ${stderr}`);
    return line.value;
  };
  child.stdin.write(`${JSON.stringify(payload)}\n`);
  const ready = await nextLine('it was ready');
  if (ready !== 'ready') throw new Error(`the second process said ${ready}: ${stderr}`);
  return {
    startAt: async (epochMs) => {
      await new Promise<void>((resolve, reject) => child.stdin.write(`${epochMs}\n`, (e) => (e ? reject(e) : resolve())));
      const answer = await nextLine('it answered');
      child.stdin.end();
      const code = await closed;
      if (code !== 0) throw new Error(`the second process exited with ${code}: ${stderr}`);
      return JSON.parse(answer) as BookingAttempt[];
    },
    /** Ends the process if it is still running (a test that failed half-way). */
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
};

/** Resolves at a wall-clock instant (both processes share the machine's clock). */
export const sleepUntil = (epochMs: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));
