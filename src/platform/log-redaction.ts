/**
 * Logs carry no personal data. A failed query's error embeds its bind
 * parameters (Drizzle: "Failed query: … params: jane@acme.com,Jane,…"), and
 * PostgreSQL echoes a value it could not read ('invalid input syntax for type
 * uuid: "…"'); both are leads' data. Before a log line is written, every error
 * and string in it goes through here: the SQL text stays (it says what
 * failed), the parameters become their count and types, echoed values go.
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return redactError(value, depth);
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => redactForLog(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactForLog(v, depth + 1)]));
}

/** What a log line shows of bind parameters: how many and their types, never a value. */
export function describeParams(params: unknown[]): string {
  const types = params.map((p) =>
    p === null ? 'null' : Array.isArray(p) ? 'array' : p instanceof Date ? 'date' : typeof p,
  );
  return `[${params.length} redacted${types.length ? `: ${types.join(', ')}` : ''}]`;
}

const failedQuery = /(Failed query: [\s\S]*?\nparams: )[\s\S]*$/;
// PostgreSQL's data exceptions end by quoting the value they refused.
const echoedValue =
  /((?:invalid input syntax for (?:type )?[\w ."()]+|invalid input value for enum [\w."]+|malformed [\w ]+ literal): )"[\s\S]*"/g;

export function redactText(text: string): string {
  return text.replace(failedQuery, '$1[redacted]').replace(echoedValue, '$1"[redacted]"');
}

function redactError(e: Error, depth: number): Record<string, unknown> {
  const q = e as Error & { query?: unknown; params?: unknown; code?: unknown; cause?: unknown };
  const message =
    typeof q.query === 'string' && Array.isArray(q.params)
      ? `Failed query: ${q.query}\nparams: ${describeParams(q.params)}`
      : redactText(e.message);
  const out: Record<string, unknown> = { name: e.name, message };
  if (typeof q.code === 'string' || typeof q.code === 'number') out.code = q.code;
  // Only the frames: the stack's first lines repeat the message, parameters and all.
  const frames = e.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  if (frames?.length) out.stack = frames.join('\n');
  if (q.cause !== undefined) out.cause = redactForLog(q.cause, depth + 1);
  return out;
}
