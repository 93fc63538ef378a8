/**
 * Give every line of a message a role: what the person wrote, quoted
 * history, the header that introduces it, signature, or gateway banner.
 *
 * The scan is top to bottom. A marker followed by ">" lines only quotes that
 * block, so text after it (bottom posting, inline answers) stays the reply.
 * A marker followed by unquoted text (Outlook header blocks, "Original
 * Message", Gmail converted from HTML) quotes everything to the end, because
 * nothing tells where that history would stop. Signatures are looked for
 * afterwards, in the last block of reply text.
 */

import { isAttributionText } from './attribution.ts';
import { matchQuoteStart } from './quote-markers.ts';
import { findSignature, isSignatureLike } from './signature.ts';
import { isBannerLine, isMobileFooter } from './signature-patterns.ts';
import { fencedCodeMask, isBlank, isQuotedLine, isRuleLine, nextContentLine } from './text-lines.ts';

export type Role = 'reply' | 'quote' | 'quote-header' | 'signature' | 'banner' | 'noise';

export type Segmented = { lines: string[]; roles: Role[]; evidence: string[] };

const isQuoteRole = (r: Role | undefined) => r === 'quote' || r === 'quote-header';

export function segmentLines(input: readonly string[]): Segmented {
  const lines = splitInlineAttributions(input);
  const code = fencedCodeMask(lines);
  const roles: Role[] = lines.map(() => 'reply');
  const evidence: string[] = [];
  markBanner(lines, roles, evidence);

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (code[i] || isBlank(line) || roles[i] === 'banner') {
      i++;
      continue;
    }
    if (isQuotedLine(line)) {
      const end = quotedBlockEnd(lines, i);
      roles.fill('quote', i, end);
      markRuleAbove(lines, roles, i);
      if (!evidence.some((e) => e.startsWith('quote: ">"'))) evidence.push('quote: ">" quoted lines');
      i = end;
      continue;
    }
    const marker = matchQuoteStart(lines, i);
    if (marker) {
      roles.fill('quote-header', marker.start, marker.end);
      evidence.push(`quote: ${marker.kind} "${clip(marker.text)}"`);
      const next = nextContentLine(lines, marker.end);
      // A marker over ">" lines (or over nothing) quotes only that block.
      if (marker.kind !== 'header-block' && (next < 0 || isQuotedLine(lines[next] ?? ''))) {
        i = marker.end;
        continue;
      }
      roles.fill('quote', marker.end);
      break;
    }
    if (isMobileFooter(line)) {
      markBelowMobileFooter(lines, roles, code, i, evidence);
      break;
    }
    i++;
  }

  markSignatures(lines, roles, code, evidence);
  markEdgeNoise(lines, roles);
  return { lines, roles, evidence };
}

/**
 * Phones put their footer under the reply and the history below it, often
 * unmarked. Footer-like lines right below stay signature; from the first line
 * that is quoted, a quote marker or ordinary text, everything is history.
 */
function markBelowMobileFooter(
  lines: readonly string[],
  roles: Role[],
  code: readonly boolean[],
  at: number,
  evidence: string[],
): void {
  roles[at] = 'signature';
  evidence.push(`signature: mobile footer "${clip(lines[at] ?? '')}"`);
  let k = at + 1;
  for (; k < lines.length; k++) {
    const line = lines[k] ?? '';
    if (isBlank(line)) continue;
    if (code[k] || isQuotedLine(line) || matchQuoteStart(lines, k) || !isSignatureLike(line)) break;
    roles[k] = 'signature';
  }
  if (nextContentLine(lines, k) < 0) return;
  evidence.push('quote: history below a mobile footer');
  const marker = matchQuoteStart(lines, k);
  if (marker) roles.fill('quote-header', marker.start, marker.end);
  for (let q = marker?.end ?? k; q < lines.length; q++) roles[q] = 'quote';
}

// "reply On Wed, Apr 4, 2012 at 3:59 PM, bob@example.com wrote:" — the attribution
// starts mid-line; only trusted when quoted lines follow.
const INLINE_LEAD = /(?:^|\s|-{2,}\s*)(?=(?:On|Am|Le|El|Em|Op|Il|Den)\s)/gu;

/** Split a line that carries reply text and an attribution into two lines. */
function splitInlineAttributions(lines: readonly string[]): string[] {
  const out: string[] = [];
  // Whether the next non-blank line below each line is quoted.
  const quotedBelow: boolean[] = new Array(lines.length).fill(false);
  for (let i = lines.length - 2; i >= 0; i--) {
    const below = lines[i + 1] ?? '';
    quotedBelow[i] = isBlank(below) ? (quotedBelow[i + 1] ?? false) : isQuotedLine(below);
  }
  for (const [i, line] of lines.entries()) {
    if (isQuotedLine(line) || !quotedBelow[i]) {
      out.push(line);
      continue;
    }
    let split = false;
    for (const m of line.matchAll(INLINE_LEAD)) {
      const at = (m.index ?? 0) + m[0].length;
      const head = line.slice(0, m.index).replace(/[\s-]+$/, '');
      if (head === '' || !isAttributionText(line.slice(at))) continue;
      out.push(head, line.slice(at));
      split = true;
      break;
    }
    if (!split) out.push(line);
  }
  return out;
}

/**
 * A run of ">" lines; blank lines inside it stay in the quote while more ">"
 * lines follow. A lone unquoted line squeezed between two quoted ones is a
 * quoted line that a client re-wrapped ("> … pharetra d\nignissim odio?\n>").
 */
function quotedBlockEnd(lines: readonly string[], from: number): number {
  let end = from;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j] ?? '';
    if (isQuotedLine(line)) end = j + 1;
    else if (isBlank(line)) continue;
    else if (j === end && isQuotedLine(lines[j + 1] ?? '')) end = j + 1;
    else break;
  }
  return end;
}

/** "CAUTION: This email originated from outside …" stamped on top by a mail gateway. */
function markBanner(lines: readonly string[], roles: Role[], evidence: string[]): void {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 3; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    seen++;
    if (!isBannerLine(line)) continue;
    evidence.push(`banner: "${clip(line)}"`);
    for (let k = i; k < lines.length && !isBlank(lines[k] ?? ''); k++) roles[k] = 'banner';
    return;
  }
}

/**
 * Look for a signature in the last block of reply text; when that block is
 * all signature (K-9 Mail signs under the quote), look in the block above too.
 */
function markSignatures(
  lines: readonly string[],
  roles: Role[],
  code: readonly boolean[],
  evidence: string[],
): void {
  let end = lines.length;
  while (end > 0) {
    while (end > 0 && (isQuoteRole(roles[end - 1]) || roles[end - 1] === 'banner')) end--;
    let start = end;
    while (start > 0 && !isQuoteRole(roles[start - 1]) && roles[start - 1] !== 'banner') start--;
    if (start === end) return;
    const block = lines.slice(start, end);
    const belowQuote = roles.slice(0, start).some(isQuoteRole);
    const match = findSignature(block, code.slice(start, end), belowQuote);
    if (match && roles[start + match.start] === 'reply') {
      evidence.push(`signature: ${match.kind} "${clip(block[match.start] ?? '')}"`);
      for (let k = start + match.start; k < end; k++) if (roles[k] === 'reply') roles[k] = 'signature';
    }
    const hasReply = roles
      .slice(start, end)
      .some((r, k) => r === 'reply' && !isBlank(lines[start + k] ?? ''));
    if (hasReply) return;
    end = start;
  }
}

/** A separator line ("_____") right above a quoted block introduces it. */
function markRuleAbove(lines: readonly string[], roles: Role[], i: number): void {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const line = lines[k] ?? '';
    if (isBlank(line)) continue;
    if (isRuleLine(line) && line.trim().length >= 3 && roles[k] === 'reply') roles[k] = 'quote-header';
    return;
  }
}

/** Separator lines ("_____", "ᐧ", "-----") at the edges of the reply carry nothing. */
function markEdgeNoise(lines: readonly string[], roles: Role[]): void {
  const replyIdx = roles.flatMap((r, i) => (r === 'reply' && !isBlank(lines[i] ?? '') ? [i] : []));
  // A leading "--" may open a signature-only message; only longer rules are noise on top.
  for (const i of replyIdx) {
    if (!isRuleLine(lines[i] ?? '') || (lines[i] ?? '').trim().length < 3) break;
    roles[i] = 'noise';
  }
  for (const i of replyIdx.reverse()) {
    if (!isRuleLine(lines[i] ?? '')) break;
    roles[i] = 'noise';
  }
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}
