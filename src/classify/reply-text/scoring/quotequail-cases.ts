/**
 * closeio/quotequail parametrised cases, where they say what the reply is:
 * quote()/quote_html() with the intro line split off (the leading "new text"
 * parts), unwrap() (text_top, plus text_bottom which is also the person's
 * text), and parse_reply() header lines (each must start quoted history when
 * placed between a reply and ">" lines). Cases whose expected value is null
 * (nothing to unwrap) say nothing about the reply and are left out.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToLines } from '../html-to-lines.ts';
import { analyzeReply } from '../strip-reply.ts';
import { type CaseResult, compareReply, type FixtureCase, normTrailing, squash } from './fixture-case.ts';
import type { SplitOf } from './split.ts';

const SOURCE = 'quotequail';

type Part = [boolean, string];
type Unwrapped = { text_top?: string; text_bottom?: string; html_top?: string } | null;
type QuoteCase = { text?: string; html?: string; expected_quote_intro_line?: Part[] };
type UnwrapCase = { text?: string; html?: string; file?: string; expected: Unwrapped };
type ParseReplyCase = { line: string };

const htmlText = (html: string) => htmlToLines(html).lines.join('\n');
const leadingNewText = (parts: Part[]) => {
  const first = parts[0];
  return first?.[0] ? first[1] : '';
};

export function quotequailCases(corporaDir: string, splitOf: SplitOf): FixtureCase[] {
  const root = join(corporaDir, SOURCE);
  const data = JSON.parse(readFileSync(join(root, 'parametrized_cases.json'), 'utf8')) as {
    tests: Record<string, Record<string, { cases: unknown[] }>>;
  };
  const cases: FixtureCase[] = [];
  const add = (item: string, run: () => CaseResult) => {
    const { split, derived } = splitOf(SOURCE, item);
    cases.push({ source: SOURCE, item, split, derivedSplit: derived, run });
  };

  for (const tests of Object.values(data.tests)) {
    for (const [test, { cases: list }] of Object.entries(tests)) {
      list.forEach((raw, i) => {
        const item = `${test}#${i}`;
        if (test === 'test_quote') {
          const c = raw as QuoteCase;
          add(item, () =>
            compareReply(analyzeReply({ text: c.text }), leadingNewText(c.expected_quote_intro_line ?? [])),
          );
        } else if (test === 'test_quote_html') {
          const c = raw as QuoteCase;
          const top = htmlText(leadingNewText(c.expected_quote_intro_line ?? []));
          add(item, () => compareReply(analyzeReply({ html: c.html }), top, squash));
        } else if (test.startsWith('test_unwrap')) {
          const c = raw as UnwrapCase;
          if (c.expected === null) return;
          const expected = c.expected;
          add(item, () => {
            const html = c.file ? readFileSync(join(root, 'tests/files', c.file), 'utf8') : c.html;
            const a = analyzeReply({ text: c.text, html });
            if (expected.html_top !== undefined) return compareReply(a, htmlText(expected.html_top), squash);
            const own = [expected.text_top, expected.text_bottom].filter((t): t is string => Boolean(t));
            return compareReply(a, own.join('\n\n'), html ? squash : normTrailing);
          });
        } else if (test === 'test_parse_reply') {
          const c = raw as ParseReplyCase;
          add(item, () => compareReply(analyzeReply({ text: `Hello\n\n${c.line}\n> Quoted text` }), 'Hello'));
        }
      });
    }
  }
  return cases;
}
