import { describe, expect, it } from 'vitest';
import { emailCcNotice } from './emailcc-notice.ts';

describe('the EmailCC notice', () => {
  it('says what came of each recipient, with links, and sums it up in the subject', () => {
    const at = new Date('2026-12-09T14:00:00Z');
    const n = emailCcNotice({
      assistantName: 'Alex',
      subject: 'Re: Our call',
      receivedAt: new Date('2026-12-07T14:00:00Z'),
      baseUrl: 'https://nurture.example',
      outcomes: [
        { kind: 'created', email: 'a@x.example', name: 'Ann Lee', leadId: 'l1', firstFollowUpAt: at },
        { kind: 'checking', email: 'b@x.example', name: '', leadId: 'l2', firstFollowUpAt: at },
        { kind: 'waiting', email: 'c@x.example', name: '', leadId: 'l3' },
        {
          kind: 'invalid',
          email: 'd@x.example',
          name: '',
          leadId: 'l4',
          why: 'the address was found invalid (Disposable)',
        },
        { kind: 'existing', email: 'e@x.example', leadId: 'l5', wasAtRisk: false },
        {
          kind: 'refused',
          email: 'f@x.example',
          why: 'f@x.example matches the assistant\'s exclusion list entry "x.example"',
        },
      ],
    });
    expect(n.subject).toBe(
      'EmailCC "Re: Our call": 2 new leads, 1 already a lead, 1 waiting for capacity, 1 not added, 1 invalid address',
    );
    expect(n.body).toContain('received 2026-12-07 14:00 UTC');
    expect(n.body).toContain(
      "- Ann Lee <a@x.example>: added as your lead. Alex follows up in your email's thread from 2026-12-09 14:00 UTC.",
    );
    expect(n.body).toContain('   Open it: https://nurture.example/leads/l1');
    expect(n.body).toContain('once the address is verified.');
    expect(n.body).toContain('- c@x.example: added as your lead, waiting for plan capacity');
    expect(n.body).toContain(
      '- d@x.example: added, but nothing will be sent: the address was found invalid (Disposable).',
    );
    expect(n.body).toContain(
      '- e@x.example: already a lead of Alex; nothing was duplicated. Your email counts as your action on it.',
    );
    expect(n.body).toContain('- f@x.example: not added: f@x.example matches the assistant');
    expect(n.body).not.toContain('/leads/undefined');
  });
});
