import { describe, expect, it } from 'vitest';
import { parseDeliveryStatus } from './dsn-fields.ts';
import { decodeCharset, decodeEncodedWords, parseMime } from './mime-walk.ts';
import { joinMultiline } from './parse-bounce.ts';
import { decideReason, isPermanent, isSenderCaused } from './reason.ts';
import { bestStatusIn, findReplyCode, findStatuses, replyStatusPair } from './status-codes.ts';
import { commandIn, parseTranscript, scanNotice } from './text-scan.ts';

describe('status codes', () => {
  it('finds enhanced codes but not IP addresses or versions', () => {
    expect(findStatuses('host 192.0.2.5 said 550 5.1.1 user unknown (Exim 4.72, build 5.5.1960.3)')).toEqual([
      '5.1.1',
    ]);
  });

  it('pairs a reply code with the status that follows it', () => {
    expect(replyStatusPair('554 4.4.7 Message expired <421 4.4.2 Connection timed out>')).toEqual({
      reply: '421',
      status: '4.4.2',
    });
    expect(bestStatusIn('250 2.1.5 Ok 451 4.3.0 Error: queue file write error')).toBe('4.3.0');
  });

  it('reads reply codes at the start or after "said:"', () => {
    expect(findReplyCode('host x said: 552 Mailbox full')).toBe('552');
    expect(findReplyCode('no code here, only 2024 and 10.5.1')).toBeNull();
  });

  it('joins the lines of a multi-line reply', () => {
    expect(
      joinMultiline(
        '552-5.7.0 This message was blocked because its content presents a potential 552-5.7.0 security issue',
      ),
    ).toBe('552-5.7.0 This message was blocked because its content presents a potential security issue');
  });
});

describe('delivery-status fields', () => {
  it('splits recipient groups even without blank lines between them', () => {
    const report = parseDeliveryStatus(
      [
        'Reporting-MTA: dns; mx.example.com',
        '',
        'Original-Recipient: rfc822;a@example.com',
        'Final-Recipient: rfc822;a@example.com',
        'Action: failed',
        'Status: 5.0.0',
        "Diagnostic-Code: smtp; 550 'a@example.com' is not a",
        ' registered gateway user',
        'Final-Recipient: rfc822;b@example.net',
        'Action: delayed',
        'Status: 4.0.0 (example.net: host name lookup failure)',
      ].join('\n'),
    );
    expect(report?.recipients.map((r) => [r.finalRecipient, r.action, r.status])).toEqual([
      ['a@example.com', 'failed', '5.0.0'],
      ['b@example.net', 'delayed', '4.0.0'],
    ]);
    expect(report?.recipients[0]?.diagnostic).toBe("550 'a@example.com' is not a registered gateway user");
    // The comment after the status is the only explanation given for b.
    expect(report?.recipients[1]?.diagnostic).toBe('example.net: host name lookup failure');
  });
});

describe('MIME walking', () => {
  it('decodes encoded words and ISO-2022-JP', () => {
    expect(decodeEncodedWords('=?UTF-8?B?w4ljaGVjIGRlIGxhIHJlbWlzZQ==?=')).toBe('Échec de la remise');
    expect(decodeCharset('\x1b$B%a!<%k\x1b(B', 'iso-2022-jp')).toBe('メール');
  });

  it('falls back to EUC-JP when an "ISO-2022-JP" body is 8-bit', () => {
    const eucjp = Buffer.from([0xa5, 0xe1, 0xa1, 0xbc, 0xa5, 0xeb]).toString('latin1');
    expect(decodeCharset(eucjp, 'iso-2022-jp')).toBe('メール');
  });

  it('finds parts when the boundary parameter is missing', () => {
    const root = parseMime(
      [
        'Content-Type: multipart/report; report-type=delivery-status;',
        '',
        '--XYZ123',
        '',
        'hello',
        '--XYZ123--',
      ].join('\n'),
    );
    expect(root.children).toHaveLength(1);
    expect(root.children[0]?.text.trim()).toBe('hello');
  });
});

describe('notice text', () => {
  it('finds qmail, Exim and Sendmail address lines but not the envelope sender', () => {
    const found = scanNotice(
      [
        'A message sent by',
        '  <me@sales.example.com>',
        'could not be delivered. The following address(es) failed:',
        '',
        '  lead@example.org',
        '    retry timeout exceeded',
        '',
        '<other@example.net>:',
        'Sorry, no mailbox here by that name. (#5.1.1)',
      ].join('\n'),
    );
    expect(found.map((f) => f.recipient)).toEqual(['lead@example.org', 'other@example.net']);
    expect(found[0]?.diagnostic).toContain('retry timeout exceeded');
  });

  it('reads the SMTP stage from Postfix, Exim, Sendmail and Gmail wording', () => {
    expect(commandIn('(in reply to RCPT TO command)')).toBe('RCPT');
    expect(commandIn('SMTP error from remote mail server after MAIL FROM:<a@b>')).toBe('MAIL');
    expect(commandIn('550 5.7.1 Header error (state 18).')).toBe('DATA');
    const t = parseTranscript(['>>> RCPT To:<lead@example.org>', '<<< 550 5.1.1 User unknown'].join('\n'));
    expect(t.get('lead@example.org')).toEqual({ reply: '550 5.1.1 User unknown', command: 'RCPT' });
  });
});

describe('reason engine', () => {
  const base = {
    status: null,
    replyCode: null,
    command: '',
    action: 'failed',
    diagType: 'SMTP',
    recipient: 'lead@example.org',
    remoteMta: '',
    notice: '',
  };

  it('lets specific words beat a generic 5.7.x code', () => {
    expect(
      decideReason({
        ...base,
        status: '5.7.9',
        diagnostic: '554 5.7.9 Message not accepted for policy reasons',
      }).reason,
    ).toBe('policyviolation');
  });

  it('reads provider error codes', () => {
    expect(decideReason({ ...base, diagnostic: '550 5.5.0 Invalid recipient. LPN007_416' }).reason).toBe(
      'userunknown',
    );
  });

  it('says rejected for a refusal at MAIL FROM with no better explanation', () => {
    expect(
      decideReason({ ...base, command: 'MAIL', diagnostic: '553 sorry, that is not allowed' }).reason,
    ).toBe('rejected');
  });

  it('classifies hard bounces and sender-caused failures', () => {
    expect(isPermanent('userunknown', '5.1.1', '550')).toBe(true);
    expect(isPermanent('notaccept', '4.3.2', null)).toBe(false);
    expect(isPermanent('mailboxfull', '5.2.2', '552')).toBe(false);
    expect(isSenderCaused('blocked')).toBe(true);
    expect(isSenderCaused('filtered')).toBe(false);
    expect(isSenderCaused('userunknown')).toBe(false);
  });
});
