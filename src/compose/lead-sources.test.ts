import { describe, expect, it } from 'vitest';
import { builtInVariants } from './built-in-templates.ts';
import { findPlaceholders } from './placeholders.ts';
import { type AssistantFields, type LeadFields, renderEmail } from './render-email.ts';
import { angleOf, type Source, sources } from './templates.ts';

// 7Targets' other lead sources (issue 10): a referral names who referred the
// lead, a social lead the platform it came from, at every step, and nothing
// is ever left unfilled whether the lead has the referrer or not.

const newSources = ['reference', 'linkedin', 'facebook', 'twitter'] as const satisfies readonly Source[];
const platform = { linkedin: 'LinkedIn', facebook: 'Facebook', twitter: 'X (Twitter)' } as const;

const lead: LeadFields = {
  id: '2b7e1b0a-0000-4000-8000-000000000009',
  firstName: 'Priya',
  lastName: 'Raman',
  company: 'Initech',
  title: 'COO',
  industry: 'Logistics',
  country: 'India',
  source: 'reference',
  context: 'route planning',
  additionalInformation: 'We cut planning time in half for fleets of 20 to 200 vehicles.',
  customFields: { 'Referred by': 'Maria Lopez' },
  timeZone: 'Asia/Kolkata',
};
const assistant: AssistantFields = {
  name: 'Alex',
  email: 'alex@acme.test',
  signature: 'Alex Smith\nAcme Corp',
  calendarUrl: 'https://cal.example/alex',
  brochureUrl: 'https://acme.test/overview.pdf',
  proofPoints: [],
  quoteFirstEmail: false,
};
const render = (source: Source, step: number, variant: number, over: Partial<LeadFields> = {}) =>
  renderEmail({
    lead: { ...lead, source, ...over },
    assistant,
    step,
    firstStep: 0,
    scheduleLength: 7,
    isFirst: step === 0,
    firstEmail: null,
    overrides: new Map(),
    unsubscribeUrl: 'https://n.example/u/tok',
    variant,
  });
const opening = (text: string) => text.split('\n\nBest regards,')[0]!;

describe('the new lead sources', () => {
  it('are sources the API and imports accept', () => {
    for (const s of newSources) expect(sources).toContain(s);
  });

  for (const source of newSources)
    it(`${source}: every step and variant renders with nothing unfilled, with and without lead data`, () => {
      for (let step = 0; step < 7; step++) {
        const { angle } = angleOf(step, 7);
        const variants = builtInVariants(source, angle).length;
        expect(variants, `${source}/${angle}`).toBeGreaterThanOrEqual(2);
        for (let variant = 0; variant < variants; variant++)
          for (const over of [
            {},
            { firstName: null, company: null, customFields: {}, context: '', additionalInformation: '' },
          ]) {
            const m = render(source, step, variant, over);
            expect(findPlaceholders(m.text), m.text).toEqual([]);
            expect(findPlaceholders(m.subject), m.subject).toEqual([]);
            expect(m.subject).not.toMatch(/\s{2,}|^\W/);
            expect(m.text).not.toMatch(/\n{3,}/);
          }
      }
    });

  it('a referral names who referred the lead, else a mutual contact, in every introduction', () => {
    for (let variant = 0; variant < 3; variant++) {
      const named = render('reference', 0, variant);
      expect(`${named.subject}\n${named.text}`).toContain('Maria Lopez');
      expect(opening(named.text)).toContain('route planning');
      const unnamed = render('reference', 0, variant, { customFields: {} });
      expect(`${unnamed.subject}\n${unnamed.text}`).toMatch(/a mutual contact|a colleague/i);
      expect(unnamed.text).not.toContain('Maria');
    }
    // The value follow-ups name the referrer too.
    for (let variant = 0; variant < 2; variant++)
      expect(render('reference', 1, variant).text).toContain('Maria Lopez');
  });

  it('a social lead hears which platform it came from, in every introduction and value follow-up', () => {
    for (const source of ['linkedin', 'facebook', 'twitter'] as const) {
      for (let variant = 0; variant < 3; variant++) {
        const m = render(source, 0, variant);
        expect(`${m.subject}\n${m.text}`, `${source} ${variant}`).toContain(platform[source]);
        expect(opening(m.text)).toContain('route planning');
      }
      for (let variant = 0; variant < 2; variant++)
        expect(render(source, 1, variant).text).toContain(platform[source]);
    }
  });

  it('each source has its own wording, not another source’s', () => {
    const intro = (s: Source) => builtInVariants(s, 'introduction').map((v) => v.body);
    const all = newSources.map((s) => intro(s).join('\n'));
    expect(new Set(all).size).toBe(newSources.length);
    for (const s of newSources) expect(intro(s)).not.toEqual(intro('api'));
  });
});
