import { describe, expect, it } from 'vitest';
import { type AlertNoticeInput, alertNotice, refusalWords } from './alert-notice.ts';

const block: AlertNoticeInput = {
  kind: 'sender_block',
  assistant: { id: 'a1', name: 'Alex', email: 'alex@acme.test' },
  lead: { id: 'l1', email: 'sam@example.com', firstName: 'Sam', lastName: 'Lee', company: 'Widgets Ltd' },
  report: {
    reason: 'blocked',
    status: '5.7.1',
    diagnostic: '554 5.7.1 Service unavailable;\n  Client host [192.0.2.9] blocked using zen.spamhaus.org',
    feedbackType: null,
    subject: 'Undelivered Mail Returned to Sender',
  },
  receivedAt: new Date('2026-12-01T10:00:00Z'),
  quietMinutes: 60,
  userName: 'Kim',
  baseUrl: 'https://nurture.acme.test',
};

const complaint: AlertNoticeInput = {
  ...block,
  kind: 'complaint',
  report: {
    reason: 'feedback',
    status: null,
    diagnostic: 'This is an email abuse report for an email message received from IP 192.0.2.10.',
    feedbackType: 'abuse',
    subject: 'Complaint about message',
  },
};

describe('the sender-block notice', () => {
  it('says what was refused and why, in the remote server words, about which lead, and what to do', () => {
    const { subject, body } = alertNotice(block);
    expect(subject).toBe('Deliverability alert: mail from alex@acme.test was refused as blocked');
    expect(body).toMatch(/^Hello Kim,\n/);
    expect(body).toContain(
      "The mail server of one of Alex's leads refused an email sent from alex@acme.test as blocked.",
    );
    expect(body).toContain('What the remote server said:');
    expect(body).toContain('  Status:      5.7.1\n  Reason:      blocked\n');
    // Folded diagnostics are one line.
    expect(body).toContain(
      '  Diagnostic:  554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org\n',
    );
    expect(body).toContain(
      '  Report:      "Undelivered Mail Returned to Sender", received 2026-12-01 10:00 UTC',
    );
    expect(body).toContain('Lead:        Sam Lee <sam@example.com> (Widgets Ltd)');
    expect(body).toContain('Timeline:    GET https://nurture.acme.test/api/v1/leads/l1/timeline');
    expect(body).toContain('The lead is kept and its sequence goes on');
    // A blocklisting: the blocklists first, then authentication, then volume.
    expect(body).toMatch(/1\. Look up the sending IP and domain on the public blocklists/);
    expect(body).toMatch(/2\. Check the SPF, DKIM and DMARC records of acme\.test/);
    expect(body).toContain('GET https://nurture.acme.test/api/v1/deliverability/dkim/a1');
    expect(body).toMatch(/3\. Check the sending volume/);
    expect(body).toContain('PATCH https://nurture.acme.test/api/v1/assistants/a1/sending');
    expect(body).toContain(
      "Further sender blocks for Alex in the next 60 minutes are recorded on the leads' timelines without another email.",
    );
    expect(body).not.toContain('suppressed');
  });

  it('names each sender-side reason, and puts the likeliest fix first', () => {
    const auth = alertNotice({
      ...block,
      report: { ...block.report, reason: 'authfailure', status: '5.7.26' },
    });
    expect(auth.subject).toBe(
      'Deliverability alert: mail from alex@acme.test was refused for failing authentication (SPF/DKIM/DMARC)',
    );
    expect(auth.body).toMatch(/1\. Check the SPF, DKIM and DMARC records/);
    const fast = alertNotice({ ...block, report: { ...block.report, reason: 'speeding' } });
    expect(fast.subject).toBe(
      'Deliverability alert: mail from alex@acme.test was refused for sending too fast',
    );
    expect(fast.body).toMatch(/1\. Check the sending volume/);
    expect(refusalWords('policyviolation')).toBe("by the receiver's policy");
    expect(refusalWords('somethingnew')).toBe('for a sender-side reason (somethingnew)');
  });

  it('leaves out what the report does not say, and copes with a nameless lead and user', () => {
    const { body } = alertNotice({
      ...block,
      lead: { ...block.lead, firstName: null, lastName: null, company: null },
      report: { ...block.report, status: null, diagnostic: null, subject: null },
      userName: ' ',
    });
    expect(body).toMatch(/^Hello,\n/);
    expect(body).not.toContain('Status:');
    expect(body).not.toContain('Diagnostic:');
    expect(body).toContain('  Report:      received 2026-12-01 10:00 UTC');
    expect(body).toContain('Lead:        sam@example.com\n');
  });

  it('clips a runaway diagnostic', () => {
    const { body } = alertNotice({ ...block, report: { ...block.report, diagnostic: 'x'.repeat(5000) } });
    const line = body.split('\n').find((l) => l.includes('Diagnostic:'))!;
    expect(line.length).toBeLessThan(700);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('the complaint notice', () => {
  it('says a recipient reported spam, that the address is suppressed for good, and what to do', () => {
    const { subject, body } = alertNotice(complaint);
    expect(subject).toBe('Deliverability alert: a recipient reported an email from alex@acme.test as spam');
    expect(body).toContain('A lead of Alex reported an email sent from alex@acme.test as spam');
    expect(body).toContain('What the report says:');
    expect(body).toContain('  Feedback:    abuse\n');
    expect(body).toContain(
      '  Notice:      This is an email abuse report for an email message received from IP 192.0.2.10.',
    );
    expect(body).not.toContain('Reason:');
    expect(body).toContain('Lead:        Sam Lee <sam@example.com> (Widgets Ltd)');
    expect(body).toContain(
      'The lead is unsubscribed and the address is suppressed for good: no assistant of the organisation will email it again.',
    );
    expect(body).toMatch(/1\. Look at what Sam Lee <sam@example.com> \(Widgets Ltd\) was sent/);
    expect(body).toContain('GET https://nurture.acme.test/api/v1/deliverability/breakers');
    expect(body).toContain('Further spam complaints for Alex in the next 60 minutes');
    expect(body).not.toContain('blocklists');
  });
});
