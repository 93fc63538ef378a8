/**
 * github/email_reply_parser: the exact `parse_reply` outputs in
 * parse_reply_expectations.json, plus the fragment assertions of
 * test/email_reply_parser_test.rb (upstream, MIT) transcribed onto our output:
 * the first visible fragment is the reply, quoted fragments are `quoted`,
 * signature fragments are `signature`.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeReply, type ReplyAnalysis } from '../strip-reply.ts';
import { all, type CaseResult, check, compareReply, type FixtureCase, show } from './fixture-case.ts';
import type { SplitOf } from './split.ts';

const SOURCE = 'github-email_reply_parser';

type Check = (a: ReplyAnalysis, elapsedMs: number) => CaseResult;

const replyMatches =
  (re: RegExp): Check =>
  (a) =>
    check(re.test(a.reply), `reply should match ${re}: ${show(a.reply)}`);
const replyLacks =
  (re: RegExp): Check =>
  (a) =>
    check(!re.test(a.reply), `reply should not match ${re}: ${show(a.reply)}`);
const quotedMatches =
  (re: RegExp): Check =>
  (a) =>
    check(re.test(a.quoted), `quoted should match ${re}: ${show(a.quoted)}`);
const signatureMatches =
  (re: RegExp): Check =>
  (a) =>
    check(re.test(a.signature ?? ''), `signature should match ${re}: ${show(a.signature ?? '')}`);
const nothingHidden: Check = (a) =>
  check(a.quoted === '' && a.signature === null, `expected one fragment, got quoted ${show(a.quoted)}`);
const replyIs =
  (text: string): Check =>
  (a) =>
    compareReply(a, text, (s) => s.trim());

const FRAGMENT_CHECKS: Record<string, Check[]> = {
  'email_1_1.txt': [
    replyIs(
      'Hi folks\n\nWhat is the best way to clear a Riak bucket of all key, values after\nrunning a test?\nI am currently using the Java HTTP API.',
    ),
    signatureMatches(/^-Abhishek Kona/),
    signatureMatches(/riak-users/),
  ],
  'email_1_2.txt': [
    replyMatches(/^Hi,/),
    replyMatches(/^You can list/m),
    replyLacks(/^>/m),
    quotedMatches(/^On [^:]+:/m),
    quotedMatches(/^> /m),
  ],
  'email_1_3.txt': [
    replyMatches(/^Oh thanks.\n\nHaving/),
    signatureMatches(/^-A/),
    quotedMatches(/^On [^:]+:/m),
  ],
  'email_1_4.txt': [replyMatches(/^Awesome/), quotedMatches(/^On/m), quotedMatches(/Loader/)],
  'email_1_5.txt': [nothingHidden],
  'email_1_6.txt': [replyMatches(/^I get/), quotedMatches(/^On/m), quotedMatches(/Was this/)],
  'email_1_7.txt': [replyMatches(/:\+1:/), quotedMatches(/^On/m), quotedMatches(/Steps 0-2/)],
  'email_1_8.txt': [
    quotedMatches(/^On [^:]+:/m),
    replyMatches(/^I will reply/m),
    replyMatches(/^and under this\./m),
    quotedMatches(/okay\?/),
    signatureMatches(/^--\s*\nHey there, this is my signature$/),
  ],
  'correct_sig.txt': [nothingQuoted(), signatureMatches(/^--\s*\nrick/)],
  'email_one_is_not_on.txt': [replyMatches(/One outstanding question/), quotedMatches(/^On Oct 1, 2012/m)],
  'email_sig_delimiter_in_middle_of_line.txt': [nothingHidden],
  'pathological.txt': [(_a, ms) => check(ms < 1000, `took ${ms.toFixed(0)} ms`)],
};

function nothingQuoted(): Check {
  return (a) => check(a.quoted === '', `expected nothing quoted, got ${show(a.quoted)}`);
}

export function githubCases(corporaDir: string, splitOf: SplitOf): FixtureCase[] {
  const root = join(corporaDir, SOURCE);
  const data = JSON.parse(readFileSync(join(root, 'parse_reply_expectations.json'), 'utf8')) as {
    cases: { file: string; expected_visible_text: string }[];
  };
  const checks = new Map<string, Check[]>();
  for (const [file, list] of Object.entries(FRAGMENT_CHECKS)) checks.set(`test/emails/${file}`, [...list]);
  for (const c of data.cases)
    checks.set(c.file, [...(checks.get(c.file) ?? []), replyIs(c.expected_visible_text)]);

  return [...checks.entries()].sort().map(([item, list]) => {
    const { split, derived } = splitOf(SOURCE, item);
    return {
      source: SOURCE,
      item,
      split,
      derivedSplit: derived,
      run: () => {
        const text = readFileSync(join(root, item), 'utf8');
        const t0 = performance.now();
        const a = analyzeReply({ text });
        const ms = performance.now() - t0;
        return all(list.map((c) => c(a, ms)));
      },
    };
  });
}
