/** A visitor reads a service's slots per day: from today in the office's own zone unless asked otherwise. */
import { DomainError } from '../domain/errors';
import { todayIn } from '../domain/time';
import { markUnreleased } from '../domain/waitingRoom';
import type { CommandDeps } from './command';

export const availabilityFrom = async ({ store, clock }: CommandDeps, officeId: string, service: string, from: string | undefined, days: number) => {
  const now = clock.now();
  const office = (await store.listOffices()).find((o) => o.id === officeId);
  if (!office) throw new DomainError('NOT_FOUND');
  const calendar = await store.availability(officeId, service, from ?? todayIn(office, now), days, now);
  // An office with a release: the days not yet released are shown with when they open.
  return markUnreleased(await store.releaseSettings(officeId), calendar, now.toMillis());
};
