import { sql } from 'drizzle-orm';
import { anyUuid, jsonRows } from '../db/bulk-params.ts';
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
  'at_risk_marked', // SPEC §4: hot or responded, and nobody acted on it for 24 hours (lead-risk/at-risk-job.ts)
  'at_risk_reminder_sent', // the owner was reminded of the lead at risk (which reminder of how many, the notifications)
  'at_risk_cleared', // no longer at risk: a user acted on it (which action), or it left hot/responded
  'not_at_risk', // a user said the lead is not at risk (the lead page, or the signed link of a reminder)
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

/**
 * Events of a user that are not an action on the lead by its people: the
 * lead changing hands (its new owner has not acted yet), and the clearing
 * itself.
 */
const notAnAction = new Set<TimelineEventType>(['owner_changed', 'at_risk_cleared']);

const actionWords: Partial<Record<TimelineEventType, string>> = {
  note: 'added a note',
  state_changed: 'changed its state',
  handled_outside: 'handles it outside Nurture',
  not_at_risk: 'said it is not at risk',
  user_emailed: 'emailed the lead',
  classification_corrected: 'corrected what its reply meant',
  send_retried: 'sent an email again',
  steps_scheduled: 'planned its emails',
};

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
  const ids = inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
  await clearAtRisk(db, events, ids);
  return ids;
}

/**
 * SPEC §4: any action of a user on a lead (any event they are the actor of,
 * but for `notAnAction`) means it is no longer at risk. Done here, in the
 * transaction that records the action, so no caller can forget it: one
 * UPDATE for the leads concerned, and an `at_risk_cleared` event for each
 * that was at risk, naming the action and its event.
 */
async function clearAtRisk(db: Db, events: EventInput[], ids: number[]): Promise<void> {
  const byLead = new Map<string, { e: EventInput; id: number }>();
  events.forEach((e, i) => {
    if (e.actorType === 'user' && !notAnAction.has(e.type) && !byLead.has(e.leadId))
      byLead.set(e.leadId, { e, id: ids[i]! });
  });
  if (!byLead.size) return;
  const cleared = await queryRows<{ id: string; since: string | Date | null; reminders: number }>(
    db,
    sql`
    WITH before AS (
      SELECT id, at_risk_since, at_risk_reminders FROM leads
      WHERE ${anyUuid(sql.raw('id'), [...byLead.keys()])} AND at_risk FOR UPDATE)
    UPDATE leads l SET at_risk = false, at_risk_since = NULL, at_risk_reminders = 0
    FROM before b WHERE l.id = b.id
    RETURNING l.id, b.at_risk_since AS since, b.at_risk_reminders AS reminders`,
  );
  if (!cleared.length) return;
  await recordEvents(
    db,
    cleared.map((r) => {
      const { e, id } = byLead.get(r.id)!;
      return {
        orgId: e.orgId,
        leadId: e.leadId,
        type: 'at_risk_cleared' as const,
        actorType: 'user' as const,
        actorId: e.actorId ?? null,
        reason: `No longer at risk: a user ${actionWords[e.type] ?? `acted on it (${e.type.replace(/_/g, ' ')})`}`,
        evidence: {
          eventId: id,
          eventType: e.type,
          atRiskSince: r.since ? new Date(r.since).toISOString() : null,
          remindersSent: Number(r.reminders),
        },
      };
    }),
  );
}
