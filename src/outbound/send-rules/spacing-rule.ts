import { and, eq, gt, inArray, max, notInArray } from 'drizzle-orm';
import { messages } from '../../db/schema.ts';
import { defineRule } from './send-rule.ts';

/**
 * Spacing between sends from one mailbox (SPEC §5.3): no two emails of an
 * assistant closer than its `sendSpacingSeconds`, so a provider never sees a
 * burst. What doesn't fit is given the next free slot, oldest first (the
 * batch is worked oldest first, and each deferral reserves its slot). The
 * last send counts sends by other rounds still in flight, as the cap does.
 */
export const spacingRule = defineRule<Map<string, number>>({
  name: 'spacing',
  async prepare(ctx, batch) {
    const spaced = [...batch.assistants.values()].filter((a) => a.sendSpacingSeconds > 0);
    const last = new Map<string, number>();
    if (!spaced.length) return last;
    const ids = spaced.map((a) => a.id);
    // Only sends within the longest spacing can hold anything back.
    const since = new Date(batch.now.getTime() - Math.max(...spaced.map((a) => a.sendSpacingSeconds)) * 1000);
    const [sent, inFlight] = await Promise.all([
      ctx.db
        .select({ assistantId: messages.assistantId, at: max(messages.sentAt) })
        .from(messages)
        .where(
          and(inArray(messages.assistantId, ids), eq(messages.status, 'sent'), gt(messages.sentAt, since)),
        )
        .groupBy(messages.assistantId),
      ctx.db
        .select({ assistantId: messages.assistantId, at: max(messages.claimedAt) })
        .from(messages)
        .where(
          and(
            inArray(messages.assistantId, ids),
            eq(messages.status, 'sending'),
            notInArray(
              messages.id,
              batch.messages.map((m) => m.id),
            ),
          ),
        )
        .groupBy(messages.assistantId),
    ]);
    for (const r of [...sent, ...inFlight]) {
      const at = r.at ? new Date(r.at).getTime() : 0;
      if (at > (last.get(r.assistantId) ?? 0)) last.set(r.assistantId, at);
    }
    return last;
  },
  check({ assistant }, last, batch) {
    const spacingMs = assistant.sendSpacingSeconds * 1000;
    if (spacingMs <= 0) return null;
    const now = batch.now.getTime();
    const previous = last.get(assistant.id);
    const slot = previous === undefined ? now : Math.max(now, previous + spacingMs);
    last.set(assistant.id, slot);
    if (slot <= now) return null;
    return {
      kind: 'defer',
      until: new Date(slot),
      reason: `${assistant.sendSpacingSeconds} s between sends from ${assistant.email}; waits for the next free slot`,
      evidence: {
        spacingSeconds: assistant.sendSpacingSeconds,
        previousSlot: new Date(previous ?? now).toISOString(),
      },
    };
  },
});
