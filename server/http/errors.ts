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
  TOO_MANY_ATTEMPTS: 429,
  CHALLENGE_FAILED: 400,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_STATE: 409,
  COUNTER_BUSY: 409,
  COUNTER_NOT_OPEN: 409,
  SLOT_NOT_BOOKABLE: 409,
  WRONG_DAY: 409,
  OUTSIDE_WINDOW: 409,
  BOOKING_CANCELLED: 409,
  ALREADY_CHECKED_IN: 409,
  BOOKING_NOT_CONFIRMED: 409,
  BOOKING_EXPIRED: 409,
  OFFICE_NOT_READY: 409,
  BLANKO_EMPTY: 409,
  SERVICE_UNAVAILABLE: 409,
  CAPACITY_BELOW_BOOKED: 409,
  CONFLICT: 409,
  NOT_OPEN_YET: 409,
  WAITING_ROOM: 409,
  SURVEY_NOT_OPEN: 409,
  SURVEY_CLOSED: 409,
  ALREADY_ANSWERED: 409,
  INTERNAL: 500,
};

export const errorBody = (error: DomainError, lang: Lang) => {
  const fields = Object.entries(error.fields);
  return {
    error: {
      code: error.code,
      message: errorMessage(error.code, lang, error.params),
      // WAITING_ROOM carries `fields: {}` even when empty, as API.md writes it.
      ...(fields.length || error.code === 'WAITING_ROOM' ? { fields: Object.fromEntries(fields.map(([k, p]) => [k, fieldMessage(p.key, lang, p.params)])) } : {}),
    },
  };
};

export const sendError = (res: Response, error: DomainError, acceptLanguage: string | undefined): void => {
  res.status(STATUS[error.code]).json(errorBody(error, pickLang(acceptLanguage)));
};

/**
 * Turns the client errors raised below the routes into domain errors: body-parser's (too large,
 * bad JSON, a false Content-Encoding, an unknown charset) and the router's (a path that is not
 * valid percent-encoding). They are the client's mistakes, answered 4xx and never logged as failures.
 */
const CLIENT_ERRORS: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED',
};
const fromHttpError = (err: unknown): DomainError | undefined => {
  const e = err as { type?: string; status?: unknown; statusCode?: unknown } | null;
  const status = Number(e?.status ?? e?.statusCode);
  if (!(status >= 400 && status < 500)) return undefined;
  if (e?.type === 'entity.parse.failed') return new DomainError('VALIDATION', {}, { body: { key: 'invalid' } });
  return new DomainError(CLIENT_ERRORS[status] ?? 'VALIDATION');
};

/** The domain error to answer with; anything unexpected is logged (class and stack, never the request body: it may hold a NIK) and answered INTERNAL. */
export const answerableError = (err: unknown, log: { error: (obj: object, msg: string) => void }, path: string): DomainError => {
  const domain = err instanceof DomainError ? err : fromHttpError(err);
  if (domain) return domain;
  log.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack }, path }, 'unhandled error');
  return new DomainError('INTERNAL');
};

export const errorHandler =
  (log: { error: (obj: object, msg: string) => void }): ErrorRequestHandler =>
  (err, req, res, _next) =>
    sendError(res, answerableError(err, log, req.path), req.headers['accept-language']);
