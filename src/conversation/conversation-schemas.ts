import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { idParam } from '../http/openapi-helpers.ts';

/** Request and response shapes of the conversation routes; they also feed /api/openapi.json. */

/** A message is a person's email, not a document. */
export const maxMessageChars = 20_000;

const sendAt = z.iso.datetime({ offset: true }).openapi({
  description: 'When it goes (ISO 8601 with offset); absent: now. Must not be in the past.',
  example: '2026-12-10T09:30:00+01:00',
});

export const WriteMessageBody = z
  .object({
    text: z
      .string()
      .max(maxMessageChars)
      .refine((s) => s.trim() !== '', 'write something')
      .openapi({ description: "What to say; the assistant's sign-off and the quoted thread are added" }),
    sendAt: sendAt.nullish(),
    subject: oneLine().max(200).nullish().openapi({
      description: 'Only for a lead nothing was sent to yet; in a thread it is "Re: <thread subject>"',
    }),
  })
  .strict()
  .openapi('WriteMessage');

export const EditEmailBody = z
  .object({
    text: z
      .string()
      .max(maxMessageChars)
      .refine((s) => s.trim() !== '', 'the email needs a text')
      .nullish()
      .openapi({ description: 'The whole text, sent as written (the unsubscribe line is kept or added)' }),
    subject: oneLine().max(200).nullish(),
    sendAt: sendAt.nullish(),
  })
  .strict()
  .openapi('EditEmail');

export const OutgoingEmail = z
  .object({
    id: z.uuid(),
    leadId: z.uuid(),
    kind: z.enum(['sequence', 'manual']),
    step: z.number().int().nullable(),
    status: z.string(),
    dueAt: z.string(),
    sentAt: z.string().nullable(),
    subject: z.string().nullable(),
    text: z.string().nullable(),
    messageId: z.string(),
    inReplyTo: z.string().nullable(),
    references: z.array(z.string()),
    writtenBy: z.string().nullable(),
  })
  .openapi('OutgoingEmail');

export const ConversationItem = z
  .object({
    id: z.uuid(),
    direction: z.enum(['out', 'in']),
    at: z.string(),
    from: z.string(),
    to: z.string(),
    subject: z.string().nullable(),
    text: z.string(),
    quoted: z.string().nullable().openapi({ description: 'The quoted history under it, folded on screen' }),
    kind: z.enum(['sequence', 'manual', 'reply', 'auto_reply']),
    step: z.number().int().nullable(),
    writtenBy: z.string().nullable(),
    status: z.string(),
  })
  .openapi('ConversationItem');

export const UpcomingEmail = z
  .object({
    id: z.uuid(),
    kind: z.enum(['sequence', 'manual']),
    step: z.number().int().nullable(),
    status: z.string(),
    dueAt: z.string(),
    subject: z.string().nullable(),
    text: z.string(),
    written: z.boolean().openapi({ description: 'False: a preview, the words are written when it goes' }),
    writtenBy: z.string().nullable(),
    editable: z.boolean(),
  })
  .openapi('UpcomingEmail');

export const Conversation = z
  .object({
    assistant: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    items: z.array(ConversationItem),
    upcoming: z.array(UpcomingEmail),
  })
  .openapi('Conversation');

export const LeadMessageParam = z.object({ id: idParam(), messageId: idParam('messageId') });
