/**
 * PostgreSQL text and jsonb cannot hold U+0000, and mail from the wild can
 * carry it (broken charsets). Strings headed for the database pass through
 * here; the raw bytes are kept untouched in bytea columns.
 */
export const pgText = <T extends string | null | undefined>(s: T): T =>
  (typeof s === 'string' ? s.replaceAll(String.fromCharCode(0), '') : s) as T;

export function pgJson<T>(value: T): T {
  if (typeof value === 'string') return pgText(value) as T;
  if (Array.isArray(value)) return value.map(pgJson) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [pgText(k), pgJson(v)])) as T;
  return value;
}
