import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { leads, messages } from '../db/schema.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import type { Schedule } from '../schedules/schedules.ts';
import { type Cause, recordEvent } from '../timeline/record-event.ts';
import { addLocalDays } from './send-window.ts';
import { usersFirstEmailOf } from './users-first-email.ts';

/**
 * Message-IDs are made when a step is planned, so follow-ups can thread under
 * the first email before it is sent, and so the lead's reply token rides in
 * every id (a reply whose In-Reply-To we can't find still matches by token).
 */
export function newMessageId(replyToken: string, senderAddress: string): string {
  const domain = senderAddress.split('@')[1]?.toLowerCase() || 'nurture.local';
  return `<${randomUUID()}.${replyToken}@${domain}>`;
}

type MessageRow = typeof messages.$inferSelect;

/** Statuses of a step that has gone, or may have: re-planning or continuing never repeats it. */
export const goneStatuses: ReadonlySet<string> = new Set(['sent', 'sending', 'uncertain', 'failed']);

/**
 * The messages of the lead's current run of its sequence: those threaded under
 * the run's first email (a restart starts a new thread; continuing keeps it).
 * For leads planned before the root was remembered: every one not cancelled.
 */
export function runMessages(lead: LeadRow, sequenceMessages: MessageRow[]): MessageRow[] {
  const root = lead.planThreadRoot;
  if (!root) return sequenceMessages.filter((m) => m.status !== 'cancelled');
  return sequenceMessages.filter((m) => m.messageId === root || m.inReplyTo === root);
}

/**
 * Plan the lead's sequence from `fromIndex` of the schedule: one `scheduled`
 * message per step, due on its day offset from `base` at the same local time in
 * the lead's zone. The window check happens at dispatch, except for an explicit
 * first-send time, which overrides it (SPEC §2). Follow-ups thread under the
 * first email, or under `threadRoot` when continuing a thread already started.
 * The lead remembers where this run counts from, so a schedule edit can
 * re-plan what remains (src/schedules/replan-leads.ts).
 *
 * A lead whose first email a user wrote (EmailCC: users-first-email.ts) goes
 * on in that email's thread, its steps timed from when it was written (never
 * before `base`: a lead that waited for capacity starts now, gaps kept).
 */
export async function planSequence(
  tx: Db,
  lead: LeadRow,
  schedule: Schedule,
  opts: {
    base: Date;
    explicitFirst: boolean;
    fromIndex?: number;
    senderAddress: string;
    reason: string;
    threadRoot?: string | null;
    cause?: Pick<Cause, 'actorType' | 'actorId'>;
  },
): Promise<void> {
  const start = opts.fromIndex ?? schedule.startsAtStep;
  const steps = schedule.steps.slice(start);
  if (!steps.length) return;
  const zone = lead.timeZone ?? 'UTC';
  const byUser =
    opts.fromIndex === undefined && !opts.threadRoot && start > 0
      ? await usersFirstEmailOf(tx, lead.id, start)
      : null;
  // From the user's email, the first step falls its schedule's gap after it; else at `base`.
  const firstAt = byUser
    ? addLocalDays(byUser.sentAt, steps[0]! - (schedule.steps[byUser.step] ?? 0), zone)
    : opts.base;
  const shift = byUser ? Math.max(0, opts.base.getTime() - firstAt.getTime()) : 0;
  const base = new Date(firstAt.getTime() + shift);
  const firstOffset = steps[0]!;
  const continuing = Boolean(opts.threadRoot || byUser);
  const threadRoot =
    opts.threadRoot || byUser?.messageId || newMessageId(lead.replyToken, opts.senderAddress);
  const rows = steps.map((offset, i) => {
    const first = i === 0 && !continuing;
    return {
      orgId: lead.orgId,
      leadId: lead.id,
      assistantId: lead.assistantId,
      kind: 'sequence' as const,
      step: start + i,
      status: 'scheduled' as const,
      dueAt: addLocalDays(base, offset - firstOffset, zone),
      explicitTime: i === 0 && opts.explicitFirst && !byUser,
      messageId: first ? threadRoot : newMessageId(lead.replyToken, opts.senderAddress),
      inReplyTo: first ? null : threadRoot,
      references: first ? [] : [threadRoot],
    };
  });
  await tx.insert(messages).values(rows);
  await tx
    .update(leads)
    .set(
      byUser && !shift
        ? { planBaseStep: byUser.step, planBaseAt: byUser.sentAt, planThreadRoot: threadRoot }
        : { planBaseStep: start, planBaseAt: base, planThreadRoot: threadRoot },
    )
    .where(eq(leads.id, lead.id));
  await recordEvent(tx, {
    orgId: lead.orgId,
    leadId: lead.id,
    type: 'steps_scheduled',
    actorType: opts.cause?.actorType ?? 'assistant',
    actorId: opts.cause?.actorId ?? lead.assistantId,
    reason: byUser
      ? 'Follow-ups in the thread of the user’s own email, timed from it: it counts as the first (EmailCC)'
      : opts.reason,
    evidence: {
      schedule: schedule.name,
      ...(byUser ? { thread: { after: 'the user’s email (EmailCC)', messageId: byUser.messageId } } : {}),
      steps: rows.map((r) => ({ step: r.step, dueAt: r.dueAt.toISOString() })),
      timeZone: zone,
    },
  });
}
