import type { Db } from '../db/database.ts';
import { type ActorType, timelineEvents } from '../db/schema.ts';

/**
 * The closed list of timeline event types. Each answers "what happened"; the
 * reason answers "why" and the evidence "on what grounds".
 */
export const timelineEventTypes = [
  'lead_added', // the lead entered Nurture
  'lead_refused', // never stored as a lead; kept here for completeness of the vocabulary
  'state_changed', // a transition of the state machine
  'steps_scheduled', // the sequence's messages were planned
  'steps_cancelled', // remaining steps will not be sent
  'message_sent', // an email left through SMTP
  'send_deferred', // not sent now (outside window, daily cap, retry back-off), with the new time
  'send_skipped', // not sent at all (suppressed, lead stopped)
  'send_failed', // SMTP refused it for good, or attempts ran out
  'send_uncertain', // a worker died mid-send and delivery could not be confirmed
  'message_opened', // a person opened an email (machine opens are kept in message_opens, not here)
  'link_clicked', // a person followed a link in an email (machine clicks: message_clicks)
  'reply_received', // an inbound message matched this lead
  'auto_reply_received', // an automatic reply: never answered
  'bounce_received', // a delivery status notification or complaint about a message to this lead
  'review_requested', // the classifier was unsure: a human decides
  'classification_corrected', // a user corrected what a reply meant
  'deliverability_alert', // a sender-side block or a complaint: the assistant's users are told
  'note', // a user's note
  'owner_changed', // an admin gave the lead to another user
  'handled_outside', // the owner handles the lead outside Nurture: no at-risk reminders
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

export async function recordEvents(db: Db, events: EventInput[]): Promise<void> {
  if (!events.length) return;
  await db.insert(timelineEvents).values(
    events.map((e) => ({
      orgId: e.orgId,
      leadId: e.leadId,
      type: e.type,
      fromState: e.fromState ?? null,
      toState: e.toState ?? null,
      fromSubState: e.fromSubState ?? null,
      toSubState: e.toSubState ?? null,
      actorType: e.actorType,
      actorId: e.actorId ?? null,
      reason: e.reason,
      evidence: e.evidence ?? null,
      messageId: e.messageId ?? null,
      inboundMessageId: e.inboundMessageId ?? null,
    })),
  );
}
