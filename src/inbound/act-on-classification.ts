import type { Classification } from '../classify/classify-message.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { type assistants, reviewItems } from '../db/schema.ts';
import { countReportedBounce } from '../deliverability/bounce-signals.ts';
import { raiseReportAlert } from '../deliverability/report-alert.ts';
import { changeLeadState, type LeadRow } from '../leads/lead-state-change.ts';
import { pauseForAbsence } from '../leads/out-of-office.ts';
import { type Cause, recordEvent } from '../timeline/record-event.ts';
import { applyReplyIntent, holdForReview, type ReplyContext } from './reply-actions.ts';

type Assistant = typeof assistants.$inferSelect;

export type Inbound = {
  id: string;
  messageId: string | null;
  subject: string | null;
  matchedBy: string;
  /** When the message arrived (stored); the alert emails say it. */
  receivedAt?: Date;
};

/**
 * What an inbound message does to its lead (SPEC §6.2), inside the caller's
 * transaction. Every branch writes a timeline event carrying the
 * classification's evidence, so the lead's state can always be explained.
 */
export async function actOnClassification(
  tx: Db,
  config: Config,
  m: { lead: LeadRow; assistant: Assistant; classification: Classification; inbound: Inbound; now: Date },
): Promise<void> {
  const c = m.classification;
  const evidence = {
    kind: c.kind,
    intent: c.intent,
    confidence: round(c.confidence),
    evidence: c.evidence,
    matchedBy: m.inbound.matchedBy,
    subject: m.inbound.subject,
    ...(c.bounce ? { bounce: c.bounce } : {}),
    ...(c.returnDate ? { returnDate: c.returnDate } : {}),
    ...(c.meeting ? { meeting: c.meeting } : {}),
    ...(c.details.replyText !== undefined ? { excerpt: c.details.replyText.slice(0, 500) } : {}),
  };
  const base = { orgId: m.lead.orgId, leadId: m.lead.id, inboundMessageId: m.inbound.id };
  const cause = (reason: string): Cause => ({
    actorType: 'assistant',
    actorId: m.assistant.id,
    reason,
    evidence,
    inboundMessageId: m.inbound.id,
  });

  if (c.kind === 'bounce') {
    const reason = c.bounce?.reason ?? 'unknown';
    await recordEvent(tx, {
      ...base,
      type: 'bounce_received',
      actorType: 'system',
      reason: `Delivery report: ${reason}${c.bounce?.status ? ` (${c.bounce.status})` : ''}${c.bounce?.permanent ? ', permanent' : ', temporary'}`,
      evidence,
    });
    if (c.subState === 'SpamComplaint') {
      await changeLeadState(
        tx,
        m.lead,
        { type: 'unsubscribe', by: 'complaint' },
        cause('The lead reported the email as spam: unsubscribed for good'),
      );
      await alert(tx, config, m, 'complaint', 'A recipient reported an email as spam', evidence);
    } else if (c.state === 'deactivated' && c.subState) {
      const subState = c.subState === 'CannotDetermine' ? 'CannotDetermine' : 'BounceDeactivated';
      await changeLeadState(
        tx,
        m.lead,
        { type: 'bounce', subState },
        cause(`The address failed permanently (${reason})`),
      );
    } else if (c.details.senderCaused) {
      await alert(
        tx,
        config,
        m,
        'sender_block',
        `The recipient's server refused our mail for a sender-side reason (${reason}); the lead is kept`,
        evidence,
      );
    }
    // Deliverability breakers count hard bounces and complaints (src/deliverability/bounce-signals.ts).
    await countReportedBounce(tx, config, {
      leadId: m.lead.id,
      inboundMessageId: m.inbound.id,
      complaint: c.subState === 'SpamComplaint',
      now: m.now,
    });
    return;
  }

  if (c.kind === 'auto_reply') {
    const ooo = c.state === 'out_of_office';
    await recordEvent(tx, {
      ...base,
      type: 'auto_reply_received',
      actorType: 'system',
      reason: ooo
        ? `Out-of-office reply${c.returnDate ? `: back on ${c.returnDate}` : ': no return date given'} (never answered)`
        : 'An automatic reply (not out of office): nothing to do, never answered',
      evidence,
    });
    if (ooo) {
      const window = {
        days: m.assistant.sendDays,
        startMinute: m.assistant.sendStartMinute,
        endMinute: m.assistant.sendEndMinute,
      };
      await pauseForAbsence(
        tx,
        m.lead,
        c.returnDate,
        window,
        m.now,
        cause('Out of office: the sequence pauses until the lead is back'),
      );
    }
    return;
  }

  await recordEvent(tx, {
    ...base,
    type: 'reply_received',
    actorType: 'lead',
    reason: `Reply from ${m.lead.email}`,
    evidence,
  });
  const r: ReplyContext = {
    lead: m.lead,
    assistant: m.assistant,
    inbound: m.inbound,
    meeting: c.meeting,
    connectLaterDate: c.details.connectLaterDate ?? null,
    now: m.now,
    notify: config,
  };
  const intent = c.intent ?? 'other';
  if (c.confidence < config.REVIEW_CONFIDENCE_THRESHOLD) {
    await holdForReview(
      tx,
      r,
      cause(
        `The reply stops the sequence; its meaning (${intent}?, confidence ${round(c.confidence)}) goes to a human for review`,
      ),
    );
    await tx.insert(reviewItems).values({
      orgId: m.lead.orgId,
      leadId: m.lead.id,
      inboundMessageId: m.inbound.id,
      suggestedIntent: intent,
      confidence: c.confidence,
    });
    await recordEvent(tx, {
      ...base,
      type: 'review_requested',
      actorType: 'assistant',
      actorId: m.assistant.id,
      reason: `Unsure: looks like ${intent} (${round(c.confidence)})`,
      evidence,
    });
    return;
  }
  await applyReplyIntent(
    tx,
    intent,
    r,
    cause(`The reply reads as ${intent} (confidence ${round(c.confidence)})`),
  );
}

/**
 * A report that puts the assistant's mail at risk: deliverability/ raises
 * the alert, tells the assistant's users (at most once an hour per kind) and
 * notes it on the lead, in this transaction.
 */
async function alert(
  tx: Db,
  config: Config,
  m: { lead: LeadRow; assistant: Assistant; classification: Classification; inbound: Inbound; now: Date },
  kind: 'sender_block' | 'complaint',
  reason: string,
  evidence: Record<string, unknown>,
): Promise<void> {
  const c = m.classification;
  const diagnostic = c.details.diagnostic ?? null;
  const feedbackType =
    /^Feedback-Type:\s*(.+)$/i.exec(c.evidence.find((e) => /^Feedback-Type:/i.test(e)) ?? '')?.[1] ?? null;
  await raiseReportAlert(tx, config, {
    kind,
    lead: m.lead,
    assistant: m.assistant,
    inbound: { id: m.inbound.id, subject: m.inbound.subject, receivedAt: m.inbound.receivedAt ?? m.now },
    report: {
      reason: c.bounce?.reason ?? 'unknown',
      status: c.bounce?.status ?? null,
      diagnostic,
      feedbackType,
    },
    reason,
    evidence: { ...evidence, ...(diagnostic ? { diagnostic } : {}) },
    now: m.now,
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
