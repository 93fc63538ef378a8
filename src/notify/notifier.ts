import type { NotificationChannel, notifications } from '../db/schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** What one attempt to deliver came to. A permanent failure is not retried. */
export type DeliveryOutcome = { ok: true; detail: string } | { ok: false; permanent: boolean; error: string };

/**
 * The narrow edge between Nurture and one way of reaching a user (SPEC §8):
 * one channel, one implementation, handed to the worker by the composition
 * root: email (email-notifier.ts) and WhatsApp (whatsapp-notifier.ts, the
 * WhatsApp Cloud API; another provider is another Notifier for the same
 * channel). In-app needs none: its rows are the app's list, sent as written.
 * A notifier only delivers what the outbox holds: who is told, what, and
 * when to try again are decided elsewhere (outbox.ts, deliver-notifications.ts).
 */
export type Notifier = {
  readonly channel: NotificationChannel;
  deliver(notification: NotificationRow): Promise<DeliveryOutcome>;
};
