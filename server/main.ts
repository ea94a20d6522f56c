/**
 * The only file that reads process.env and listens. WORKERS=1 (the default): this process serves.
 * WORKERS=N: this process is the cluster primary (cluster/primary.ts) and each worker runs this
 * same file, served connections by the primary instead of listening. Only light modules are
 * imported before a worker starts holding the connections handed to it; the app comes after.
 */
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config';
import { holdConnections } from './cluster/worker';

const readSettings = (): Config => {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
};

const config = readSettings();
const inCluster = config.workers > 1;
const base = config.publicBaseUrl ?? `http://localhost:${config.port}`;

if (inCluster && cluster.isPrimary) {
  const [{ runPrimary }, { default: pino }] = await Promise.all([import('./cluster/primary'), import('pino')]);
  runPrimary(config, pino({ level: config.logLevel }), () => {
    process.stdout.write(`Giliran: ${base}/  (${config.workers} processes; booking ${base}/booking/, display ${base}/display/, counter ${base}/counter/, admin ${base}/admin/)\n`);
  });
} else {
  const held = inCluster ? holdConnections() : undefined;
  const [{ systemClock }, { boot }, { startSender }, { startBackgroundJobs }, { whileLeader }, { startPendingExpiry }] = await Promise.all([
    import('./clock'), import('./boot'), import('./jobs/sender'), import('./jobs'), import('./jobs/leader'), import('./jobs/pendingBookings'),
  ]);
  const server = await boot({ config, clock: systemClock });
  // Every process sends notifications (the store's leases keep them apart) and queues reminders (idempotent).
  const stopSender = startSender(server.store, systemClock, config, server.log);
  // So does the expiry of unconfirmed bookings (each expires once, whoever runs it).
  const stopExpiry = startPendingExpiry(server.store, systemClock, server.log);
  // And the waiting rooms' draws and admissions (each room under its own lock).
  const stopWaitingRooms = (await import('./jobs/waitingRooms')).startWaitingRoomJob(server.store, systemClock, server.log);
  // The background jobs start once the server listens, and work in short steps: start-up waits for none of them.
  // With several processes, only the leader runs them (jobs/leader.ts).
  let stopJobs: () => Promise<void> = async () => {};
  const startJobs = () => {
    stopJobs = whileLeader(
      () => startBackgroundJobs(server.store, systemClock, config, server.log),
      server.deployment ? { redis: server.deployment.redis.command, key: server.deployment.redis.key('leader:jobs'), log: server.log } : undefined,
    );
  };

  const ready = () => {
    const lines: string[] = [];
    if (!inCluster) {
      lines.push(`Giliran: ${base}/  (booking ${base}/booking/, display ${base}/display/, counter ${base}/counter/, admin ${base}/admin/)`);
    }
    // Printed once, at the first start only, by the process that created them; never logged through the structured logger.
    if (server.seed.adminPassword) lines.push(`First admin: username "admin", password "${server.seed.adminPassword}" (shown once; change it in /admin/)`);
    if (server.seed.kioskToken) lines.push(`Demo kiosk pairing link (shown once): ${base}/kiosk/#token=${server.seed.kioskToken}`);
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    startJobs();
  };

  if (held) {
    held.serve(server.io);
    server.log.info('Giliran worker is serving');
    ready();
  } else {
    server.httpServer.listen(config.port, config.host, () => {
      server.log.info({ port: config.port, database: config.databaseUrl ? 'postgres' : config.databasePath }, 'Giliran is listening');
      ready();
    });
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    stopExpiry();
    stopWaitingRooms();
    await stopSender();
    await stopJobs();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}
