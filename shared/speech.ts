/**
 * What the lobby board says aloud: Indonesian number words and the call announcement.
 * Pure: no DOM, no audio; the display page feeds the text to the Web Speech API.
 */

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

/** 0…999 without the "nol" of an empty group; "se-" forms for 10, 11, 100. */
const belowThousand = (n: number): string => {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds === 1) parts.push('seratus');
  else if (hundreds > 1) parts.push(`${UNITS[hundreds]} ratus`);
  if (rest === 0) return parts.join(' ');
  if (rest < 10) parts.push(UNITS[rest]!);
  else if (rest === 10) parts.push('sepuluh');
  else if (rest === 11) parts.push('sebelas');
  else if (rest < 20) parts.push(`${UNITS[rest - 10]} belas`);
  else {
    const tens = Math.floor(rest / 10);
    const ones = rest % 10;
    parts.push(`${UNITS[tens]} puluh`);
    if (ones) parts.push(UNITS[ones]!);
  }
  return parts.join(' ');
};

const SCALES = [
  { value: 1e12, word: 'triliun' },
  { value: 1e9, word: 'miliar' },
  { value: 1e6, word: 'juta' },
] as const;

/** An integer in Indonesian words, e.g. 7 → "tujuh", 11 → "sebelas", 1000 → "seribu", 2021 → "dua ribu dua puluh satu". */
export const numberToWords = (n: number): string => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  if (n < 0) return `minus ${numberToWords(-n)}`;
  if (n === 0) return 'nol';
  if (n >= 1e15) throw new RangeError(`too large to read: ${n}`);
  const parts: string[] = [];
  let rest = n;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.value);
    if (count) parts.push(`${numberToWords(count)} ${scale.word}`);
    rest %= scale.value;
  }
  const thousands = Math.floor(rest / 1000);
  if (thousands === 1) parts.push('seribu');
  else if (thousands > 1) parts.push(`${belowThousand(thousands)} ribu`);
  rest %= 1000;
  if (rest) parts.push(belowThousand(rest));
  return parts.join(' ');
};

/** A label's runs of digits, of letters and of anything else ("A-007" → ["A", "-", "007"]). */
export const labelTokens = (label: string): string[] => label.trim().match(/\d+|\p{L}+|[^\s\d\p{L}]+/gu) ?? [];

/** Reads a label aloud: each run of digits as a number, each letter as itself ("A007" → "A tujuh", "2B" → "dua B"). */
export const speakLabel = (label: string): string =>
  labelTokens(label)
    .flatMap((token) => {
      if (/^\d+$/.test(token)) return [numberToWords(Number(token))];
      // A run of capitals is a code read letter by letter ("AB" → "A B"); a word stays a word.
      if (/^\p{Lu}+$/u.test(token)) return token.split('');
      if (/^\p{L}+$/u.test(token)) return [token];
      return [];
    })
    .join(' ');

/** A counter's name as said after "loket": "Loket 2" → "2", so that the board never says "loket loket dua". */
export const counterSpokenName = (counter: string): string => counter.trim().replace(/^loket\s*/i, '');

/**
 * The spoken call, e.g. announcement('A007', '2') → "Nomor antrian A tujuh, silakan menuju loket dua".
 * A counter named "Loket 2" is not read as "loket loket dua". A recall says so first.
 */
export const announcement = (ticket: string, counter: string, options: { recall?: boolean; comeIn?: boolean } = {}): string => {
  const counterName = counterSpokenName(counter);
  // Called from outside the room: told to come in first.
  const text = `Nomor antrian ${speakLabel(ticket)}, ${options.comeIn ? 'silakan masuk, ' : ''}silakan menuju loket ${speakLabel(counterName)}`;
  return options.recall ? `Panggilan ulang. ${text}` : text;
};
