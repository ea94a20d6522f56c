/**
 * WORKERS=N: the primary process owns the port and hands each connection to one of N worker
 * processes (node:cluster). Routing is sticky by Socket.IO session id (@socket.io/sticky), so
 * the polling fallback's requests of one session all reach the worker that holds it. A worker
 * that dies is replaced (after a short pause when workers keep dying at start, not to spin).
 * The primary holds no state: every decision is in PostgreSQL, what the workers share in Redis.
 *
 * A worker still booting (store, Redis) gets no new connection while another is ready: sticky's
 * least-connection choice reads `worker.clientsCount`, which stays at Infinity until the worker
 * says it serves. The port opens once the first worker serves.
 */
import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import { setupMaster } from '@socket.io/sticky';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { READY_MESSAGE } from './worker';

type StickyWorker = Worker & { clientsCount?: number };

/** A worker that dies sooner than this after its start counts as a failed start. */
const EARLY_DEATH_MS = 5_000;
const MAX_RESTART_DELAY_MS = 10_000;
const STOP_GRACE_MS = 10_000;

export const runPrimary = (config: Config, log: Logger, onListening: () => void): void => {
  const httpServer = createServer();
  setupMaster(httpServer, { loadBalancingMethod: 'least-connection' });
  // Buffers cross the IPC channel as buffers (the first chunk of each connection).
  cluster.setupPrimary({ serialization: 'advanced' });

  let stopping = false;
  let failedStarts = 0;
  const startedAt = new Map<Worker, number>();
  let listening = false;
  const fork = () => {
    const worker: StickyWorker = cluster.fork();
    worker.clientsCount = Number.POSITIVE_INFINITY;
    startedAt.set(worker, Date.now());
    worker.on('message', (message: unknown) => {
      if ((message as { type?: string } | null)?.type !== READY_MESSAGE) return;
      worker.clientsCount = 0;
      if (!listening) listen();
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    failedStarts = lived < EARLY_DEATH_MS ? failedStarts + 1 : 0;
    const delay = failedStarts === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** (failedStarts - 1));
    log.warn({ worker: worker.process.pid, code, signal, restartInMs: delay }, 'cluster: a worker ended; starting another');
    setTimeout(() => void (stopping || fork()), delay);
  });

  const listen = () => {
    listening = true;
    httpServer.listen(config.port, config.host, () => {
      log.info({ port: config.port, workers: config.workers }, 'Giliran cluster is listening');
      onListening();
    });
  };
  for (let i = 0; i < config.workers; i++) fork();

  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    if (listening) httpServer.close();
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    for (const worker of workers) worker.process.kill('SIGTERM');
    const force = setTimeout(() => process.exit(1), STOP_GRACE_MS);
    force.unref();
    const done = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    };
    cluster.on('exit', done);
    done();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};
