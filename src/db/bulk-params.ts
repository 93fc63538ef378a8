import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { pgText } from './pg-text.ts';

/**
 * Many rows as one jsonb parameter, to be read with `jsonb_to_recordset`.
 * Hot paths (the dispatcher's outcomes, timeline events) write a hundred
 * rows at a time: one bind instead of rows × columns, which Drizzle would
 * build one by one and PostgreSQL parse one by one. jsonb cannot hold U+0000,
 * so a string carrying it is cleaned (rare: only then is the slower pass paid).
 */
export function jsonRows(rows: readonly object[]): SQL {
  let json = JSON.stringify(rows);
  if (json.includes('\\u0000'))
    json = JSON.stringify(rows, (_k, v) => (typeof v === 'string' ? pgText(v) : v));
  return sql`${json}::jsonb`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `column = ANY(ids)` with the ids as one array parameter (Drizzle's inArray
 * binds one parameter per id). Only uuids can be passed, so the array literal
 * needs no quoting.
 */
export function anyUuid(column: SQLWrapper, ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID_RE.test(id)) throw new TypeError(`not a uuid: ${JSON.stringify(id)}`);
  return sql`${column} = ANY(${`{${ids.join(',')}}`}::uuid[])`;
}

/** `column = ANY(values)` for text, the values as one jsonb parameter (any characters, no quoting rules). */
export function anyText(column: SQLWrapper, values: readonly string[]): SQL {
  return sql`${column} = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)))`;
}
