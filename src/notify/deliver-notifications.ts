import type { Ctx } from '../platform/context.ts';
import type { DeliveryOutcome, Notifier } from './notifier.ts';
import { claimDueNotifications, recordDelivery } from './outbox.ts';

/** Notifications one worker claims per round. */
export const notifyBatchSize = 25;

/**
 * One round of the worker's notification loop: claim what is due, deliver
 * each through the notifier of its channel, record the outcome. Returns how
 * many were claimed (the loop goes again at once while there is work).
 */
export async function deliverNotificationsOnce(
  ctx: Ctx,
  notifiers: readonly Notifier[],
  workerId: string,
): Promise<number> {
  const claimed = await claimDueNotifications(ctx.db, workerId, ctx.now(), notifyBatchSize);
  const byChannel = new Map(notifiers.map((n) => [n.channel, n]));
  for (const n of claimed) {
    const notifier = byChannel.get(n.channel);
    let outcome: DeliveryOutcome;
    if (!notifier) outcome = { ok: false, permanent: true, error: `No notifier for channel ${n.channel}` };
    else
      try {
        outcome = await notifier.deliver(n);
      } catch (e) {
        outcome = { ok: false, permanent: false, error: e instanceof Error ? e.message : String(e) };
      }
    const status = await recordDelivery(ctx.db, n, outcome, ctx.now(), ctx.config);
    const fields = { notificationId: n.id, kind: n.kind, channel: n.channel, attempt: n.attempts, status };
    if (outcome.ok) ctx.log.info('notification sent', fields);
    else ctx.log.warn('notification not sent', { ...fields, error: outcome.error });
  }
  return claimed.length;
}
