import { describe, expect, it } from 'vitest';
import { parseBounce, parseBounceAll } from './parse-bounce.ts';

/** A minimal Postfix-style RFC 3464 report with one recipient. */
function dsn(opts: { status: string; diagnostic: string; action?: string; recipient?: string }): string {
  const rcpt = opts.recipient ?? 'lead@example.org';
  return [
    'Return-Path: <>',
    'From: MAILER-DAEMON@mx.example.com (Mail Delivery System)',
    'To: assistant@sales.example.com',
    'Subject: Undelivered Mail Returned to Sender',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
    '',
    '--B1',
    'Content-Type: text/plain',
    '',
    'This is the mail system at host mx.example.com.',
    '',
    `<${rcpt}>: host mx.example.org[192.0.2.1] said: ${opts.diagnostic}`,
    '',
    '--B1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    `Final-Recipient: rfc822; ${rcpt}`,
    `Action: ${opts.action ?? 'failed'}`,
    `Status: ${opts.status}`,
    `Diagnostic-Code: smtp; ${opts.diagnostic}`,
    '',
    '--B1',
    'Content-Type: message/rfc822',
    '',
    'From: Assistant <assistant@sales.example.com>',
    `To: ${rcpt}`,
    'Subject: Quick question',
    '',
    'Hello!',
    '--B1--',
    '',
  ].join('\r\n');
}

describe('parseBounce on hand-written DSNs', () => {
  it('reads an unknown user as a permanent, recipient-caused failure', () => {
    const info = parseBounce(
      dsn({ status: '5.1.1', diagnostic: '550 5.1.1 <lead@example.org>: User unknown' }),
    );
    expect(info).toMatchObject({
      reason: 'userunknown',
      status: '5.1.1',
      replyCode: '550',
      recipient: 'lead@example.org',
      permanent: true,
      senderCaused: false,
    });
    expect(info?.diagnostic).toContain('User unknown');
    expect(info?.evidence.join(' ')).toContain('delivery-status');
  });

  it('treats a full mailbox as temporary', () => {
    const info = parseBounce(dsn({ status: '4.2.2', diagnostic: '452 4.2.2 Mailbox full' }));
    expect(info).toMatchObject({ reason: 'mailboxfull', permanent: false, senderCaused: false });
  });

  it('blames the sender for a blocklisted IP', () => {
    const info = parseBounce(
      dsn({
        status: '5.7.1',
        diagnostic: '554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org',
      }),
    );
    expect(info).toMatchObject({ reason: 'blocked', senderCaused: true, permanent: false });
  });

  it('recognises DMARC rejections as authentication failures', () => {
    const info = parseBounce(
      dsn({
        status: '5.7.26',
        diagnostic: '550 5.7.26 Unauthenticated email from example.com is not accepted due to DMARC policy',
      }),
    );
    expect(info).toMatchObject({ reason: 'authfailure', senderCaused: true });
  });

  it('prefers the remote server status over a generic Status field', () => {
    const info = parseBounce(
      dsn({ status: '5.0.0', diagnostic: "550-'5.2.2 <lead@example.org> Over quota'" }),
    );
    expect(info).toMatchObject({ status: '5.2.2', reason: 'mailboxfull' });
  });

  it('returns delivered for a success DSN', () => {
    const info = parseBounce(
      dsn({ status: '2.0.0', diagnostic: '250 2.0.0 Ok: queued', action: 'delivered' }),
    );
    expect(info).toMatchObject({ reason: 'delivered', permanent: false });
  });

  it('lists every recipient of a multi-recipient report', () => {
    const raw = dsn({ status: '5.1.1', diagnostic: '550 5.1.1 User unknown' }).replace(
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\nFinal-Recipient: rfc822; other@example.net\r\nAction: failed\r\nStatus: 5.2.2\r\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\r\n',
    );
    const all = parseBounceAll(raw);
    expect(all?.map((i) => [i.recipient, i.reason])).toEqual([
      ['lead@example.org', 'userunknown'],
      ['other@example.net', 'mailboxfull'],
    ]);
  });
});

describe('parseBounce on non-standard bounces', () => {
  it('reads a qmail bounce', () => {
    const raw = [
      'From: MAILER-DAEMON@mail.example.com',
      'To: assistant@sales.example.com',
      'Subject: failure notice',
      '',
      'Hi. This is the qmail-send program at mail.example.com.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<lead@example.org>:',
      '192.0.2.25 does not like recipient.',
      'Remote host said: 550 5.1.1 <lead@example.org>: Recipient address rejected: User unknown',
      'Giving up on 192.0.2.25.',
      '',
      '--- Below this line is a copy of the message.',
      '',
      'From: assistant@sales.example.com',
      'To: lead@example.org',
      '',
      'Hi',
    ].join('\n');
    expect(parseBounce(raw)).toMatchObject({
      recipient: 'lead@example.org',
      reason: 'userunknown',
      status: '5.1.1',
      replyCode: '550',
    });
  });

  it('reads an Exim bounce and ignores the returned message', () => {
    const raw = [
      'From: Mail Delivery System <Mailer-Daemon@mx.example.com>',
      'To: assistant@sales.example.com',
      'Subject: Mail delivery failed: returning message to sender',
      'X-Failed-Recipients: lead@example.org',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  lead@example.org',
      '    host mx.example.org [192.0.2.1]',
      '    SMTP error from remote mail server after RCPT TO:<lead@example.org>:',
      '    550 5.2.2 <lead@example.org>: Mailbox is full',
      '',
      '------ This is a copy of the message, including all the headers. ------',
      '',
      'From: assistant@sales.example.com',
      'To: someone-else@example.net',
      '',
      'Hi',
    ].join('\n');
    expect(parseBounce(raw)).toMatchObject({ recipient: 'lead@example.org', reason: 'mailboxfull' });
  });

  it('turns an ARF complaint into feedback', () => {
    const raw = [
      'From: feedback@isp.example',
      'To: abuse@sales.example.com',
      'Subject: Abuse report',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="F"',
      '',
      '--F',
      'Content-Type: text/plain',
      '',
      'This is an email abuse report.',
      '--F',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'Original-Rcpt-To: lead@example.org',
      '--F--',
    ].join('\n');
    expect(parseBounce(raw)).toMatchObject({
      reason: 'feedback',
      recipient: 'lead@example.org',
      permanent: false,
    });
  });
});

describe('parseBounce on messages that are not bounces', () => {
  it('returns null for an out-of-office reply', () => {
    const raw = [
      'From: Lead <lead@example.org>',
      'To: assistant@sales.example.com',
      'Subject: Automatic reply: Quick question',
      'Auto-Submitted: auto-replied',
      'X-Auto-Response-Suppress: All',
      '',
      'I am out of the office until Monday with limited access to email.',
    ].join('\n');
    expect(parseBounce(raw)).toBeNull();
  });

  it('returns null for a human reply that mentions delivery', () => {
    const raw = [
      'From: Lead <lead@example.org>',
      'To: assistant@sales.example.com',
      'Subject: Re: Quick question',
      '',
      'Thanks, the brochure could not be delivered sooner? Send it again please.',
    ].join('\n');
    expect(parseBounce(raw)).toBeNull();
  });

  it('accepts Buffers as well as strings', () => {
    const raw = dsn({ status: '5.1.1', diagnostic: '550 5.1.1 User unknown' });
    expect(parseBounce(Buffer.from(raw))).toMatchObject({ reason: 'userunknown' });
  });
});
