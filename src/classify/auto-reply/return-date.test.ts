import { describe, expect, it } from 'vitest';
import { languages } from '../classification.ts';
import { extractReturnDate } from './return-date.ts';
import { devReturnDateCases } from './return-date-dev-cases.ts';

// The held-out cases (return-date-cases.ts) are deliberately not asserted
// here: scripts/score-auto-replies.ts reports them, so they stay untuned.

describe.each(languages)('development cases: %s', (lang) => {
  const cases = devReturnDateCases.filter((c) => c.lang === lang);
  it('has at least 15 cases', () => expect(cases.length).toBeGreaterThanOrEqual(15));
  it.each(cases)('$id → $expected', (c) => {
    expect(extractReturnDate(c.text, c.subject, new Date(c.date), c.timeZone).returnDate).toBe(c.expected);
  });
});

const at = (iso: string, zone = '+00:00') => ({ date: new Date(iso), zone });
const returnDate = (text: string, when: { date: Date; zone: string }, subject = '') =>
  extractReturnDate(text, subject, when.date, when.zone).returnDate;

describe('the message day is the Date header’s own day', () => {
  it('23:30 UTC on Friday is already Saturday in +02:00', () => {
    expect(returnDate('I am out today, back tomorrow.', at('2025-03-14T23:30:00Z', '+02:00'))).toBe(
      '2025-03-16',
    );
    expect(returnDate('I am out today, back tomorrow.', at('2025-03-14T23:30:00Z', '-05:00'))).toBe(
      '2025-03-15',
    );
  });
  it('accepts IANA zones', () => {
    expect(returnDate('Back tomorrow.', at('2025-03-14T23:30:00Z', 'Europe/Berlin'))).toBe('2025-03-16');
  });
});

describe('until X versus back on X', () => {
  const friday = at('2025-03-14T09:00:00Z', 'Europe/London');
  it('"until" is the last day away; the next working day is the return', () => {
    expect(returnDate('I am out of the office until Tuesday 18 March.', friday)).toBe('2025-03-19');
    expect(returnDate('I am out of the office until Friday 21 March.', friday)).toBe('2025-03-24');
  });
  it('"back on" is the return itself, even on a weekend', () => {
    expect(returnDate('I will be back on Saturday 22 March.', friday)).toBe('2025-03-22');
  });
  it('"not back until" names the return', () => {
    expect(returnDate('I will not be back until Tuesday 18 March.', friday)).toBe('2025-03-18');
  });
  it('"back on" wins over "until" in the same message', () => {
    expect(returnDate('Away until 21 March. Back on Tuesday 25 March.', friday)).toBe('2025-03-25');
  });
  it('"back on Monday" sent on a Monday is next week; "until Friday" sent on a Friday is today', () => {
    const monday = at('2025-03-17T09:00:00Z', 'Europe/London');
    expect(returnDate('Back on Monday.', monday)).toBe('2025-03-24');
    expect(returnDate('I am out until Friday.', friday)).toBe('2025-03-17');
  });
  it('the start of an absence is never the return', () => {
    expect(returnDate('I will be out of the office starting Monday 17 March.', friday)).toBeNull();
    expect(
      returnDate('Ich bin ab dem 17.03. im Urlaub.', at('2025-03-14T09:00:00Z', 'Europe/Berlin')),
    ).toBeNull();
  });
});

describe('years', () => {
  it('a year-less date is the next occurrence', () => {
    expect(returnDate('I am back on 5 January.', at('2025-12-20T09:00:00Z'))).toBe('2026-01-05');
  });
  it('a date from the last weeks is a stale auto-reply, not next year', () => {
    expect(returnDate('I am out of the office until 3 March.', at('2025-03-10T09:00:00Z'))).toBeNull();
  });
  it('an explicit past date is dropped', () => {
    expect(returnDate('I was away until 3 March 2024.', at('2025-03-10T09:00:00Z'))).toBeNull();
  });
});

describe('day/month order of numeric dates', () => {
  it('is day-first outside English', () => {
    expect(returnDate('Je serai de retour le 05/04.', at('2025-03-14T09:00:00Z', 'Europe/Paris'))).toBe(
      '2025-04-05',
    );
  });
  it('follows the zone in English: month-first in North America, day-first elsewhere', () => {
    const text = 'I will be back on 05/04/2025.';
    expect(returnDate(text, at('2025-03-14T09:00:00Z', 'America/Chicago'))).toBe('2025-05-04');
    expect(returnDate(text, at('2025-03-14T09:00:00Z', 'Europe/London'))).toBe('2025-04-05');
    expect(returnDate(text, at('2025-03-14T09:00:00Z', '-06:00'))).toBe('2025-05-04');
  });
  it('prefers the only plausible reading', () => {
    // 03/09/2025 month-first is 9 March, already past on 2 September.
    expect(returnDate('I will be back on 03/09/2025.', at('2025-09-02T09:00:00Z', 'America/New_York'))).toBe(
      '2025-09-03',
    );
  });
  it('prefers the reading a month-name date in the same text confirms', () => {
    const text = 'Returning 05/01/2010.\nI am of the office returning 5th Jan';
    expect(returnDate(text, at('2010-01-04T16:00:00-05:00', '-05:00'))).toBe('2010-01-05');
  });
});

describe('relative expressions', () => {
  const wednesday = at('2025-03-12T09:00:00Z', 'Europe/London');
  it('"next week" is its Monday', () => {
    expect(returnDate('I am travelling and back next week.', wednesday)).toBe('2025-03-17');
  });
  it('"away this week" ends on Friday', () => {
    expect(returnDate('I am away this week.', wednesday)).toBe('2025-03-17');
  });
  it('"in two weeks" and "for two weeks"', () => {
    expect(returnDate('Back in two weeks.', wednesday)).toBe('2025-03-26');
    expect(
      returnDate('Ich bin für zwei Wochen im Urlaub.', at('2025-03-12T09:00:00Z', 'Europe/Berlin')),
    ).toBe('2025-03-26');
  });
  it('"after the holidays" only means something around New Year', () => {
    expect(returnDate('Back after the holidays.', at('2025-12-22T09:00:00Z'))).toBe('2026-01-02');
    expect(returnDate('Back after the holidays.', at('2026-01-02T09:00:00Z'))).toBe('2026-01-05');
    expect(returnDate('Back after the holidays.', at('2025-08-04T09:00:00Z'))).toBeNull();
  });
});

describe('text handling', () => {
  it('ignores the quoted original message', () => {
    const text =
      'I am out of the office.\n\nOn Mon, 10 Mar 2025, Sam <sam@x.example> wrote:\n> I am back on 5 May.';
    expect(returnDate(text, at('2025-03-12T09:00:00Z'))).toBeNull();
  });
  it('reads the subject when the body has no date', () => {
    expect(returnDate('Out of office.', at('2025-03-12T09:00:00Z'), 'Away, back on 17 March')).toBe(
      '2025-03-17',
    );
  });
  it('returns the phrase as evidence', () => {
    const result = extractReturnDate(
      'Thanks. I am back on Monday 17 March.',
      '',
      new Date('2025-03-12T09:00:00Z'),
      'UTC',
    );
    expect(result).toEqual({ returnDate: '2025-03-17', evidence: 'I am back on Monday 17 March.' });
  });
  it('ignores times and amounts that look like dates', () => {
    expect(
      returnDate('Ich bin morgen um 10.30 Uhr wieder im Büro.', at('2025-03-12T09:00:00Z', '+01:00')),
    ).toBe('2025-03-13');
  });
});
