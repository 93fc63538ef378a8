import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../db/db-errors.ts';
import { AppError, type ErrorCode } from '../errors/app-error.ts';
import type { Logger } from '../platform/logger.ts';

/** The one table from domain error code to HTTP status. */
export const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFUSED: 422,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INVALID_TRANSITION: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type ErrorBody = {
  error: { code: ErrorCode; message: string; field?: string; details?: Record<string, unknown> };
};

/** Seconds a client should wait before trying again after a 503 (the database is usually back soon). */
export const retryAfterSeconds = 5;

export function errorJson(c: Context, e: AppError) {
  const body: ErrorBody = { error: { code: e.code, message: e.message } };
  if (e.field) body.error.field = e.field;
  if (e.details) body.error.details = e.details;
  const status = statusOf[e.code];
  if (status === 503) c.header('Retry-After', String(retryAfterSeconds));
  if (status === 429) c.header('Retry-After', String(e.details?.retryAfterSeconds ?? retryAfterSeconds));
  return c.json(body, status);
}

/** What every caller is told while the database cannot be reached: nothing about why, only when to retry. */
export const databaseUnavailable = () =>
  new AppError('UNAVAILABLE', 'The database is not reachable right now; try again shortly');

/** A zod failure → 400 whose message names every bad field (`firstName: expected string`). */
export function validationError(error: ZodError, where: 'body' | 'query' | 'path'): AppError {
  const issues = error.issues.flatMap((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ field: path ? `${path}.${k}` : k, message: 'unknown field' }));
    return [
      {
        field: path || where,
        message: i.message,
      },
    ];
  });
  return new AppError('VALIDATION', issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
    field: issues[0]?.field,
    details: { issues },
  });
}

/** Anything thrown in a route ends here: known errors keep their message, others are logged and hidden. */
export function toErrorResponse(c: Context, e: unknown, log: Logger) {
  if (e instanceof AppError) return errorJson(c, e);
  if (e instanceof HTTPException) {
    const message = e.status === 400 && /json/i.test(e.message) ? 'body: malformed JSON' : e.message;
    const code: ErrorCode =
      e.status === 401
        ? 'UNAUTHENTICATED'
        : e.status === 404
          ? 'NOT_FOUND'
          : e.status === 413
            ? 'TOO_LARGE'
            : e.status < 500
              ? 'VALIDATION'
              : 'INTERNAL';
    return errorJson(c, new AppError(code, message, { field: e.status === 400 ? 'body' : undefined }));
  }
  if (isDatabaseUnavailable(e)) {
    log.warn('database unavailable during a request', { error: e, path: c.req.path });
    return errorJson(c, databaseUnavailable());
  }
  log.error('unhandled error in request', { error: e, path: c.req.path });
  return errorJson(c, new AppError('INTERNAL', 'Internal error; it has been logged'));
}
