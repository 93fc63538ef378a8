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

// Found with indexOf, not a regex: a pattern with an open-ended run here was polynomial on hostile text.
const failedQueryMark = 'Failed query: ';
const paramsMark = '\nparams: ';
// PostgreSQL's data exceptions end by quoting the value they refused.
const echoPrefixes = ['invalid input syntax for ', 'invalid input value for enum ', 'malformed '];

function redactQueryParams(text: string): string {
  const start = text.indexOf(failedQueryMark);
  const at = start < 0 ? -1 : text.indexOf(paramsMark, start);
  return at < 0 ? text : `${text.slice(0, at + paramsMark.length)}[redacted]`;
}

function redactEchoedValue(text: string): string {
  const starts = echoPrefixes.map((p) => text.indexOf(p)).filter((i) => i >= 0);
  if (!starts.length) return text;
  const open = text.indexOf(': "', Math.min(...starts));
  const close = text.lastIndexOf('"');
  if (open < 0 || close < open + 3) return text;
  return `${text.slice(0, open)}: "[redacted]"${text.slice(close + 1)}`;
}

export function redactText(text: string): string {
  return redactEchoedValue(redactQueryParams(text));
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
