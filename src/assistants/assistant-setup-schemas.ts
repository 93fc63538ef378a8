import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { Assistant } from './assistant-schemas.ts';
import { assistantLimits } from './assistant-setup.ts';

/** Request shapes of creating, editing and archiving assistants, and of their SMTP server and tests. */
const fields = {
  name: oneLine().max(assistantLimits.name).openapi({ example: 'Sam' }),
  email: oneLine().max(assistantLimits.email).openapi({
    example: 'sam@acme.example',
    description: 'The sending address; unique among live assistants',
  }),
  phone: oneLine().max(40).nullable().openapi({ description: 'E.164 (+447700900123); null or empty: none' }),
  signature: z.string().max(assistantLimits.signature),
  brochureUrl: oneLine()
    .max(assistantLimits.url)
    .nullable()
    .openapi({ description: 'http(s) link sent when a lead asks for the brochure; null or empty: none' }),
  calendarUrl: oneLine()
    .max(assistantLimits.url)
    .nullable()
    .openapi({ description: 'Shared calendar link behind "Book a Meeting"; null or empty: none' }),
  moreContext: z.string().max(assistantLimits.moreText),
  moreInformation: z.string().max(assistantLimits.moreText),
  riskReminderEveryDays: z.number().int().openapi({ description: '1 to 30' }),
  riskReminderTimes: z.number().int().openapi({ description: '0 to 20' }),
  defaultScheduleId: z.uuid().nullable(),
  defaultEmailccScheduleId: z.uuid().nullable(),
  autoActivate: z.boolean(),
  defaultLeadName: oneLine().max(assistantLimits.defaultLeadName).openapi({
    description:
      'Name for an EmailCC lead given without one. Empty: the part of the address before @, capitalised (SPEC §3)',
  }),
  emailccReservePercent: z.number().int().openapi({ description: '0 to 50' }),
};

export const CreateAssistantBody = z
  .object({
    name: fields.name,
    email: fields.email,
    phone: fields.phone.optional(),
    signature: fields.signature.optional(),
    brochureUrl: fields.brochureUrl.optional(),
    calendarUrl: fields.calendarUrl.optional(),
    moreContext: fields.moreContext.optional(),
    moreInformation: fields.moreInformation.optional(),
    riskReminderEveryDays: fields.riskReminderEveryDays.optional(),
    riskReminderTimes: fields.riskReminderTimes.optional(),
    defaultScheduleId: fields.defaultScheduleId.optional(),
    defaultEmailccScheduleId: fields.defaultEmailccScheduleId.optional(),
    autoActivate: fields.autoActivate.optional(),
    defaultLeadName: fields.defaultLeadName.optional(),
    emailccReservePercent: fields.emailccReservePercent.optional(),
  })
  .strict()
  .openapi('CreateAssistant');

export const PatchAssistantBody = CreateAssistantBody.partial().strict().openapi('PatchAssistant');

export const ListAssistantsQuery = z.object({
  archived: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: the archived assistants instead of the live ones' }),
});

export const ArchivedAssistant = Assistant.extend({
  stoppedLeads: z.number().int().openapi({ description: 'Running leads stopped by the archive' }),
}).openapi('ArchivedAssistant');

export const SmtpBody = z
  .object({
    host: oneLine().trim().min(1).max(253).openapi({ example: 'smtp.example.com' }),
    port: z.number().int().min(1).max(65_535).openapi({ example: 587 }),
    tls: z.boolean().openapi({ description: 'TLS from the first byte (465); false: STARTTLS when offered' }),
    user: oneLine().trim().max(320).nullish().openapi({ description: 'None: a relay without sign-in' }),
    password: z
      .string()
      .max(1024)
      .nullish()
      .openapi({ description: 'Stored encrypted; never returned. Left out: the saved one (same user)' }),
  })
  .strict()
  .openapi('SmtpSettings');

export const MailboxTestBody = z
  .object({
    host: oneLine().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535),
    tls: z.boolean(),
    user: oneLine().trim().min(1).max(320),
    password: z.string().max(1024).nullish().openapi({ description: 'Left out: the saved one' }),
    mailbox: oneLine().trim().max(200).nullish(),
  })
  .strict()
  .partial()
  .openapi('MailboxTest');

export const SmtpTestBody = SmtpBody.partial().openapi('SmtpTest');

export const ConnectionTestResult = z
  .object({
    ok: z.boolean(),
    message: z.string().openapi({ description: "What happened, in the server's own words when it said any" }),
  })
  .openapi('ConnectionTestResult');

/**
 * The avatar upload's form, for the OpenAPI document only: a plain schema, not
 * zod, so no form validator buffers the body; the route reads it (http/multipart-file.ts).
 */
export const AvatarBody = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    file: {
      type: 'string' as const,
      format: 'binary',
      description: 'A PNG, JPEG, WebP or GIF image (judged by its bytes), at most 512 KB and 4096 px a side',
    },
  },
};
