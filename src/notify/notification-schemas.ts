import { z } from '@hono/zod-openapi';
import { oneLine } from '../http/one-line.ts';

/** Request and response shapes of the notification routes; they also feed /api/openapi.json. */
export const NotificationListQuery = z.object({
  status: z
    .enum(['pending', 'sent', 'failed'])
    .optional()
    .openapi({ description: 'Only notifications in this delivery status' }),
  channel: z
    .enum(['email', 'whatsapp', 'in_app'])
    .optional()
    .openapi({ description: "Only this channel's (the app's own list: `in_app`)" }),
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'true: only those not read yet' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const Notification = z
  .object({
    id: z.uuid(),
    kind: z
      // Account emails (invitation, password_reset) have no user, so they are never in anyone's list.
      .enum([
        'deliverability_alert',
        'lead_hot',
        'lead_responded',
        'lead_warm',
        'invitation',
        'password_reset',
        'emailcc_result',
        'lead_at_risk',
        'warm_digest',
      ])
      .openapi({ description: 'What it is about' }),
    channel: z.enum(['email', 'whatsapp', 'in_app']).openapi({
      description:
        'How it reaches the user: an email, a WhatsApp message, or this list (in_app, sent when written)',
    }),
    destination: z.string().openapi({
      description: 'Where it went: the email address, the phone number (E.164), or "app"',
    }),
    subject: z.string().openapi({
      example: 'Deliverability alert: Alex paused sending to unverified addresses',
    }),
    body: z.string(),
    status: z
      .enum(['pending', 'sent', 'failed'])
      .openapi({ description: 'pending: not delivered yet (retried with back-off); failed: given up' }),
    attempts: z.number().int(),
    lastError: z.string().nullable().openapi({ description: 'Why the last attempt failed' }),
    nextAttemptAt: z.string().nullable().openapi({ description: 'While pending: when it is tried next' }),
    assistantId: z.uuid(),
    leadId: z.uuid().nullable(),
    sourceId: z.string().openapi({
      description:
        'What it is about: for a deliverability alert the alert id; for a lead turning hot, responded or warm the id of its state_changed timeline event',
    }),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    readAt: z.string().nullable().openapi({ description: 'When the user read it (on any of its channels)' }),
  })
  .openapi('Notification');

export const NotificationList = z
  .object({
    items: z.array(Notification),
    unreadCount: z.number().int().openapi({
      description: 'Notifications not read yet, each counted once whatever channels it went by',
    }),
  })
  .openapi('NotificationList');

export const NotificationIdParam = z.object({ id: z.uuid() });

const channelSwitches = z
  .object({ email: z.boolean(), whatsapp: z.boolean(), in_app: z.boolean() })
  .openapi('NotificationChannelSwitches');

export const NotificationPreferences = z
  .object({
    phone: z.string().nullable().openapi({ description: 'Your phone for WhatsApp notifications, E.164' }),
    whatsappConfigured: z.boolean().openapi({
      description:
        "Whether this instance can send WhatsApp at all; without your phone, the lead's assistant's phone is used",
    }),
    kinds: z.object({
      lead_hot: channelSwitches,
      lead_responded: channelSwitches,
      lead_warm: channelSwitches,
      lead_at_risk: channelSwitches,
    }),
    copyTo: z.array(z.string()).openapi({
      description:
        'Team addresses that get a copy of your lead emails (without the one-click links, which act as you)',
    }),
    warmDigest: z.boolean().openapi({ description: 'A daily email listing your warm leads' }),
  })
  .openapi('NotificationPreferences');

const switchesPatch = z
  .object({ email: z.boolean(), whatsapp: z.boolean(), in_app: z.boolean() })
  .partial()
  .strict()
  .optional();

export const NotificationPreferencesPatch = z
  .object({
    phone: oneLine()
      .max(40)
      .nullable()
      .optional()
      .openapi({ description: 'E.164, e.g. +447700900123 (spaces allowed); null or "" removes it' }),
    kinds: z
      .object({
        lead_hot: switchesPatch,
        lead_responded: switchesPatch,
        lead_warm: switchesPatch,
        lead_at_risk: switchesPatch,
      })
      .strict()
      .optional()
      .openapi({
        description: 'Per kind, the channels to turn on (true) or off (false); the others stay as they are',
      }),
    copyTo: z
      .array(oneLine().max(254))
      .max(10)
      .optional()
      .openapi({ description: 'Replaces the team addresses that get a copy (at most 10); [] removes them' }),
    warmDigest: z
      .boolean()
      .optional()
      .openapi({ description: 'Turn the daily digest of warm leads on or off' }),
  })
  .strict()
  .openapi('NotificationPreferencesPatch');
