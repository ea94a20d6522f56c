/** A visitor reads a service's slots per day: from today in the office's own zone unless asked otherwise. */
import { DomainError } from '../domain/errors';
import { todayIn } from '../domain/time';
import type { CommandDeps } from './command';

export const availabilityFrom = async ({ store, clock }: CommandDeps, officeId: string, service: string, from: string | undefined, days: number) => {
  const now = clock.now();
  const office = (await store.listOffices()).find((o) => o.id === officeId);
  if (!office) throw new DomainError('NOT_FOUND');
  return store.availability(officeId, service, from ?? todayIn(office, now), days, now);
};
