/** Random codes, tokens and digests: booking codes, ticket ids, session and kiosk tokens. */
import { createHash, randomBytes } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Unguessable, easy to read aloud and type: no 0/O, 1/I. 32^len possibilities. */
export const randomCode = (length: number): string => {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
};

export const randomTicketId = (): string => randomBytes(12).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
/** A bearer secret (session cookie, kiosk pairing): 256 bits. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Twelve characters without look-alikes, in groups of four: easy to read out once, 60 bits. */
export const newPassword = (): string => randomCode(12).match(/.{4}/g)!.join('-');
