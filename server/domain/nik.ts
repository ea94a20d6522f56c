/**
 * NIK (Nomor Induk Kependudukan) structure check: PPKKCC DDMMYY SSSS.
 * There is no check digit, so a well-formed NIK does not prove a person.
 */
import { DateTime } from 'luxon';

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

/**
 * @param today the office's local date ('YYYY-MM-DD'); decides the century of the
 * two-digit birth year (a year that would lie after today belongs to the 1900s).
 */
// Every booking attempt checks a NIK against the same "today": parse it once.
let lastDay: { text: string; date: DateTime } = { text: '', date: DateTime.invalid('unset') };
const parsedDay = (today: string): DateTime => {
  if (lastDay.text !== today) lastDay = { text: today, date: DateTime.fromISO(today, { zone: 'UTC' }) };
  return lastDay.date;
};

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
  const todayDate = parsedDay(today);
  const currentYy = todayDate.year % 100;
  const century = Math.floor(todayDate.year / 100) * 100;
  const year = yy <= currentYy ? century + yy : century - 100 + yy;
  const birth = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  if (day < 1 || !birth.isValid) return { ok: false, problem: 'nik_birthdate' };
  if (birth > todayDate) return { ok: false, problem: 'nik_future' };
  if (part(12, 4) === 0) return { ok: false, problem: 'nik_serial' };
  return { ok: true, birthDate: birth.toISODate()!, sex: female ? 'female' : 'male' };
};
