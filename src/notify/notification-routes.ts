import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { Notification, NotificationListQuery } from './notification-schemas.ts';
import type { NotificationRow } from './notifier.ts';
import { listUserNotifications } from './outbox.ts';

const security = [{ bearer: [] }];

export const listNotificationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/notifications',
  tags: ['notifications'],
  summary: "The calling user's own notifications, newest first, with their delivery status",
  security,
  request: { query: NotificationListQuery },
  responses: {
    200: json(z.object({ items: z.array(Notification) }), 'Notifications, newest first'),
    ...errorResponses,
  },
});

const notificationJson = (n: NotificationRow): z.infer<typeof Notification> => ({
  id: n.id,
  kind: n.kind,
  channel: n.channel,
  destination: n.destination,
  subject: n.subject,
  body: n.body,
  status: n.status,
  attempts: n.attempts,
  lastError: n.lastError,
  nextAttemptAt: n.status === 'pending' ? n.nextAttemptAt.toISOString() : null,
  assistantId: n.assistantId,
  leadId: n.leadId,
  sourceId: n.sourceId,
  createdAt: n.createdAt.toISOString(),
  sentAt: n.sentAt?.toISOString() ?? null,
});

export function registerNotificationRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listNotificationsRoute, async (c) => {
    const rows = await listUserNotifications(ctx.db, c.get('actor'), c.req.valid('query'));
    return c.json({ items: rows.map(notificationJson) }, 200);
  });
}
