import { sql } from 'drizzle-orm';
import { jsonRows } from '../db/bulk-params.ts';
import { type Db, queryRows } from '../db/database.ts';
import type { ActorType } from '../db/schema.ts';

/**
 * The closed list of timeline event types. Each answers "what happened"; the
 * reason answers "why" and the evidence "on what grounds".
 */
export const timelineEventTypes = [
  'lead_added', // the lead entered Nurture
  'lead_refused', // never stored as a lead; kept here for completeness of the vocabulary
  'state_changed', // a transition of the state machine
  'address_checked', // validating the address could not decide yet (DNS or the verifier failed): what failed, when it is tried again
  'steps_scheduled', // the sequence's messages were planned
  'steps_cancelled', // remaining steps will not be sent
  'message_sent', // an email left through SMTP
  'send_deferred', // not sent now (outside window, daily cap, retry back-off), with the new time
  'send_skipped', // not sent at all (suppressed, lead stopped)
  'send_failed', // SMTP refused it for good, or attempts ran out
  'send_uncertain', // a worker died mid-send and delivery could not be confirmed
  'send_retried', // a user sent an uncertain or failed email again (it goes through the send rules)
  'message_opened', // a person opened an email (machine opens are kept in message_opens, not here)
  'link_clicked', // a person followed a link in an email (machine clicks: message_clicks)
  'reply_received', // an inbound message matched this lead
  'auto_reply_received', // an automatic reply: never answered
  'bounce_received', // a delivery status notification or complaint about a message to this lead
  'review_requested', // the classifier was unsure: a human decides
  'inbound_held', // a message matched only by an address it claims, from a sender failing DMARC: no state changed, kept for review
  'address_suppressed', // the lead's address went on the org's suppression list (it asked to stop)
  'address_unsuppressed', // a user corrected the stop reply: the suppression it caused is lifted
  'classification_corrected', // a user corrected what a reply meant
  'deliverability_alert', // a sender-side block or a complaint: the assistant's users are told
  'note', // a user's note
  'owner_changed', // an admin gave the lead to another user
  'handled_outside', // the owner handles the lead outside Nurture: no at-risk reminders
  'waiting_for_capacity', // added beyond the plan's cap: waits as `new` (the cap, the active count, the reserve, the next activation)
  'user_emailed', // a user emailed the lead copying the assistant (EmailCC, SPEC §6.5): counts as their action on it
  'message_written', // a user wrote to the lead as the assistant (SPEC §6.4): sent now or at the time they chose
  'message_edited', // a user changed a scheduled email before it went: its text, subject or time (old and new as evidence)
  'message_skipped', // a user skipped a scheduled email: it will not be sent
  'introduced', // Introduce Me (SPEC §6.3): the assistant emailed the lead copying a user, who takes it from there
  'lead_edited', // a user changed the lead's details (name, tags, schedule, assistant…): each field's old and new value
] as const;
export type TimelineEventType = (typeof timelineEventTypes)[number];

export type Cause = {
  actorType: ActorType;
  actorId?: string | null;
  reason: string;
  evidence?: Record<string, unknown>;
  inboundMessageId?: string;
};

export type EventInput = Cause & {
  orgId: string;
  leadId: string;
  type: TimelineEventType;
  fromState?: string | null;
  toState?: string | null;
  fromSubState?: string | null;
  toSubState?: string | null;
  messageId?: string | null;
};

export async function recordEvent(db: Db, e: EventInput): Promise<void> {
  await recordEvents(db, [e]);
}

const eventColumns =
  'org_id, lead_id, type, from_state, to_state, from_sub_state, to_sub_state, actor_type, actor_id, reason, evidence, message_id, inbound_message_id';

/**
 * Events are inserted in the order given (ids follow it, and the timeline is
 * read in id order), all in one statement. Returns their ids, in that order.
 */
export async function recordEvents(db: Db, events: EventInput[]): Promise<number[]> {
  if (!events.length) return [];
  const rows = events.map((e) => ({
    org_id: e.orgId,
    lead_id: e.leadId,
    type: e.type,
    from_state: e.fromState ?? null,
    to_state: e.toState ?? null,
    from_sub_state: e.fromSubState ?? null,
    to_sub_state: e.toSubState ?? null,
    actor_type: e.actorType,
    actor_id: e.actorId ?? null,
    reason: e.reason,
    evidence: e.evidence ?? null,
    message_id: e.messageId ?? null,
    inbound_message_id: e.inboundMessageId ?? null,
  }));
  // The table's own row type gives each field its type; ordinality keeps the order.
  const inserted = await queryRows<{ id: string | number }>(
    db,
    sql`
    INSERT INTO timeline_events (${sql.raw(eventColumns)})
    SELECT ${sql.raw(eventColumns.replace(/(\w+)/g, 'r.$1'))}
    FROM jsonb_array_elements(${jsonRows(rows)}) WITH ORDINALITY AS e(j, ord)
    CROSS JOIN LATERAL jsonb_populate_record(NULL::timeline_events, e.j) AS r
    ORDER BY e.ord
    RETURNING id`,
  );
  // The ids were drawn in insertion order; RETURNING's own order is not promised.
  return inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
}
