import { describe, expect, it } from 'vitest';
import { maskNik, maskPhone, normalisePhone } from '../../server/domain/phone';

describe('an Indonesian mobile number is normalised to E.164 as people type it', () => {
  it.each([
    ['08123456789', '+628123456789'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['(0812) 3456.7890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['62 812 3456 7890', '+6281234567890'],
    ['  0857 1234 5678  ', '+6285712345678'],
    ['0881-1234-56789', '+62881123456789'],
  ])('%s → %s', (typed, e164) => {
    expect(normalisePhone(typed)).toBe(e164);
  });

  it.each([
    ['', 'empty'],
    ['12345', 'too short and no prefix'],
    ['0812345', 'too short'],
    ['08123456789012', 'too long (13 digits after 0)'],
    ['021-555-1234', 'a Jakarta landline'],
    ['+1 202 555 0100', 'a foreign number'],
    ['+65 8123 4567', 'a Singapore mobile'],
    ['0812-3456-78ab', 'letters'],
    ['++6281234567890', 'a doubled plus'],
    ['0062 812 3456 7890', 'the international 00 prefix'],
  ])('refuses %s (%s)', (typed) => {
    expect(normalisePhone(typed)).toBeNull();
  });

  it('is idempotent: a normalised number normalises to itself', () => {
    for (const typed of ['0812-3456-7890', '62 857 1111 2222', '+62 881 1234 56789']) {
      const once = normalisePhone(typed)!;
      expect(normalisePhone(once)).toBe(once);
    }
  });
});

describe('masking', () => {
  it('shows the operator prefix and the last four digits only', () => {
    expect(maskPhone('+6281234567890')).toBe('+62812••••7890');
    expect(maskPhone('+628123456789')).toBe('+62812•••6789');
    expect(maskPhone('+62881123456789')).toBe('+62881•••••6789');
  });

  it('shows nothing of a value shorter than any valid number, and never throws', () => {
    for (const odd of ['', '+62', '+628123', '+62812345', '+628123456', '+6281234567']) {
      expect(maskPhone(odd)).toBe('••••');
    }
  });

  it('masks a NIK to its last four digits', () => {
    expect(maskNik('0042')).toBe('************0042');
  });
});
