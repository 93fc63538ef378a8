/**
 * One scored fixture and the comparisons the fixture sets need. Upstream
 * libraries disagree on what "the reply" is: some keep the sign-off (talon,
 * crisp, the Discourse trimmer), some keep inline quotes (the trimmer). A case
 * passes when our reply matches, or when the same output with the signature
 * left in place matches; `strict` records whether the reply alone matched.
 */

import type { ReplyAnalysis } from '../strip-reply.ts';
import type { Split } from './split.ts';

export type CaseResult = { pass: boolean; strict: boolean; detail?: string };

export type FixtureCase = {
  source: string;
  /** Item as named in SPLIT.csv (or the derived name for unlisted items). */
  item: string;
  split: Split;
  derivedSplit: boolean;
  run: () => Promise<CaseResult> | CaseResult;
};

/** Trailing whitespace on every line and blank lines at both ends removed. */
export function normTrailing(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/^\n+/, '')
    .replace(/\s+$/, '');
}

/** All whitespace removed: talon's HTML tests compare this way. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Compare the expected text with our reply, then with the reply that keeps its signature. */
export function compareReply(
  analysis: ReplyAnalysis,
  expected: string,
  norm: (s: string) => string = normTrailing,
  extraViews: readonly string[] = [],
): CaseResult {
  const want = norm(expected);
  if (norm(analysis.reply) === want) return { pass: true, strict: true };
  for (const view of [analysis.unquoted, ...extraViews]) {
    if (norm(view) === want) return { pass: true, strict: false };
  }
  return {
    pass: false,
    strict: false,
    detail: `expected ${show(want)}\n    got      ${show(norm(analysis.reply))}`,
  };
}

export function check(ok: boolean, detail: string): CaseResult {
  return ok ? { pass: true, strict: true } : { pass: false, strict: false, detail };
}

/** Combine several assertion results: every one must pass; strict only if all were strict. */
export function all(results: readonly CaseResult[]): CaseResult {
  const failed = results.filter((r) => !r.pass);
  if (failed.length > 0)
    return { pass: false, strict: false, detail: failed.map((f) => f.detail).join('; ') };
  return { pass: true, strict: results.every((r) => r.strict) };
}

export function show(text: string, max = 160): string {
  const t = JSON.stringify(text);
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}
