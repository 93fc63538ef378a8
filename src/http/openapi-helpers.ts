import { z } from '@hono/zod-openapi';

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

/** The error responses every authenticated route may give. */
export const errorResponses = {
  400: {
    description: 'Invalid input; `field` names it',
    content: { 'application/json': { schema: ErrorResponse } },
  },
  401: {
    description: 'Missing or bad credentials',
    content: { 'application/json': { schema: ErrorResponse } },
  },
  404: {
    description: 'Not found in your organisation',
    content: { 'application/json': { schema: ErrorResponse } },
  },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Dates leave the API as ISO strings. */
export function serialiseDates<T>(value: T): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(serialiseDates);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialiseDates(v)]));
  return value;
}

/**
 * A path id. Every id is a uuid; one that is not names nothing, so the app
 * answers 404 (app.ts, defaultHook) before any query, as for an unknown id.
 */
export const idParam = (name = 'id') => z.uuid().openapi({ param: { name, in: 'path' } });
