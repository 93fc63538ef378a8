import { describe, expect, it } from 'vitest';
import { compose } from './compose.ts';
import { sources } from './templates.ts';

const lead = {
  id: '2b7e1b0a-0000-4000-8000-000000000001',
  firstName: 'Jane',
  lastName: 'Doe',
  company: 'Initech',
  industry: 'Fintech',
  source: 'event',
  context: 'SaaStr 2026',
  additionalInformation: 'We cut onboarding time in half.',
};
const assistant = {
  name: 'Alex',
  signature: 'Alex Smith\nAcme Corp',
  calendarUrl: 'https://cal.example/alex',
};

describe('compose', () => {
  for (const source of sources) {
    for (let position = 0; position < 7; position++) {
      it(`renders ${source} step ${position + 1} with context, signature and unsubscribe link, no placeholder left`, () => {
        const m = compose({
          lead: { ...lead, source },
          assistant,
          position,
          unsubscribeUrl: 'https://n.example/u/tok',
        });
        expect(m.text).not.toMatch(/\{\w+\}/);
        expect(m.subject).not.toMatch(/[{}\r\n]/);
        expect(m.text).toContain('Alex Smith\nAcme Corp');
        expect(m.text).toContain('Book a Meeting: https://cal.example/alex');
        expect(m.text).toContain('https://n.example/u/tok');
        expect(m.text.startsWith('Hi Jane,')).toBe(true);
        expect(m.text.length).toBeLessThan(1200);
        if (position > 0) expect(m.subject.startsWith('Re: ')).toBe(true);
      });
    }
  }

  it('keeps one subject per sequence: follow-ups answer the first', () => {
    const first = compose({ lead, assistant, position: 0, unsubscribeUrl: 'u' });
    const third = compose({ lead, assistant, position: 2, unsubscribeUrl: 'u' });
    expect(third.subject).toBe(`Re: ${first.subject}`);
  });

  it('puts the event context into the first email of an event lead', () => {
    expect(compose({ lead, assistant, position: 0, unsubscribeUrl: 'u' }).text).toContain('SaaStr 2026');
  });

  it('never lets lead data break the subject line', () => {
    const m = compose({
      lead: { ...lead, source: 'website', context: 'Widgets\r\nBcc: spy@evil.test' },
      assistant,
      position: 0,
      unsubscribeUrl: 'u',
    });
    expect(m.subject).not.toMatch(/[\r\n]/);
  });

  it('falls back gracefully when fields are missing', () => {
    const m = compose({
      lead: {
        ...lead,
        firstName: null,
        company: null,
        industry: null,
        context: '',
        additionalInformation: '',
      },
      assistant: { name: 'Alex', signature: '', calendarUrl: null },
      position: 0,
      unsubscribeUrl: 'u',
    });
    expect(m.text.startsWith('Hi there,')).toBe(true);
    expect(m.text).toContain('Best regards,\nAlex');
    expect(m.text).not.toContain('Book a Meeting');
  });
});
