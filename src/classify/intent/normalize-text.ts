/**
 * Text normalisation for the intent model, keeping a map back to the original
 * text so that evidence can quote what the person actually wrote.
 *
 * Lower-cases, folds accents (é → e, ß → ss), treats apostrophes as word breaks
 * ("don't" → "don t", "l'offre" → "l offre": the same tokens in every language),
 * and replaces URLs, e-mail addresses and digit runs with placeholder tokens so
 * that the model learns "a link", "an address" or "a number", not the values.
 */

export type NormalizedText = {
  /** The normalised text. */
  text: string;
  /** For each character of `text`: the [start, end) range in the original it came from. */
  origStart: Int32Array;
  origEnd: Int32Array;
  /** Word tokens of `text`, as [start, end) ranges into `text`. */
  tokens: Token[];
};

export type Token = { start: number; end: number; text: string };

// What used to be one global regex, `\b(?:https?:\/\/|www\.)[^\s<>()]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
// split into sticky pieces tried at one position each: the e-mail branch
// rescanned the whole run of word characters from every start inside it,
// so one long run took quadratic time. The pieces keep its flags (`iu`, so
// `\w` still folds ſ and K) and so its matches.
const urlAt = /\b(?:https?:\/\/|www\.)[^\s<>()]+/iuy;
const localPartRun = /[\w.+-]+/iuy;
const domainAt = /@[\w-]+(?:\.[\w-]+)+/iuy;
const wordChar = /[\p{L}\p{N}_]/u;

/** Letters that NFD does not decompose but people type interchangeably with ASCII. */
const specialFolds: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  ı: 'i',
};

const foldCache = new Map<string, string>();

/** Folds one code point: lower case, accents stripped, apostrophes and odd spaces unified. */
function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  const special = specialFolds[ch];
  if (special !== undefined) out = special;
  else if (/[’‘`´ʼ']/u.test(ch)) out = ' ';
  else if (/\s/u.test(ch)) out = ' ';
  else out = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (foldCache.size < 4096) foldCache.set(ch, out);
  return out;
}

/** Normalises `input`; deterministic and independent of locale settings. */
export function normalizeText(input: string): NormalizedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: string, start: number, end: number) => {
    for (let k = 0; k < s.length; k++) {
      starts.push(start);
      ends.push(end);
    }
    parts.push(s);
  };

  // Placeholders are padded with spaces so they never glue onto a neighbouring word.
  const specials = findUrlsAndEmails(input);

  let i = 0;
  let s = 0;
  while (i < input.length) {
    const special = specials[s];
    if (special !== undefined && special.start === i) {
      push(` ${special.token} `, special.start, special.end);
      i = special.end;
      s++;
      continue;
    }
    const code = input.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    if (code >= 48 && code <= 57) {
      // A digit run becomes a single "0": "14:30" → "0:0", "10h" → "0h", "3pm" → "0pm".
      let j = i;
      while (j < input.length && input.charCodeAt(j) >= 48 && input.charCodeAt(j) <= 57) j++;
      push('0', i, j);
      i = j;
      continue;
    }
    push(foldChar(ch), i, i + ch.length);
    i += ch.length;
  }

  const text = parts.join('');
  return { text, origStart: Int32Array.from(starts), origEnd: Int32Array.from(ends), tokens: tokenize(text) };
}

type Special = { start: number; end: number; token: '_url_' | '_email_' };

/**
 * URLs and e-mail addresses, left to right, not overlapping: what
 * `matchAll` of the old single regex found, in linear time. An address's
 * local part always runs to the end of its run of `[\w.+-]`, so whether an
 * address starts anywhere in that run is decided once per run.
 */
function findUrlsAndEmails(input: string): Special[] {
  const out: Special[] = [];
  let runEnd = -1; // end of the current [\w.+-] run, once measured
  let emailEnd = -1; // where an address starting in that run ends, or -1
  let i = 0;
  while (i < input.length) {
    urlAt.lastIndex = i;
    if (urlAt.test(input)) {
      // A link with credentials ("http://me@host") has always counted as an address.
      const at = input.indexOf('@', i);
      out.push({
        start: i,
        end: urlAt.lastIndex,
        token: at !== -1 && at < urlAt.lastIndex ? '_email_' : '_url_',
      });
      i = urlAt.lastIndex;
      continue;
    }
    if (i >= runEnd) {
      localPartRun.lastIndex = i;
      runEnd = localPartRun.test(input) ? localPartRun.lastIndex : i;
      emailEnd = -1;
      if (runEnd > i) {
        domainAt.lastIndex = runEnd;
        if (domainAt.test(input)) emailEnd = domainAt.lastIndex;
      }
    }
    if (i < runEnd && emailEnd !== -1) {
      out.push({ start: i, end: emailEnd, token: '_email_' });
      i = emailEnd;
      runEnd = -1;
      continue;
    }
    i++;
  }
  return out;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (!wordChar.test(text[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && wordChar.test(text[j]!)) j++;
    tokens.push({ start: i, end: j, text: text.slice(i, j) });
    i = j;
  }
  return tokens;
}

/** The original-text span covering normalised characters [start, end). */
export function originalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  return [norm.origStart[start]!, norm.origEnd[end - 1]!];
}
