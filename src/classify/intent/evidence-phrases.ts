/**
 * Turns per-feature contributions into 1–4 phrases quoted from the original
 * text: each feature's contribution is spread over the word tokens it came from,
 * runs of neighbouring high-scoring words become phrases, and the strongest
 * phrases win. Quoting the original (not the normalised text) lets the timeline
 * show "Donnerstag um 14 Uhr passt" rather than "donnerstag um 0 uhr passt".
 */
import type { Features } from './features.ts';

const maxPhrases = 4;
const maxPhraseTokens = 6;
/** A word joins a phrase when it scores at least this share of the best word. */
const joinShare = 0.3;
/** A phrase is reported when it scores at least this share of the best phrase. */
const reportShare = 0.2;

/**
 * `contribution[k]`: how much feature k (index into features.ids) pushed toward
 * the winning class. Requires features extracted with spans.
 */
export function evidencePhrases(text: string, features: Features, contribution: Float64Array): string[] {
  const { norm } = features;
  const nTok = norm.tokens.length;
  if (nTok === 0) return [];
  const occurrences = new Int32Array(features.ids.length);
  for (const f of features.occFeature) occurrences[f]!++;

  const tokenScore = new Float64Array(nTok);
  for (let o = 0; o < features.occFeature.length; o++) {
    const f = features.occFeature[o]!;
    const s = features.occTokStart[o]!;
    const e = features.occTokEnd[o]!;
    // Whole-text features (length, question mark) are not phrases.
    if (e <= s) continue;
    const share = contribution[f]! / (occurrences[f]! * (e - s));
    for (let t = s; t < e; t++) tokenScore[t]! += share;
  }

  let best = 0;
  for (const v of tokenScore) best = Math.max(best, v);
  if (best <= 0) return [];

  // Punctuation between words ends a phrase.
  const breakAfter = new Uint8Array(nTok);
  for (let t = 0; t + 1 < nTok; t++) {
    const gap = norm.text.slice(norm.tokens[t]!.end, norm.tokens[t + 1]!.start);
    if (/[.!?;:,\n()]/.test(gap)) breakAfter[t] = 1;
  }

  type Run = { start: number; end: number; score: number };
  const runs: Run[] = [];
  let t = 0;
  while (t < nTok) {
    if (tokenScore[t]! < joinShare * best) {
      t++;
      continue;
    }
    let end = t + 1;
    while (end < nTok && !breakAfter[end - 1] && tokenScore[end]! >= joinShare * best) end++;
    runs.push(bestWindow(tokenScore, t, end));
    t = end;
  }
  runs.sort((a, b) => b.score - a.score || a.start - b.start);
  const top = runs[0]!.score;
  const chosen = runs.filter((r) => r.score >= reportShare * top).slice(0, maxPhrases);
  chosen.sort((a, b) => a.start - b.start);

  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const r of chosen) {
    const from = norm.origStart[norm.tokens[r.start]!.start]!;
    const to = norm.origEnd[norm.tokens[r.end - 1]!.end - 1]!;
    const phrase = text.slice(from, to).replace(/\s+/g, ' ').trim();
    const key = phrase.toLowerCase();
    if (phrase === '' || seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  return phrases;
}

/** The best-scoring window of at most maxPhraseTokens inside [start, end). */
function bestWindow(
  score: Float64Array,
  start: number,
  end: number,
): { start: number; end: number; score: number } {
  let bestStart = start;
  let bestSum = Number.NEGATIVE_INFINITY;
  const width = Math.min(maxPhraseTokens, end - start);
  for (let s = start; s + width <= end; s++) {
    let sum = 0;
    for (let t = s; t < s + width; t++) sum += score[t]!;
    if (sum > bestSum) {
      bestSum = sum;
      bestStart = s;
    }
  }
  return { start: bestStart, end: bestStart + width, score: bestSum };
}
