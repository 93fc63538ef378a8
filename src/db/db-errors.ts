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
