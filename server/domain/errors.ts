/**
 * Named domain errors with stable codes (API.md). The message text lives in
 * messages.ts so that one catalogue serves Indonesian and English.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'SLOT_FULL'
  | 'DUPLICATE_BOOKING'
  | 'BOOKING_LIMIT'
  | 'CLOSED'
  | 'QUOTA_EXHAUSTED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'TOO_MANY_ATTEMPTS'
  | 'CHALLENGE_FAILED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_STATE'
  | 'COUNTER_BUSY'
  | 'COUNTER_NOT_OPEN'
  | 'SLOT_NOT_BOOKABLE'
  | 'WRONG_DAY'
  | 'OUTSIDE_WINDOW'
  | 'BOOKING_CANCELLED'
  | 'ALREADY_CHECKED_IN'
  | 'BOOKING_NOT_CONFIRMED'
  | 'BOOKING_EXPIRED'
  | 'OFFICE_NOT_READY'
  | 'BLANKO_EMPTY'
  | 'SERVICE_UNAVAILABLE'
  | 'CAPACITY_BELOW_BOOKED'
  | 'CONFLICT'
  | 'NOT_OPEN_YET'
  | 'WAITING_ROOM'
  | 'SURVEY_NOT_OPEN'
  | 'SURVEY_CLOSED'
  | 'ALREADY_ANSWERED'
  | 'INTERNAL';

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Values interpolated into the catalogue message, e.g. {reason}. */
  readonly params: Record<string, string | number>;
  /** Per-field message keys for VALIDATION errors. */
  readonly fields: Record<string, FieldProblem>;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, fields: Record<string, FieldProblem> = {}) {
    // A refusal is an expected answer, not a bug: capturing a stack trace for each of the
    // thousands of SLOT_FULL answers in a booking burst cost more than deciding them.
    const stackLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = stackLimit;
    this.code = code;
    this.params = params;
    this.fields = fields;
    this.name = 'DomainError';
  }
}

/** A field problem is a catalogue key plus its parameters, translated at the edge. */
export type FieldProblem = { key: string; params?: Record<string, string | number> };

export const fail = (code: ErrorCode, params?: Record<string, string | number>): never => {
  throw new DomainError(code, params);
};

export const invalid = (fields: Record<string, FieldProblem>): never => {
  throw new DomainError('VALIDATION', {}, fields);
};
