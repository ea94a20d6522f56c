/**
 * Real server processes for the scale tests: `node --import tsx server/main.ts` with the
 * environment a deployment would give it, on ports picked here, bound to 127.0.0.1. One
 * deployment = one fresh PostgreSQL database (created and dropped) + one Redis prefix (random,
 * cleaned). Every wait is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freshDatabase } from '../contract/postgresEngine';
import { dropRedisPrefix, randomRedisPrefix, redisUrl, TEST_NIK_SECRET } from '../support/server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port free right now on 127.0.0.1 (the OS picks it; the process binds it moments later). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** Every stdout line so far (the one-time secrets, pino's JSON lines). */
  lines: string[];
  /** Resolves with the first stdout line (from now on or already seen) that passes `accept`. */
  line(accept: (line: string) => boolean, ms?: number): Promise<string>;
  stop(): Promise<void>;
};

export type Deployment = { env: Record<string, string>; databaseUrl: string; redisPrefix: string; drop(): Promise<void> };

/** A fresh database and a Redis prefix of their own; `drop` removes both. */
export const newDeployment = async (): Promise<Deployment> => {
  const database = await freshDatabase();
  const redisPrefix = randomRedisPrefix();
  return {
    databaseUrl: database.url,
    redisPrefix,
    env: { DATABASE_URL: database.url, REDIS_URL: redisUrl(), REDIS_PREFIX: redisPrefix, NIK_SECRET: TEST_NIK_SECRET },
    drop: async () => {
      await dropRedisPrefix(redisPrefix);
      await database.drop();
    },
  };
};

/** Starts one server process and waits (bounded) until it answers HTTP on its port. */
export const startProcess = async (env: Record<string, string>, { port, readyMs = 60_000 }: { port?: number; readyMs?: number } = {}): Promise<ServerProcess> => {
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(listenPort),
      LOG_LEVEL: 'info',
      PAGES_DIR: process.env.PAGES_DIR || 'dist/pages',
      // Their clients book without a proof of work (the challenge has tests of its own); `env` may turn it on.
      BOOKING_CHALLENGE: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<(line: string) => void>();
  createInterface({ input: child.stdout! }).on('line', (text) => {
    lines.push(text);
    for (const waiter of waiters) waiter(text);
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ended = false;
  void exited.then(() => (ended = true));

  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + readyMs;
  for (;;) {
    if (ended) throw new Error(`the server process ended at start: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server process did not answer within ${readyMs} ms: ${stderr}`);
    }
    const ok = await fetch(`${url}/api/openapi.json`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(150);
  }

  return {
    url,
    child,
    lines,
    line: (accept, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(accept);
        if (seen !== undefined) return resolve(seen);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('expected output did not come'));
        }, ms);
        const waiter = (text: string) => {
          if (!accept(text)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(text);
        };
        waiters.add(waiter);
      }),
    stop: async () => {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

/** pino's JSON line, or undefined for the plain lines. */
export const logOf = (line: string): { msg?: string; pid?: number } | undefined => {
  try {
    return JSON.parse(line) as { msg?: string; pid?: number };
  } catch {
    return undefined;
  }
};
