import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { messages } from '../db/schema.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import type { Schedule } from '../schedules/schedules.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { addLocalDays } from './send-window.ts';

/**
 * Message-IDs are made when a step is planned, so follow-ups can thread under
 * the first email before it is sent, and so the lead's reply token rides in
 * every id (a reply whose In-Reply-To we can't find still matches by token).
 */
export function newMessageId(replyToken: string, senderAddress: string): string {
  const domain = senderAddress.split('@')[1]?.toLowerCase() || 'nurture.local';
  return `<${randomUUID()}.${replyToken}@${domain}>`;
}

/**
 * Plan the lead's sequence from `fromIndex` of the schedule: one `scheduled`
 * message per step, due on its day offset from `base` at the same local time in
 * the lead's zone. The window check happens at dispatch, except for an explicit
 * first-send time, which overrides it (SPEC §2).
 */
export async function planSequence(
  tx: Db,
  lead: LeadRow,
  schedule: Schedule,
  opts: { base: Date; explicitFirst: boolean; fromIndex?: number; senderAddress: string; reason: string },
): Promise<void> {
  const start = opts.fromIndex ?? schedule.startsAtStep;
  const steps = schedule.steps.slice(start);
  if (!steps.length) return;
  const zone = lead.timeZone ?? 'UTC';
  const firstOffset = steps[0]!;
  const threadRoot = newMessageId(lead.replyToken, opts.senderAddress);
  const rows = steps.map((offset, i) => {
    const messageId = i === 0 ? threadRoot : newMessageId(lead.replyToken, opts.senderAddress);
    return {
      orgId: lead.orgId,
      leadId: lead.id,
      assistantId: lead.assistantId,
      kind: 'sequence' as const,
      step: start + i,
      status: 'scheduled' as const,
      dueAt: addLocalDays(opts.base, offset - firstOffset, zone),
      explicitTime: i === 0 && opts.explicitFirst,
      messageId,
      inReplyTo: i === 0 ? null : threadRoot,
      references: i === 0 ? [] : [threadRoot],
    };
  });
  await tx.insert(messages).values(rows);
  await recordEvent(tx, {
    orgId: lead.orgId,
    leadId: lead.id,
    type: 'steps_scheduled',
    actorType: 'assistant',
    reason: opts.reason,
    evidence: {
      schedule: schedule.name,
      steps: rows.map((r) => ({ step: r.step, dueAt: r.dueAt.toISOString() })),
      timeZone: zone,
    },
  });
}
