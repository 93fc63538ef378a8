import { z } from '@hono/zod-openapi';
import { sources } from '../compose/templates.ts';
import { oneLine } from '../http/one-line.ts';
import { idParam } from '../http/openapi-helpers.ts';
import { leadStates } from './lead-states.ts';
import { defaultPageSize, maxPageSize } from './list-leads.ts';
import { isValidAddress } from './normalise-email.ts';

/** Request and response shapes of the lead routes; they also feed /api/openapi.json. */
export const CreateLeadBody = z
  .object({
    email: oneLine()
      .trim()
      .max(254)
      .refine(isValidAddress, 'not a valid email address')
      .openapi({ example: 'jane@example.com' }),
    firstName: oneLine().max(100).nullish(),
    lastName: oneLine().max(100).nullish(),
    company: oneLine().max(200).nullish(),
    title: oneLine().max(200).nullish(),
    industry: oneLine().max(200).nullish(),
    phone: oneLine().max(50).nullish(),
    country: oneLine().max(100).nullish(),
    timeZone: oneLine()
      .max(64)
      .nullish()
      .openapi({ description: 'IANA zone; guessed from phone, country or domain when absent' }),
    source: z.enum(sources).openapi({ description: 'Where the lead came from' }),
    context: z.string().max(2000).nullish().openapi({
      description:
        "Event name, product, new value or what was discussed; defaults to the assistant's More Context",
    }),
    additionalInformation: z.string().max(5000).nullish(),
    tags: z.array(oneLine().max(50)).max(50).optional(),
    customFields: z.record(oneLine().max(64), z.string().max(2000)).optional(),
    assistantId: z.uuid().nullish(),
    ownerId: z.uuid().nullish(),
    scheduleId: z.uuid().nullish(),
    firstSendAt: z.iso
      .datetime({ offset: true })
      .nullish()
      .openapi({ description: 'Explicit first-send time; overrides the send window' }),
  })
  .strict()
  .openapi('CreateLead');

export const Lead = z
  .object({
    id: z.uuid(),
    email: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    company: z.string().nullable(),
    title: z.string().nullable(),
    industry: z.string().nullable(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    timeZone: z.string().nullable(),
    source: z.string(),
    context: z.string(),
    additionalInformation: z.string(),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.string()),
    assistantId: z.uuid(),
    ownerId: z.uuid(),
    scheduleId: z.uuid(),
    state: z.enum(leadStates),
    subState: z.string().nullable(),
    atRisk: z.boolean(),
    firstSendAt: z.string().nullable(),
    introducedAt: z.string().nullable().openapi({
      description: 'When a user was introduced (Introduce Me); the assistant stays out of its replies since',
    }),
    handledOutsideAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the owner said it is handled outside Nurture (no at-risk reminders)' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Lead');

export const TimelineItem = z
  .object({
    kind: z.enum(['event', 'message']),
    at: z.string(),
    direction: z.enum(['in', 'out']).optional(),
    type: z.string().optional(),
    reason: z.string().optional(),
    fromState: z.string().nullable().optional(),
    toState: z.string().nullable().optional(),
    evidence: z.record(z.string(), z.unknown()).nullable().optional(),
    status: z.string().optional(),
    subject: z.string().nullable().optional(),
    text: z.string().nullable().optional(),
  })
  .passthrough()
  .openapi('TimelineItem');

export const LeadIdParam = z.object({ id: idParam() });

const isoDate = z.iso.datetime({ offset: true });

export const ListLeadsQuery = z
  .object({
    state: z
      .string()
      .refine((v) => v.split(',').every((s) => (leadStates as readonly string[]).includes(s)), {
        message: `comma-separated states among ${leadStates.join(', ')}`,
      })
      .optional()
      .openapi({ example: 'hot,responded' }),
    subState: oneLine().max(50).optional(),
    source: z.enum(sources).optional(),
    assistantId: z.uuid().optional(),
    ownerId: z.uuid().optional(),
    atRisk: z.enum(['true', 'false']).optional(),
    createdFrom: isoDate.optional().openapi({ description: 'Created at or after' }),
    createdTo: isoDate.optional().openapi({ description: 'Created before' }),
    scheduledFrom: isoDate.optional().openapi({ description: 'Has an email scheduled at or after' }),
    scheduledTo: isoDate.optional().openapi({ description: 'Has an email scheduled before' }),
    q: oneLine().max(200).optional().openapi({ description: 'Text in the email, name or company' }),
    tag: oneLine()
      .max(500)
      .optional()
      .openapi({ description: 'Having every one of these tags (comma-separated)', example: 'vip,emea' }),
    notTag: oneLine()
      .max(500)
      .optional()
      .openapi({ description: 'Having none of these tags (comma-separated)', example: 'customer' }),
    cursor: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page' }),
    limit: z
      .string()
      .regex(/^\d+$/, 'a whole number')
      .refine((v) => Number(v) >= 1 && Number(v) <= maxPageSize, `from 1 to ${maxPageSize}`)
      .optional()
      .openapi({ description: `Page size, default ${defaultPageSize}` }),
  })
  .strict();

export const LeadPage = z
  .object({
    items: z.array(Lead),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as cursor for the next page; null at the end' }),
  })
  .openapi('LeadPage');
