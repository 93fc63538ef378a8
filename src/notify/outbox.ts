import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { type NotificationChannel, type NotificationStatus, notifications } from '../db/schema.ts';
import type { DeliveryOutcome, NotificationRow } from './notifier.ts';

/**
 * The notifications outbox (migration 0007). Writing one is part of the
 * change it is about: `enqueueNotifications` takes the caller's transaction,
 * so what rolls back notifies nobody, and the unique (kind, source, user,
 * channel) key means the same thing never reaches the same user twice on
 * one channel, however often it is written. A worker then claims what is
 * due, delivers it through the channel's notifier and records the outcome.
 */
export type NewNotification = Pick<
  typeof notifications.$inferInsert,
  | 'orgId'
  | 'userId'
  | 'assistantId'
  | 'leadId'
  | 'kind'
  | 'channel'
  | 'sourceId'
  | 'destination'
  | 'messageId'
  | 'subject'
  | 'body'
  | 'params'
  | 'readAt'
>;

/** A Message-ID in the sending domain, made once when the notification is written (retries resend it). */
export function notificationMessageId(fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1).toLowerCase() || 'nurture.local';
  return `<notify.${randomUUID()}@${domain}>`;
}

/**
 * Write notifications, due now; those already written for the same source
 * and user are skipped. An in-app one is delivered by being written (the
 * notifications list is the app's channel): it is `sent` at once and no
 * worker claims it. Returns the new ids.
 */
export async function enqueueNotifications(tx: Db, rows: NewNotification[], now: Date): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await tx
    .insert(notifications)
    .values(
      rows.map((r) => ({
        ...r,
        status: r.channel === 'in_app' ? ('sent' as const) : ('pending' as const),
        sentAt: r.channel === 'in_app' ? now : null,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({
      target: [notifications.kind, notifications.sourceId, notifications.userId, notifications.channel],
    })
    .returning({ id: notifications.id });
  return inserted.map((r) => r.id);
}

/**
 * How long a claim holds a notification. A worker that dies mid-send leaves
 * it pending, claimable again once the lease runs out: a notification goes
 * at least once (a user may rarely get one twice; never none).
 */
export const claimLeaseMs = 5 * 60_000;

/**
 * Claim up to `limit` due notifications for this worker: FOR UPDATE SKIP
 * LOCKED, so workers claim side by side without waiting on each other, and
 * the claim (an attempt, and a lease) commits before anything is sent.
 */
export async function claimDueNotifications(
  db: Db,
  workerId: string,
  now: Date,
  limit: number,
): Promise<NotificationRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, now)))
      .orderBy(asc(notifications.nextAttemptAt), asc(notifications.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    const claimed = await tx
      .update(notifications)
      .set({
        attempts: sql`${notifications.attempts} + 1`,
        claimedBy: workerId,
        nextAttemptAt: new Date(now.getTime() + claimLeaseMs),
      })
      .where(
        inArray(
          notifications.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
    return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  });
}

/** Kinds whose body holds a one-time link (notify/account-emails.ts): blanked once delivered or given up. */
const oneTimeLinkKinds = new Set<string>(['invitation', 'password_reset']);
export const oneTimeLinkBlanked = '(This email held a one-time link; it is not kept once sent.)';

export type RetryPolicy = Pick<Config, 'NOTIFY_MAX_ATTEMPTS' | 'NOTIFY_RETRY_BASE_MS'>;

/**
 * Record what an attempt came to: sent; or tried again after a back-off that
 * doubles each attempt; or, when the failure is permanent or the attempts
 * are used up, failed for good, its last error kept. Only the claim that
 * made the attempt may record it (a claim whose lease ran out and was taken
 * over records nothing). Returns the new status, or null when it was not ours.
 */
export async function recordDelivery(
  db: Db,
  claimed: NotificationRow,
  outcome: DeliveryOutcome,
  now: Date,
  policy: RetryPolicy,
): Promise<NotificationStatus | null> {
  const ours = and(
    eq(notifications.id, claimed.id),
    eq(notifications.status, 'pending'),
    eq(notifications.attempts, claimed.attempts),
  );
  const giveUp = !outcome.ok && (outcome.permanent || claimed.attempts >= policy.NOTIFY_MAX_ATTEMPTS);
  const set = outcome.ok
    ? { status: 'sent' as const, sentAt: now, lastError: null }
    : giveUp
      ? { status: 'failed' as const, lastError: outcome.error }
      : {
          lastError: outcome.error,
          nextAttemptAt: new Date(
            now.getTime() + policy.NOTIFY_RETRY_BASE_MS * 2 ** Math.max(0, claimed.attempts - 1),
          ),
        };
  // An account email's one-time link is not kept once the email went (or never will).
  const blank =
    oneTimeLinkKinds.has(claimed.kind) && (outcome.ok || giveUp) ? { body: oneTimeLinkBlanked } : {};
  const [row] = await db
    .update(notifications)
    .set({ ...set, ...blank })
    .where(ours)
    .returning({ status: notifications.status });
  return row?.status ?? null;
}

export type NotificationFilter = {
  status?: NotificationStatus;
  channel?: NotificationChannel;
  /** Only those not read yet. */
  unread?: boolean;
  limit: number;
};

/** A user's own notifications, newest first (the API, and the app's list with `channel=in_app`). */
export async function listUserNotifications(
  db: Db,
  user: { orgId: string; userId: string },
  opts: NotificationFilter,
): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, user.orgId),
        eq(notifications.userId, user.userId),
        opts.status ? eq(notifications.status, opts.status) : undefined,
        opts.channel ? eq(notifications.channel, opts.channel) : undefined,
        opts.unread ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit);
}

/**
 * How many things the user has not read: each notification counted once,
 * whatever the channels it went by (one hot lead told by email, WhatsApp and
 * in the app is one unread thing).
 */
export async function unreadCount(db: Db, user: { orgId: string; userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT (${notifications.kind}, ${notifications.sourceId}))::int` })
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, user.orgId),
        eq(notifications.userId, user.userId),
        isNull(notifications.readAt),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Mark one of the user's notifications read, with its siblings: the same
 * kind and source on the other channels (read in the app, it is read).
 * Returns the notification, or null when the user has none by that id.
 */
export async function markNotificationRead(
  db: Db,
  user: { orgId: string; userId: string },
  id: string,
  now: Date,
): Promise<NotificationRow | null> {
  const mine = and(eq(notifications.orgId, user.orgId), eq(notifications.userId, user.userId));
  const [n] = await db
    .select()
    .from(notifications)
    .where(and(mine, eq(notifications.id, id)));
  if (!n) return null;
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        mine,
        eq(notifications.kind, n.kind),
        eq(notifications.sourceId, n.sourceId),
        isNull(notifications.readAt),
      ),
    );
  return { ...n, readAt: n.readAt ?? now };
}

/** Mark everything the user was told read. Returns how many rows changed. */
export async function markAllNotificationsRead(
  db: Db,
  user: { orgId: string; userId: string },
  now: Date,
): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.orgId, user.orgId),
        eq(notifications.userId, user.userId),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return marked.length;
}
