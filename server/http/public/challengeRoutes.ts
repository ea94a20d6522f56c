/**
 * Proof of work on public bookings (fair booking, API.md): `GET /api/challenge` hands out an
 * ALTCHA challenge, and `passChallenge` spends a solution before a booking or a reschedule is
 * tried: missing, wrong, expired or used already → CHALLENGE_FAILED, and nothing is booked.
 * BOOKING_CHALLENGE=off turns both off (the route then answers 404 and nothing is checked).
 */
import { Router } from 'express';
import { fail } from '../../domain/errors';
import { createProofOfWork, type ProofOfWork } from '../../security/proofOfWork';
import type { Deps } from '../deps';
import { route } from '../route';
import * as s from '../schemas';

const proofs = new WeakMap<Deps, ProofOfWork>();

const proofOfWork = (deps: Deps): ProofOfWork => {
  let proof = proofs.get(deps);
  if (!proof) {
    const secret = deps.config.challengeSecret;
    // boot.ts sets it (CHALLENGE_SECRET or derived from the NIK secret); an app built without it cannot check anything.
    if (!secret) throw new Error('challengeSecret is not set');
    proofs.set(deps, (proof = createProofOfWork({ secret, maxNumber: deps.config.challengeMaxNumber })));
  }
  return proof;
};

/** Spends the solution in `payload`, or refuses with CHALLENGE_FAILED; does nothing where the challenge is off. */
export const passChallenge = async (deps: Deps, payload: string | undefined): Promise<void> => {
  if (!deps.config.bookingChallenge) return;
  const nowMs = deps.clock.now().toMillis();
  const solved = await proofOfWork(deps).check(payload, nowMs);
  if (!solved || !(await deps.store.useChallenge(solved.signature, solved.expiresAtMs, nowMs))) fail('CHALLENGE_FAILED');
};

export const challengeRoutes = (deps: Deps): Router => {
  const router = Router();
  route(
    router,
    { method: 'get', path: '/challenge', summary: 'An ALTCHA proof-of-work challenge for a public booking or reschedule (404 where BOOKING_CHALLENGE=off)', tag: 'public', response: s.challengeView, errors: ['NOT_FOUND'] },
    async (_input, _req, res) => {
      if (!deps.config.bookingChallenge) fail('NOT_FOUND');
      res.setHeader('Cache-Control', 'no-store');
      return proofOfWork(deps).challenge(deps.clock.now().toMillis());
    },
  );
  return router;
};
