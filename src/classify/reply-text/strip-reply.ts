/**
 * The text a person actually wrote in a reply: quoted history, the headers
 * that introduce it, signatures and gateway banners removed (SPEC §6.2 item 3).
 * The intent classifier reads `reply`; `quoted` and `signature` are kept for
 * the timeline and for debugging, and `evidence` says which markers decided.
 */

import { MAX_STRIP_HTML_CHARS, MAX_STRIP_TEXT_CHARS } from '../analysis-limits.ts';
import { htmlToLines } from './html-to-lines.ts';
import { type Role, segmentLines } from './segment-lines.ts';
import { isBlank, toLines } from './text-lines.ts';

export type StripReplyInput = { text?: string | null; html?: string | null };

export type StrippedReply = {
  reply: string;
  quoted: string;
  signature: string | null;
  evidence: string[];
};

/** Line roles plus the views built from them; `stripReply` is the public face of this. */
export type ReplyAnalysis = StrippedReply & {
  source: 'text' | 'html' | 'none';
  lines: string[];
  roles: Role[];
  /** Reply with the signature left in place: what libraries that only strip quotes return. */
  unquoted: string;
};

export function stripReply(input: StripReplyInput): StrippedReply {
  const { reply, quoted, signature, evidence } = analyzeReply(input);
  return { reply, quoted, signature, evidence };
}

export function analyzeReply(input: StripReplyInput): ReplyAnalysis {
  // The reply sits above the history: a bounded prefix holds it, and bounds the work.
  const text = (input.text ?? '').slice(0, MAX_STRIP_TEXT_CHARS);
  const html = (input.html ?? '').slice(0, MAX_STRIP_HTML_CHARS);
  // The text/plain part is what the client meant as plain text and usually keeps
  // "> " quoting; HTML is the fallback for HTML-only mail. A text part with no
  // sign of history (mailparser's text rendering of HTML-only mail, clients
  // that flatten the quote) loses to HTML whose markup marks a quote.
  if (!isBlank(text)) {
    const fromText = analyzeLines(toLines(text), 'text', []);
    if (fromText.quoted !== '' || isBlank(html)) return fromText;
    const fromHtml = analyzeHtml(html);
    const marked = fromHtml.evidence.some((e) => e.startsWith('html: quote'));
    return marked && fromHtml.quoted !== '' ? fromHtml : fromText;
  }
  if (!isBlank(html)) return analyzeHtml(html);
  return {
    reply: '',
    quoted: '',
    signature: null,
    evidence: [],
    source: 'none',
    lines: [],
    roles: [],
    unquoted: '',
  };
}

function analyzeHtml(html: string): ReplyAnalysis {
  const converted = htmlToLines(html);
  const evidence = converted.markers.map((m) =>
    m.endsWith('.signature') ? `html: signature ${m}` : `html: quote marker ${m}`,
  );
  return analyzeLines(toLines(converted.lines.join('\n')), 'html', evidence);
}

function analyzeLines(input: string[], source: 'text' | 'html', htmlEvidence: string[]): ReplyAnalysis {
  // The segmenter may split a line (reply text and an attribution sharing it), so use its lines.
  const { lines, roles, evidence } = segmentLines(input);
  const pick = (wanted: readonly Role[]) => assemble(lines, roles, wanted);
  const signature = pick(['signature']);
  return {
    reply: pick(['reply']),
    quoted: pick(['quote', 'quote-header']),
    signature: signature === '' ? null : signature,
    evidence: [...htmlEvidence, ...evidence],
    source,
    lines,
    roles,
    unquoted: pick(['reply', 'signature']),
  };
}

/**
 * Join the lines whose role is wanted. Blank lines inside a kept block stay
 * (people format with them); where other lines were cut out, two kept blocks
 * are joined by one empty line.
 */
export function assemble(lines: readonly string[], roles: readonly Role[], wanted: readonly Role[]): string {
  const out: string[] = [];
  let gap = false;
  for (const [i, line] of lines.entries()) {
    const role = roles[i];
    const keep = role !== undefined && wanted.includes(role);
    // Blank lines belong to whatever block surrounds them.
    if (isBlank(line) && (role === 'reply' || keep)) {
      if (out.length > 0 && !gap) out.push('');
      continue;
    }
    if (!keep) {
      if (out.length > 0) gap = true;
      continue;
    }
    if (gap) {
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
      out.push('');
      gap = false;
    }
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
