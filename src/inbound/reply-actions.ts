import { randomUUID } from 'node:crypto';
import type { Intent, MeetingProposal } from '../classify/classification.ts';
import { headerSafe } from '../compose/render-email.ts';
import { brochureAnswerText, checkInText } from '../compose/reply-texts.ts';
import type { Db } from '../db/database.ts';
import { type assistants, messages } from '../db/schema.ts';
import { changeLeadState, type LeadRow } from '../leads/lead-state-change.ts';
import type { ResponseSubState } from '../leads/lead-states.ts';
import type { LeadNotifyConfig } from '../notify/lead-notifications.ts';
import { zonedTimeToUtc } from '../sequences/send-window.ts';
import { type Cause, recordEvent } from '../timeline/record-event.ts';

type Assistant = typeof assistants.$inferSelect;

export type ReplyContext = {
  lead: LeadRow;
  assistant: Assistant;
  inbound: { id: string; messageId: string | null; subject: string | null };
  meeting: MeetingProposal | null;
  connectLaterDate: string | null;
  now: Date;
  /** The state change tells the lead's owner (SPEC §8): the settings it is written with. */
  notify: LeadNotifyConfig;
};

const responded: Record<Exclude<Intent, 'stop' | 'meeting'>, ResponseSubState> = {
  info_request: 'InfoRequest',
  connect_later: 'ConnectLater',
  not_interested: 'NotInterested',
  wrong_person: 'WrongPerson',
  other: 'Other',
};

/** When a check-in date isn't named, the assistant comes back after a month. */
const defaultCheckInDays = 30;

/**
 * Carry out what a human reply's intent means (SPEC §6.2, §6.3), from the
 * classifier or from a user's correction: the state change, and for
 * info_request the assistant's answer with the Brochure URL, for
 * connect_later a check-in on the date the lead named.
 */
export async function applyReplyIntent(
  tx: Db,
  intent: Intent,
  r: ReplyContext,
  cause: Cause,
): Promise<LeadRow | null> {
  if (intent === 'stop') return changeLeadState(tx, r.lead, { type: 'stop_request' }, cause);
  if (intent === 'meeting')
    return changeLeadState(
      tx,
      r.lead,
      { type: 'meeting_accepted' },
      { ...cause, evidence: { ...cause.evidence, meeting: r.meeting } },
      { notify: r.notify },
    );
  const changed = await changeLeadState(tx, r.lead, { type: 'reply', subState: responded[intent] }, cause, {
    notify: r.notify,
  });
  if (!changed) return null;
  if (intent === 'info_request') await answerWithBrochure(tx, r);
  if (intent === 'connect_later') await scheduleCheckIn(tx, r);
  return changed;
}

/** A reply the classifier was unsure of still stops the sequence, flagged for a human. */
export async function holdForReview(tx: Db, r: ReplyContext, cause: Cause): Promise<LeadRow | null> {
  return changeLeadState(tx, r.lead, { type: 'reply', subState: 'NeedsReview' }, cause, { notify: r.notify });
}

async function answerWithBrochure(tx: Db, r: ReplyContext): Promise<void> {
  const base = {
    orgId: r.lead.orgId,
    leadId: r.lead.id,
    actorType: 'assistant' as const,
    actorId: r.assistant.id,
  };
  if (!r.assistant.brochureUrl) {
    await recordEvent(tx, {
      ...base,
      type: 'note',
      reason:
        'The lead asked for information, but the assistant has no Brochure URL: the owner should answer',
    });
    return;
  }
  const text = brochureAnswerText(r, r.assistant.brochureUrl);
  const id = await insertOneOff(tx, r, r.now, true, text);
  await recordEvent(tx, {
    ...base,
    type: 'note',
    reason: 'The assistant answers with the Brochure URL',
    messageId: id,
    evidence: { brochureUrl: r.assistant.brochureUrl },
  });
}

async function scheduleCheckIn(tx: Db, r: ReplyContext): Promise<void> {
  const zone = r.lead.timeZone ?? 'UTC';
  const date =
    r.connectLaterDate ??
    new Date(r.now.getTime() + defaultCheckInDays * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = zonedTimeToUtc(y, m, d, 9, 0, zone);
  const text = checkInText(r);
  const id = await insertOneOff(tx, r, at, false, text);
  await recordEvent(tx, {
    orgId: r.lead.orgId,
    leadId: r.lead.id,
    type: 'steps_scheduled',
    actorType: 'assistant',
    actorId: r.assistant.id,
    reason: r.connectLaterDate
      ? `Check-in scheduled for ${date}, the time the lead named`
      : `No time named: check-in scheduled in ${defaultCheckInDays} days`,
    messageId: id,
    evidence: { checkIn: at.toISOString() },
  });
}

async function insertOneOff(
  tx: Db,
  r: ReplyContext,
  dueAt: Date,
  now: boolean,
  text: string,
): Promise<string> {
  const domain = r.assistant.email.split('@')[1] ?? 'nurture.local';
  const subject = r.inbound.subject
    ? /^re:/i.test(r.inbound.subject)
      ? r.inbound.subject
      : `Re: ${r.inbound.subject}`
    : 'Following up';
  const [row] = await tx
    .insert(messages)
    .values({
      orgId: r.lead.orgId,
      leadId: r.lead.id,
      assistantId: r.assistant.id,
      kind: 'manual',
      step: null,
      status: 'scheduled',
      dueAt,
      explicitTime: now,
      messageId: `<${randomUUID()}.${r.lead.replyToken}@${domain}>`,
      subject: headerSafe(subject),
      textBody: text,
      inReplyTo: r.inbound.messageId,
      references: r.inbound.messageId ? [r.inbound.messageId] : [],
    })
    .returning({ id: messages.id });
  return row!.id;
}
