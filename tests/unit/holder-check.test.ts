import { describe, expect, it } from 'vitest';
import { decideHolderCheck, HOLDER_CHECK_MISMATCHES, sameDigest, typedNik } from '../../server/domain/holderCheck';
import { refusalOf } from './refusal';

describe('checking the holder of a booked ticket at the counter', () => {
  it('takes the NIK as typed or scanned, without spaces, dots or dashes, and wants 16 digits', () => {
    expect(typedNik(' 3174 0512-8700.0078 ')).toBe('3174051287000078');
    expect(refusalOf(() => typedNik('317405128700007'))).toMatchObject({ code: 'VALIDATION', fields: { nik: { key: 'nik_length' } } });
    expect(refusalOf(() => typedNik('31740512870000x8'))).toMatchObject({ code: 'VALIDATION', fields: { nik: { key: 'nik_digits' } } });
  });

  it('answers match or no match by comparing digests', () => {
    expect(decideHolderCheck({ storedHash: 'ab'.repeat(32), typedHash: 'ab'.repeat(32), mismatches: 0 })).toEqual({ match: true });
    expect(decideHolderCheck({ storedHash: 'ab'.repeat(32), typedHash: 'cd'.repeat(32), mismatches: 0 })).toEqual({ match: false });
    expect(sameDigest('abc', 'abcd')).toBe(false);
  });

  it('refuses a ticket without a stored NIK, and a ticket that took its mismatches, even with the right NIK', () => {
    expect(refusalOf(() => decideHolderCheck({ storedHash: null, typedHash: 'ab', mismatches: 0 }))).toMatchObject({ code: 'NOT_FOUND', params: { variant: 'holder_nik' } });
    const locked = { storedHash: 'ab'.repeat(32), typedHash: 'ab'.repeat(32), mismatches: HOLDER_CHECK_MISMATCHES };
    expect(refusalOf(() => decideHolderCheck(locked))).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', params: { variant: 'holder' } });
    expect(decideHolderCheck({ ...locked, mismatches: HOLDER_CHECK_MISMATCHES - 1 })).toEqual({ match: true });
  });
});
