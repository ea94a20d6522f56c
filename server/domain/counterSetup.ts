/** Counters (loket) as an admin sets them up. */
import { invalid } from './errors';

/**
 * A counter that is handling someone (its ticket called or being served) cannot be removed;
 * its past calls stay in the reports by id once it is.
 */
export const checkCounterRemovable = (current: { status: string } | undefined): void => {
  if (current && (current.status === 'called' || current.status === 'serving')) invalid({ counter: { key: 'counter_has_ticket' } });
};

/** The services a counter serves, in its order, each once (the first place counts). */
export const counterServiceOrder = (serviceIds: readonly number[]): { serviceId: number; position: number }[] =>
  [...new Set(serviceIds)].map((serviceId, position) => ({ serviceId, position }));
