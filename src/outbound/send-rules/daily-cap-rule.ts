import { and, count, eq, not } from 'drizzle-orm';
import { anyUuid } from '../../db/bulk-params.ts';
import { messages } from '../../db/schema.ts';
import { sentInLastDay, slotFreedAt } from '../send-counts.ts';
import { defineRule } from './send-rule.ts';

/**
 * The mailbox's daily cap (SPEC §5.3): emails sent in the last 24 h (per-minute
 * counts, outbound/send-counts.ts) plus those other rounds are sending right
 * now (so concurrent loops and workers don't overshoot). Runs last: what it
 * lets through is sent, so it counts it.
 */
export const dailyCapRule = defineRule({
  name: 'daily-cap',
  async prepare(ctx, batch) {
    const assistantIds = [...batch.assistants.keys()];
    const [usage, inFlight] = await Promise.all([
      sentInLastDay(ctx.db, assistantIds, batch.now),
      ctx.db
        .select({ assistantId: messages.assistantId, n: count() })
        .from(messages)
        .where(
          and(
            eq(messages.status, 'sending'),
            anyUuid(messages.assistantId, assistantIds),
            not(
              anyUuid(
                messages.id,
                batch.messages.map((m) => m.id),
              ),
            ),
          ),
        )
        .groupBy(messages.assistantId),
    ]);
    for (const f of inFlight) {
      const u = usage.get(f.assistantId) ?? { sent: 0, oldestMinute: null };
      usage.set(f.assistantId, { ...u, sent: u.sent + Number(f.n) });
    }
    return usage;
  },
  check({ assistant }, usage, batch) {
    const use = usage.get(assistant.id) ?? { sent: 0, oldestMinute: null };
    if (use.sent >= assistant.dailyCap) {
      // Only sends in flight (this round's or another's) fill the cap: the slot is a day away.
      const freed = use.oldestMinute
        ? slotFreedAt(use.oldestMinute).getTime()
        : batch.now.getTime() + 86_400_000;
      const slot = new Date(Math.max(batch.now.getTime() + 60_000, freed));
      return {
        kind: 'defer',
        until: slot,
        reason: `Daily cap of ${assistant.dailyCap} emails for ${assistant.email} reached; waits for a free slot`,
        evidence: { cap: assistant.dailyCap, sentInLast24h: use.sent },
      };
    }
    usage.set(assistant.id, { ...use, sent: use.sent + 1 });
    return null;
  },
});
