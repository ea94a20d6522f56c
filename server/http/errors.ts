/** The one error-to-status map, and the error body in the caller's language. A 5xx never leaks its message. */
import type { ErrorRequestHandler, Response } from 'express';
import { DomainError, type ErrorCode } from '../domain/errors';
import { errorMessage, fieldMessage, pickLang, type Lang } from '../domain/messages';

export const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  SLOT_FULL: 409,
  DUPLICATE_BOOKING: 409,
  BOOKING_LIMIT: 409,
  CLOSED: 409,
  QUOTA_EXHAUSTED: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  INVALID_STATE: 409,
  COUNTER_BUSY: 409,
  COUNTER_NOT_OPEN: 409,
  SLOT_NOT_BOOKABLE: 409,
  WRONG_DAY: 409,
  OUTSIDE_WINDOW: 409,
  BOOKING_CANCELLED: 409,
  ALREADY_CHECKED_IN: 409,
  BLANKO_EMPTY: 409,
  SERVICE_UNAVAILABLE: 409,
  CAPACITY_BELOW_BOOKED: 409,
  CONFLICT: 409,
  INTERNAL: 500,
};

export const errorBody = (error: DomainError, lang: Lang) => {
  const fields = Object.entries(error.fields);
  return {
    error: {
      code: error.code,
      message: errorMessage(error.code, lang, error.params),
      ...(fields.length ? { fields: Object.fromEntries(fields.map(([k, p]) => [k, fieldMessage(p.key, lang, p.params)])) } : {}),
    },
  };
};

export const sendError = (res: Response, error: DomainError, acceptLanguage: string | undefined): void => {
  res.status(STATUS[error.code]).json(errorBody(error, pickLang(acceptLanguage)));
};

/** Turns body-parser's own errors (too large, bad JSON) into domain errors. */
const fromHttpError = (err: unknown): DomainError | undefined => {
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.too.large' || e?.status === 413) return new DomainError('TOO_LARGE');
  if (e?.type === 'entity.parse.failed') return new DomainError('VALIDATION', {}, { body: { key: 'invalid' } });
  return undefined;
};

export const errorHandler =
  (log: { error: (obj: object, msg: string) => void }): ErrorRequestHandler =>
  (err, req, res, _next) => {
    const domain = err instanceof DomainError ? err : fromHttpError(err);
    if (domain) return sendError(res, domain, req.headers['accept-language']);
    // Log the error class and stack, never the request body (it may hold a NIK).
    log.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack }, path: req.path }, 'unhandled error');
    sendError(res, new DomainError('INTERNAL'), req.headers['accept-language']);
  };
