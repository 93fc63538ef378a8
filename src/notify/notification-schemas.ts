import { z } from '@hono/zod-openapi';

/** Request and response shapes of the notification routes; they also feed /api/openapi.json. */
export const NotificationListQuery = z.object({
  status: z
    .enum(['pending', 'sent', 'failed'])
    .optional()
    .openapi({ description: 'Only notifications in this delivery status' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const Notification = z
  .object({
    id: z.uuid(),
    kind: z
      .enum(['deliverability_alert', 'lead_hot', 'lead_responded', 'lead_warm'])
      .openapi({ description: 'What it is about' }),
    channel: z.enum(['email']).openapi({ description: 'How it reaches the user' }),
    destination: z.string().openapi({ description: 'Where it went: the email address for `email`' }),
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
    sourceId: z.string().openapi({ description: 'For a deliverability alert: the alert id' }),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('Notification');
