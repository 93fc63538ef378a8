/** Drizzle wraps driver errors; the PostgreSQL error (with its SQLSTATE) is the cause. */
function pgError(e: unknown): { code?: string; constraint?: string } | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = cur as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code))
      return { code: c.code, constraint: c.constraint };
    cur = c.cause;
  }
  return undefined;
}

/** True for a unique_violation, optionally on a named index. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const p = pgError(e);
  if (p?.code !== '23505') return false;
  if (!constraint || !p.constraint) return true;
  return p.constraint === constraint;
}

// Node socket errors that mean "the server is not there (now)".
const unreachableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// What node-postgres says when a connection died or never came (it has no code for these).
const unreachableMessages = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Connection ended/,
];

/**
 * True when `e` (or anything it wraps) says the database cannot be reached
 * right now, rather than that a query was wrong: refused or reset sockets,
 * pool acquire timeouts, connection exceptions (SQLSTATE class 08), a server
 * shutting down or starting (57P01–57P03), too many connections (53300).
 * The HTTP layer answers these with 503 and Retry-After.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [e];
  while (pending.length && seen.size < 16) {
    const cur = pending.shift();
    if (!cur || typeof cur !== 'object' || seen.has(cur)) continue;
    seen.add(cur);
    const c = cur as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof c.code === 'string') {
      if (unreachableSocketCodes.has(c.code)) return true;
      if (/^08[0-9A-Z]{3}$/.test(c.code) || ['57P01', '57P02', '57P03', '53300'].includes(c.code))
        return true;
    }
    if (typeof c.message === 'string' && unreachableMessages.some((m) => m.test(c.message as string)))
      return true;
    pending.push(c.cause);
    // A connect over several addresses (localhost: ::1 and 127.0.0.1) fails with an AggregateError.
    if (Array.isArray(c.errors)) pending.push(...c.errors);
  }
  return false;
}
