/** The only file that reads process.env and listens. */
import { systemClock } from './clock';
import { readConfig } from './config';
import { boot } from './boot';
import { startSender } from './jobs/sender';
import { startBackgroundJobs } from './jobs';

const config = readConfig(process.env);
const server = await boot({ config, clock: systemClock });
const stopSender = startSender(server.store, systemClock, config, server.log);
// The background jobs start once the server listens, and work in short steps: start-up waits for none of them.
let stopJobs = () => {};

server.httpServer.listen(config.port, config.host, () => {
  const base = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  server.log.info({ port: config.port, database: config.databasePath }, 'Giliran is listening');
  const lines = [`Giliran: ${base}/  (booking ${base}/booking/, display ${base}/display/, counter ${base}/counter/, admin ${base}/admin/)`];
  // Printed once, at the first start only; never logged through the structured logger.
  if (server.seed.adminPassword) lines.push(`First admin: username "admin", password "${server.seed.adminPassword}" (shown once; change it in /admin/)`);
  if (server.seed.kioskToken) lines.push(`Demo kiosk pairing link (shown once): ${base}/kiosk/#token=${server.seed.kioskToken}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  stopJobs = startBackgroundJobs(server.store, systemClock, config, server.log);
});

const shutdown = async () => {
  await stopSender();
  stopJobs();
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
