import { z } from '@hono/zod-openapi';
import { Lead } from '../leads/lead-schemas.ts';
import { maxIntroductionChars } from './introduction-text.ts';

/** Request and response shapes of Introduce Me; they also feed /api/openapi.json. */
export const IntroduceBody = z
  .object({
    text: z.string().max(maxIntroductionChars).optional().openapi({
      description:
        'This email’s text, placeholders allowed ({firstName}, {company}, {assistantName}, {userName}, {userEmail}, {userPhone}, {custom.<column>}); absent: your introduction text (profile), else the default',
    }),
  })
  .strict()
  .openapi('IntroduceBody');

const Address = z.object({ name: z.string(), address: z.string() });

export const IntroductionDraft = z
  .object({
    to: Address,
    cc: z.array(Address).openapi({ description: 'The user introduced, copied' }),
    replyTo: z.array(Address).openapi({ description: 'Answers reach the assistant and the user' }),
    subject: z.string(),
    text: z.string().openapi({
      description: 'As it goes, with the assistant’s sign-off (the unsubscribe line is added when sent)',
    }),
    inReplyTo: z.string().nullable().openapi({ description: 'The latest message of the lead’s thread' }),
    references: z.array(z.string()),
    textFrom: z.enum(['request', 'profile', 'default']),
  })
  .openapi('IntroductionDraft');

export const Introduction = z
  .object({
    lead: Lead,
    message: z.object({
      id: z.uuid(),
      messageId: z.string(),
      status: z.string(),
      dueAt: z.string(),
    }),
    email: IntroductionDraft,
  })
  .openapi('Introduction');
