import type { NotificationChannel, notifications } from '../db/schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** What one attempt to deliver came to. A permanent failure is not retried. */
export type DeliveryOutcome = { ok: true; detail: string } | { ok: false; permanent: boolean; error: string };

/**
 * The narrow edge between Nurture and one way of reaching a user (SPEC §8):
 * one channel, one implementation. Email now (email-notifier.ts); WhatsApp
 * (a provider interface, the WhatsApp Cloud API) and in-app later, each a
 * Notifier of its own handed to the worker by the composition root. A
 * notifier only delivers what the outbox holds: who is told, what, and when
 * to try again are decided elsewhere (outbox.ts, deliver-notifications.ts).
 */
export type Notifier = {
  readonly channel: NotificationChannel;
  deliver(notification: NotificationRow): Promise<DeliveryOutcome>;
};
