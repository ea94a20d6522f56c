/**
 * Checking a booked ticket's holder at the counter: staff type or scan the NIK on the visitor's
 * KTP and learn only "cocok / tidak cocok". The typed NIK is hashed as the booking's was and
 * compared in constant time; it is never stored, logged or sent back. So that the counter cannot
 * be used to find a NIK by trying, a ticket takes only a few mismatches (counted in the audit
 * log), after which every check of it is refused.
 */
import { timingSafeEqual } from 'node:crypto';
import { fail, invalid } from './errors';

/** Mismatches a ticket may take; enough for a typo or two, far too few to search 10^16 numbers. */
export const HOLDER_CHECK_MISMATCHES = 3;

/** The audit actions of a check: the result is the action, so the count needs no JSON. */
export const HOLDER_MATCHED = 'holder.matched';
export const HOLDER_MISMATCHED = 'holder.mismatched';

/** The typed NIK without the spaces, dots and dashes a scanner or a hand may add: 16 digits or a VALIDATION refusal. */
export const typedNik = (raw: string): string => {
  const nik = raw.replace(/[\s.\-]/g, '');
  if (!/^\d*$/.test(nik)) invalid({ nik: { key: 'nik_digits' } });
  if (nik.length !== 16) invalid({ nik: { key: 'nik_length' } });
  return nik;
};

/** Equal hex digests, compared in constant time. */
export const sameDigest = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The answer to one check, or a refusal: NOT_FOUND when the ticket has no booking holding a NIK
 * (a walk-in, or a booking whose personal data is erased); TOO_MANY_ATTEMPTS once the ticket took
 * its mismatches.
 */
export const decideHolderCheck = (input: { storedHash: string | null | undefined; typedHash: string; mismatches: number }): { match: boolean } => {
  if (!input.storedHash) fail('NOT_FOUND', { variant: 'holder_nik' });
  if (input.mismatches >= HOLDER_CHECK_MISMATCHES) fail('TOO_MANY_ATTEMPTS', { variant: 'holder' });
  return { match: sameDigest(input.storedHash!, input.typedHash) };
};
