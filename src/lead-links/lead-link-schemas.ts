import { z } from '@hono/zod-openapi';
import { idParam } from '../http/openapi-helpers.ts';
import { leadLinkActions } from './lead-link-tokens.ts';

/** Request and response shapes of the signed one-click links' routes; they also feed /api/openapi.json. */
export const LeadLinkParams = z.object({ leadId: idParam('leadId') });

export const LeadLinkBody = z
  .object({
    token: z
      .string()
      .min(10)
      .max(200)
      .openapi({ description: 'The token after `#token=` in the email link' }),
  })
  .strict();

export const LeadLinkView = z
  .object({
    action: z.enum(leadLinkActions).openapi({ description: 'What the link does' }),
    label: z.string(),
    expiresAt: z.string(),
    lead: z.object({
      id: z.uuid(),
      name: z.string(),
      company: z.string().nullable(),
      state: z.string(),
      subState: z.string().nullable(),
      atRisk: z.boolean(),
    }),
    user: z.object({ name: z.string(), email: z.string() }).openapi({ description: 'Whose action it is' }),
  })
  .openapi('LeadLinkView');
