import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { leads, messages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { suppress } from '../suppression/suppression.ts';
import { type Cause, type EventInput, recordEvents } from '../timeline/record-event.ts';
import { decide, type LeadEvent, type LeadState, stopsSequence } from './lead-states.ts';

export type LeadRow = typeof leads.$inferSelect;

/**
 * Apply a state-machine event to a lead inside the caller's transaction:
 * update the row (only if nobody changed it meanwhile), write the timeline
 * event with its cause, and carry out what the new state implies — cancel the
 * remaining steps when the sequence stops, suppress the address when the lead
 * unsubscribes. Returns the updated lead, or null when the machine refuses and
 * `strict` is off (e.g. an open on a lead that already replied).
 */
export async function changeLeadState(
  tx: Db,
  lead: LeadRow,
  event: LeadEvent,
  cause: Cause,
  opts: { strict?: boolean } = {},
): Promise<LeadRow | null> {
  const d = decide({ state: lead.state as LeadState, subState: lead.subState }, event);
  if (!d.ok) {
    if (opts.strict) throw new AppError('INVALID_TRANSITION', d.reason, { details: { state: lead.state } });
    return null;
  }
  const [updated] = await tx
    .update(leads)
    .set({
      state: d.next.state,
      subState: d.next.subState,
      stateChangedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(leads.id, lead.id), eq(leads.state, lead.state)))
    .returning();
  if (!updated) {
    // Someone moved the lead first; decide again from where it really is.
    const [fresh] = await tx.select().from(leads).where(eq(leads.id, lead.id)).for('update');
    if (!fresh) throw new AppError('NOT_FOUND', `Lead ${lead.id} no longer exists`);
    return changeLeadState(tx, fresh, event, cause, opts);
  }
  const base = { orgId: lead.orgId, leadId: lead.id, ...cause };
  const events: EventInput[] = [
    {
      ...base,
      type: 'state_changed',
      fromState: lead.state,
      toState: d.next.state,
      fromSubState: lead.subState,
      toSubState: d.next.subState,
      evidence: { transition: d.transition, ...cause.evidence },
    },
  ];
  if (stopsSequence(d.next.state)) {
    const cancelled = await tx
      .update(messages)
      .set({ status: 'cancelled' })
      .where(and(eq(messages.leadId, lead.id), eq(messages.status, 'scheduled')))
      .returning({ id: messages.id, step: messages.step });
    if (cancelled.length) {
      events.push({
        ...base,
        type: 'steps_cancelled',
        reason: `${cancelled.length} remaining step(s) cancelled: the lead is now ${d.next.state}`,
        evidence: {
          steps: cancelled.map((c) => c.step).sort((a, b) => (a ?? 0) - (b ?? 0)),
          cause: cause.reason,
        },
      });
    }
  }
  if (d.next.state === 'unsubscribed')
    await suppress(tx, lead.orgId, lead.email, d.next.subState ?? 'unsubscribed', lead.id);
  await recordEvents(tx, events);
  return updated;
}
