import { sql } from 'drizzle-orm';
import { anyUuid } from '../../db/bulk-params.ts';
import { queryRows } from '../../db/database.ts';
import { defineRule } from './send-rule.ts';

const dayMs = 86_400_000;
/** The pending sub-states of an address validation could not settle (the lead is emailed, slowly). */
const unsure = ['CatchAll', 'Unverifiable'];

export const isSlowPending = (lead: { state: string; subState: string | null }): boolean =>
  lead.state === 'pending' && unsure.includes(lead.subState ?? '');

/** The most emails a mailbox sends in 24 hours to its leads at the slow rate: a share of its daily cap, at least one. */
export const pendingShare = (dailyCap: number, percent: number): number =>
  Math.max(1, Math.floor((dailyCap * percent) / 100));

/**
 * SPEC §4: a `pending` lead (catch-all or unverifiable address) is emailed at
 * a slow rate — its mailbox sends such leads at most PENDING_SHARE_PERCENT of
 * its daily cap in 24 hours, so a bad list can't burn the mailbox's
 * reputation. Counts the emails that went (or are going) to the mailbox's
 * leads still in that state; a lead a user vouched for (Force send) is `cold`
 * and no longer counted. Before the daily cap, which counts what it lets through.
 */
export const pendingShareRule = defineRule({
  name: 'pending-share',
  async prepare(ctx, batch) {
    const slow = batch.messages.filter((m) => {
      const lead = batch.leads.get(m.leadId);
      return lead !== undefined && isSlowPending(lead);
    });
    const ids = [...new Set(slow.map((m) => m.assistantId))];
    const sent = new Map<string, number[]>();
    if (!ids.length) return { sent, percent: ctx.config.PENDING_SHARE_PERCENT };
    const since = new Date(batch.now.getTime() - dayMs).toISOString();
    const batchIds = batch.messages.map((m) => m.id);
    const rows = await queryRows<{ assistant_id: string; at: string | Date }>(
      ctx.db,
      sql`SELECT m.assistant_id, coalesce(m.sent_at, m.claimed_at, ${batch.now.toISOString()}::timestamptz) AS at
          FROM leads l JOIN messages m ON m.lead_id = l.id
          WHERE ${anyUuid(sql`l.assistant_id`, ids)}
            AND l.state = 'pending' AND l.sub_state IN ('CatchAll', 'Unverifiable')
            AND ((m.status = 'sent' AND m.sent_at > ${since}::timestamptz)
              OR (m.status = 'sending' AND NOT ${anyUuid(sql`m.id`, batchIds)}))
          ORDER BY at`,
    );
    for (const r of rows) {
      const list = sent.get(String(r.assistant_id)) ?? [];
      list.push(new Date(r.at).getTime());
      sent.set(String(r.assistant_id), list);
    }
    return { sent, percent: ctx.config.PENDING_SHARE_PERCENT };
  },
  check({ lead, assistant, message }, { sent, percent }, batch) {
    if (message.kind !== 'sequence' || !isSlowPending(lead)) return null;
    const share = pendingShare(assistant.dailyCap, percent);
    const went = sent.get(assistant.id) ?? [];
    if (went.length < share) {
      went.push(batch.now.getTime());
      sent.set(assistant.id, went);
      return null;
    }
    // A place frees when the oldest of the last 24 hours' sends leaves the window; those waiting queue behind it.
    const oldest = went[went.length - share] ?? batch.now.getTime();
    const until = new Date(Math.max(batch.now.getTime() + 60_000, oldest + dayMs));
    return {
      kind: 'defer',
      until,
      reason: `The address could not be verified (${lead.subState}): ${assistant.email} sends such leads at most ${share} email(s) a day (${percent} % of its daily cap of ${assistant.dailyCap}); a user who vouches for the address can Force send`,
      evidence: {
        share,
        percent,
        dailyCap: assistant.dailyCap,
        sentInLast24h: went.length,
        subState: lead.subState,
      },
    };
  },
});
