import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkNik, isProvinceCode } from '../../server/domain/nik';

const TODAY = '2026-11-24';

describe('a NIK is checked for its structure PPKKCC DDMMYY SSSS', () => {
  it('accepts a man born on 17 August 1990 in Jakarta Selatan', () => {
    expect(checkNik('3174011708900001', TODAY)).toEqual({ ok: true, birthDate: '1990-08-17', sex: 'male' });
  });

  it("accepts a woman's NIK, whose day of birth has 40 added (57 = the 17th)", () => {
    expect(checkNik('3174015708900001', TODAY)).toEqual({ ok: true, birthDate: '1990-08-17', sex: 'female' });
  });

  it('accepts women born on the 1st (41) and the 31st (71)', () => {
    expect(checkNik('3174014101900001', TODAY).ok).toBe(true);
    expect(checkNik('3174017101900001', TODAY).ok).toBe(true);
  });

  it('refuses a day of 32 to 40 and above 71', () => {
    expect(checkNik('3174013201900001', TODAY)).toEqual({ ok: false, problem: 'nik_birthdate' });
    expect(checkNik('3174014001900001', TODAY)).toEqual({ ok: false, problem: 'nik_birthdate' });
    expect(checkNik('3174017201900001', TODAY)).toEqual({ ok: false, problem: 'nik_birthdate' });
  });

  it('accepts 29 February in a leap year (2000, 1996) and refuses it otherwise (2001, 1997)', () => {
    expect(checkNik('3174012902000001', TODAY).ok).toBe(true);
    expect(checkNik('3174016902960001', TODAY)).toMatchObject({ ok: true, birthDate: '1996-02-29', sex: 'female' });
    expect(checkNik('3174012902010001', TODAY)).toEqual({ ok: false, problem: 'nik_birthdate' });
    expect(checkNik('3174012902970001', TODAY)).toEqual({ ok: false, problem: 'nik_birthdate' });
  });

  it('refuses 31 April and month 13 and day 00', () => {
    expect(checkNik('3174013104900001', TODAY).ok).toBe(false);
    expect(checkNik('3174011513900001', TODAY).ok).toBe(false);
    expect(checkNik('3174010008900001', TODAY).ok).toBe(false);
  });

  it('reads the two-digit year as this century up to this year, else the last one', () => {
    expect(checkNik('3174012411260001', TODAY)).toMatchObject({ ok: true, birthDate: '2026-11-24' });
    expect(checkNik('3174010101270001', TODAY)).toMatchObject({ ok: true, birthDate: '1927-01-01' });
  });

  it('refuses a birth date later this year (in the future)', () => {
    expect(checkNik('3174012512260001', TODAY)).toEqual({ ok: false, problem: 'nik_future' });
  });

  it('refuses unknown province codes (10, 20, 37, 50, 97) and accepts each range end', () => {
    for (const pp of ['10', '20', '37', '50', '54', '60', '66', '70', '77', '80', '83', '90', '97', '00']) {
      expect(checkNik(`${pp}74011708900001`, TODAY)).toEqual({ ok: false, problem: 'nik_province' });
    }
    for (const pp of ['11', '19', '21', '31', '36', '51', '53', '61', '65', '71', '76', '81', '82', '91', '96']) {
      expect(isProvinceCode(Number(pp))).toBe(true);
      expect(checkNik(`${pp}74011708900001`, TODAY).ok).toBe(true);
    }
  });

  it('refuses regency or district 00', () => {
    expect(checkNik('3100011708900001', TODAY)).toEqual({ ok: false, problem: 'nik_region' });
    expect(checkNik('3174001708900001', TODAY)).toEqual({ ok: false, problem: 'nik_region' });
  });

  it('refuses serial 0000', () => {
    expect(checkNik('3174011708900000', TODAY)).toEqual({ ok: false, problem: 'nik_serial' });
  });

  it('refuses letters, 15 digits and 17 digits', () => {
    expect(checkNik('31740117089O0001', TODAY)).toEqual({ ok: false, problem: 'nik_digits' });
    expect(checkNik('317401170890001', TODAY)).toEqual({ ok: false, problem: 'nik_length' });
    expect(checkNik('31740117089000011', TODAY)).toEqual({ ok: false, problem: 'nik_length' });
    expect(checkNik('', TODAY)).toEqual({ ok: false, problem: 'nik_length' });
  });

  it('reads the birth date as the calendar does, for every day, month and year the six digits can hold', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 71 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('2026-11-24', '2000-02-29', '2099-12-31'), (dd, mm, yy, today) => {
        const result = checkNik(`317401${pad(dd)}${pad(mm)}${pad(yy)}0001`, today);
        const day = dd > 40 ? dd - 40 : dd;
        const thisYear = Number(today.slice(0, 4));
        const year = yy <= thisYear % 100 ? thisYear - (thisYear % 100) + yy : thisYear - (thisYear % 100) - 100 + yy;
        const birth = DateTime.fromObject({ year, month: mm, day }, { zone: 'UTC' });
        if (day < 1 || !birth.isValid) expect(result).toEqual({ ok: false, problem: 'nik_birthdate' });
        else if (birth.toISODate()! > today) expect(result).toEqual({ ok: false, problem: 'nik_future' });
        else expect(result).toEqual({ ok: true, birthDate: birth.toISODate(), sex: dd > 40 ? 'female' : 'male' });
      }),
      { numRuns: 3000 },
    );
  });
});
