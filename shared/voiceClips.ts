/**
 * The board's recorded voice: short Indonesian clips (made offline by scripts/make-voice-clips.ts,
 * committed under display/voice/) played one after another when the TV's browser has no
 * Indonesian voice. Pure: no DOM, no audio. The clips say the same words as `announcement`.
 */
import { counterSpokenName, labelTokens, numberToWords } from './speech';

/** Whole phrases and the few words a counter is named with besides numbers. */
const PHRASES = {
  'nomor-antrian': 'nomor antrian',
  'silakan-menuju': 'silakan menuju',
  loket: 'loket',
  'panggilan-ulang': 'panggilan ulang',
  // Said before the counter when the visitor was called from outside the room.
  'silakan-masuk': 'silakan masuk',
  prioritas: 'prioritas',
} as const;

/** Every word numberToWords uses below a million. */
const NUMBER_WORDS = [
  'nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan',
  'sepuluh', 'sebelas', 'belas', 'puluh', 'seratus', 'ratus', 'seribu', 'ribu',
] as const;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Clip id → what the clip says (a letter clip is the letter's Indonesian name: "B" → "be"). Ids are the file names. */
export const VOICE_CLIPS: Readonly<Record<string, string>> = {
  ...PHRASES,
  ...Object.fromEntries(NUMBER_WORDS.map((w) => [w, w])),
  ...Object.fromEntries(LETTERS.map((l) => [l, l])),
};

export type ClipId = string;

// Not Object.hasOwn: the build targets older TV browsers.
const isClip = (id: string): boolean => Object.prototype.hasOwnProperty.call(VOICE_CLIPS, id);

/** Beyond the clips' words (a million and up) a number is read digit by digit. */
const numberClips = (digits: string): ClipId[] => {
  const n = Number(digits);
  if (n < 1e6) return numberToWords(n).split(' ');
  return digits.split('').map((d) => numberToWords(Number(d)));
};

/** Letters A–Z of a word, accents dropped ("É" → "E"), anything else skipped. */
const spell = (word: string): ClipId[] =>
  word
    .normalize('NFD')
    .toUpperCase()
    .split('')
    .filter((c) => isClip(c) && c.length === 1);

/**
 * A label as clips, read as `speakLabel` reads it: digits as a number, a run of capitals letter by
 * letter, a word as itself where a clip says it, otherwise spelled (no clip can say any word).
 */
export const labelClips = (label: string): ClipId[] =>
  labelTokens(label).flatMap((token) => {
    if (/^\d+$/.test(token)) return numberClips(token);
    if (!/^\p{L}+$/u.test(token)) return [];
    if (/^\p{Lu}+$/u.test(token)) return spell(token);
    const word = token.toLowerCase();
    return isClip(word) && word.length > 1 ? [word] : spell(token);
  });

/**
 * The clips of a call, in order: ("A107", "2") → nomor-antrian A seratus tujuh silakan-menuju loket dua.
 * A recall says "panggilan ulang" first, as the spoken announcement does; a visitor called from
 * outside the room hears "silakan masuk" before the counter.
 */
export const announcementClips = (ticket: string, counter: string, options: { recall?: boolean; comeIn?: boolean } = {}): ClipId[] => [
  ...(options.recall ? ['panggilan-ulang'] : []),
  'nomor-antrian',
  ...labelClips(ticket),
  ...(options.comeIn ? ['silakan-masuk'] : []),
  'silakan-menuju',
  'loket',
  ...labelClips(counterSpokenName(counter)),
];

/**
 * How the board speaks, from its URL (`/display/?voice=clips`): `auto` (the default) uses the
 * browser's Indonesian voice where there is one and the clips otherwise; `clips` and `browser` force one.
 */
export type BoardVoice = 'auto' | 'clips' | 'browser';

export const parseBoardVoice = (value: string | null | undefined): BoardVoice => {
  const v = value?.trim().toLowerCase();
  return v === 'clips' || v === 'browser' ? v : 'auto';
};
