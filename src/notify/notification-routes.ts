import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../errors/app-error.ts';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { getNotificationPreferences, updateNotificationPreferences } from './notification-preferences.ts';
import {
  Notification,
  NotificationIdParam,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  NotificationPreferencesPatch,
} from './notification-schemas.ts';
import type { NotificationRow } from './notifier.ts';
import {
  listUserNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unreadCount,
} from './outbox.ts';

const security = [{ bearer: [] }];

export const listNotificationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/notifications',
  tags: ['notifications'],
  summary: "The calling user's own notifications, newest first, with their delivery status and unread count",
  description:
    "Every channel's row: an email, a WhatsApp message, and the in-app one (`channel=in_app` is the app's own list). `unreadCount` counts each notification once, whatever channels it went by.",
  security,
  request: { query: NotificationListQuery },
  responses: {
    200: json(NotificationList, 'Notifications, newest first'),
    ...errorResponses,
  },
});

export const readNotificationRoute = createRoute({
  method: 'post',
  path: '/api/v1/notifications/{id}/read',
  tags: ['notifications'],
  summary: 'Mark one of your notifications read (with its rows on the other channels)',
  security,
  request: { params: NotificationIdParam },
  responses: { 200: json(Notification, 'The notification, read'), ...errorResponses },
});

export const readAllNotificationsRoute = createRoute({
  method: 'post',
  path: '/api/v1/notifications/read-all',
  tags: ['notifications'],
  summary: 'Mark all your notifications read',
  security,
  responses: {
    200: json(
      z.object({ marked: z.number().int(), unreadCount: z.number().int() }),
      'How many were marked read',
    ),
    ...errorResponses,
  },
});

export const getPreferencesRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/notification-preferences',
  tags: ['notifications'],
  summary: 'What you are told about your leads, and how: per kind (hot, responded, warm), per channel',
  security,
  responses: { 200: json(NotificationPreferences, 'Your switches and phone'), ...errorResponses },
});

export const patchPreferencesRoute = createRoute({
  method: 'patch',
  path: '/api/v1/me/notification-preferences',
  tags: ['notifications'],
  summary: 'Turn channels on or off per kind, and set your phone for WhatsApp',
  description:
    "Every switch is on until turned off. WhatsApp goes to your phone (else to the phone of the lead's assistant) when the instance has WhatsApp configured.",
  security,
  request: {
    body: { content: { 'application/json': { schema: NotificationPreferencesPatch } }, required: true },
  },
  responses: { 200: json(NotificationPreferences, 'Your switches and phone now'), ...errorResponses },
});

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

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
  sentAt: iso(n.sentAt),
  readAt: iso(n.readAt),
});

export function registerNotificationRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listNotificationsRoute, async (c) => {
    const actor = c.get('actor');
    const rows = await listUserNotifications(ctx.db, actor, c.req.valid('query'));
    return c.json({ items: rows.map(notificationJson), unreadCount: await unreadCount(ctx.db, actor) }, 200);
  });
  app.openapi(readAllNotificationsRoute, async (c) => {
    const actor = c.get('actor');
    const marked = await markAllNotificationsRead(ctx.db, actor, ctx.now());
    return c.json({ marked, unreadCount: await unreadCount(ctx.db, actor) }, 200);
  });
  app.openapi(readNotificationRoute, async (c) => {
    const { id } = c.req.valid('param');
    const n = await markNotificationRead(ctx.db, c.get('actor'), id, ctx.now());
    if (!n) throw new AppError('NOT_FOUND', `No notification ${id} of yours`, { field: 'id' });
    return c.json(notificationJson(n), 200);
  });
}

/** /api/v1/me/notification-preferences: the calling user's own switches and phone. */
export function registerNotificationPreferenceRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(getPreferencesRoute, async (c) =>
    c.json(await getNotificationPreferences(ctx.db, ctx.config, c.get('actor')), 200),
  );
  app.openapi(patchPreferencesRoute, async (c) =>
    c.json(await updateNotificationPreferences(ctx.db, ctx.config, c.get('actor'), c.req.valid('json')), 200),
  );
}
