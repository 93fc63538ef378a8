/**
 * Line-level primitives shared by the quote and signature detectors. Every
 * detector works on the same normalised lines so that indexes line up.
 */

// Zero-width characters and the BOM show up in pasted or HTML-converted mail
// (Gmail's tracking pixel becomes "ᐧ", Apple Mail leaves U+FEFF on empty lines)
// and would otherwise defeat whole-line patterns.
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g;

/** Split into lines: newlines unified, invisible characters removed, trailing whitespace trimmed. */
export function toLines(text: string): string[] {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(INVISIBLE, '')
      .replace(/\u00a0/g, ' ')
      .split('\n')
      // trimEnd, not /\s+$/: the regex rescans a long inner run of spaces from each of its starts.
      .map((l) => l.trimEnd())
  );
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Number of leading ">" markers ("> > text" and ">>text" both count two). */
export function quoteDepth(line: string): number {
  const m = /^[ \t]*((?:>[ \t]?)+)/.exec(line);
  if (!m?.[1]) return 0;
  return (m[1].match(/>/g) ?? []).length;
}

export function isQuotedLine(line: string): boolean {
  return quoteDepth(line) > 0;
}

/** The line without its ">" quoting. */
export function unquote(line: string): string {
  return line.replace(/^[ \t]*(?:>[ \t]?)+/, '');
}

/**
 * Lines made only of punctuation used as visual separators ("-----", "____",
 * "====", "***", "ᐧ"). On their own they carry no words, so they are noise at
 * the edges of a reply.
 */
export function isRuleLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && /^[-_=*~#+.ᐧ•·—–]+$/u.test(t.replace(/\s+/g, ''));
}

/** Lines inside ``` fences are code the person wrote; no pattern may fire there. */
export function fencedCodeMask(lines: readonly string[]): boolean[] {
  const mask: boolean[] = [];
  let openedAt = -1;
  for (const [i, line] of lines.entries()) {
    if (/^\s*```/.test(line)) {
      mask.push(true);
      openedAt = openedAt < 0 ? i : -1;
      continue;
    }
    mask.push(openedAt >= 0);
  }
  // An unclosed fence is more likely a stray backtick line than code to the end.
  if (openedAt >= 0) mask.fill(false, openedAt);
  return mask;
}

/** Index of the next non-blank line at or after `from`, or -1. */
export function nextContentLine(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i] ?? '')) return i;
  return -1;
}

/** Join lines, dropping blank lines at both ends. */
export function joinTrimmed(lines: readonly string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start] ?? '')) start++;
  while (end > start && isBlank(lines[end - 1] ?? '')) end--;
  return lines.slice(start, end).join('\n');
}
