import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { leads, messages, timelineEvents } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { nextWindowOpening, zonedTimeToUtc } from '../sequences/send-window.ts';
import { type Cause, recordEvent } from '../timeline/record-event.ts';
import { changeLeadState, type LeadRow } from './lead-state-change.ts';
import { isRunning, type RunningState } from './lead-states.ts';

/** Without a return date the assistant tries again after a week (SPEC §6.2). */
export const defaultAbsenceDays = 7;

/**
 * Pause a lead that is away: `out_of_office` until the first business day it
 * is back (08:00 in its zone, or the assistant's window opening), and every
 * remaining step moved by the same amount, so the gaps between them stay.
 */
export async function pauseForAbsence(
  tx: Db,
  lead: LeadRow,
  returnDate: string | null,
  window: { days: number[]; startMinute: number; endMinute: number },
  receivedAt: Date,
  cause: Cause,
): Promise<LeadRow | null> {
  const zone = lead.timeZone ?? 'UTC';
  const back = returnDate
    ? (() => {
        const [y, m, d] = returnDate.split('-').map(Number) as [number, number, number];
        return zonedTimeToUtc(y, m, d, 0, 0, zone);
      })()
    : new Date(receivedAt.getTime() + defaultAbsenceDays * 86_400_000);
  const resumeAt = nextWindowOpening(back, window, zone);
  const changed = await changeLeadState(
    tx,
    lead,
    { type: 'out_of_office', returnDate: returnDate ?? '' },
    {
      ...cause,
      evidence: {
        ...cause.evidence,
        returnDate,
        resumeAt: resumeAt.toISOString(),
        assumed: returnDate ? undefined : `${defaultAbsenceDays} days`,
      },
    },
  );
  if (!changed) return null;
  await tx.update(leads).set({ resumeAt }).where(eq(leads.id, lead.id));
  const [next] = await tx
    .select({ dueAt: messages.dueAt })
    .from(messages)
    .where(and(eq(messages.leadId, lead.id), eq(messages.status, 'scheduled')))
    .orderBy(asc(messages.dueAt))
    .limit(1);
  if (next && next.dueAt < resumeAt) {
    const shiftMs = resumeAt.getTime() - next.dueAt.getTime();
    await tx
      .update(messages)
      .set({ dueAt: sql`${messages.dueAt} + ${`${shiftMs} milliseconds`}::interval` })
      .where(and(eq(messages.leadId, lead.id), eq(messages.status, 'scheduled')));
    await recordEvent(tx, {
      orgId: lead.orgId,
      leadId: lead.id,
      type: 'send_deferred',
      actorType: 'assistant',
      actorId: lead.assistantId,
      reason: `Remaining steps moved by ${Math.round(shiftMs / 3_600_000)} h: the lead is away until ${resumeAt.toISOString().slice(0, 10)}`,
      evidence: { resumeAt: resumeAt.toISOString(), shiftHours: Math.round(shiftMs / 3_600_000) },
    });
  }
  return { ...changed, resumeAt };
}

/** Leads whose return date has come resume as they were before they left. Returns how many. */
export async function resumeReturnedLeads(ctx: Ctx, limit = 100): Promise<number> {
  const due = await ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.state, 'out_of_office'), lte(leads.resumeAt, ctx.now())))
    .limit(limit);
  for (const lead of due) {
    await ctx.db.transaction(async (tx) => {
      const [left] = await tx
        .select({ from: timelineEvents.fromState })
        .from(timelineEvents)
        .where(
          and(
            eq(timelineEvents.leadId, lead.id),
            eq(timelineEvents.type, 'state_changed'),
            eq(timelineEvents.toState, 'out_of_office'),
          ),
        )
        .orderBy(sql`${timelineEvents.id} DESC`)
        .limit(1);
      const resumeAs: RunningState = left?.from && isRunning(left.from) ? left.from : 'cold';
      const changed = await changeLeadState(
        tx,
        lead,
        { type: 'back_in_office', resumeAs },
        {
          actorType: 'assistant',
          actorId: lead.assistantId,
          reason: `Back from out of office: the sequence continues as ${resumeAs}`,
          evidence: { resumeAt: lead.resumeAt?.toISOString() },
        },
      );
      if (changed) await tx.update(leads).set({ resumeAt: null }).where(eq(leads.id, lead.id));
    });
  }
  return due.length;
}
