import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/database.ts';
import { assistants, leads, messages } from '../db/schema.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import { activeStates } from '../leads/lead-states.ts';
import { completeFinishedSequences } from '../outbound/record-outcomes.ts';
import { goneStatuses, newMessageId, runMessages } from '../sequences/plan-sequence.ts';
import { addLocalDays } from '../sequences/send-window.ts';
import { type EventInput, recordEvents } from '../timeline/record-event.ts';
import type { Schedule } from './schedules.ts';

type MessageRow = typeof messages.$inferSelect;
type NewMessage = typeof messages.$inferInsert;

/** What re-planning decided for one lead. */
export type LeadReplan = {
  moved: { id: string; dueAt: Date }[];
  added: NewMessage[];
  removed: { id: string; step: number | null }[];
  plan: { step: number; dueAt: Date }[];
};

/**
 * The new plan of one lead's current run under the edited steps (no database).
 * The run counts from its base step (where it started or was continued);
 * the remaining steps — after the last one that has gone — fall on their new
 * day offsets from the base step's time: when it was sent, else when it was
 * planned. A step whose new date has already passed goes now (or when an
 * absent lead is back), and the ones after it keep their gaps, so an edit
 * never releases a burst of emails.
 */
export function replanLead(
  lead: LeadRow,
  run: MessageRow[],
  steps: number[],
  now: Date,
  senderAddress: string,
): LeadReplan {
  const zone = lead.timeZone ?? 'UTC';
  const baseStep = lead.planBaseStep ?? Math.min(...run.map((m) => m.step ?? 0));
  const baseMessage = run.find((m) => m.step === baseStep);
  const baseAt =
    (baseMessage?.status === 'sent' ? baseMessage.sentAt : null) ??
    lead.planBaseAt ??
    baseMessage?.dueAt ??
    now;
  const lastGone = Math.max(
    baseStep - 1,
    ...run.filter((m) => goneStatuses.has(m.status)).map((m) => m.step ?? -1),
  );
  const pending = new Map(run.filter((m) => m.status === 'scheduled').map((m) => [m.step ?? -1, m]));

  const remaining: { step: number; dueAt: Date }[] = [];
  if (baseStep < steps.length)
    for (let k = lastGone + 1; k < steps.length; k++) {
      // An explicit first-send time stays as the user chose it.
      const kept = pending.get(k);
      const dueAt = kept?.explicitTime
        ? kept.dueAt
        : addLocalDays(baseAt, steps[k]! - steps[baseStep]!, zone);
      remaining.push({ step: k, dueAt });
    }
  // A lead who is away gets nothing before they are back (as pauseForAbsence moves its steps).
  const notBefore =
    lead.state === 'out_of_office' && lead.resumeAt && lead.resumeAt > now ? lead.resumeAt : now;
  const firstDue = remaining[0]?.dueAt.getTime();
  if (firstDue !== undefined && firstDue < notBefore.getTime()) {
    const shift = notBefore.getTime() - firstDue;
    for (const r of remaining) r.dueAt = new Date(r.dueAt.getTime() + shift);
  }

  const root =
    lead.planThreadRoot ??
    run.find((m) => m.inReplyTo === null)?.messageId ??
    run.find((m) => m.inReplyTo)?.inReplyTo ??
    newMessageId(lead.replyToken, senderAddress);
  const out: LeadReplan = { moved: [], added: [], removed: [], plan: remaining };
  for (const r of remaining) {
    const kept = pending.get(r.step);
    if (kept) {
      if (kept.dueAt.getTime() !== r.dueAt.getTime()) out.moved.push({ id: kept.id, dueAt: r.dueAt });
      continue;
    }
    out.added.push({
      orgId: lead.orgId,
      leadId: lead.id,
      assistantId: lead.assistantId,
      kind: 'sequence',
      step: r.step,
      status: 'scheduled',
      dueAt: r.dueAt,
      messageId: newMessageId(lead.replyToken, senderAddress),
      inReplyTo: root,
      references: [root],
    });
  }
  const planned = new Set(remaining.map((r) => r.step));
  for (const [step, m] of pending)
    if (step > lastGone && !planned.has(step)) out.removed.push({ id: m.id, step });
  return out;
}

/**
 * A schedule's steps changed: re-plan the not-yet-sent steps of every lead
 * still on it (running or out of office), set-based because a schedule may
 * carry thousands of leads. Each lead whose plan changed gets a
 * `steps_scheduled` event; a lead left with nothing to send is complete.
 * Returns how many leads were re-planned.
 */
export async function replanLeadsOnSchedule(
  tx: Db,
  schedule: Schedule,
  actor: Actor,
  now: Date,
): Promise<number> {
  const stillOnIt = and(eq(leads.scheduleId, schedule.id), inArray(leads.state, [...activeStates]));
  const onIt = await tx.select().from(leads).where(stillOnIt).orderBy(leads.id).for('update');
  if (!onIt.length) return 0;
  const [rows, senders] = await Promise.all([
    tx
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.kind, 'sequence'),
          inArray(messages.leadId, tx.select({ id: leads.id }).from(leads).where(stillOnIt)),
        ),
      ),
    tx
      .select({ id: assistants.id, email: assistants.email })
      .from(assistants)
      .where(eq(assistants.orgId, schedule.orgId)),
  ]);
  const byLead = Map.groupBy(rows, (m) => m.leadId);
  const senderOf = new Map(senders.map((a) => [a.id, a.email]));

  const moved: { id: string; due_at: string }[] = [];
  const added: NewMessage[] = [];
  const removed: string[] = [];
  const events: EventInput[] = [];
  const emptied: string[] = [];
  for (const lead of onIt) {
    const run = runMessages(lead, byLead.get(lead.id) ?? []);
    const r = replanLead(lead, run, schedule.steps, now, senderOf.get(lead.assistantId) ?? '');
    if (!r.moved.length && !r.added.length && !r.removed.length) continue;
    moved.push(...r.moved.map((m) => ({ id: m.id, due_at: m.dueAt.toISOString() })));
    added.push(...r.added);
    removed.push(...r.removed.map((m) => m.id));
    if (!r.plan.length) emptied.push(lead.id);
    events.push({
      orgId: lead.orgId,
      leadId: lead.id,
      type: 'steps_scheduled',
      actorType: 'user',
      actorId: actor.userId,
      reason: `Schedule edited: the remaining steps follow "${schedule.name}" (days ${schedule.steps.join(', ')})`,
      evidence: {
        schedule: schedule.name,
        scheduleId: schedule.id,
        steps: r.plan.map((p) => ({ step: p.step, dueAt: p.dueAt.toISOString() })),
        added: r.added.map((a) => a.step),
        removed: r.removed.map((m) => m.step),
        timeZone: lead.timeZone ?? 'UTC',
      },
    });
  }
  for (const chunk of chunks(moved, 1000))
    await tx.execute(sql`
      UPDATE messages m SET due_at = v.due_at
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS v(id uuid, due_at timestamptz)
      WHERE m.id = v.id AND m.status = 'scheduled'`);
  for (const chunk of chunks(removed, 1000))
    await tx
      .update(messages)
      .set({ status: 'cancelled', lastError: 'Step removed from the schedule' })
      .where(and(inArray(messages.id, chunk), eq(messages.status, 'scheduled')));
  for (const chunk of chunks(added, 1000)) await tx.insert(messages).values(chunk);
  for (const chunk of chunks(events, 1000)) await recordEvents(tx, chunk);
  await completeFinishedSequences(tx, emptied);
  return events.length;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One lead moved to another schedule by a user (leads/lead-edit.ts): its
 * not-yet-sent steps follow the new schedule's day offsets, as an edited
 * schedule's leads do (replanLead), in the caller's transaction. A lead
 * whose sequence is not running (or paused) only changes schedule: there is
 * nothing to re-plan. A `steps_scheduled` event by the user says what moved.
 */
export async function replanOneLead(
  tx: Db,
  lead: LeadRow,
  schedule: Schedule,
  actor: Actor,
  now: Date,
): Promise<void> {
  if (!activeStates.includes(lead.state as (typeof activeStates)[number])) return;
  const [rows, [sender]] = await Promise.all([
    tx
      .select()
      .from(messages)
      .where(and(eq(messages.leadId, lead.id), eq(messages.kind, 'sequence'))),
    tx.select({ email: assistants.email }).from(assistants).where(eq(assistants.id, lead.assistantId)),
  ]);
  const r = replanLead(lead, runMessages(lead, rows), schedule.steps, now, sender?.email ?? '');
  for (const m of r.moved)
    await tx
      .update(messages)
      .set({ dueAt: m.dueAt })
      .where(and(eq(messages.id, m.id), eq(messages.status, 'scheduled')));
  if (r.removed.length)
    await tx
      .update(messages)
      .set({ status: 'cancelled', lastError: 'Step not in the lead’s new schedule' })
      .where(
        and(
          inArray(
            messages.id,
            r.removed.map((m) => m.id),
          ),
          eq(messages.status, 'scheduled'),
        ),
      );
  if (r.added.length) await tx.insert(messages).values(r.added);
  await recordEvents(tx, [
    {
      orgId: lead.orgId,
      leadId: lead.id,
      type: 'steps_scheduled',
      actorType: 'user',
      actorId: actor.userId,
      reason: `Schedule changed by a user: the remaining steps follow "${schedule.name}" (days ${schedule.steps.join(', ')})`,
      evidence: {
        schedule: schedule.name,
        scheduleId: schedule.id,
        steps: r.plan.map((p) => ({ step: p.step, dueAt: p.dueAt.toISOString() })),
        added: r.added.map((a) => a.step),
        removed: r.removed.map((m) => m.step),
        timeZone: lead.timeZone ?? 'UTC',
      },
    },
  ]);
  if (!r.plan.length) await completeFinishedSequences(tx, [lead.id]);
}
