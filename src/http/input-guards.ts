import type { Context, Next } from 'hono';
import { AppError } from '../errors/app-error.ts';
import { errorJson } from './error-response.ts';

/**
 * PostgreSQL refuses the NUL character in text and jsonb, so a NUL anywhere in
 * the input would reach the database and fail there (a 500). It is refused
 * here, once for every route, before any schema or query sees it: a 400 naming
 * the field (`firstName`, `customFields.<key>`, `leadIds.2`, `q`), or a 404 for
 * a path, which then names nothing.
 */
export async function refuseNulCharacters(c: Context, next: Next) {
  const path = safeDecode(c.req.path);
  if (path.includes('\0'))
    return errorJson(c, new AppError('NOT_FOUND', 'No such resource: the path holds a NUL character'));
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (key.includes('\0') || values.some((v) => v.includes('\0')))
      return errorJson(c, nulError(printable(key)));
  }
  if (c.req.raw.body && /^application\/([\w.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    // The text is cached by Hono: the route's validator parses the same body without reading it again.
    const text = await c.req.text();
    if (text.includes('\\u0000')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return next(); // malformed JSON: the route's validator says so
      }
      const field = nulPath(parsed, []);
      if (field !== null) return errorJson(c, nulError(field || 'body'));
    }
  }
  return next();
}

const nulError = (field: string) =>
  new AppError('VALIDATION', `${field}: must not contain the NUL character (\\u0000)`, { field });

/** Where the first NUL is, as a dotted path like zod's (`customFields.size`, `leadIds.2`); null if none. */
export function nulPath(value: unknown, path: string[]): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\0')) return [...path, printable(k)].join('.');
      const found = nulPath(v, [...path, k]);
      if (found !== null) return found;
    }
  return null;
}

/** A key with a NUL in it, shown the way JSON writes it. */
const printable = (s: string) => s.replaceAll('\0', '\\u0000');

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
