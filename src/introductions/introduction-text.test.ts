import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import { checkIntroductionText, defaultIntroductionText, introductionBody } from './introduction-text.ts';

const lead = {
  id: 'l1',
  firstName: 'Nicole',
  lastName: 'Park',
  company: 'Globex',
  title: null,
  industry: null,
  country: null,
  source: 'event',
  context: 'the Lisbon summit',
  additionalInformation: '',
  customFields: { Segment: 'Enterprise' },
  timeZone: null,
};
const assistant = {
  name: 'Alex',
  email: 'alex@acme.test',
  signature: 'Alex\nAcme sales',
  calendarUrl: null,
  brochureUrl: null,
  proofPoints: [],
  quoteFirstEmail: false,
};
const user = { name: 'Dana Seller', email: 'dana@acme.test', phone: null };

describe('introduction text', () => {
  it('fills the lead’s, the assistant’s and the user’s placeholders, then the assistant signs off', () => {
    const body = introductionBody(
      'Hi {firstName},\nmeet {userName} ({userFirstName}, {userEmail}) about {context} for {custom.segment}.\nCall: {userPhone}\n{assistantName}',
      { lead, assistant, user },
    );
    expect(body).toBe(
      'Hi Nicole,\nmeet Dana Seller (Dana, dana@acme.test) about the Lisbon summit for Enterprise.\nAlex\n\nBest regards,\nAlex\nAcme sales\n',
    );
  });

  it('the default reads well for a lead and a user without names', () => {
    const body = introductionBody(defaultIntroductionText, {
      lead: { ...lead, firstName: null },
      assistant,
      user: { ...user, name: '' },
    });
    expect(body).toMatch(/^Hi there,/);
    expect(body).toContain('introduce you to dana@acme.test, copied on this email');
    expect(body).not.toMatch(/[{}]/);
  });

  it('refuses unknown placeholders and empty text, naming the field', () => {
    expect(() => checkIntroductionText(defaultIntroductionText, 'text')).not.toThrow();
    for (const bad of ['Meet {usrName}', 'Hi [Your Name]', '   ', 'Hi {firstName']) {
      try {
        checkIntroductionText(bad, 'introductionText');
        expect.unreachable(bad);
      } catch (e) {
        expect(isAppError(e) && e.field).toBe('introductionText');
      }
    }
  });
});
