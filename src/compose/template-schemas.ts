import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { idParam } from '../http/openapi-helpers.ts';
import { angles, sources } from './templates.ts';

/** Request and response shapes of the template routes; they also feed /api/openapi.json. */

export const TemplatePairParam = z.object({
  id: idParam(),
  source: z.enum(sources).openapi({ param: { name: 'source', in: 'path' } }),
  step: z.enum(angles).openapi({ param: { name: 'step', in: 'path' }, description: 'The angle of the step' }),
});

const VariantIn = z
  .object({
    subject: oneLine()
      .max(150)
      .nullish()
      .openapi({ description: 'Only for the introduction (follow-ups answer it with "Re:")' }),
    body: z.string().min(1).max(2000).openapi({
      description:
        'Plain text with placeholders {firstName}, {company|your team}, {custom.industry_segment|default}; a line whose placeholder has no value and no default is left out',
      example:
        'Hi {firstName},\n\nThank you for stopping by at {context|the event}.\n\n{additionalInformation}',
    }),
  })
  .strict();

export const TemplateBody = z
  .object({ variants: z.array(VariantIn).min(1).max(10) })
  .strict()
  .openapi('TemplateVariants');

const Variant = z.object({ variant: z.number().int(), subject: z.string().nullable(), body: z.string() });

export const TemplateEntry = z
  .object({
    source: z.enum(sources),
    step: z.enum(angles),
    custom: z.boolean().openapi({ description: "The assistant's own wording (false: built-in)" }),
    updatedAt: z.string().nullable(),
    variants: z.array(Variant),
    builtIn: z.array(Variant).openapi({ description: 'The built-in wording, whether or not it is in use' }),
  })
  .openapi('TemplateEntry');

export const TemplateList = z
  .object({
    items: z.array(TemplateEntry),
    placeholders: z.array(z.string()),
    proofPoints: z.array(z.string()),
    quoteFirstEmail: z.boolean(),
  })
  .openapi('Templates');

export const PreviewBody = z
  .object({
    leadId: z
      .uuid()
      .optional()
      .openapi({ description: 'Preview for this lead, exactly as it would be sent' }),
    lead: z
      .object({
        firstName: oneLine().max(100).nullish(),
        lastName: oneLine().max(100).nullish(),
        company: oneLine().max(200).nullish(),
        title: oneLine().max(200).nullish(),
        industry: oneLine().max(200).nullish(),
        country: oneLine().max(100).nullish(),
        timeZone: oneLine().max(64).nullish(),
        context: z.string().max(2000).nullish(),
        additionalInformation: z.string().max(5000).nullish(),
        customFields: z.record(oneLine().max(64), z.string().max(2000)).optional(),
      })
      .strict()
      .optional()
      .openapi({ description: 'Lead fields to preview with, when there is no leadId' }),
    source: z
      .enum(sources)
      .optional()
      .openapi({ description: "Required without leadId; default the lead's" }),
    step: z
      .union([z.number().int().min(0).max(19), z.enum(angles)])
      .openapi({ description: 'A step of the schedule (0 = the first email) or an angle' }),
    variant: z.number().int().min(0).max(9).optional(),
    template: VariantIn.optional().openapi({ description: 'Unsaved wording to try (validated like a save)' }),
  })
  .strict()
  .openapi('PreviewRequest');

export const PreviewResult = z
  .object({
    subject: z.string(),
    text: z.string(),
    source: z.enum(sources),
    step: z.number().int(),
    angle: z.enum(angles),
    variant: z.number().int(),
    template: z.enum(['built_in', 'custom', 'draft']),
    proofPoint: z.number().int().nullable(),
    composer: z.literal('template'),
  })
  .openapi('Preview');

export const ProofPointsBody = z
  .object({
    proofPoints: z.array(z.string().max(300)).max(20).openapi({
      description: 'Short success stories; each email of a sequence gets a different one as "PS:"',
    }),
  })
  .strict()
  .openapi('ProofPoints');

export const QuoteFirstEmailBody = z
  .object({
    quoteFirstEmail: z.boolean().openapi({ description: 'Follow-ups quote the first email under them' }),
  })
  .strict()
  .openapi('QuoteFirstEmail');
