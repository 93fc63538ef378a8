/**
 * crisp-oss/email-reply-parser: expectations.json lists each nodeunit test's
 * raw assertions. They are about "fragments"; here each assertion form is
 * mapped onto our output (fragment 0 = the reply, later fragments = quoted
 * text or signature). Forms we cannot map make the case "uninterpretable".
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeReply, assemble, type ReplyAnalysis } from '../strip-reply.ts';
import { all, type CaseResult, check, compareReply, type FixtureCase, show } from './fixture-case.ts';
import type { SplitOf } from './split.ts';

const SOURCE = 'crisp-email-reply-parser';

type CrispTest = { test: string; fixture: string | null; assertions: string[] };

// test/test.js builds these inputs inline or from a named fixture (transcribed).
const INLINE_QUOTE_HEADER =
  'Hi there,\n\nI appreciate your help with this issue.\n\nBest regards,\nJohn\n\nOn Dec 16, 2024, at 12:47 PM, Support <support@example.com> wrote:\n\n> How can we help you today?\n> \n> Thanks,\n> Support Team';
const INLINE_QUOTED =
  'Hi there,\n\nI appreciate your help with this issue.\n\nOn Dec 16, 2024, at 12:47 PM, Support <support@example.com> wrote:\n\n> How can we help you today?\n> \n> Thanks,\n> Support Team';
const FIXTURE_FOR_TEST: Record<string, string> = {
  test_parseReply_extracts_visible_text: 'test/fixtures/email_1.txt',
  test_parseReply_with_signature: 'test/fixtures/email_sent_from.txt',
  test_parseReplied_with_multiple_quotes: 'test/fixtures/email_2.txt',
};
const INLINE_FOR_TEST: Record<string, string> = {
  test_parseReply_with_quote_header: INLINE_QUOTE_HEADER,
  test_parseReplied_extracts_quoted_text: INLINE_QUOTED,
};
const NAMED_REGEX: Record<string, RegExp> = {
  firstFragmentRegex: /^On the other hand/m,
  secondFragmentRegex: /^On Wed, Dec 9/m,
};

export function crispCases(corporaDir: string, splitOf: SplitOf): FixtureCase[] {
  const root = join(corporaDir, SOURCE);
  const data = JSON.parse(readFileSync(join(root, 'expectations.json'), 'utf8')) as {
    common_first_fragment: string;
    tests: CrispTest[];
  };
  return data.tests.map((t) => {
    const fixture = t.fixture ?? FIXTURE_FOR_TEST[t.test] ?? null;
    const item = fixture ?? `test/test.js::${t.test}`;
    const { split, derived } = splitOf(SOURCE, item);
    return {
      source: SOURCE,
      item: fixture ? `${fixture} (${t.test})` : item,
      split,
      derivedSplit: derived,
      run: () => {
        const input = fixture ? readFileSync(join(root, fixture), 'utf8') : (INLINE_FOR_TEST[t.test] ?? '');
        const a = analyzeReply({ text: input });
        return all(t.assertions.map((s) => interpret(s, a, data.common_first_fragment)));
      },
    };
  });
}

const trim = (s: string) => s.trim();

function regexFrom(literal: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(literal);
  if (!m) throw new Error(`not a regex literal: ${literal}`);
  return new RegExp(m[1] ?? '', m[2] ?? '');
}

/** The reply text above the first quoted line. */
function firstBlock(a: ReplyAnalysis): string {
  const firstQuote = a.roles.findIndex((r) => r === 'quote' || r === 'quote-header');
  const roles = firstQuote < 0 ? a.roles : a.roles.map((r, i) => (i < firstQuote ? r : 'quote'));
  return assemble(a.lines, roles, ['reply', 'signature']);
}

/** Text that later fragments would hold: everything from the first quote on, and the signature. */
function laterFragments(a: ReplyAnalysis): string {
  const firstQuote = a.roles.findIndex((r) => r === 'quote' || r === 'quote-header');
  const below = firstQuote < 0 ? '' : a.lines.slice(firstQuote).join('\n');
  return [below, a.signature ?? ''].filter(Boolean).join('\n');
}

type Rule = [RegExp, (m: RegExpExecArray, a: ReplyAnalysis, common: string) => CaseResult | null];

const laterExist = (a: ReplyAnalysis) =>
  check(laterFragments(a) !== '', 'expected quoted text or a signature');
const replyExists = (a: ReplyAnalysis) => check(a.reply.trim() !== '', 'expected reply text');

// One rule per assertion form found in expectations.json.
const RULES: Rule[] = [
  [
    /^test\.equal\(COMMON_FIRST_FRAGMENT, (?:fragments\[0\]\.toString\(\)\.trim\(\)|text)\)$/,
    (_m, a, common) => compareReply(a, common, trim),
  ],
  [
    /^test\.equal\(("(?:[^"\\]|\\.)*"), (email\.getVisibleText\(\)|reply|fragments\[0\](?:\.toString\(\))?|reply\.fragments\[0\]\.toString\(\))\)$/,
    (m, a) => {
      // A first fragment ends at the first quote, even when more reply text follows it.
      const views = (m[2] ?? '').includes('fragments') ? [firstBlock(a)] : [];
      return compareReply(a, JSON.parse(m[1] ?? '""') as string, trim, views);
    },
  ],
  [
    /^test\.equal\((true|false),\s*(\/.+\/[a-z]*)\.test\((.+)\)\)$/,
    (m, a) => {
      const want = m[1] === 'true';
      const re = regexFrom(m[2] ?? '');
      const target = m[3] ?? '';
      if (/^(?:fragments\[0\](?:\.toString\(\))?|reply)$/.test(target)) {
        const hit = re.test(a.reply) || (want && re.test(a.unquoted));
        return check(hit === want, `${re} on reply ${show(a.reply)} should be ${want}`);
      }
      if (!/^fragments\[[1-9]\]$/.test(target) && target !== 'quoted') return null;
      const text = target === 'quoted' ? a.quoted : laterFragments(a);
      const multiline = new RegExp(re.source, `${re.flags}m`);
      return check(
        multiline.test(text) === want,
        `${re} on quoted/signature ${show(text)} should be ${want}`,
      );
    },
  ],
  [
    /^test\.equal\((\w+Regex)\.test\(fragments\[(\d)\]\.toString\(\)\.trim\(\)\), true\)$/,
    (m, a) => {
      const re = NAMED_REGEX[m[1] ?? ''];
      if (!re) return null;
      const text = m[2] === '0' ? a.reply : laterFragments(a);
      return check(re.test(text), `${re} should match ${show(text)}`);
    },
  ],
  [
    /^test\.equal\((\d+), (?:reply\.)?fragments\.length\)$/,
    (m, a) =>
      Number(m[1]) === 1
        ? check(a.quoted === '' && a.signature === null, 'expected one fragment: no quote, no signature')
        : laterExist(a),
  ],
  [/^test\.equal\(true, fragments\.length >= 1\)$/, () => check(true, '')],
  [
    /^test\.equal\(true, (?:fragments\.length >= 2|fragments\[1\]\.isHidden\(\))\)$/,
    (_m, a) => laterExist(a),
  ],
  [
    /^test\.deepEqual\(\[false, false\], .*isQuoted\(\); \}\)\)$/,
    (_m, a) => check(a.quoted === '', `expected nothing quoted, got ${show(a.quoted)}`),
  ],
  [/^test\.deepEqual\(\[false, true\], .*isHidden\(\); \}\)\)$/, (_m, a) => laterExist(a)],
  [/^test\.equal\(false, fragments\[0\]\.is(?:Signature|Quoted|Hidden)\(\)\)$/, (_m, a) => replyExists(a)],
  [
    /^test\.equal\(true, (?:fragments\[1\]\.isSignature\(\)|fragments\.some\(f => f\.isSignature\(\)\))\)$/,
    (_m, a) => check(a.signature !== null, 'expected a signature'),
  ],
  [/^test\.equal\(false, fragments\[1\]\.isQuoted\(\)\)$/, () => check(true, '')],
  [/^test\.equal\(true, quoted\.length > 0\)$/, (_m, a) => check(a.quoted !== '', 'expected quoted text')],
];

function interpret(assertion: string, a: ReplyAnalysis, common: string): CaseResult {
  const s = assertion
    .replace(/\s*\/\/.*$/, '')
    .replace(/;\s*$/, '')
    .trim();
  for (const [pattern, judge] of RULES) {
    const m = pattern.exec(s);
    const result = m ? judge(m, a, common) : null;
    if (result) return result;
  }
  return { pass: false, strict: false, detail: `uninterpretable assertion: ${s}` };
}
