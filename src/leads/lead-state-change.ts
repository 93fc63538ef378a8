import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { leads, messages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { leadNoticeKindOf } from '../notify/lead-notice.ts';
import { type LeadNotifyConfig, notifyLeadOwner } from '../notify/lead-notifications.ts';
import { suppress, unsuppressStopRequest } from '../suppression/suppression.ts';
import { type Cause, type EventInput, recordEvents } from '../timeline/record-event.ts';
import { addressVerdictAfter, decide, type LeadEvent, statePairOf, stopsSequence } from './lead-states.ts';

export type LeadRow = typeof leads.$inferSelect;

/** Events that can make a lead hot, responded or warm, which tells its owner (SPEC §8). */
type NotifyingEvent = Extract<
  LeadEvent,
  { type: 'human_open' | 'human_click' | 'meeting_accepted' | 'mark_hot' | 'reply' | 'reclassify' }
>;
export type ChangeOptions = {
  strict?: boolean;
  /** The settings lead notifications are written with (the link base, whether WhatsApp is on). */
  notify?: LeadNotifyConfig;
};
/** A caller whose event can tell the owner must hand over `notify`: the compiler checks it. */
type OptionsFor<E extends LeadEvent> = [Extract<E, NotifyingEvent>] extends [never]
  ? [opts?: ChangeOptions]
  : [opts: ChangeOptions & { notify: LeadNotifyConfig }];

/**
 * Apply a state-machine event to a lead inside the caller's transaction:
 * update the row (only if nobody changed it meanwhile), write the timeline
 * event with its cause, and carry out what the new state implies — cancel the
 * remaining steps when the sequence stops, suppress the address when the lead
 * unsubscribes or asks to stop, tell the owner when it becomes hot, responded or warm
 * (notify/lead-notifications.ts, in this transaction, the `state_changed`
 * event as its source). Returns the updated lead, or null when the machine
 * refuses and `strict` is off (e.g. an open on a lead that already replied).
 */
export async function changeLeadState<E extends LeadEvent>(
  tx: Db,
  lead: LeadRow,
  event: E,
  cause: Cause,
  ...[opts = {}]: OptionsFor<E>
): Promise<LeadRow | null> {
  const d = decide(statePairOf(lead), event);
  // A validation verdict (or a bounce's) is remembered apart from the state, which a user may change.
  const address = addressVerdictAfter(event);
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
      ...(address ? { addressVerdict: address.verdict, addressVerdictAt: sql`now()` } : {}),
    })
    .where(and(eq(leads.id, lead.id), eq(leads.state, lead.state)))
    .returning();
  if (!updated) {
    // Someone moved the lead first; decide again from where it really is.
    const [fresh] = await tx.select().from(leads).where(eq(leads.id, lead.id)).for('update');
    if (!fresh) throw new AppError('NOT_FOUND', `Lead ${lead.id} no longer exists`);
    return changeLeadState(
      tx,
      fresh,
      event as LeadEvent,
      cause,
      opts as ChangeOptions & { notify: LeadNotifyConfig },
    );
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
  // Stop means stop (SPEC §6.2): the address itself is never emailed again, whoever adds it back.
  const stopped = (p: { state: string; subState: string | null }) =>
    p.state === 'deactivated' && p.subState === 'StopRequest';
  if (stopped(d.next) && !stopped(lead)) {
    await suppress(tx, lead.orgId, lead.email, 'stop_request', lead.id);
    events.push({
      ...base,
      type: 'address_suppressed',
      reason: `${lead.email} is on the organisation's suppression list (stop_request): the lead asked to stop, so the address is never emailed again, nor can it be added again`,
      evidence: { email: lead.email, suppression: 'stop_request', cause: cause.reason },
    });
  } else if (stopped(lead) && !stopped(d.next) && event.type === 'reclassify') {
    // A user says the reply was no stop after all: the suppression that reply caused goes with it.
    const lifted = await unsuppressStopRequest(tx, lead.orgId, lead.email, lead.id);
    if (lifted)
      events.push({
        ...base,
        type: 'address_unsuppressed',
        reason: `${lead.email} is off the suppression list again: the reply was corrected, it did not ask to stop`,
        evidence: { email: lead.email, suppression: 'stop_request', cause: cause.reason },
      });
  }
  const [stateChangedId] = await recordEvents(tx, events);
  const notice = leadNoticeKindOf(lead, d.next, event.type);
  if (notice && opts.notify)
    await notifyLeadOwner(tx, opts.notify, {
      kind: notice,
      lead: updated,
      from: { state: lead.state, subState: lead.subState },
      eventId: stateChangedId!,
      cause,
    });
  return updated;
}
