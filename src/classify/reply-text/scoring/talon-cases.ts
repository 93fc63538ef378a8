/**
 * mailgun/talon fixtures (corpora/talon/EXPECTATIONS.md): standard replies
 * (.eml, expected `<name>_reply_text` or "Hello"), HTML replies (expected
 * "Hi. I am fine. Thanks, Alex", whitespace removed), inline text and HTML
 * quotation cases, and signature cases. Talon strips quotes, not sign-offs, so
 * the reply with its signature in place is accepted for quotation cases.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { analyzeReply } from '../strip-reply.ts';
import { all, check, compareReply, type FixtureCase, normTrailing, show, squash } from './fixture-case.ts';
import type { SplitOf } from './split.ts';
import { TALON_HTML_INLINE } from './talon-html-inline.ts';

const SOURCE = 'talon';

type InlineCase = { test: string; input: string; expected: unknown };

// These upstream tests patch talon internals to crash and check the fallback;
// they say nothing about where quotes or signatures are.
const MOCKED_TESTS = new Set(['test_crash_in_extract_signature', 'test_bad_html']);

export function talonCases(corporaDir: string, splitOf: SplitOf): FixtureCase[] {
  const root = join(corporaDir, SOURCE);
  const cases: FixtureCase[] = [];
  const add = (item: string, run: FixtureCase['run']) => {
    const { split, derived } = splitOf(SOURCE, item);
    cases.push({ source: SOURCE, item, split, derivedSplit: derived, run });
  };

  const std = join(root, 'tests/fixtures/standard_replies');
  for (const file of readdirSync(std)
    .filter((f) => f.endsWith('.eml'))
    .sort()) {
    const name = file.replace(/\.eml$/, '');
    add(`tests/fixtures/standard_replies/${file}`, async () => {
      const mail = await simpleParser(readFileSync(join(std, file)));
      const expectedFile = join(std, `${name}_reply_text`);
      const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : 'Hello';
      return compareReply(analyzeReply({ text: mail.text, html: mail.html || null }), expected);
    });
  }

  const text = JSON.parse(readFileSync(join(root, 'text_quotations_cases.json'), 'utf8')) as {
    cases: InlineCase[];
  };
  text.cases.forEach((c, i) => {
    add(`text_quotations_cases.json#${i}`, () =>
      compareReply(analyzeReply({ text: c.input }), String(c.expected)),
    );
  });

  const html = JSON.parse(readFileSync(join(root, 'html_quotations_cases.json'), 'utf8')) as {
    cases: InlineCase[];
  };
  html.cases.forEach((c, i) => {
    if (MOCKED_TESTS.has(c.test)) return;
    // Both upstream cases are degenerate documents with nothing to show.
    add(`html_quotations_cases.json#${i}`, () => {
      const a = analyzeReply({ html: c.input });
      return check(a.reply === '' && a.quoted === '', `expected an empty reply, got ${show(a.reply)}`);
    });
  });

  for (const c of TALON_HTML_INLINE) {
    add(`tests/html_quotations_test.py::${c.test}`, () =>
      compareReply(analyzeReply({ html: c.html }), c.expected, squash),
    );
  }

  const htmlReplies = join(root, 'tests/fixtures/html_replies');
  for (const file of readdirSync(htmlReplies)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    add(`tests/fixtures/html_replies/${file}`, () => {
      const a = analyzeReply({ html: readFileSync(join(htmlReplies, file), 'utf8') });
      return compareReply(a, 'Hi. I am fine.\n\nThanks,\nAlex', squash);
    });
  }
  const fixture = (f: string) => readFileSync(join(root, 'tests/fixtures', f), 'utf8');
  add('tests/fixtures/OLK_SRC_BODY_SECTION.html', () =>
    compareReply(analyzeReply({ html: fixture('OLK_SRC_BODY_SECTION.html') }), 'Reply', squash),
  );
  add('tests/fixtures/reply-separated-by-hr.html', () =>
    compareReply(analyzeReply({ html: fixture('reply-separated-by-hr.html') }), 'Hi there', squash),
  );
  add('tests/fixtures/reply-quotations-share-block.eml', async () => {
    const mail = await simpleParser(
      readFileSync(join(root, 'tests/fixtures/reply-quotations-share-block.eml')),
    );
    const a = analyzeReply({ text: mail.text, html: mail.html || null });
    return check(a.unquoted.trim() !== '' && !a.unquoted.includes('From'), `got ${show(a.unquoted)}`);
  });

  const sigDir = join(root, 'tests/fixtures/signature/emails/stripped');
  for (const file of readdirSync(sigDir)
    .filter((f) => f.endsWith('_body'))
    .sort()) {
    const name = file.replace(/_body$/, '');
    add(`tests/fixtures/signature/emails/stripped/${name}`, () => {
      const body = readFileSync(join(sigDir, file), 'utf8');
      const signature = readFileSync(join(sigDir, `${name}_signature`), 'utf8');
      const a = analyzeReply({ text: body });
      return check(
        squash(a.signature ?? '') === squash(signature),
        `signature expected ${show(normTrailing(signature))}, got ${show(a.signature ?? '')}`,
      );
    });
  }

  const brute = JSON.parse(readFileSync(join(root, 'signature_bruteforce_cases.json'), 'utf8')) as {
    cases: InlineCase[];
  };
  brute.cases.forEach((c, i) => {
    if (MOCKED_TESTS.has(c.test)) return;
    add(`signature_bruteforce_cases.json#${i}`, () => {
      const [body, signature] = c.expected as [string, string | null];
      const a = analyzeReply({ text: c.input });
      return all([
        check(
          normTrailing(a.reply) === normTrailing(body),
          `text expected ${show(body)}, got ${show(a.reply)}`,
        ),
        check(
          normTrailing(a.signature ?? '') === normTrailing(signature ?? ''),
          `signature expected ${show(signature ?? '')}, got ${show(a.signature ?? '')}`,
        ),
      ]);
    });
  });
  return cases;
}
