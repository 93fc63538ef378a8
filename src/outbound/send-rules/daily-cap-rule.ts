import { and, count, eq, gt, inArray, min, notInArray, or } from 'drizzle-orm';
import { messages } from '../../db/schema.ts';
import { defineRule } from './send-rule.ts';

/**
 * The mailbox's daily cap (SPEC §5.3): emails sent in the last 24 h plus
 * those other rounds are sending right now (so concurrent loops and workers
 * don't overshoot). Runs last: what it lets through is sent, so it counts it.
 */
export const dailyCapRule = defineRule({
  name: 'daily-cap',
  async prepare(ctx, batch) {
    const since = new Date(batch.now.getTime() - 86_400_000);
    const rows = await ctx.db
      .select({ assistantId: messages.assistantId, sent: count(), oldest: min(messages.sentAt) })
      .from(messages)
      .where(
        and(
          inArray(messages.assistantId, [...batch.assistants.keys()]),
          or(
            and(eq(messages.status, 'sent'), gt(messages.sentAt, since)),
            and(
              eq(messages.status, 'sending'),
              notInArray(
                messages.id,
                batch.messages.map((m) => m.id),
              ),
            ),
          ),
        ),
      )
      .groupBy(messages.assistantId);
    return new Map(
      rows.map((r) => [
        r.assistantId,
        { sent: Number(r.sent), oldest: r.oldest ? new Date(r.oldest) : null },
      ]),
    );
  },
  check({ assistant }, usage, batch) {
    const use = usage.get(assistant.id) ?? { sent: 0, oldest: null };
    if (use.sent >= assistant.dailyCap) {
      const slot = new Date(
        Math.max(batch.now.getTime() + 60_000, (use.oldest?.getTime() ?? batch.now.getTime()) + 86_400_000),
      );
      return {
        kind: 'defer',
        until: slot,
        reason: `Daily cap of ${assistant.dailyCap} emails for ${assistant.email} reached; waits for a free slot`,
        evidence: { cap: assistant.dailyCap, sentInLast24h: use.sent },
      };
    }
    use.sent++;
    usage.set(assistant.id, use);
    return null;
  },
});
