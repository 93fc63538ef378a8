import { describe, expect, it } from 'vitest';
import { validateVariants } from './assistant-templates.ts';
import { builtInVariants } from './built-in-templates.ts';
import { checkTemplate, findPlaceholders } from './placeholders.ts';
import {
  type AssistantFields,
  displayName,
  footerLead,
  type LeadFields,
  limits,
  type RenderInput,
  renderEmail,
} from './render-email.ts';
import { brochureAnswerText, checkInText } from './reply-texts.ts';
import { type Angle, angleOf, angles, sources, type TemplateOverrides, templateKey } from './templates.ts';

const lead: LeadFields = {
  id: '2b7e1b0a-0000-4000-8000-000000000001',
  firstName: 'Jane',
  lastName: 'Doe',
  company: 'Initech',
  title: 'CTO',
  industry: 'Fintech',
  country: 'Germany',
  source: 'event',
  context: 'SaaStr 2026',
  additionalInformation: 'We cut onboarding time in half for teams of 20 to 200 people.',
  customFields: {},
  timeZone: 'Europe/Berlin',
};
const assistant: AssistantFields = {
  name: 'Alex',
  email: 'alex@acme.test',
  signature: 'Alex Smith\nAcme Corp',
  calendarUrl: 'https://cal.example/alex',
  brochureUrl: 'https://acme.test/overview.pdf',
  proofPoints: [],
  quoteFirstEmail: true,
};
const unsubscribeUrl = 'https://n.example/u/tok';
const input = (over: Partial<RenderInput> = {}): RenderInput => ({
  lead,
  assistant,
  step: 0,
  firstStep: 0,
  scheduleLength: 7,
  isFirst: true,
  firstEmail: null,
  overrides: new Map(),
  unsubscribeUrl,
  ...over,
});
const at = (step: number, over: Partial<RenderInput> = {}) => input({ step, isFirst: step === 0, ...over });
/** What comes before the sign-off: the part a template (or an LLM) writes. */
const bodyOf = (text: string) => text.slice(0, text.indexOf('\n\nBest regards,'));
const ids = Array.from(
  { length: 20 },
  (_, i) => `0c2a${String(i).padStart(4, '0')}-1111-4000-8000-00000000000${i % 10}`,
);

describe('every source × step × variant', () => {
  for (const source of sources)
    for (let step = 0; step < 7; step++) {
      const { angle } = angleOf(step, 7);
      const variants = builtInVariants(source, angle).length;
      it(`${source} step ${step + 1} (${angle}, ${variants} variants): context, signature, unsubscribe, short, nothing unfilled`, () => {
        for (let variant = 0; variant < variants; variant++) {
          const m = renderEmail(at(step, { lead: { ...lead, source }, variant }));
          expect(findPlaceholders(m.text), m.text).toEqual([]);
          expect(m.subject).not.toMatch(/[{}\r\n]/);
          expect(m.subject.length).toBeLessThanOrEqual(limits.subject);
          expect(m.text.startsWith('Hi Jane,\n\n')).toBe(true);
          // The context is in the email itself or in the first email quoted under it.
          expect(m.text).toContain('SaaStr 2026');
          expect(m.text).toContain(
            'Best regards,\nAlex Smith\nAcme Corp\nBook a Meeting: https://cal.example/alex',
          );
          expect(m.text.endsWith(`\n--\n${footerLead}${unsubscribeUrl}\n`)).toBe(true);
          expect(bodyOf(m.text).length).toBeLessThanOrEqual(limits.body);
          expect(m.text).not.toMatch(/\n{3,}/);
          if (step > 0) expect(m.subject.startsWith('Re: ')).toBe(true);
          if (angle === 'brochure') expect(bodyOf(m.text)).toContain('https://acme.test/overview.pdf');
        }
      });
    }

  it('stays under the limit with the longest lead data', () => {
    const long = {
      ...lead,
      firstName: 'F'.repeat(300),
      company: 'C'.repeat(300),
      context: 'X '.repeat(600),
      additionalInformation: 'Long sentence here. '.repeat(200),
      industry: 'I'.repeat(300),
    };
    for (const source of sources)
      for (let step = 0; step < 7; step++) {
        const m = renderEmail(at(step, { lead: { ...long, source } }));
        expect(bodyOf(m.text).length).toBeLessThanOrEqual(limits.body);
        expect(m.subject.length).toBeLessThanOrEqual(limits.subject);
      }
  });

  it('an EmailCC lead starts at step 2: that email starts the thread, and the last step is the last try', () => {
    const cc = { ...lead, source: 'emailcc' };
    const first = renderEmail(input({ lead: cc, step: 1, firstStep: 1 }));
    expect(first.angle).toBe('value');
    expect(first.subject.startsWith('Re:')).toBe(false);
    const last = renderEmail(input({ lead: cc, step: 6, firstStep: 1, isFirst: false }));
    expect(last.angle).toBe('last_try');
    expect(last.subject).toBe(`Re: ${first.subject}`);
    expect(last.text).toContain(`> ${bodyOf(first.text).split('\n')[2]}`);
  });
});

describe('angles', () => {
  it('the first five steps take the five angles, the last step is the last try, longer schedules cycle', () => {
    const seven = Array.from({ length: 7 }, (_, s) => angleOf(s, 7).angle);
    expect(seven).toEqual(['introduction', 'value', 'proof', 'brochure', 'question', 'value', 'last_try']);
    const twenty = Array.from({ length: 20 }, (_, s) => angleOf(s, 20));
    expect(twenty[19]!.angle).toBe('last_try');
    expect(new Set(twenty.map((a) => a.angle))).toEqual(new Set(angles));
    // A repeated angle comes back with the next variant.
    expect(twenty[5]!.round).toBe(1);
    expect(twenty[8]!.round).toBe(2);
    expect(angleOf(1, 2).angle).toBe('last_try');
    expect(angleOf(0, 1).angle).toBe('introduction');
  });
});

describe('variants', () => {
  it('leads of one source get different openings and subjects; one lead always the same', () => {
    for (const source of sources) {
      const firsts = ids.map((id) => renderEmail(input({ lead: { ...lead, id, source } })));
      const openings = new Set(firsts.map((m) => m.text.split('\n')[2]));
      expect(openings.size, source).toBeGreaterThanOrEqual(3);
      expect(new Set(firsts.map((m) => m.subject)).size, source).toBeGreaterThanOrEqual(2);
    }
    const again = renderEmail(input({ lead: { ...lead, id: ids[3]! } }));
    expect(again).toEqual(renderEmail(input({ lead: { ...lead, id: ids[3]! } })));
  });

  it('follow-ups vary too, and every lead keeps one subject for the whole sequence', () => {
    const values = new Set(
      ids.map((id) => renderEmail(at(1, { lead: { ...lead, id } })).text.split('\n')[2]),
    );
    expect(values.size).toBeGreaterThanOrEqual(2);
    for (const id of ids.slice(0, 5)) {
      const first = renderEmail(input({ lead: { ...lead, id } }));
      for (let step = 1; step < 7; step++)
        expect(renderEmail(at(step, { lead: { ...lead, id } })).subject).toBe(`Re: ${first.subject}`);
    }
  });
});

describe('proof points', () => {
  const points = ['Acme cut churn by 20%.', 'Globex doubled replies.', 'Hooli saved 3 hours a week.'];
  const psOf = (text: string) => /\nPS: (.*)\n/.exec(text)?.[1] ?? null;

  it('one per email, rotating from a lead-chosen start, never repeating within a sequence', () => {
    const seven = points.concat(['Four.', 'Five.', 'Six.', 'Seven.']);
    const starts = new Set<string>();
    for (const id of ids) {
      const ps = Array.from({ length: 7 }, (_, s) =>
        psOf(
          renderEmail(at(s, { lead: { ...lead, id }, assistant: { ...assistant, proofPoints: seven } })).text,
        ),
      );
      expect(ps.every(Boolean)).toBe(true);
      expect(new Set(ps).size).toBe(7);
      starts.add(ps[0]!);
    }
    expect(starts.size).toBeGreaterThanOrEqual(3);
  });

  it('with fewer proof points than emails, the later emails get none rather than a repeat', () => {
    const ps = Array.from({ length: 7 }, (_, s) =>
      psOf(renderEmail(at(s, { assistant: { ...assistant, proofPoints: points } })).text),
    );
    expect(new Set(ps.slice(0, 3)).size).toBe(3);
    expect(ps.slice(3)).toEqual([null, null, null, null]);
    expect(
      psOf(renderEmail(input({ assistant: { ...assistant, proofPoints: points } })).text),
    ).not.toBeNull();
    expect(psOf(renderEmail(input({ assistant: { ...assistant, proofPoints: [] } })).text)).toBeNull();
  });
});

describe('custom fields and defaults', () => {
  const overrides: TemplateOverrides = new Map([
    [
      templateKey('import', 'introduction'),
      [
        {
          subject: 'For the {custom.industry_segment|your sector} teams at {company}',
          body: 'Hello {firstName},\n\nWe help {custom.industry_segment|teams like yours} in {country|your region}.\n\nOnly with a tier: {custom.tier}\n\nThanks',
        },
      ],
    ],
  ]);
  const render = (customFields: Record<string, string>, over: Partial<LeadFields> = {}) =>
    renderEmail(input({ lead: { ...lead, source: 'import', customFields, ...over }, overrides }));

  it('fills a custom field from an import column, matching its name loosely', () => {
    const m = render({ 'Industry Segment': 'Logistics', Tier: 'Gold' });
    expect(m.subject).toBe('For the Logistics teams at Initech');
    expect(m.text).toContain('We help Logistics in Germany.');
    expect(m.text).toContain('Only with a tier: Gold');
    expect(m.template).toBe('custom');
  });

  it('uses the default when the field is missing, and drops a line that has neither', () => {
    const m = render({}, { country: null });
    expect(m.subject).toBe('For the your sector teams at Initech');
    expect(m.text).toContain('We help teams like yours in your region.');
    expect(m.text).not.toContain('Only with a tier');
    expect(m.text).not.toMatch(/\n{3,}/);
    expect(findPlaceholders(m.text)).toEqual([]);
  });

  it('falls back gracefully when the lead has no name, company or information', () => {
    const m = renderEmail(
      input({
        lead: { ...lead, firstName: null, company: null, context: '', additionalInformation: '' },
        assistant: { ...assistant, signature: '', calendarUrl: null },
      }),
    );
    expect(m.text.startsWith('Hi there,\n\n')).toBe(true);
    expect(m.text).toContain('Best regards,\nAlex');
    expect(m.text).not.toContain('Book a Meeting');
    expect(m.text).not.toMatch(/\n{3,}/);
    expect(findPlaceholders(m.text)).toEqual([]);
  });
});

describe('quoting the first email', () => {
  it('quotes the first email under a follow-up, or not, per assistant', () => {
    const first = renderEmail(input());
    const on = renderEmail(at(2));
    expect(on.text).toContain('Alex <alex@acme.test> wrote:\n> Hi Jane,\n>\n');
    expect(on.text).toContain(`> ${first.text.split('\n')[2]}`);
    expect(on.text.indexOf('wrote:')).toBeGreaterThan(on.text.indexOf('Book a Meeting'));
    const off = renderEmail(at(2, { assistant: { ...assistant, quoteFirstEmail: false } }));
    expect(off.text).not.toContain('wrote:');
    expect(off.text).not.toContain('\n> ');
    expect(renderEmail(input()).text).not.toContain('wrote:');
  });

  it('quotes the first email as it was sent (whoever wrote it), dated, without its unsubscribe line', () => {
    const sent = {
      subject: 'A thought for Initech',
      text: `Hi Jane,\n\nWritten by someone else.\n\nBest regards,\nAlex\n\n--\n${footerLead}${unsubscribeUrl}\n`,
      at: new Date('2026-11-30T09:00:00Z'),
    };
    const m = renderEmail(at(3, { firstEmail: sent }));
    expect(m.subject).toBe('Re: A thought for Initech');
    expect(m.text).toContain(
      'On Mon, 30 Nov 2026, Alex <alex@acme.test> wrote:\n> Hi Jane,\n>\n> Written by someone else.',
    );
    expect(m.text.split(footerLead)).toHaveLength(2);
  });
});

describe('hostile lead data', () => {
  const evil: LeadFields = {
    ...lead,
    firstName: 'Eve\r\nBcc: spy@evil.test',
    lastName: `Mallory ${'x'.repeat(300)}`,
    company: '{firstName} Corp',
    context: 'Widgets\r\nBcc: spy2@evil.test\r\n\r\nbody',
  };

  it('cannot put a line break into the subject or the display name, nor a placeholder into the text', () => {
    for (const source of sources) {
      const m = renderEmail(input({ lead: { ...evil, source } }));
      expect(m.subject).not.toMatch(/[\r\n]/);
      expect(findPlaceholders(m.text)).toEqual([]);
      expect(m.text).not.toContain('\r');
    }
    const name = displayName(evil);
    expect(name).not.toMatch(/[\r\n]/);
    expect(name.length).toBeLessThanOrEqual(limits.displayName);
    expect(name.startsWith('Eve Bcc: spy@evil.test Mallory')).toBe(true);
    expect(displayName({ firstName: 'Zoë', lastName: 'Ñúñez 山田' })).toBe('Zoë Ñúñez 山田');
  });
});

describe('template validation', () => {
  it('names every unknown placeholder, and what is not a placeholder at all', () => {
    expect(checkTemplate('Hi {firstName}, {custom.segment|x} {company|team}')).toEqual([]);
    expect(
      checkTemplate('Hi {frstName} at {compnay} {first name} {{1}} [Your Name]').map((p) => p.text),
    ).toEqual([
      '{frstName}',
      '{compnay}',
      '{first name}',
      '{1}',
      'an unmatched "{" or "}" (placeholders are {name} or {name|default})',
      '[Your Name]',
    ]);
  });

  const refused = (step: Angle, variants: { subject?: string | null; body: string }[]) => {
    try {
      validateVariants(step, variants);
    } catch (e) {
      return e as {
        code: string;
        field: string;
        message: string;
        details: { unknownPlaceholders: string[] };
      };
    }
    throw new Error('accepted');
  };

  it('refuses a template with unknown placeholders, naming the field and the names', () => {
    const e = refused('value', [{ body: 'Hi {firstName}' }, { body: 'Hi {frstName}, about {produkt}' }]);
    expect(e.code).toBe('VALIDATION');
    expect(e.field).toBe('variants.1.body');
    expect(e.message).toContain('variants.1.body: unknown placeholders {frstName}, {produkt}');
    expect(e.details.unknownPlaceholders).toEqual(['{frstName}', '{produkt}']);
  });

  it('wants a subject on the introduction only', () => {
    expect(refused('introduction', [{ body: 'Hi' }]).field).toBe('variants.0.subject');
    expect(refused('proof', [{ subject: 'Hello', body: 'Hi' }]).field).toBe('variants.0.subject');
    expect(refused('introduction', [{ subject: 'About {produkt}', body: 'Hi' }]).message).toContain(
      '{produkt}',
    );
    expect(validateVariants('introduction', [{ subject: ' About {context} ', body: 'Hi\r\n' }])).toEqual([
      { subject: 'About {context}', body: 'Hi' },
    ]);
  });
});

describe('answers outside the sequence', () => {
  it('the brochure answer and the check-in carry the same sign-off, with Book a Meeting', () => {
    const brochure = brochureAnswerText({ lead, assistant }, 'https://acme.test/overview.pdf');
    expect(brochure.startsWith('Hi Jane,\n\n')).toBe(true);
    expect(brochure).toContain('https://acme.test/overview.pdf');
    expect(brochure).toContain(
      'Best regards,\nAlex Smith\nAcme Corp\nBook a Meeting: https://cal.example/alex',
    );
    const checkIn = checkInText({ lead: { firstName: null }, assistant });
    expect(checkIn.startsWith('Hi there,\n\n')).toBe(true);
    expect(checkIn).toContain('Book a Meeting: https://cal.example/alex');
  });
});
