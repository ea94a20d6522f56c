/** Starts a bench server script in its own Node process (fork, so it can talk over IPC) and stops it. */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoopAnswer, Question, Ready, RssAnswer } from './ipc';

const HERE = dirname(fileURLToPath(import.meta.url));

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  port: number;
  kioskToken: string | null;
  rss: () => Promise<RssAnswer>;
  /** The server's event-loop delay since the last reset (with BENCH_LOOP_DELAY=1 in its environment); `reset` starts a new window. */
  loopDelay: (reset?: boolean) => Promise<LoopAnswer>;
  /** SIGTERM and wait for the exit. */
  stop: () => Promise<void>;
  /** SIGKILL and wait for the exit: a crash, no cleanup of any kind. */
  kill: () => Promise<void>;
};

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/** Forks `bench/<script>` with tsx; resolves once it reports its port (rejects after `timeoutMs`). */
export const startProcess = (script: string, env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child = fork(join(HERE, script), [], {
      // BENCH_PROFILE=<dir>: the servers write a V8 CPU profile there when they stop (profile first, then optimise).
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready (${code ?? signal})`));
    });
    const onReady = (msg: Ready) => {
      if (msg?.type !== 'ready') return;
      clearTimeout(timer);
      child.off('message', onReady);
      child.removeAllListeners('exit');
      const ask = <A extends { type: string }>(question: Question): Promise<A> =>
        new Promise<A>((res) => {
          const answer = (m: A) => {
            if (m?.type !== question.type) return;
            child.off('message', answer);
            res(m);
          };
          child.on('message', answer);
          child.send(question);
        });
      resolve({
        child,
        port: msg.port,
        url: `http://127.0.0.1:${msg.port}`,
        kioskToken: msg.kioskToken,
        rss: () => ask<RssAnswer>({ type: 'rss' }),
        loopDelay: (reset = true) => ask<LoopAnswer>({ type: 'loop', reset }),
        stop: async () => {
          child.kill('SIGTERM');
          const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited(child);
          clearTimeout(timeout);
        },
        kill: async () => {
          child.kill('SIGKILL');
          await exited(child);
        },
      });
    };
    child.on('message', onReady);
  });
