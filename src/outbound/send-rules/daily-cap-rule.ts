import { and, count, eq, not } from 'drizzle-orm';
import { anyUuid } from '../../db/bulk-params.ts';
import { messages } from '../../db/schema.ts';
import { type DayUsage, sendMinutes, sentInLastDay, slotFreedAt } from '../send-counts.ts';
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
    // Only a mailbox this round can fill needs its sends minute by minute (to place who waits).
    const inBatch = Map.groupBy(batch.messages, (m) => m.assistantId);
    const full = assistantIds.filter(
      (id) =>
        (usage.get(id)?.sent ?? 0) + (inBatch.get(id)?.length ?? 0) >
        (batch.assistants.get(id)?.dailyCap ?? 0),
    );
    const minutes = await sendMinutes(ctx.db, full, batch.now);
    return { usage, minutes, waiting: new Map<string, number>() };
  },
  check({ assistant }, { usage, minutes, waiting }, batch) {
    const use: DayUsage = usage.get(assistant.id) ?? { sent: 0, oldestMinute: null };
    if (use.sent >= assistant.dailyCap) {
      // Those who wait are placed on the slots as they free up, oldest first, one each: the k-th
      // waits for the k-th send of the last 24 hours to leave them (not all for the first).
      const k = waiting.get(assistant.id) ?? 0;
      waiting.set(assistant.id, k + 1);
      const nth = nthSendMinute(minutes.get(assistant.id) ?? [], k);
      // Only sends in flight (this round's or another's) fill the cap: the slot is a day away.
      const freed = nth
        ? slotFreedAt(nth).getTime()
        : use.oldestMinute
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

/** The minute of the k-th (0-based) send among per-minute counts, oldest first; null past the last. */
function nthSendMinute(counts: { minute: Date; sent: number }[], k: number): Date | null {
  let seen = 0;
  for (const c of counts) {
    seen += c.sent;
    if (k < seen) return c.minute;
  }
  return null;
}
