/**
 * Per-address flood guards. Many Indonesian mobile users share one public address (CGNAT),
 * so these are generous; fairness comes from the per-NIK rules.
 */
import { rateLimit } from 'express-rate-limit';
import { DomainError } from '../domain/errors';
import { sendError } from './errors';

export const perMinute = (limit: number) =>
  rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res) => sendError(res, new DomainError('RATE_LIMITED'), req.headers['accept-language']),
  });
