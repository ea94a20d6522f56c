/**
 * Whether a password a person chose is strong enough: at least 12 characters and a zxcvbn score
 * of 3 or more (about 10^8 guesses and up), judged against the common-password dictionary and the
 * account's own names. Generated passwords (tokens.ts newPassword) always pass.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSWORD_LENGTH = 12;
const MIN_SCORE = 3;
/** Words anyone guessing a Giliran password tries first. */
const SITE_WORDS = ['giliran', 'disdukcapil', 'antrian', 'loket', 'admin'];

let estimator: Promise<ZxcvbnFactory> | undefined;
/**
 * Loaded on first use: the dictionaries take some 100 ms to load and build, and most processes
 * never need them. Only the first 64 characters are judged, with fewer l33t substitutions than the
 * default, so that one check stays within tens of milliseconds on the event loop whatever is typed.
 */
const zxcvbn = (): Promise<ZxcvbnFactory> =>
  (estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([{ ZxcvbnFactory }, common]) => new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, maxLength: 64, l33tMaxSubstitutions: 20 }),
  ));

export const isStrongPassword = async (password: string, personal: string[] = []): Promise<boolean> =>
  password.length >= MIN_PASSWORD_LENGTH && (await zxcvbn()).check(password, [...personal, ...SITE_WORDS]).score >= MIN_SCORE;
