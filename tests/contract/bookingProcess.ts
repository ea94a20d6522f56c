/**
 * The second process of the contract's two-process test (started by secondProcess.ts):
 *   node --import tsx tests/contract/bookingProcess.ts
 * Reads a BookingJob as the first line of stdin, opens the store with the engine's `openStore`,
 * prints "ready", reads the instant to start at (epoch ms), tries every booking in turn from
 * then, and prints the outcomes as one JSON line.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { DomainError } from '../../server/domain/errors';
import type { Store } from '../../server/store/store';
import { sleepUntil, type BookingAttempt, type BookingJob } from './secondProcess';

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const line = async () => {
  const next = await lines.next();
  if (next.done) throw new Error('stdin closed');
  return next.value;
};

const job = JSON.parse(await line()) as BookingJob;
const { openStore } = (await import(pathToFileURL(job.module).href)) as { openStore: (options: unknown) => Store | Promise<Store> };
const store = await openStore(job.options);
const now = DateTime.fromISO(job.now, { setZone: true });
// Refused attempts (a malformed NIK, an unknown slot) change nothing and load the code paths, so
// that this process's first real attempt is not slowed by its first use of them.
for (const warmUp of [{ nik: '0' }, { slotId: -1 }]) {
  await store.bookPlace(job.officeId, { ...job.requests[0]!, ...warmUp }, now).then(
    () => Promise.reject(new Error('a warm-up booking was taken')),
    (e: unknown) => (e instanceof DomainError ? undefined : Promise.reject(e)),
  );
}
process.stdout.write('ready\n');
await sleepUntil(Number(await line()));

const results: BookingAttempt[] = [];
for (const request of job.requests) {
  try {
    results.push({ code: 'OK', bookingCode: (await store.bookPlace(job.officeId, request, now)).code });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    results.push({ code: e.code });
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
await store.close();
