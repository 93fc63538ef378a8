import { and, eq, lte, sql } from 'drizzle-orm';
import { anyUuid } from '../../db/bulk-params.ts';
import { messageOpens, messages } from '../../db/schema.ts';
import {
  chooseSendMinute,
  decideSendTime,
  hhmm,
  READING_SAMPLE,
  type SendTimeChoice,
} from '../../sequences/send-time-optimization.ts';
import type { MessageRow } from '../claim-due.ts';
import type { Batch } from './send-rule.ts';
import { defineRule } from './send-rule.ts';

type Prepared = { opens: Map<string, Date[]>; sends: Map<string, Date[]> };

/**
 * Follow-up steps only: the first email has nothing to learn from, an explicit
 * time is the user's choice, and sandbox mail that ignores the window ignores
 * this too.
 */
function applies(message: MessageRow): boolean {
  return (
    message.kind === 'sequence' && !message.explicitTime && message.step !== 0 && message.inReplyTo !== null
  );
}

const push = (m: Map<string, Date[]>, k: string, d: Date | string | null) => {
  if (d) m.set(k, [...(m.get(k) ?? []), new Date(d)]);
};

/**
 * Send Time Optimization (SPEC §5.3, sequences/send-time-optimization.ts): a
 * due follow-up waits for the minute this lead usually reads mail (15–30
 * minutes before it), or, for a lead that opened none of its first three
 * emails, for a different time of day. Only human opens count (the machine
 * filter ran when they were recorded). Asked after the window and holidays,
 * so it only moves what could go now; before the rules that count what they
 * let through.
 */
export const sendTimeRule = defineRule<Prepared>({
  name: 'send-time',
  async prepare(ctx, batch: Batch) {
    const opened = new Set<string>();
    const unopened = new Set<string>();
    for (const m of batch.messages) {
      const lead = batch.leads.get(m.leadId);
      if (!lead || !applies(m)) continue;
      (lead.humanOpens > 0 ? opened : unopened).add(lead.id);
    }
    const out: Prepared = { opens: new Map(), sends: new Map() };
    if (opened.size) {
      const ranked = ctx.db
        .select({
          leadId: messageOpens.leadId,
          openedAt: messageOpens.openedAt,
          rank: sql<number>`row_number() OVER (PARTITION BY ${messageOpens.leadId} ORDER BY ${messageOpens.openedAt} DESC)`.as(
            'rank',
          ),
        })
        .from(messageOpens)
        .where(and(anyUuid(messageOpens.leadId, [...opened]), eq(messageOpens.isMachine, false)))
        .as('ranked');
      const rows = await ctx.db
        .select({ leadId: ranked.leadId, openedAt: ranked.openedAt })
        .from(ranked)
        .where(lte(ranked.rank, READING_SAMPLE));
      for (const r of rows) push(out.opens, r.leadId, r.openedAt);
    }
    if (unopened.size) {
      const rows = await ctx.db
        .select({ leadId: messages.leadId, sentAt: messages.sentAt })
        .from(messages)
        .where(
          and(
            anyUuid(messages.leadId, [...unopened]),
            eq(messages.kind, 'sequence'),
            eq(messages.status, 'sent'),
          ),
        );
      for (const r of rows) push(out.sends, r.leadId, r.sentAt);
    }
    return out;
  },
  check({ message, lead, assistant }, prepared, batch, ctx) {
    if (!applies(message)) return null;
    if (ctx.config.SANDBOX_SENDS_ANYTIME && batch.usesSandbox(assistant)) return null;
    const zone = lead.timeZone ?? 'UTC';
    const window = {
      days: assistant.sendDays,
      startMinute: assistant.sendStartMinute,
      endMinute: assistant.sendEndMinute,
    };
    const choice = chooseSendMinute({
      leadId: lead.id,
      timeZone: zone,
      window,
      humanOpens: lead.humanOpens > 0 ? (prepared.opens.get(lead.id) ?? []) : [],
      previousSends: lead.humanOpens > 0 ? [] : (prepared.sends.get(lead.id) ?? []),
    });
    if (!choice) return null;
    const decision = decideSendTime({ now: batch.now, dueAt: message.dueAt, timeZone: zone, window, choice });
    const evidence = describeChoice(choice, zone);
    if (decision.kind === 'now')
      return {
        kind: 'note',
        evidence: {
          sendTime: {
            ...evidence,
            decision:
              decision.why === 'at_time'
                ? 'sent at the chosen time'
                : "today's chosen time has passed: sent now rather than a day late",
          },
        },
      };
    const when = `${decision.day === 'today' ? '' : 'the next sending day at '}${hhmm(choice.minute)}`;
    return {
      kind: 'defer',
      until: decision.at,
      reason:
        choice.basis === 'reading_time'
          ? `Send Time Optimization: the lead usually reads mail around ${hhmm(choice.readingMinute)} (${zone}); this step waits until ${when}`
          : `Send Time Optimization: none of the first ${choice.unopened} emails was opened; trying a different time of day, ${when} instead of about ${hhmm(choice.usualMinute)} (${zone})`,
      evidence,
    };
  },
});

function describeChoice(choice: SendTimeChoice, timeZone: string): Record<string, unknown> {
  return choice.basis === 'reading_time'
    ? {
        basis: choice.basis,
        timeZone,
        observedOpens: choice.observed.map(hhmm),
        readingTime: hhmm(choice.readingMinute),
        chosen: hhmm(choice.minute),
      }
    : {
        basis: choice.basis,
        timeZone,
        unopenedEmails: choice.unopened,
        usualTime: hhmm(choice.usualMinute),
        chosen: hhmm(choice.minute),
      };
}
