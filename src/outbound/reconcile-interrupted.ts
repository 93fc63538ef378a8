import { eq, inArray } from 'drizzle-orm';
import { assistants, messages } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { type EventInput, recordEvents } from '../timeline/record-event.ts';
import { claimOrphanedSends } from './claim-due.ts';
import { completeFinishedSequences } from './record-outcomes.ts';
import { countSends } from './send-counts.ts';
import type { SenderRegistry } from './sender-registry.ts';

/**
 * A worker that died mid-send leaves messages in `sending`. Whether each one
 * reached the mail server is asked of the transport: delivered → `sent`; not
 * delivered → back to `scheduled` (sending it again cannot double it); cannot
 * tell → `uncertain`, never re-sent automatically (at most once), listed for a
 * human to retry. Returns how many were reconciled.
 */
export async function reconcileInterrupted(
  ctx: Ctx,
  senders: SenderRegistry,
  workerId: string,
): Promise<number> {
  const staleBefore = new Date(ctx.now().getTime() - ctx.config.WORKER_STALE_AFTER_MS);
  const orphans = await claimOrphanedSends(ctx.db, workerId, staleBefore, 500);
  if (!orphans.length) return 0;
  const assistantRows = await ctx.db
    .select()
    .from(assistants)
    .where(inArray(assistants.id, [...new Set(orphans.map((o) => o.assistantId))]));
  const assistantById = new Map(assistantRows.map((a) => [a.id, a]));
  const results = await Promise.all(
    orphans.map(async (m) => {
      try {
        return await senders.senderFor(assistantById.get(m.assistantId)!).wasDelivered(m.messageId);
      } catch {
        return 'unknown' as const;
      }
    }),
  );
  const events: EventInput[] = [];
  const delivered: string[] = [];
  const sends: { assistantId: string; at: Date }[] = [];
  await ctx.db.transaction(async (tx) => {
    for (const [i, m] of orphans.entries()) {
      const r = results[i];
      const base = { orgId: m.orgId, leadId: m.leadId, actorType: 'system' as const, messageId: m.id };
      const who = { worker: m.claimedBy, step: m.step };
      if (r === true) {
        await tx
          .update(messages)
          .set({ status: 'sent', sentAt: m.claimedAt ?? ctx.now(), claimedBy: workerId })
          .where(eq(messages.id, m.id));
        delivered.push(m.leadId);
        sends.push({ assistantId: m.assistantId, at: m.claimedAt ?? ctx.now() });
        events.push({
          ...base,
          type: 'message_sent',
          reason: 'Sent by a worker that stopped; delivery confirmed by the mail server',
          evidence: who,
        });
      } else if (r === false) {
        await tx.update(messages).set({ status: 'scheduled', claimedBy: null }).where(eq(messages.id, m.id));
        events.push({
          ...base,
          type: 'send_deferred',
          reason: 'A worker stopped before this email reached the mail server; it will be sent again',
          evidence: who,
        });
      } else {
        await tx
          .update(messages)
          .set({ status: 'uncertain', lastError: 'worker stopped mid-send; delivery unknown' })
          .where(eq(messages.id, m.id));
        events.push({
          ...base,
          type: 'send_uncertain',
          reason:
            'A worker stopped mid-send and the mail server cannot confirm delivery; not re-sent automatically (retry by hand if needed)',
          evidence: who,
        });
      }
    }
    await recordEvents(tx, events);
    await completeFinishedSequences(tx, [...new Set(delivered)]);
    await countSends(tx, sends);
  });
  ctx.log.warn('reconciled interrupted sends', { count: orphans.length, workerId });
  return orphans.length;
}
