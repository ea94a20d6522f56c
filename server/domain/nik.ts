/**
 * NIK (Nomor Induk Kependudukan) structure check: PPKKCC DDMMYY SSSS.
 * There is no check digit, so a well-formed NIK does not prove a person.
 */
export type NikProblem =
  | 'nik_length'
  | 'nik_digits'
  | 'nik_province'
  | 'nik_region'
  | 'nik_birthdate'
  | 'nik_future'
  | 'nik_serial';

export type NikCheck =
  | { ok: true; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; problem: NikProblem };

const PROVINCE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 19], [21, 21], [31, 36], [51, 53], [61, 65], [71, 76], [81, 82], [91, 96],
];

export const isProvinceCode = (code: number): boolean =>
  PROVINCE_RANGES.some(([from, to]) => code >= from && code <= to);

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * @param today the office's local date ('YYYY-MM-DD'); decides the century of the
 * two-digit birth year (a year that would lie after today belongs to the 1900s).
 * Plain arithmetic, no date library: every booking attempt of a burst runs it.
 */
export const checkNik = (raw: string, today: string): NikCheck => {
  if (!/^\d*$/.test(raw)) return { ok: false, problem: 'nik_digits' };
  if (raw.length !== 16) return { ok: false, problem: 'nik_length' };
  const part = (from: number, len: number) => Number(raw.slice(from, from + len));
  if (!isProvinceCode(part(0, 2))) return { ok: false, problem: 'nik_province' };
  if (part(2, 2) === 0 || part(4, 2) === 0) return { ok: false, problem: 'nik_region' };

  const rawDay = part(6, 2);
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  const month = part(8, 2);
  const yy = part(10, 2);
  const todayYear = Number(today.slice(0, 4));
  const currentYy = todayYear % 100;
  const century = Math.floor(todayYear / 100) * 100;
  const year = yy <= currentYy ? century + yy : century - 100 + yy;
  if (day < 1 || month < 1 || month > 12 || day > daysInMonth(year, month)) return { ok: false, problem: 'nik_birthdate' };
  const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  // ISO dates compare as strings.
  if (birthDate > today) return { ok: false, problem: 'nik_future' };
  if (part(12, 4) === 0) return { ok: false, problem: 'nik_serial' };
  return { ok: true, birthDate, sex: female ? 'female' : 'male' };
};
