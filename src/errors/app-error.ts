/**
 * The one error type the domain throws. Its code is from a closed set; the HTTP
 * layer maps code → status in one table (src/http/error-response.ts), so a
 * domain function never thinks about HTTP.
 */
export const errorCodes = [
  'VALIDATION', // input is malformed or breaks a rule; `field` names it
  'UNAUTHENTICATED', // no or bad credentials
  'FORBIDDEN', // authenticated but not allowed
  'NOT_FOUND', // no such thing in the caller's org (another org's ids look the same)
  'CONFLICT', // duplicate or a state that forbids the action
  'REFUSED', // a business rule refuses the action (suppressed, excluded)
  'TOO_LARGE', // the request body is over its route's size limit
  'RATE_LIMITED', // too many attempts; `details.retryAfterSeconds` says when to try again
  'INVALID_TRANSITION', // the lead state machine forbids this change
  'UNAVAILABLE', // a dependency (database, mailbox) is not reachable
  'INTERNAL', // a bug; details are logged, not shown
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
