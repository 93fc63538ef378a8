import { sql } from 'drizzle-orm';
import { anyUuid } from '../../db/bulk-params.ts';
import { queryRows } from '../../db/database.ts';
import { keepGapsSlackMs } from '../../sequences/keep-step-gaps.ts';
import { addLocalDays } from '../../sequences/send-window.ts';
import { defineRule } from './send-rule.ts';

type Previous = {
  id: string;
  prev_step: number;
  status: string;
  due_at: string | Date;
  went_at: string | Date | null;
  gap: number | null;
  time_zone: string | null;
};

/**
 * SPEC §5.1: a follow-up never goes before the step ahead of it in its run
 * has gone, nor sooner after it than the schedule's gap (in the lead's local
 * days, less keep-step-gaps' slack). keep-step-gaps.ts moves later steps when
 * a step goes late, so normally this rule has nothing to say; it holds what
 * any other path made due too early — a backlog behind a small daily cap
 * (both steps of a lead due at once), a release of held emails, a send a
 * restart reconciled.
 */
export const stepGapRule = defineRule<Map<string, Previous>>({
  name: 'step-gap',
  async prepare(ctx, batch) {
    const followUps = batch.messages
      .filter((m) => m.kind === 'sequence' && (m.step ?? 0) > 0)
      .map((m) => m.id);
    if (!followUps.length) return new Map();
    // The latest earlier step of each follow-up's run that is still to go, going, or gone.
    const rows = await queryRows<Previous>(
      ctx.db,
      sql`SELECT DISTINCT ON (c.id) c.id, p.step AS prev_step, p.status, p.due_at,
            coalesce(p.sent_at, p.claimed_at) AS went_at,
            (sc.steps->>c.step)::int - (sc.steps->>p.step)::int AS gap, l.time_zone
          FROM messages c
          JOIN leads l ON l.id = c.lead_id
          JOIN schedules sc ON sc.id = l.schedule_id
          JOIN messages p ON p.lead_id = c.lead_id AND p.kind = 'sequence' AND p.step < c.step
            AND p.status IN ('scheduled', 'sending', 'sent', 'uncertain')
            AND coalesce(p.in_reply_to, p.message_id) = coalesce(c.in_reply_to, c.message_id)
          WHERE ${anyUuid(sql`c.id`, followUps)}
          ORDER BY c.id, p.step DESC`,
    );
    return new Map(rows.map((r) => [String(r.id), r]));
  },
  check({ message }, previous, batch) {
    const p = previous.get(message.id);
    if (!p) return null;
    const zone = p.time_zone ?? 'UTC';
    const gap = p.gap === null ? null : Math.max(0, Number(p.gap));
    const now = batch.now.getTime();
    const step = `Step ${(message.step ?? 0) + 1}`;
    const prev = `step ${Number(p.prev_step) + 1}`;
    if (p.status === 'scheduled' || p.status === 'sending') {
      const from = new Date(Math.max(new Date(p.due_at).getTime(), now));
      const until = gap === null ? new Date(now + 3_600_000) : addLocalDays(from, gap, zone);
      return {
        kind: 'defer',
        until: until.getTime() > now ? until : new Date(now + 60_000),
        reason: `${step} waits for ${prev}, which has not gone yet, and then the schedule's gap after it`,
        evidence: { waitsFor: Number(p.prev_step), gapDays: gap, timeZone: zone },
      };
    }
    if (gap === null || p.went_at === null) return null;
    const went = new Date(p.went_at);
    const earliest = addLocalDays(went, gap, zone);
    if (earliest.getTime() - keepGapsSlackMs <= now) return null;
    return {
      kind: 'defer',
      until: earliest,
      reason: `${step} keeps the schedule's ${gap}-day gap after ${prev} (sent ${went.toISOString()})`,
      evidence: { after: Number(p.prev_step), sentAt: went.toISOString(), gapDays: gap, timeZone: zone },
    };
  },
});
