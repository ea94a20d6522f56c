/**
 * The services of an office as an admin sets them up: letters (codes), order, retirement.
 * A service is retired, never deleted: its tickets and bookings keep pointing at it for the
 * reports, and it gives up its letter when another service takes it.
 */
import { invalid } from './errors';

type Coded = { id: number; code: string };

/** A letter is free unless an active service holds it (a retired one gives it up). */
export const checkCodeFree = (holder: { active: boolean } | undefined): void => {
  if (holder?.active) invalid({ code: { key: 'taken' } });
};

/** The code a retired service takes when it gives up its letter: unique, and never a letter. */
export const retiredCode = (serviceId: number): string => `~${serviceId}`;

/** The letter a report shows for a service: '?' for one that gave its letter up. */
export const shownCode = (code: string): string => (code.startsWith('~') ? '?' : code);

/** The services in the order given (codes first to last), the others after them in their order. */
export const orderServices = <S extends Coded>(services: readonly S[], codes: readonly string[]): S[] => [
  ...codes.map((c) => services.find((s) => s.code === c) ?? invalid({ codes: { key: 'unknown_service' } })),
  ...services.filter((s) => !codes.includes(s.code)),
];

/** The ids of the services named by `codes`, in that order; refuses an unknown code. */
export const serviceIdsOf = (services: readonly Coded[], codes: readonly string[]): number[] =>
  codes.map((c) => services.find((s) => s.code === c)?.id ?? invalid({ services: { key: 'unknown_service' } }));

/**
 * A service with active bookings from today on cannot be retired: those holders must be told,
 * which is what a closure does.
 */
export const checkRetire = (activeBookings: number): void => {
  if (activeBookings > 0) invalid({ code: { key: 'has_future_bookings', params: { count: activeBookings } } });
};
