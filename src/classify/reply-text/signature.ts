/**
 * Where the signature starts in a block of reply lines. A signature is what
 * follows a "-- " delimiter, a sign-off closing with a short name/contact tail,
 * a dash-signed name, a mailing-list footer or a legal disclaimer.
 *
 * The tail after a closing must look like a signature (short name, title and
 * contact lines); "Thanks! Can we meet Tuesday at 3pm?" keeps its second line.
 */

import {
  isClosingLine,
  isDashNameLine,
  isDisclaimerStart,
  isMobileFooter,
  isNameLine,
  isSignatureDelimiter,
  isSignedClosingLine,
  looksLikeContactLine,
} from './signature-patterns.ts';
import { isBlank, isRuleLine } from './text-lines.ts';

export type SignatureKind =
  | 'delimiter'
  | 'footer'
  | 'closing'
  | 'dash-name'
  | 'disclaimer'
  | 'mobile'
  | 'contact';

export type SignatureMatch = { start: number; kind: SignatureKind };

const MAX_DELIMITED_LINES = 25;
const MAX_TAIL_LINES = 8;
// Nothing further up than this many content lines from the end of a block is a signature.
const MAX_SIGNATURE_LINES = 40;

/** True when a line could be part of a signature block (name, title, company, contact). */
export function isSignatureLike(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (isRuleLine(t) || isMobileFooter(t) || isSignatureDelimiter(t) || looksLikeContactLine(t)) return true;
  if (t.length > 80 || /[?]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length <= 6) return true;
  // "Markets Application Production Services - Reference Data": a title, most words capitalised.
  const capitalised = words.filter((w) => /^[\p{Lu}\d&@|/(-]/u.test(w)).length;
  return words.length <= 10 && capitalised / words.length >= 0.7;
}

/**
 * Is everything from `from` on a plausible signature tail? Short lines, then
 * optionally legal disclaimer paragraphs which may be long.
 */
function isTail(lines: readonly string[], from: number, maxShort: number): boolean {
  let short = 0;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    if (isDisclaimerStart(line)) return true;
    if (!isSignatureLike(line)) return false;
    if (!isRuleLine(line) && ++short > maxShort) return false;
  }
  return true;
}

function contactLines(lines: readonly string[], from: number): number {
  return lines.slice(from).filter((l) => looksLikeContactLine(l)).length;
}

/**
 * The earliest signature start in `lines` (one reply block), or null.
 * `code` marks lines inside code fences, which are never a signature. A block
 * that is nothing but signature is only accepted below quoted history
 * (`wholeBlock`, K-9 Mail signs under the quote); on its own, "--\nRoman" or
 * "Gruß Discourse" is what the person wrote.
 */
export function findSignature(
  lines: readonly string[],
  code: readonly boolean[],
  wholeBlock = false,
): SignatureMatch | null {
  const firstContent = lines.findIndex((l) => !isBlank(l));
  if (firstContent < 0) return null;
  // Content lines below each line; signatures sit in the last few dozen lines.
  const below: number[] = new Array(lines.length + 1).fill(0);
  for (let i = lines.length - 1; i >= 0; i--)
    below[i] = (below[i + 1] ?? 0) + (isBlank(lines[i] ?? '') ? 0 : 1);
  for (const [i, line] of lines.entries()) {
    if ((below[i + 1] ?? 0) > MAX_SIGNATURE_LINES) continue;
    if (code[i] || isBlank(line) || (i === firstContent && !wholeBlock)) continue;
    const kind = signatureKindAt(lines, i, below[i + 1] ?? 0);
    if (kind) return { start: kind === 'disclaimer' ? disclaimerHeading(lines, i) : i, kind };
  }
  return null;
}

function signatureKindAt(lines: readonly string[], i: number, after: number): SignatureKind | null {
  const line = lines[i] ?? '';
  const paragraphStart = isBlank(lines[i - 1] ?? '');
  if (isSignatureDelimiter(line) && after > 0) {
    return after <= MAX_DELIMITED_LINES || isTail(lines, i + 1, MAX_DELIMITED_LINES) ? 'delimiter' : null;
  }
  // "_______\nriak-users mailing list\n…": a list or company footer under a rule.
  if (/^\s*_{2,}\s*$/.test(line) && after > 0 && isTail(lines, i + 1, 12)) return 'footer';
  // "----------------" over a contact block.
  if (/^\s*(?:-{4,}|={4,})\s*$/.test(line) && isTail(lines, i + 1, 12) && contactLines(lines, i + 1) >= 2) {
    return 'footer';
  }
  if (isMobileFooter(line) && isTail(lines, i + 1, MAX_TAIL_LINES)) return 'mobile';
  // "Stavros X.\nvia mobile": the name signed right above a phone footer.
  const next = lines[i + 1] ?? '';
  if (isNameLine(line) && isMobileFooter(next) && isTail(lines, i + 2, MAX_TAIL_LINES)) return 'mobile';
  // A name heading a block of contact lines, without any closing.
  if (paragraphStart && isNameLine(line) && isTail(lines, i + 1, 10) && contactLines(lines, i + 1) >= 2) {
    return 'contact';
  }
  if (isDisclaimerStart(line) && legalTerms(lines.slice(i).join(' ')) >= 2) return 'disclaimer';
  // A closing signs off when a name follows or it ends in a comma; a last "Thanks!" is still said.
  const signsOff = after > 0 || /,\s*$/.test(line) || isSignedClosingLine(line);
  if (isClosingLine(line) && signsOff && isTail(lines, i + 1, MAX_TAIL_LINES)) {
    return 'closing';
  }
  if (isDashNameLine(line) && !isListContext(lines, i) && isTail(lines, i + 1, 6)) return 'dash-name';
  return null;
}

// Words of legal boilerplate; a real disclaimer uses several ("Confidential: we are
// restructuring" is a sentence).
const LEGAL_TERMS =
  /confidential|privileged|intended (?:solely |only )?(?:for|recipient)|recipient|prohibited|disclos|virus|liab|unauthori[sz]ed|vertraulich|empfänger|untersagt|destinataire|confidentiel|interdit|destinatario|confidencial|prohibid|riservat|destinatario|vertrouwelijk|geadresseerde/giu;

function legalTerms(text: string): number {
  return new Set((text.match(LEGAL_TERMS) ?? []).map((t) => t.toLowerCase())).size;
}

/** "- first\n- second": dash lines in a list are bullets, not a signed name. */
function isListContext(lines: readonly string[], i: number): boolean {
  const neighbours = [lines[i - 1], lines[i + 1]].filter((l): l is string => l !== undefined && !isBlank(l));
  return neighbours.some((l) => /^\s*[-–—*•]\s/.test(l) || /^\s*-{1,2}\s?\S/.test(l));
}

/** A one-word heading ("Disclaimer") right above the disclaimer paragraph belongs to it. */
function disclaimerHeading(lines: readonly string[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const line = lines[k] ?? '';
    if (isBlank(line)) continue;
    return isRuleLine(line) || /^[\s*]*\p{L}+[\s*:]*$/u.test(line) ? k : i;
  }
  return i;
}
