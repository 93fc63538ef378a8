import { eq, inArray, sql } from 'drizzle-orm';
import { assistants, messages } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { type EventInput, recordEvents } from '../timeline/record-event.ts';
import { claimOrphanedSends } from './claim-due.ts';
import { claimsInHand } from './held-outcomes.ts';
import { completeFinishedSequences } from './record-outcomes.ts';
import { countSends } from './send-counts.ts';
import type { SenderRegistry } from './sender-registry.ts';

/**
 * A worker that died (or lost the database for longer than
 * WORKER_STALE_AFTER_MS) leaves messages in `sending`. How far each got is on
 * its row (`transmission`, written by transmit.ts before and after the mail
 * server had it): never handed over → back to `scheduled` (sending it now
 * cannot double it); the server had answered 250 → `sent`; it had refused →
 * `scheduled`, tried again. Only one on the wire at the death is asked of the
 * transport: delivered → `sent`; not delivered → `scheduled`; cannot tell →
 * `uncertain`, never re-sent automatically (at most once), listed for a human
 * to retry (unsent-emails.ts). An `uncertain` keeps its claimer, so a worker
 * that was only cut off can still settle it with what it knows. Returns how
 * many were reconciled.
 */
export async function reconcileInterrupted(
  ctx: Ctx,
  senders: SenderRegistry,
  workerId: string,
): Promise<number> {
  const staleBefore = new Date(ctx.now().getTime() - ctx.config.WORKER_STALE_AFTER_MS);
  const orphans = await claimOrphanedSends(ctx.db, workerId, staleBefore, 500, claimsInHand(workerId));
  if (!orphans.length) return 0;
  const assistantRows = await ctx.db
    .select()
    .from(assistants)
    .where(inArray(assistants.id, [...new Set(orphans.map((o) => o.assistantId))]));
  const assistantById = new Map(assistantRows.map((a) => [a.id, a]));
  const results = await Promise.all(
    orphans.map(async (m) => {
      if (m.transmission === null || m.transmission === 'refused') return false;
      if (m.transmission === 'accepted') return true;
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
      const who = { worker: m.claimer, step: m.step, transmission: m.transmission };
      const at = m.claimerAt ?? ctx.now();
      if (r === true) {
        await tx
          .update(messages)
          .set({ status: 'sent', sentAt: at, claimedBy: workerId })
          .where(eq(messages.id, m.id));
        delivered.push(m.leadId);
        sends.push({ assistantId: m.assistantId, at });
        events.push({
          ...base,
          type: 'message_sent',
          reason:
            m.transmission === 'accepted'
              ? 'Sent by a worker that stopped before recording it; the mail server had accepted it'
              : 'Sent by a worker that stopped; delivery confirmed by the mail server',
          evidence: { ...who, smtp: m.smtpResponse },
        });
      } else if (r === false) {
        // Never handed over: the claim was not an attempt to send.
        await tx
          .update(messages)
          .set({
            status: 'scheduled',
            claimedBy: null,
            transmission: null,
            attempts: m.transmission === null ? sql`${messages.attempts} - 1` : messages.attempts,
          })
          .where(eq(messages.id, m.id));
        events.push({
          ...base,
          type: 'send_deferred',
          reason:
            m.transmission === null
              ? 'A worker stopped before handing this email to the mail server; it will be sent again'
              : m.transmission === 'refused'
                ? 'A worker stopped after the mail server refused this email; it will be tried again'
                : 'A worker stopped before this email reached the mail server; it will be sent again',
          evidence: who,
        });
      } else {
        await tx
          .update(messages)
          .set({
            status: 'uncertain',
            lastError: 'worker stopped mid-send; delivery unknown',
            claimedBy: m.claimer,
          })
          .where(eq(messages.id, m.id));
        events.push({
          ...base,
          type: 'send_uncertain',
          reason:
            'A worker stopped while this email was with the mail server, which cannot confirm delivery; not re-sent automatically (listed under unsent emails to retry)',
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
