import { describe, expect, it } from 'vitest';
import { type BreakerNoticeInput, breakerNotice } from './breaker-notice.ts';

const base: BreakerNoticeInput = {
  kind: 'hard_bounce',
  verdict: 'pause',
  scope: 'assistant',
  label: 'Alex <alex@acme.test>',
  breakerId: 'b1',
  scopes: ['assistant Alex <alex@acme.test>', 'mailbox alex@acme.test', 'org Acme'],
  assistantNames: ['Alex'],
  assistantId: 'a1',
  reason: 'Hard-bounce breaker of assistant Alex <alex@acme.test>: 2 of 50 emails … tripped',
  rate: 0.04,
  counts: { sends: 50, events: 2 },
  thresholds: { warn: 0.02, pause: 0.04, minSends: 50 },
  windowFrom: new Date('2026-11-24T10:00:00Z'),
  leadId: 'l1',
  userName: 'Kim',
  baseUrl: 'https://nurture.acme.test',
};

describe('the breaker notice', () => {
  it('says what happened, why, the rate and thresholds, and how to resume', () => {
    const { subject, body } = breakerNotice(base);
    expect(subject).toBe('Deliverability alert: Alex paused sending to unverified addresses');
    expect(body).toMatch(/^Hello Kim,\n/);
    expect(body).toContain(`Why: ${base.reason}.`);
    expect(body).toContain('4.0 % (2 hard bounces among 50 emails sent since 2026-11-24 10:00 UTC)');
    expect(body).toContain('warning at 2.0 %, pause at 4.0 % (no verdict under 50 emails)');
    expect(body).toContain(
      'Tipped by:   the bounce of lead l1 (https://nurture.acme.test/api/v1/leads/l1/timeline)',
    );
    expect(body).toContain('POST https://nurture.acme.test/api/v1/deliverability/breakers/b1/resume');
    expect(body).toContain(
      'GET https://nurture.acme.test/api/v1/leads?assistantId=a1&subState=BounceDeactivated',
    );
  });

  it('words warnings, complaints and scopes over several assistants', () => {
    expect(breakerNotice({ ...base, verdict: 'warn', rate: 0.02 }).subject).toBe(
      'Deliverability warning: hard bounces at 2.0 % for Alex',
    );
    const complaint = breakerNotice({ ...base, kind: 'complaint', leadId: null, userName: '' });
    expect(complaint.subject).toBe('Deliverability alert: Alex paused sequence emails after spam complaints');
    expect(complaint.body).toMatch(/^Hello,\n/);
    expect(complaint.body).not.toContain('Tipped by');
    expect(complaint.body).toContain('No sequence email of this scope goes until the breaker is resumed');
    const many = { ...base, assistantNames: ['Alex', 'Blake'] };
    expect(breakerNotice({ ...many, scope: 'org', label: 'Acme' }).subject).toBe(
      'Deliverability alert: the assistants of Acme paused sending to unverified addresses',
    );
    expect(breakerNotice({ ...many, scope: 'mailbox', label: 'sales@acme.test' }).subject).toBe(
      'Deliverability alert: the assistants sending as sales@acme.test paused sending to unverified addresses',
    );
  });
});
