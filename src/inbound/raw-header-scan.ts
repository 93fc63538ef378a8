/** How far into a message its headers are looked for; past it (MBs of headers) nothing more is read. */
const headerScanBytes = 256 * 1024;
/** RFC 5322's line limit; a longer value is not one we can use (and would not fit a unique index). */
export const maxHeaderChars = 998;

/**
 * Some headers' values, unfolded, from a raw message's header block without
 * parsing it: one pass over at most `headerScanBytes`, no regular expression,
 * so linear however hostile the headers (issue 8). The first occurrence of
 * each name counts; a value longer than `maxHeaderChars` is null.
 */
export function scanHeaders<N extends string>(raw: Buffer, names: readonly N[]): Record<N, string | null> {
  const out = Object.fromEntries(names.map((n) => [n, null])) as Record<N, string | null>;
  const wanted = new Map(names.map((n) => [`${n.toLowerCase()}:`, n]));
  const head = raw.subarray(0, Math.min(raw.length, headerScanBytes)).toString('latin1');
  let found = 0;
  let at = 0;
  while (at < head.length && found < wanted.size) {
    const end = lineEnd(head, at);
    if (end.content === at) break; // the blank line: end of the header block
    // Only a line's first 80 characters can hold a name we want: never search further (linear).
    const colon = head.slice(at, Math.min(end.content, at + 80)).indexOf(':') + at;
    const name = colon >= at ? wanted.get(head.slice(at, colon + 1).toLowerCase()) : undefined;
    let next = end.next;
    if (name && out[name] === null) {
      found++;
      let value = head.slice(colon + 1, end.content);
      while (next < head.length && (head[next] === ' ' || head[next] === '\t')) {
        const e = lineEnd(head, next);
        if (value.length <= maxHeaderChars) value += head.slice(next, e.content);
        next = e.next;
      }
      const v = value.trim();
      out[name] = v && v.length <= maxHeaderChars ? v : null;
    }
    at = next;
  }
  return out;
}

/** The address in a From-style value (`Dana <dana@x.example>` or `dana@x.example`). */
export function addressIn(value: string | null): string | null {
  if (!value) return null;
  const open = value.lastIndexOf('<');
  const close = value.indexOf('>', open + 1);
  const candidate = open !== -1 && close !== -1 ? value.slice(open + 1, close) : value;
  const address = candidate.trim().split(/\s/)[0] ?? '';
  return address.includes('@') && address.length <= 320 ? address.toLowerCase() : null;
}

function lineEnd(text: string, from: number): { content: number; next: number } {
  const nl = text.indexOf('\n', from);
  if (nl === -1) return { content: text.length, next: text.length };
  return { content: nl > from && text[nl - 1] === '\r' ? nl - 1 : nl, next: nl + 1 };
}
