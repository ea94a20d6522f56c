/**
 * A second server process on the same SQLite file, for the cross-process booking test:
 *   tsx tests/http/bookingProcess.ts <dataDir>
 * Prints its URL on the first line of stdout, then serves until stdin closes.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino from 'pino';
import { boot } from '../../server/boot';
import { manualClock } from '../../server/clock';
import { defaultConfig } from '../../server/config';
import { OPEN_TUESDAY } from '../support/server';

const dir = process.argv[2]!;
const config = defaultConfig({
  databasePath: join(dir, 'giliran.db'), dataDir: dir, synchronous: 'NORMAL', host: '127.0.0.1', port: 0,
  bookingRateLimit: 100_000, publicWriteRateLimit: 100_000, seedDemo: false, adminPassword: 'unused-in-this-process', bookingChallenge: false,
});
const server = await boot({ config, clock: manualClock(OPEN_TUESDAY), log: pino({ level: 'silent' }) });
server.httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
