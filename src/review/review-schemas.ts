import { z } from '@hono/zod-openapi';
import { intents } from '../classify/classification.ts';
import { idParam } from '../http/openapi-helpers.ts';

export const IdParam = z.object({ id: idParam() });
export const IntentBody = z.object({ intent: z.enum(intents) }).strict();
export const CorrectionBody = z.object({ inboundMessageId: z.uuid(), intent: z.enum(intents) }).strict();

export const ReviewItem = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    leadEmail: z.string(),
    inboundMessageId: z.uuid(),
    suggestedIntent: z.string(),
    confidence: z.number(),
    reason: z.string().nullable().openapi({
      description:
        'Why it is here when it is not the classifier’s doubt: `dmarc_fail`, a reply matched only by its sender’s address whose sender failed DMARC (it changed nothing)',
    }),
    text: z.string().nullable().openapi({ description: 'The reply’s own words (quotes and signature cut)' }),
    subject: z.string().nullable(),
    from: z.string().nullable(),
    receivedAt: z.string(),
    evidence: z
      .array(z.string())
      .openapi({ description: 'What the classifier went by: the phrases and headers behind its guess' }),
    lead: z.object({
      email: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      company: z.string().nullable(),
      state: z.string(),
      subState: z.string().nullable(),
    }),
    createdAt: z.string(),
  })
  .passthrough()
  .openapi('ReviewItem');

export const Correction = z
  .object({
    id: z.uuid(),
    leadId: z.uuid().nullable(),
    inboundMessageId: z.uuid().nullable(),
    text: z.string(),
    predictedIntent: z.string().nullable(),
    intent: z.string(),
    createdAt: z.string(),
    undoneAt: z.string().nullable(),
  })
  .passthrough()
  .openapi('Correction');
