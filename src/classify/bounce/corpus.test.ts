import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBounce, parseBounceAll } from './parse-bounce.ts';

// A handful of sisimai samples from the DEV split of corpora/SPLIT.csv (never
// hold-out rows), one per family of formats. The full benchmark is
// scripts/score-bounces.ts.
const corpora = process.env.CORPORA_DIR ?? '/work/shared/corpora';
const eml = (name: string): string => join(corpora, 'sisimai/eml', name);
const available = existsSync(eml('lhost-postfix-13.eml'));

type Row = { file: string; recipient: string | null; reason: string; status: string | null };

const cases: Row[] = [
  // RFC 3464 from Postfix, two recipients with different reasons.
  { file: 'lhost-postfix-13.eml', recipient: 'kijitora@example.jp', reason: 'userunknown', status: '5.2.1' },
  // qmail text bounce without any DSN part.
  { file: 'lhost-qmail-01.eml', recipient: 'kijitora@example.ne.jp', reason: 'userunknown', status: '5.5.0' },
  // Exim: rejected at MAIL FROM by an ISP policy.
  { file: 'lhost-exim-01.eml', recipient: 'kijitora@example.ed.jp', reason: 'blocked', status: '5.7.0' },
  // Sendmail report whose multipart header lost its boundary; "User unknown" after DATA is a filter.
  {
    file: 'lhost-sendmail-19.eml',
    recipient: 'kijitora@ntt.example.ne.jp',
    reason: 'filtered',
    status: '5.2.0',
  },
  // Exchange 2003 (Internet Mail Service) text layout.
  {
    file: 'lhost-exchange2003-02.eml',
    recipient: 'kijitora@example.co.jp',
    reason: 'userunknown',
    status: null,
  },
  // Office 365 / Exchange Online.
  { file: 'lhost-office365-01.eml', recipient: null, reason: 'userunknown', status: '5.1.10' },
  // Gmail relay ("Technical details of permanent failure").
  { file: 'lhost-gmail-18.eml', recipient: 'kijitora@example.or.jp', reason: 'userunknown', status: '5.1.1' },
  // Amazon SES notification delivered as SNS JSON.
  {
    file: 'lhost-amazonses-10.eml',
    recipient: 'bounce@simulator.amazonses.com',
    reason: 'userunknown',
    status: '5.1.1',
  },
  // ARF abuse complaint.
  { file: 'arf-01.eml', recipient: 'redacted@example.net', reason: 'feedback', status: null },
  // Japanese carrier (au/KDDI), ISO-2022-JP text.
  { file: 'lhost-kddi-02.eml', recipient: null, reason: 'mailboxfull', status: null },
];

describe.skipIf(!available)('sisimai dev samples', () => {
  it.each(cases)('$file → $reason', (c) => {
    const info = parseBounce(readFileSync(eml(c.file)));
    expect(info?.reason).toBe(c.reason);
    if (c.recipient) expect(info?.recipient).toBe(c.recipient);
    if (c.status) expect(info?.status).toBe(c.status);
  });

  it('returns both recipients of a two-recipient Postfix report', () => {
    const all = parseBounceAll(readFileSync(eml('lhost-postfix-13.eml')));
    expect(all?.map((i) => i.reason)).toEqual(['userunknown', 'mailboxfull']);
    expect(all?.[1]).toMatchObject({ recipient: 'noraneko@example.jp', permanent: false });
  });

  it.each(['rfc3834-01.eml', 'rfc3834-02.eml', 'rfc3834-05.eml'])(
    '%s (out of office) is not a bounce',
    (f) => {
      expect(parseBounce(readFileSync(eml(f)))).toBeNull();
    },
  );

  it('returns delivered for a success DSN', () => {
    expect(parseBounce(readFileSync(eml('rfc3464-28.eml')))).toMatchObject({
      reason: 'delivered',
      permanent: false,
    });
  });
});
