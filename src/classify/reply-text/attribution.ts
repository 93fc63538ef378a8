/**
 * Attribution lines: the "On <date>, <person> wrote:" line a mail client puts
 * above quoted history, in the languages we see in replies. Clients wrap long
 * attributions over two to four lines, so callers test joined spans of lines.
 *
 * An attribution needs structure, not just the verb: a date or an address and
 * a known shape. That keeps sentences such as "On the other hand, …" or
 * "I wrote to them on Monday:" in the reply.
 */

import { headerField } from './header-block.ts';
import { isBlank, isQuotedLine, unquote } from './text-lines.ts';

// "Wrote" in each language, longest first so alternation prefers the full form.
const WROTE_VERBS = [
  'het volgende geschreven',
  'さんは書きました',
  'napisał\\(a\\)',
  'написал\\(а\\)',
  'napsal\\(a\\)',
  'ha scritto',
  'a écrit',
  'a ecrit',
  'đã viết',
  'escribió',
  'escribio',
  'escreveu',
  'kirjoitti',
  'geschreven',
  'napisała',
  'napisał',
  'napisal',
  'nadesłał',
  'написала',
  'написал',
  'написав',
  'schrieb',
  'schreef',
  'skriver',
  'skrev',
  'wrote',
  'writes',
  'sent',
  'said',
  'says',
  'пише',
  'napsal',
  'írta',
  'yazdı',
  '書きました',
  '写道',
  '寫道',
  '님이 작성',
];

// Verbs that may be followed by the sender's name ("Am … schrieb Max <max@…>:").
const NAME_AFTER_VERBS = [
  'schrieb',
  'schreef',
  'skrev',
  'wrote',
  'kirjoitti',
  'napisał',
  'a écrit',
  'escribió',
];

// Words an attribution starts with: "On", "Am", "Le", "El", "Em", "Op", "Il", "Den", …
const LEAD =
  /^(?:on|at|am|le|el|em|op|il|in data|den|dnia|w dniu|dne|dňa|på|vào|kun|pada|ön|the)(?=[\s,.])/iu;

// A weekday or other short word may precede the date ("søn. 30. apr.", "pe 20. lokakuuta").
const DATE_START = /^(?:\p{L}{1,12}[.,]?\s+){0,2}\d{1,4}(?:[./:年-]|\s)/u;

const DATE_LIKE =
  /\d{1,2}[:.h]\d{2}|\d{4}|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{1,2}\.?\s+\p{L}{3,}|\p{L}{3,}\.?\s+\d{1,2}(?!\d)|\d+年/u;

// A time, a year or a numeric date: "0123-456789" (a phone number) is not one.
const STRONG_DATE =
  /(?<!\d)\d{1,2}[:.]\d{2}(?!\d)|(?<!\d)(?:19|20)\d{2}(?!\d)|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)|\d+年/u;

const ADDRESS = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|<[^<>]*@[^<>]*>|\[mailto:/u;

const VERB_ALT = WROTE_VERBS.join('|');
const VERB_LAST = new RegExp(`^(.*?)(?<!\\p{L})(?:${VERB_ALT})(?:\\s*\\(a\\))?\\s*[:：]?$`, 'iu');
const VERB_MID = new RegExp(
  `^(.{2,200}?)(?<!\\p{L})(?:${NAME_AFTER_VERBS.join('|')})(?!\\p{L})(.{1,160})[:：]$`,
  'iu',
);
const DATE_THEN_ADDRESS =
  /^(?:\p{L}{1,12}[.,]?\s+){0,2}\d.{3,200}?(?:<[^<>\s]*@[^<>\s]+>|\([^()\s]+@[^()\s]+\)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*>?\s*[:：]?$/u;
// Old Gmail: "2016-03-03 17:21 GMT+01:00 Some One"
const ISO_GMAIL = /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2} GMT[+-]\d{1,2}:?\d{2}\s+\S.{0,100}$/u;

const MAX_ATTRIBUTION = 320;
const VERB_ANYWHERE = new RegExp(`(?:${VERB_ALT})`, 'iu');
const VERB_ONLY = new RegExp(`^\\s*(?:${VERB_ALT})(?:\\s*\\(a\\))?\\s*[:：]\\s*$`, 'iu');

/** Decide whether one (joined) candidate string is an attribution. */
export function isAttributionText(text: string): boolean {
  const raw = text.trim();
  if (raw.length < 6 || raw.length > MAX_ATTRIBUTION) return false;
  // Cheap gate: every shape below needs a "wrote" verb, an address or a GMT offset.
  if (!raw.includes('@') && !raw.includes('GMT') && !VERB_ANYWHERE.test(raw)) return false;
  const framed = /^-{2,}/.test(raw) && /-{2,}$/.test(raw);
  const core = raw
    .replace(/^[\s>*_-]+/, '')
    .replace(/[\s*_-]+$/, '')
    .trim();
  if (core.length < 6) return false;
  const hasAddress = ADDRESS.test(core);
  const hasDate = DATE_LIKE.test(core);
  const endsWithColon = /[:：]$/.test(core);

  const last = VERB_LAST.exec(core);
  if (last) {
    const prefix = (last[1] ?? '').trim();
    if (prefix.length === 0) return false;
    if (framed) return true;
    if (!(endsWithColon || hasAddress)) return false;
    if (!(hasDate || hasAddress)) return false;
    return LEAD.test(prefix) || DATE_START.test(prefix) || hasAddress || /\svia\s/i.test(prefix);
  }

  const mid = VERB_MID.exec(core);
  if (mid) {
    const prefix = (mid[1] ?? '').trim();
    const suffix = (mid[2] ?? '').trim();
    if (ADDRESS.test(suffix) && suffix.length <= 120) {
      return LEAD.test(prefix) || DATE_START.test(prefix) || hasDate;
    }
    // "Max Mustermann <max@…> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr:", "John Smith/ACME wrote on 01/06/2025 10:15 AM:"
    if (/^(?:am|on|le|den|op)\s/i.test(suffix) && STRONG_DATE.test(suffix) && suffix.length <= 60) {
      return ADDRESS.test(prefix) || isNameish(prefix);
    }
    // "Am 06.01.25 um 10:15 schrieb John Smith:"
    return LEAD.test(prefix) && hasDate && suffix.length <= 60 && isNameish(suffix);
  }

  if (DATE_THEN_ADDRESS.test(core)) {
    // The date must be a real date or time, and the words before the address few.
    const beforeAddress = core.split(/[<(]|[\w.+-]+@/u)[0] ?? '';
    const strongDate = STRONG_DATE.test(beforeAddress);
    return strongDate && beforeAddress.split(/\s+/).length <= 14;
  }
  return ISO_GMAIL.test(core);
}

// Lower-case particles that may sit inside a name ("Ludwig van Beethoven").
const NAME_PARTICLES = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'da',
  'di',
  'del',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'y',
  'e',
]);
const PRONOUNS = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'ich',
  'wir',
  'je',
  'nous',
  'yo',
  'eu',
  'ik',
  'io',
]);

/** A person's name (optionally quoted, with an organisation): no lower-case words, no pronoun. */
function isNameish(text: string): boolean {
  const tokens = text
    .replace(/["'“”«»]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return false;
  if (tokens.length === 1 && PRONOUNS.has(tokens[0]?.toLowerCase() ?? '')) return false;
  return tokens.every((t) => !/^\p{Ll}/u.test(t) || NAME_PARTICLES.has(t));
}

/** "Bob wrote:" — too weak alone, but an attribution when quoted lines follow. */
export function isBareWroteLine(line: string): boolean {
  const core = line.trim();
  if (core.length > 120) return false;
  const m = VERB_LAST.exec(core);
  return m !== null && /[:：]$/.test(core) && (m[1] ?? '').trim().split(/\s+/).length <= 8;
}

const MAX_SPAN = 5;

/**
 * The attribution that starts at line `i`, as [start, end) line indexes, or
 * null. Wrapped attributions are found by joining up to five lines (one blank
 * line may sit inside, as some clients break "<\nmailto:…>"). When a later line
 * of the same span already forms an attribution on its own, line `i` is reply
 * text ("On this day" above "On So., 1. Jan. 2023 … wrote:").
 */
export function matchAttribution(lines: readonly string[], i: number): { start: number; end: number } | null {
  const first = lines[i];
  if (first === undefined || isBlank(first) || isQuotedLine(first) || first.length > MAX_ATTRIBUTION)
    return null;
  let end = spanEnd(lines, i);
  if (end < 0) return null;
  const headerLike = opensAttribution(first, true);
  // "On …, Corey Donohoe\n<reply@…>\nwrote:" already reads as an attribution before its last line.
  if (VERB_ONLY.test(unquote(lines[end] ?? ''))) end++;
  for (let later = i + 1; later < end; later++) {
    const line = lines[later] ?? '';
    if (isBlank(line)) continue;
    const laterEnd = spanEnd(lines, later);
    if (laterEnd < 0) continue;
    // Reply text glued onto a following attribution: the attribution starts later.
    if (!headerLike || (laterEnd === end && opensAttribution(line, false))) return null;
  }
  return { start: i, end };
}

/**
 * Whether a line could open a wrapped attribution: "On …" or a date, or (for
 * the first line of a span) a name with an address, as in "Bob <b@x> wrote:".
 */
function opensAttribution(line: string, allowAddress: boolean): boolean {
  const t = line.trim().replace(/^[-*\s]+/, '');
  return LEAD.test(t) || DATE_START.test(t) || (allowAddress && ADDRESS.test(t));
}

/** Exclusive end of the shortest attribution span starting at `i`, or -1. */
function spanEnd(lines: readonly string[], i: number): number {
  const parts: string[] = [];
  let blanks = 0;
  for (let j = i; j < lines.length && j < i + MAX_SPAN; j++) {
    const line = lines[j] ?? '';
    if (isBlank(line)) {
      // Only "On <date> <name>" may be broken by an empty line (Polymail's "<\nmailto:…>").
      if (j === i || ++blanks > 1 || !LEAD.test(lines[i]?.trim() ?? '')) return -1;
      continue;
    }
    const text = j === i ? line : unquote(line);
    // A header field ("From: …") belongs to a header block, never to an attribution.
    if (text.length > 200 || (j > i && headerField(text) !== null)) return -1;
    parts.push(text.trim());
    // "<\nmailto:x@y>" and "(\nx@y)" are split addresses: glue without a space.
    const joined = parts.join(' ').replace(/([<(]) /g, '$1');
    if (isAttributionText(joined)) return j + 1;
  }
  return -1;
}
