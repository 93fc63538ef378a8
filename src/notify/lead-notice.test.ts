import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  type LeadNoticeInput,
  leadNoticeEmail,
  leadNoticeKindOf,
  leadNoticeShort,
  type ReplyFacts,
} from './lead-notice.ts';

const leadId = '6f1c2b9e-1d2a-4b7e-9a55-0c1d2e3f4a5b';
const base = 'https://nurture.acme.example';

const lead = (over: Partial<LeadNoticeInput['lead']> = {}): LeadNoticeInput['lead'] => ({
  id: leadId,
  email: 'jane@globex.example',
  firstName: 'Jane',
  lastName: 'Doe',
  company: 'Globex',
  title: 'Head of Operations',
  phone: '+44 20 7946 0000',
  country: 'GB',
  timeZone: 'Europe/London',
  subState: 'Other',
  humanOpens: 1,
  humanClicks: 0,
  ...over,
});

const reply = (over: Partial<ReplyFacts> = {}): ReplyFacts => ({
  text: 'Thursday at 3pm works for me.\nCall me on my mobile.',
  subject: 'Re: Quick question',
  receivedAt: new Date('2026-12-01T10:04:00Z'),
  intent: 'meeting',
  confidence: 0.97,
  evidence: ['3pm works', 'date: "Thursday at 3pm"'],
  meeting: { date: '2026-12-03', time: '15:00' },
  connectLaterDate: null,
  correctedBy: null,
  ...over,
});

const input = (over: Partial<LeadNoticeInput> = {}): LeadNoticeInput => ({
  kind: 'lead_hot',
  lead: lead({ subState: 'MeetingAccepted' }),
  from: 'engaged',
  at: new Date('2026-12-01T10:05:00Z'),
  assistant: { name: 'Alex', brochureUrl: 'https://acme.example/deck.pdf' },
  ownerName: 'Sam Seller',
  byUser: null,
  reply: reply(),
  engagement: null,
  baseUrl: base,
  ...over,
});

describe('which transitions tell the owner', () => {
  const s = (state: string, subState: string | null = null) => ({ state, subState });
  it('entering hot, responded or warm does; other states do not', () => {
    expect(leadNoticeKindOf(s('engaged'), s('hot', 'MeetingAccepted'), 'meeting_accepted')).toBe('lead_hot');
    expect(leadNoticeKindOf(s('cold'), s('responded', 'Other'), 'reply')).toBe('lead_responded');
    expect(leadNoticeKindOf(s('engaged', 'Opened'), s('warm', 'ThreeOpens'), 'human_open')).toBe('lead_warm');
    expect(leadNoticeKindOf(s('responded', 'Other'), s('hot', 'ManualHot'), 'mark_hot')).toBe('lead_hot');
    expect(leadNoticeKindOf(s('cold'), s('engaged', 'Opened'), 'human_open')).toBeNull();
    expect(leadNoticeKindOf(s('cold'), s('deactivated', 'StopRequest'), 'stop_request')).toBeNull();
    expect(leadNoticeKindOf(s('hot'), s('cold'), 'continue')).toBeNull();
    // Warm before the absence, warm again after it: nothing new happened.
    expect(leadNoticeKindOf(s('out_of_office', 'OutOfOffice'), s('warm'), 'back_in_office')).toBeNull();
  });
  it('a new reply of a responded lead is news; a correction within the same state is not', () => {
    expect(leadNoticeKindOf(s('responded', 'InfoRequest'), s('responded', 'Other'), 'reply')).toBe(
      'lead_responded',
    );
    expect(
      leadNoticeKindOf(s('responded', 'NeedsReview'), s('responded', 'InfoRequest'), 'reclassify'),
    ).toBeNull();
    expect(leadNoticeKindOf(s('responded', 'NeedsReview'), s('hot', 'MeetingAccepted'), 'reclassify')).toBe(
      'lead_hot',
    );
  });
});

describe('the email to the owner', () => {
  it('a meeting: who, the reply as written, how it was read, what to do, the links', () => {
    const { subject, body } = leadNoticeEmail(input());
    expect(subject).toBe('Hot lead: Jane Doe (Globex) wants a meeting on Thursday 3 December 2026 at 15:00');
    expect(body).toContain('Hello Sam Seller,');
    expect(body).toContain('Jane Doe (Globex) wants a meeting on Thursday 3 December 2026 at 15:00.');
    expect(body).toContain('Their reply, received 2026-12-01 10:04 UTC, "Re: Quick question":');
    expect(body).toContain('\n    Thursday at 3pm works for me.\n    Call me on my mobile.\n');
    expect(body).toContain(
      'How Alex read it: a meeting (confidence 0.97); the words that decided: "3pm works", date: "Thursday at 3pm".',
    );
    expect(body).toContain('The sequence has stopped: Alex sends Jane Doe nothing more.');
    expect(body).toMatch(/1\. Confirm the meeting with Jane within 24 hours/);
    expect(body).toContain(
      `2. When you handle it outside Nurture, say so on the lead's page: ${base}/leads/${leadId}`,
    );
    // Every step points at the lead's page in the app, never at an API call to make by hand.
    expect(body).not.toContain('POST ');
    expect(body).toContain('  Name:       Jane Doe');
    expect(body).toContain('  Title:      Head of Operations');
    expect(body).toContain('  Company:    Globex');
    expect(body).toContain('  Email:      jane@globex.example');
    expect(body).toContain('  Phone:      +44 20 7946 0000');
    expect(body).toContain('  Location:   GB, Europe/London (10:05 there when it happened)');
    expect(body).toContain('  State:      hot (MeetingAccepted), was engaged');
    expect(body).toContain(`The lead:   GET ${base}/api/v1/leads/${leadId}`);
    expect(body).toContain(`Open it:    ${base}/leads/${leadId}`);
    expect(body).toContain(`Its story:  GET ${base}/api/v1/leads/${leadId}/timeline`);
    expect(body).toContain(`PATCH ${base}/api/v1/me/notification-preferences`);
  });

  it('a meeting without a day named, and a lead with only an address', () => {
    const { subject, body } = leadNoticeEmail(
      input({
        lead: lead({
          subState: 'MeetingAccepted',
          firstName: null,
          lastName: null,
          company: null,
          title: null,
          phone: null,
          country: null,
          timeZone: null,
        }),
        reply: reply({ meeting: null, text: "Let's talk." }),
      }),
    );
    expect(subject).toBe('Hot lead: jane@globex.example agreed to meet (no day named yet)');
    expect(body).not.toMatch(/Phone:|Title:|Company:|Location:/);
  });

  it('a brochure request says the assistant answered with it, and what is left to do', () => {
    const n = input({
      kind: 'lead_responded',
      lead: lead({ subState: 'InfoRequest' }),
      reply: reply({
        text: 'Could you send me the brochure please?',
        intent: 'info_request',
        confidence: 1,
        evidence: ['you send', 'brochure please'],
        meeting: null,
      }),
    });
    const { subject, body } = leadNoticeEmail(n);
    expect(subject).toBe('Lead responded: Jane Doe (Globex) asked for the brochure or more information');
    expect(body).toContain('    Could you send me the brochure please?');
    expect(body).toContain(
      'How Alex read it: a request for information (confidence 1.00); the words that decided: "you send", "brochure please".',
    );
    expect(body).toContain(
      'The sequence has stopped. Alex answers at once with the brochure (https://acme.example/deck.pdf).',
    );
    const none = leadNoticeEmail({ ...n, assistant: { name: 'Alex', brochureUrl: null } }).body;
    expect(none).toContain('Alex has no Brochure URL, so nobody has answered yet.');
    expect(none).toContain('1. Send Jane what they asked for within 24 hours.');
  });

  it('each kind of response reads as what it is', () => {
    const responded = (subState: string, over: Partial<ReplyFacts> = {}) =>
      leadNoticeEmail(
        input({ kind: 'lead_responded', lead: lead({ subState }), reply: reply({ meeting: null, ...over }) }),
      );
    expect(
      responded('ConnectLater', { intent: 'connect_later', connectLaterDate: '2027-01-11' }).subject,
    ).toBe('Lead responded: Jane Doe (Globex) asked to be contacted again on Monday 11 January 2027');
    expect(responded('ConnectLater', { connectLaterDate: '2027-01-11' }).body).toContain(
      'Alex will check in on Monday 11 January 2027.',
    );
    expect(responded('NotInterested').subject).toBe('Lead responded: Jane Doe (Globex) is not interested');
    expect(responded('WrongPerson').subject).toBe(
      'Lead responded: Jane Doe (Globex) says they are not the right person',
    );
    expect(responded('Other').subject).toBe('Lead responded: Jane Doe (Globex) replied');
    const unsure = responded('NeedsReview', { intent: 'info_request', confidence: 0.41 });
    expect(unsure.subject).toBe(
      'Lead responded: Jane Doe (Globex) replied; the assistant is unsure what it means',
    );
    expect(unsure.body).toContain(
      'How Alex read it: not sure — it looks like a request for information (confidence 0.41), under the review threshold, so a person decides',
    );
    expect(unsure.body).toContain(`GET ${base}/api/v1/review-items`);
  });

  it('a user correction names who gave the meaning', () => {
    const { body } = leadNoticeEmail(input({ reply: reply({ correctedBy: 'Pat Admin', confidence: null }) }));
    expect(body).toContain('How it reads: a meeting, as Pat Admin corrected it.');
  });

  it('marked hot by a user', () => {
    const { subject, body } = leadNoticeEmail(
      input({ lead: lead({ subState: 'ManualHot' }), reply: null, byUser: 'Pat Admin' }),
    );
    expect(subject).toBe('Hot lead: Jane Doe (Globex) was marked hot by Pat Admin');
    expect(body).toContain('Done by Pat Admin.');
    expect(body).toContain('1. Get in touch with Jane yourself, or introduce a colleague who will.');
  });

  it('warm: the opens, or the click, and that the sequence goes on', () => {
    const opened = leadNoticeEmail(
      input({
        kind: 'lead_warm',
        lead: lead({ subState: 'ThreeOpens', humanOpens: 3 }),
        reply: null,
        engagement: {
          kind: 'open',
          at: new Date('2026-12-04T08:30:00Z'),
          url: null,
          step: 1,
          subject: 'Re: Quick question',
        },
      }),
    );
    expect(opened.subject).toBe('Warm lead: Jane Doe (Globex) opened your emails 3 times');
    expect(opened.body).toContain(
      'Opened email 2 ("Re: Quick question") on 2026-12-04 08:30 UTC: human open number 3.',
    );
    expect(opened.body).toContain('this was a person');
    expect(opened.body).toContain('The sequence goes on: Alex keeps writing to Jane Doe on schedule.');
    expect(opened.body).toContain('a good moment to call (+44 20 7946 0000)');
    expect(opened.body).toContain('  Engagement: 3 human opens, 0 clicks');
    const clicked = leadNoticeEmail(
      input({
        kind: 'lead_warm',
        lead: lead({ subState: 'Clicked', humanClicks: 1 }),
        reply: null,
        engagement: { kind: 'click', at: null, url: 'https://acme.example/pricing', step: 0, subject: null },
      }),
    );
    expect(clicked.subject).toBe('Warm lead: Jane Doe (Globex) clicked https://acme.example/pricing');
    expect(clicked.body).toContain('Clicked https://acme.example/pricing in email 1.');
  });

  it('one-line subject whatever the names hold', () => {
    const { subject } = leadNoticeEmail(
      input({
        lead: lead({ subState: 'MeetingAccepted', firstName: 'Jane\r\nBcc: x@y', company: 'Glo\nbex' }),
      }),
    );
    expect(subject).not.toMatch(/[\r\n]/);
  });
});

describe('the WhatsApp text and template parameters', () => {
  it('short: the headline, the reply, how to reach the lead, the link', () => {
    const { text, params } = leadNoticeShort(input());
    expect(text).toBe(
      [
        'Nurture — Hot lead: Jane Doe (Globex) wants a meeting on Thursday 3 December 2026 at 15:00',
        '"Thursday at 3pm works for me. Call me on my mobile."',
        'jane@globex.example, +44 20 7946 0000',
        `${base}/leads/${leadId}`,
      ].join('\n'),
    );
    expect(params).toEqual([
      'Hot lead: Jane Doe (Globex) wants a meeting on Thursday 3 December 2026 at 15:00',
      '"Thursday at 3pm works for me. Call me on my mobile." — jane@globex.example, +44 20 7946 0000',
      `${base}/leads/${leadId}`,
    ]);
    for (const p of params) expect(p).not.toMatch(/[\n\t]| {5}/);
  });

  it('warm: the counts instead of a reply', () => {
    const { text } = leadNoticeShort(
      input({
        kind: 'lead_warm',
        lead: lead({ subState: 'ThreeOpens', humanOpens: 3, phone: null }),
        reply: null,
        engagement: { kind: 'open', at: null, url: null, step: 0, subject: 'Quick question' },
      }),
    );
    expect(text).toContain('3 human opens, 0 clicks ("Quick question")');
    expect(text).toContain('\njane@globex.example\n');
  });

  it('a long reply is clipped', () => {
    const { text } = leadNoticeShort(input({ reply: reply({ text: 'word '.repeat(500) }) }));
    expect(text.length).toBeLessThan(700);
  });
});

describe('calendar dates', () => {
  it('names the weekday of the date itself', () => {
    expect(calendarDate('2026-12-03')).toBe('Thursday 3 December 2026');
    expect(calendarDate('2024-02-29')).toBe('Thursday 29 February 2024');
    expect(calendarDate('soon')).toBe('soon');
  });
});
