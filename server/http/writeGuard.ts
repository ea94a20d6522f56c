/**
 * What a write (POST, PUT, PATCH, DELETE) must be before any route sees it. With a session
 * cookie it must come from this server's own pages (security/sameOrigin.ts): a forged cross-site
 * request is refused 403 whatever its body. With a body it must be JSON (415 otherwise): a
 * cross-site HTML form can send only form or text bodies, and JSON from another site needs a
 * preflight this server never grants. Kiosks (bearer token) and the public booking calls carry no
 * cookie, so only the JSON rule applies to them.
 */
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config';
import { DomainError } from '../domain/errors';
import { fromOwnOrigin, trustedOrigins } from '../security/sameOrigin';
import { tokenFromCookieHeader } from './auth';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

const isJson = (contentType: string): boolean => contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';

export const writeGuard = (config: Pick<Config, 'allowedOrigins' | 'publicBaseUrl'>): RequestHandler => {
  const trusted = trustedOrigins(config);
  return (req, _res, next) => {
    if (!WRITES.has(req.method)) return next();
    if (tokenFromCookieHeader(req.headers.cookie) && !fromOwnOrigin(req.headers, trusted)) return next(new DomainError('FORBIDDEN'));
    const contentType = req.headers['content-type'];
    if (contentType !== undefined ? !isJson(contentType) : hasBody(req)) return next(new DomainError('UNSUPPORTED_MEDIA_TYPE'));
    next();
  };
};
