/**
 * The header representation auto-reply detection reads: lower-case header
 * name → every raw value of that header, in order (`Map<string, string[]>`).
 *
 * It is built from whatever the caller has:
 * - mailparser: `headersFromLines(parsed.headerLines)`, the raw lines, is the
 *   faithful choice (`parsed.headers` also works, but mailparser has already
 *   turned some values into objects; `normalizeHeaders` flattens those);
 * - raw RFC 5322 text: `headersFromRaw(source)`;
 * - tests and fixtures: a plain object such as `{ 'Auto-Submitted': 'auto-replied' }`,
 *   any name casing, string or string[] values.
 */
export type HeaderSource = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;
export type HeaderMap = ReadonlyMap<string, readonly string[]>;

function flatten(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (value instanceof Date) return [value.toUTCString()];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // mailparser AddressObject: { value: [{ address, name }], text }
    if (typeof record.text === 'string') return [record.text];
    // mailparser StructuredHeader: { value: 'multipart/report', params: { 'report-type': … } }
    if (typeof record.value === 'string') {
      const params = record.params && typeof record.params === 'object' ? record.params : {};
      const rendered = Object.entries(params as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
      return [[record.value, ...rendered].join('; ')];
    }
  }
  return [];
}

export function normalizeHeaders(source: HeaderSource): Map<string, string[]> {
  const entries: Iterable<[string, unknown]> =
    source instanceof Map ? source.entries() : Object.entries(source);
  const headers = new Map<string, string[]>();
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    headers.set(key, [...(headers.get(key) ?? []), ...flatten(value).map((v) => v.trim())]);
  }
  return headers;
}

/** From mailparser's `headerLines` (`{ key, line: 'Name: value' }`, possibly folded). */
export function headersFromLines(lines: readonly { key: string; line: string }[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const unfolded = line.replace(/\r?\n[ \t]+/g, ' ');
    const colon = unfolded.indexOf(':');
    const value = colon >= 0 ? unfolded.slice(colon + 1).trim() : '';
    const name = key.toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

/** From a raw RFC 5322 message (or just its header block). */
export function headersFromRaw(source: string): Map<string, string[]> {
  const block = source.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const lines: { key: string; line: string }[] = [];
  for (const physical of block.split(/\r?\n/)) {
    const last = lines.at(-1);
    if (/^[ \t]/.test(physical) && last) last.line += ` ${physical.trim()}`;
    else if (/^[!-9;-~]+:/.test(physical))
      lines.push({ key: physical.slice(0, physical.indexOf(':')), line: physical });
  }
  return headersFromLines(lines);
}

export function firstHeader(headers: HeaderMap, name: string): string | null {
  return headers.get(name)?.[0] ?? null;
}
