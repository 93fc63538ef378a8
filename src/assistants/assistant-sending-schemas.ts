import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';
import { idParam } from '../http/openapi-helpers.ts';
import { maxDailyCap, maxSpacingSeconds } from './assistant-sending.ts';

/** Request and response shapes of the assistant sending route; they also feed /api/openapi.json. */
const minute = z.number().int().min(0).max(1440);

export const SendingBody = z
  .object({
    sendDays: z
      .array(z.number().int().min(0).max(6))
      .min(1)
      .max(7)
      .optional()
      .openapi({
        description: "Weekdays the window opens in the lead's zone, 0 = Sunday",
        example: [1, 2, 3, 4, 5],
      }),
    sendStartMinute: minute
      .optional()
      .openapi({ description: 'Window opens, minutes after local midnight', example: 480 }),
    sendEndMinute: minute
      .optional()
      .openapi({ description: 'Window closes (exclusive), minutes after local midnight', example: 1080 }),
    dailyCap: z
      .number()
      .int()
      .min(1)
      .max(maxDailyCap)
      .optional()
      .openapi({ description: 'Emails per 24 h from this mailbox' }),
    sendSpacingSeconds: z
      .number()
      .int()
      .min(0)
      .max(maxSpacingSeconds)
      .optional()
      .openapi({ description: 'Least time between two sends from this mailbox; 0 = off' }),
    timeZone: oneLine()
      .max(64)
      .nullable()
      .optional()
      .openapi({ description: 'IANA zone assumed for new leads whose zone cannot be told (null: UTC)' }),
    trackOpens: z.boolean().optional().openapi({
      description:
        'Add an open pixel (the plain text then also goes as minimal HTML); false: plain text only',
    }),
    trackClicks: z.boolean().optional().openapi({
      description:
        'Route links through signed redirects (never the unsubscribe link); false: links go direct',
    }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one setting')
  .openapi('SendingSettingsPatch');

export const SendingSettings = z
  .object({
    id: z.uuid(),
    sendDays: z.array(z.number().int()),
    sendStartMinute: z.number().int(),
    sendEndMinute: z.number().int(),
    dailyCap: z.number().int(),
    sendSpacingSeconds: z.number().int(),
    timeZone: z.string().nullable(),
    trackOpens: z.boolean(),
    trackClicks: z.boolean(),
  })
  .openapi('SendingSettings');

export const AssistantIdParam = z.object({ id: idParam() });
