/**
 * Feature extraction for the intent model: hashed word unigrams and bigrams,
 * character 3–5-grams inside word boundaries (robust to inflection and typos in
 * seven languages without stemmers), words in the scope of a negation, and a few
 * hand features. Every feature remembers which tokens it came from so that the
 * model can quote evidence from the original text.
 *
 * Deterministic: the same text always gives the same ids in the same order.
 */
import { findConcepts } from './concepts.ts';
import { type NormalizedText, normalizeText } from './normalize-text.ts';

/** Feature groups; each is L2-normalised on its own so char n-grams don't drown out words. */
const groupWord = 1;
const groupBigram = 2;
const groupChar = 3;
const groupNegated = 4;
const groupHand = 5;
const groupConcept = 6;
const groupCount = 7;

export type Features = {
  /** Unique feature ids (32-bit hashes), in first-occurrence order. */
  ids: Uint32Array;
  values: Float32Array;
  norm: NormalizedText;
  /**
   * Occurrences, for evidence: feature index → covered token range [tokStart, tokEnd); empty range for
   * whole-text features. Empty unless asked.
   */
  occFeature: Int32Array;
  occTokStart: Int32Array;
  occTokEnd: Int32Array;
};

/** Words that put the next few words in a negated scope ("do not unsubscribe me", "kein Interesse"). */
const negationCues = new Set([
  'not',
  'no',
  'never',
  'dont',
  't',
  'cannot',
  'nicht',
  'kein',
  'keine',
  'keinen',
  'nie',
  'niemals',
  'ne',
  'pas',
  'jamais',
  'nunca',
  'nao',
  'niet',
  'geen',
  'nooit',
  'non',
  'mai',
  'nem',
  'ni',
]);
const negationScope = 3;

/** After "but", the clause that decides ("we have a vendor, but send me your prices"). */
const contrastCues = new Set([
  'but',
  'however',
  'aber',
  'jedoch',
  'mais',
  'pero',
  'mas',
  'maar',
  'ma',
  'though',
]);

/** Keyword stems a negation often flips (used only for the "negation near keyword" hand features). */
const removalStems = [
  'unsubscri',
  'remove',
  'stop',
  'abmeld',
  'austrag',
  'desabonn',
  'desinscri',
  'desuscri',
  'baja',
  'descadastr',
  'uitschrijv',
  'afmeld',
  'disiscriv',
  'cancell',
];
const interestStems = [
  'interes',
  'interess',
  'geinteresseerd',
  'need',
  'brauch',
  'besoin',
  'necesit',
  'precis',
];

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

function hashStart(group: number): number {
  return Math.imul(fnvOffset ^ group, fnvPrime);
}

function hashRange(h: number, s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), fnvPrime);
  return h;
}

/** Hashes a hand feature's name; exported so tests and tools can name them. */
export function handFeatureId(name: string): number {
  return hashRange(hashStart(groupHand), name, 0, name.length) >>> 0;
}

function lengthBucket(n: number): string {
  if (n <= 2) return 'len:1-2';
  if (n <= 5) return 'len:3-5';
  if (n <= 12) return 'len:6-12';
  if (n <= 30) return 'len:13-30';
  return 'len:31+';
}

const sentenceBreak = /[.!?;:,\n()]/;

export function extractFeatures(text: string, withSpans = false): Features {
  const norm = normalizeText(text);
  const t = norm.text;
  const tokens = norm.tokens;

  const index = new Map<number, number>();
  const ids: number[] = [];
  const groups: number[] = [];
  const groupSizes = new Float64Array(groupCount);
  const occF: number[] = [];
  const occS: number[] = [];
  const occE: number[] = [];

  const add = (id: number, group: number, tokStart: number, tokEnd: number) => {
    id >>>= 0;
    let k = index.get(id);
    if (k === undefined) {
      k = ids.length;
      index.set(id, k);
      ids.push(id);
      groups.push(group);
      groupSizes[group]!++;
    }
    if (withSpans) {
      occF.push(k);
      occS.push(tokStart);
      occE.push(tokEnd);
    }
  };

  // Whether punctuation separates token i from token i+1 (bigrams and negation scope stop there).
  const brokenAfter = new Uint8Array(tokens.length);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const gap = t.slice(tokens[i]!.end, tokens[i + 1]!.start);
    if (sentenceBreak.test(gap)) brokenAfter[i] = 1;
  }

  const negated = new Uint8Array(tokens.length);
  const afterContrast = new Uint8Array(tokens.length);
  let contrastSeen = false;
  let negatedUntil = -1;
  let negNearRemoval = false;
  let negNearInterest = false;
  let hasTimeShape = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    add(hashRange(hashStart(groupWord), t, tok.start, tok.end), groupWord, i, i + 1);

    if (i + 1 < tokens.length && !brokenAfter[i]) {
      const next = tokens[i + 1]!;
      let h = hashRange(hashStart(groupBigram), t, tok.start, tok.end);
      h = Math.imul(h ^ 32, fnvPrime);
      add(hashRange(h, t, next.start, next.end), groupBigram, i, i + 2);
    }

    // Char n-grams of " word ", so prefixes and suffixes are marked.
    const padded = ` ${tok.text} `;
    const len = padded.length;
    for (let n = 3; n <= 5; n++) {
      if (n > len) break;
      for (let s = 0; s + n <= len; s++)
        add(hashRange(hashStart(groupChar), padded, s, s + n), groupChar, i, i + 1);
    }

    if (contrastSeen) afterContrast[i] = 1;
    if (contrastCues.has(tok.text)) contrastSeen = true;
    if (i <= negatedUntil) {
      negated[i] = 1;
      add(hashRange(hashStart(groupNegated), t, tok.start, tok.end), groupNegated, i, i + 1);
      if (removalStems.some((p) => tok.text.startsWith(p))) negNearRemoval = true;
      if (interestStems.some((p) => tok.text.startsWith(p))) negNearInterest = true;
    }
    if (negationCues.has(tok.text)) negatedUntil = i + negationScope;
    if (brokenAfter[i]) negatedUntil = -1;

    if (tok.text === '0' && i + 1 < tokens.length) {
      const next = tokens[i + 1]!.text;
      if (/^(h|uhr|uur|am|pm|horas?|ore)$/.test(next) || t[tok.end] === ':') hasTimeShape = true;
    }
    if (/^0(h|am|pm|uhr)0?$/.test(tok.text)) hasTimeShape = true;
  }

  // Concepts (multilingual synonyms), also as negated ("kein Interesse") and after-"but" variants.
  for (const hit of findConcepts(tokens.map((tk) => tk.text))) {
    const name = hit.concept;
    add(handFeatureId(`k:${name}`), groupConcept, hit.tokStart, hit.tokEnd);
    if (negated[hit.tokStart]) add(handFeatureId(`k:!${name}`), groupConcept, hit.tokStart, hit.tokEnd);
    if (afterContrast[hit.tokStart]) add(handFeatureId(`k>${name}`), groupConcept, hit.tokStart, hit.tokEnd);
  }

  // Hand features describe the whole reply, not a phrase: an empty token range keeps them out of evidence.
  const hand = (name: string) => add(handFeatureId(name), groupHand, 0, 0);
  hand(lengthBucket(tokens.length));
  if (t.includes('?')) hand('question');
  if (negNearRemoval) hand('negation-near:removal');
  if (negNearInterest) hand('negation-near:interest');
  if (hasTimeShape) hand('time-shape');
  if (/_url_/.test(t)) hand('has-url');

  const values = new Float32Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const g = groups[k]!;
    values[k] = g === groupHand ? 1 : 1 / Math.sqrt(groupSizes[g]!);
  }

  return {
    ids: Uint32Array.from(ids),
    values,
    norm,
    occFeature: Int32Array.from(occF),
    occTokStart: Int32Array.from(occS),
    occTokEnd: Int32Array.from(occE),
  };
}
