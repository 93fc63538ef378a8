/**
 * alfonsrv/mail-parser-reply: the substring assertions of
 * test/test_email_reply_parser.py and test_danish_improvements.py (upstream,
 * MIT), transcribed. replies[0].body is our reply, replies[0].signatures our
 * signature; anything asserted about replies[1..] must be in `quoted`. A
 * reply count of one means nothing quoted, more than one means something is.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeReply, type ReplyAnalysis } from '../strip-reply.ts';
import { all, type CaseResult, check, type FixtureCase, show } from './fixture-case.ts';
import type { SplitOf } from './split.ts';

const SOURCE = 'mail-parser-reply';

type Part = 'body' | 'signature' | 'content' | 'later';
type Assertion = { replies: number } | { part: Part; op: 'in' | 'notin' | 'eq' | 'startsWith'; text: string };

const TESTS: Record<string, Assertion[]> = {
  email_1_1: [
    { replies: 1 },
    { part: 'content', op: 'in', text: 'riak-users' },
    { part: 'signature', op: 'in', text: 'riak-users' },
    { part: 'body', op: 'notin', text: 'riak-users' },
    { part: 'signature', op: 'in', text: '-Abhishek Kona' },
  ],
  email_1_3: [
    { replies: 3 },
    { part: 'later', op: 'in', text: 'On 01/03/11 7:07 PM, Russell Brown wrote:' },
    { part: 'signature', op: 'in', text: '-Abhishek Kona' },
    { part: 'body', op: 'notin', text: '-Abhishek Kona' },
    { part: 'later', op: 'in', text: '> Hi,' },
    { part: 'later', op: 'in', text: '>> -Abhishek Kona' },
  ],
  email_1_4: [{ replies: 2 }, { part: 'later', op: 'in', text: 'defunkt<reply@reply.github.com>' }],
  email_1_5: [{ replies: 1 }],
  email_1_6: [{ replies: 2 }, { part: 'later', op: 'in', text: '<reply@reply.github.com>' }],
  email_1_7: [{ replies: 2 }, { part: 'later', op: 'in', text: '<notifications@github.com>wrote:' }],
  email_1_8: [{ replies: 2 }],
  email_2_1: [
    { replies: 2 },
    { part: 'body', op: 'eq', text: 'Outlook with a reply\n\n\n------------------------------' },
    { part: 'later', op: 'in', text: 'Google Apps Sync Team [mailto:mail-noreply@google.com]' },
    { part: 'body', op: 'notin', text: 'Google Apps Sync Team' },
  ],
  email_2_3: [
    { replies: 2 },
    { part: 'body', op: 'eq', text: 'Outlook with a reply above headers using unusual format' },
    {
      part: 'later',
      op: 'in',
      text: 'Ei tale aliquam eum, at vel tale sensibus, an sit vero magna. Vis no veri',
    },
  ],
  email_3_1: [{ replies: 5 }],
  multiline_on: [{ replies: 4 }],
  email_headers_no_delimiter: [
    { replies: 3 },
    { part: 'body', op: 'eq', text: 'And another reply!' },
    { part: 'later', op: 'in', text: 'A reply' },
    { part: 'later', op: 'in', text: 'This is a message.\nWith a second line.' },
  ],
  email_sent_from_iPhone: [
    { replies: 1 },
    { part: 'body', op: 'eq', text: 'Here is another email' },
    { part: 'signature', op: 'eq', text: 'Sent from my iPhone' },
  ],
  email_sent_from_multi_word_mobile_device: [
    { replies: 1 },
    { part: 'body', op: 'eq', text: 'Here is another email' },
    { part: 'signature', op: 'eq', text: 'Sent from my Verizon Wireless BlackBerry' },
  ],
  email_sent_from_BlackBerry: [
    { replies: 1 },
    { part: 'body', op: 'eq', text: 'Here is another email' },
    { part: 'signature', op: 'eq', text: 'Sent from my BlackBerry' },
  ],
  email_sent_from_not_signature: [
    { replies: 1 },
    {
      part: 'body',
      op: 'eq',
      text: 'Here is another email\n\nSent from my desk, is much easier than my mobile phone.',
    },
    { part: 'signature', op: 'eq', text: '' },
  ],
  email_ja_1_1: [{ replies: 1 }, { part: 'body', op: 'in', text: 'こんにちは' }],
  email_ja_1_2: [
    { replies: 2 },
    { part: 'body', op: 'in', text: 'お世話になっております。織田です。' },
    { part: 'body', op: 'in', text: 'それでは 11:00 にお待ちしております。' },
    { part: 'later', op: 'in', text: 'かしこまりました' },
    { part: 'later', op: 'in', text: '明日の 11:00 でお願いいたします' },
  ],
  email_nl_1_1: [
    { replies: 1 },
    { part: 'content', op: 'in', text: 'riak-gebruikers' },
    { part: 'signature', op: 'in', text: 'riak-gebruikers' },
    { part: 'body', op: 'notin', text: 'riak-gebruikers' },
  ],
  email_nl_1_2: [
    { replies: 2 },
    { part: 'body', op: 'eq', text: 'Outlook met een antwoord\n\n\n------------------------------' },
    { part: 'later', op: 'in', text: 'Google Apps Sync Team [mailto:mail-noreply@google.com]' },
    { part: 'body', op: 'notin', text: 'Google Apps Sync Team' },
  ],
  email_pl_1_1: [
    { replies: 1 },
    { part: 'body', op: 'in', text: 'Czesc Anno' },
    { part: 'signature', op: 'in', text: 'Pozdrawiam,\nJan' },
    { part: 'body', op: 'notin', text: 'Pozdrawiam,\nJan' },
  ],
  email_pl_1_2: [
    { replies: 2 },
    { part: 'later', op: 'in', text: 'Dnia 28 lutego 2023 14:00 Anna Nowak <anna.nowak@example.com>' },
    { part: 'later', op: 'in', text: '> Pozdrawiam,' },
    { part: 'body', op: 'notin', text: 'Pozdrawiam,' },
  ],
  email_pl_1_3: [
    { replies: 1 },
    { part: 'signature', op: 'in', text: 'Z powazaniem,\nJan' },
    { part: 'body', op: 'notin', text: 'Z powazaniem,\nJan' },
  ],
  begins_with_signature: [{ part: 'signature', op: 'startsWith', text: 'Regards,' }],
  email_swedish_2: [
    { replies: 1 },
    { part: 'body', op: 'in', text: 'Hello Anna,' },
    { part: 'signature', op: 'in', text: '/John' },
    { part: 'body', op: 'notin', text: '/John' },
  ],
  email_swedish_1: [
    { replies: 2 },
    { part: 'body', op: 'in', text: 'Ursäkta mitt sena svar!' },
    { part: 'later', op: 'in', text: 'Hej Person B,' },
    { part: 'later', op: 'in', text: 'Med Vänlig Hälsning,' },
  ],
  email_sv_anon_1: [
    { replies: 3 },
    { part: 'body', op: 'in', text: 'Berättar gärna.' },
    { part: 'later', op: 'in', text: 'Kan inte se att det står något' },
    { part: 'later', op: 'in', text: 'Jag har försökt få tag' },
  ],
  email_danish_1: [
    { replies: 2 },
    { part: 'body', op: 'in', text: 'Hej Peter,' },
    { part: 'signature', op: 'in', text: 'Med venlig hilsen\nAnders Andersen' },
    { part: 'body', op: 'notin', text: 'Med venlig hilsen\nAnders Andersen' },
    { part: 'later', op: 'in', text: 'Hej Anders,' },
    { part: 'later', op: 'in', text: '> Mvh\n> Peter' },
  ],
  email_danish_2: [
    { replies: 2 },
    { part: 'body', op: 'in', text: 'Jeg har modtaget filerne.' },
    { part: 'signature', op: 'in', text: 'Hilsen\nSøren' },
    { part: 'later', op: 'in', text: 'Her er filerne du bad om.' },
    { part: 'later', op: 'in', text: 'Mvh\nHanne' },
  ],
  email_danish_3: [
    { replies: 2 },
    { part: 'body', op: 'in', text: 'Svar.' },
    { part: 'later', op: 'in', text: 'Hej' },
  ],
  email_danish_4: [
    { replies: 2 },
    { part: 'body', op: 'in', text: 'Svar.' },
    { part: 'body', op: 'notin', text: '-----Oprindelig meddelelse-----' },
    { part: 'later', op: 'in', text: 'Hej' },
  ],
  email_danish_5: [
    { replies: 1 },
    { part: 'body', op: 'in', text: 'Svar.' },
    { part: 'signature', op: 'in', text: 'Kh\nPeter' },
    { part: 'body', op: 'notin', text: 'Kh\nPeter' },
  ],
};

function evaluate(a: ReplyAnalysis, assertion: Assertion): CaseResult {
  if ('replies' in assertion) {
    return assertion.replies === 1
      ? check(a.quoted === '', `expected nothing quoted, got ${show(a.quoted)}`)
      : check(a.quoted !== '', 'expected quoted history');
  }
  const text = { body: a.reply, signature: a.signature ?? '', content: a.unquoted, later: a.quoted }[
    assertion.part
  ];
  const ok = {
    in: () => text.includes(assertion.text),
    notin: () => !text.includes(assertion.text),
    eq: () => text.trim() === assertion.text.trim(),
    startsWith: () => text.startsWith(assertion.text),
  }[assertion.op]();
  return check(ok, `${assertion.part} ${assertion.op} ${show(assertion.text, 60)}: got ${show(text)}`);
}

export function mailParserReplyCases(corporaDir: string, splitOf: SplitOf): FixtureCase[] {
  const root = join(corporaDir, SOURCE);
  return Object.entries(TESTS)
    .filter(([name]) => existsSync(join(root, 'test/emails', `${name}.txt`)))
    .map(([name, assertions]) => {
      const item = `test/emails/${name}.txt`;
      const { split, derived } = splitOf(SOURCE, item);
      return {
        source: SOURCE,
        item,
        split,
        derivedSplit: derived,
        run: () => {
          const a = analyzeReply({ text: readFileSync(join(root, item), 'utf8') });
          return all(assertions.map((x) => evaluate(a, x)));
        },
      };
    });
}
