/**
 * ALTCHA proof of work (the v1 challenge format of API.md: `{algorithm, challenge, maxnumber,
 * salt, signature}`): a challenge signed with the server's key, its expiry in the salt's
 * parameters, and the check of a solution. Which solutions were used already is the store's
 * part (`useChallenge`); this module only does the cryptography, at an injected instant.
 */
import { createHmac } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge, Payload } from 'altcha-lib/v1/types';

export type { Challenge };

/** How long a challenge may be solved and sent: time enough to fill in the booking form. */
export const CHALLENGE_MINUTES = 10;
const ALGORITHM = 'SHA-256';
/** A payload is a few hundred characters; anything much longer is not one. */
export const MAX_PAYLOAD_LENGTH = 2_000;

/** The challenges' key when CHALLENGE_SECRET is unset: derived from the NIK secret, apart from its use for NIK hashes. */
export const deriveChallengeSecret = (nikSecret: string): string => createHmac('sha256', nikSecret).update('giliran:altcha-challenge').digest('hex');

/** A solution that passed: its challenge's signature (the single-use key) and when the challenge expires. */
export type SolvedChallenge = { signature: string; expiresAtMs: number };

export const createProofOfWork = ({ secret, maxNumber }: { secret: string; maxNumber: number }) => ({
  /** A new challenge that expires CHALLENGE_MINUTES after `nowMs`. */
  challenge: (nowMs: number): Promise<Challenge> =>
    createChallenge({ algorithm: ALGORITHM, hmacKey: secret, maxNumber, expires: new Date(nowMs + CHALLENGE_MINUTES * 60_000) }),

  /**
   * The solution in `payload` (base64 JSON, as the widget sends it) checked at `nowMs`: signed by
   * this key, solved, with an expiry still ahead; null otherwise. Expiry is checked here against
   * the injected clock rather than by altcha-lib against the machine's.
   */
  check: async (payload: unknown, nowMs: number): Promise<SolvedChallenge | null> => {
    if (typeof payload !== 'string' || payload.length === 0 || payload.length > MAX_PAYLOAD_LENGTH) return null;
    let solution: Payload;
    try {
      solution = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
    } catch {
      return null;
    }
    if (typeof solution !== 'object' || solution === null || solution.algorithm !== ALGORITHM) return null;
    if (typeof solution.salt !== 'string' || typeof solution.signature !== 'string' || !Number.isSafeInteger(solution.number)) return null;
    const expiresSeconds = Number(extractParams(solution).expires);
    if (!Number.isSafeInteger(expiresSeconds) || expiresSeconds * 1000 <= nowMs) return null;
    if (!(await verifySolution(solution, secret, false))) return null;
    return { signature: solution.signature, expiresAtMs: expiresSeconds * 1000 };
  },
});

export type ProofOfWork = ReturnType<typeof createProofOfWork>;
