import { eq } from 'drizzle-orm';
import { type Config, publicUrl, whatsappConfigured } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { assistants, inboundMessages, type NotificationChannel, users } from '../db/schema.ts';
import { leadLinkKey, leadLinksFor } from '../lead-links/lead-link-tokens.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import type { Cause } from '../timeline/record-event.ts';
import {
  type EngagementFacts,
  type LeadNoticeInput,
  type LeadNoticeKind,
  leadNoticeEmail,
  leadNoticeShort,
  oneClickActions,
  type ReplyFacts,
} from './lead-notice.ts';
import { channelOn } from './notification-preferences.ts';
import { enqueueNotifications, type NewNotification, notificationMessageId } from './outbox.ts';
import { ownerForNotice } from './recipients.ts';
import { teamCopyRows } from './team-copies.ts';

/** What writing a lead notification needs from the configuration: the link base, whether WhatsApp is on. */
export type LeadNotifyConfig = Pick<
  Config,
  | 'PUBLIC_URL'
  | 'PORT'
  | 'WHATSAPP_PHONE_NUMBER_ID'
  | 'WHATSAPP_ACCESS_TOKEN'
  | 'TRACKING_SECRET'
  | 'LEAD_LINK_TTL_DAYS'
>;

/** Where the in-app channel "delivers": the notifications list itself. */
export const inAppDestination = 'app';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Tell a lead's owner that it became hot, responded or warm (SPEC §8),
 * inside the transaction of the state change (changeLeadState calls it), so
 * a rolled-back change tells nobody. One notification per channel the owner
 * has on for the kind: email, WhatsApp (when the instance is configured and
 * the owner, or else the lead's assistant, has a phone) and in-app. The
 * source is the `state_changed` timeline event: one transition notifies once
 * however often it is written, and a lead that becomes hot again later (after
 * a continue) is a new transition, told again. Nobody is told about what they
 * did themselves (an owner marking their own lead hot). Returns the ids written.
 */
export async function notifyLeadOwner(
  tx: Db,
  config: LeadNotifyConfig,
  t: {
    kind: LeadNoticeKind;
    lead: LeadRow;
    from: { state: string; subState: string | null };
    eventId: number;
    cause: Cause;
  },
): Promise<string[]> {
  const { lead, cause } = t;
  if (cause.actorType === 'user' && cause.actorId === lead.ownerId) return [];
  const [owner] = await tx.select(ownerForNotice).from(users).where(eq(users.id, lead.ownerId));
  const [assistant] = await tx
    .select({
      name: assistants.name,
      email: assistants.email,
      phone: assistants.phone,
      brochureUrl: assistants.brochureUrl,
    })
    .from(assistants)
    .where(eq(assistants.id, lead.assistantId));
  if (!owner || !assistant) return [];

  const whatsappTo = whatsappConfigured(config) ? (owner.phone ?? assistant.phone) : null;
  const channels = (['email', 'whatsapp', 'in_app'] as const).filter(
    (c) => channelOn(owner.prefs, t.kind, c) && (c !== 'whatsapp' || whatsappTo),
  );
  if (!channels.length) return [];

  const byUser =
    cause.actorType === 'user' && cause.actorId
      ? ((
          await tx
            .select({ name: users.name, email: users.email })
            .from(users)
            .where(eq(users.id, cause.actorId))
        )
          .map((u) => u.name.trim() || u.email)
          .at(0) ?? null)
      : null;
  const input: LeadNoticeInput = {
    kind: t.kind,
    lead,
    from: t.from.state,
    at: lead.stateChangedAt,
    assistant: { name: assistant.name, brochureUrl: assistant.brochureUrl },
    ownerName: owner.name,
    byUser,
    reply: await replyFacts(tx, cause, byUser),
    engagement: t.kind === 'lead_warm' ? engagementFacts(cause) : null,
    baseUrl: publicUrl(config),
  };
  // Signed one-click links (issue 11): the owner's, for this lead; a team copy goes without them.
  const links = leadLinksFor(await leadLinkKey(tx, config), input.baseUrl, {
    leadId: lead.id,
    userId: owner.id,
    now: lead.stateChangedAt,
    ttlDays: config.LEAD_LINK_TTL_DAYS,
    actions: oneClickActions[t.kind],
  });
  const email = leadNoticeEmail({ ...input, links, linkTtlDays: config.LEAD_LINK_TTL_DAYS });
  const short = leadNoticeShort(input);
  const base = {
    orgId: lead.orgId,
    userId: owner.id,
    assistantId: lead.assistantId,
    leadId: lead.id,
    kind: t.kind,
    sourceId: String(t.eventId),
    subject: email.subject,
  };
  const row = (channel: NotificationChannel): NewNotification => {
    const messageId = notificationMessageId(assistant.email);
    if (channel === 'whatsapp')
      return {
        ...base,
        channel,
        destination: whatsappTo!,
        messageId,
        body: short.text,
        params: short.params,
      };
    if (channel === 'in_app')
      return { ...base, channel, destination: inAppDestination, messageId, body: email.body };
    return { ...base, channel, destination: owner.email, messageId, body: email.body };
  };
  const rows = channels.map(row);
  const emailRow = rows.find((r) => r.channel === 'email');
  if (emailRow && owner.copyTo.length)
    rows.push(
      ...teamCopyRows(
        emailRow,
        owner.copyTo,
        leadNoticeEmail(input).body,
        assistant.email,
        lead.stateChangedAt,
        owner.email,
      ),
    );
  return enqueueNotifications(tx, rows, lead.stateChangedAt);
}

/** The reply behind the change, as stored by the inbound pipeline earlier in this transaction (or before, for a correction). */
async function replyFacts(tx: Db, cause: Cause, byUser: string | null): Promise<ReplyFacts | null> {
  if (!cause.inboundMessageId) return null;
  const [m] = await tx
    .select({
      replyText: inboundMessages.replyText,
      subject: inboundMessages.subject,
      receivedAt: inboundMessages.receivedAt,
      kind: inboundMessages.kind,
      classification: inboundMessages.classification,
    })
    .from(inboundMessages)
    .where(eq(inboundMessages.id, cause.inboundMessageId));
  if (m?.kind !== 'reply') return null;
  const c = m.classification ?? {};
  const e = cause.evidence ?? {};
  const corrected = str(e.corrected);
  const meeting = (e.meeting ?? c.meeting ?? null) as ReplyFacts['meeting'];
  return {
    text: m.replyText ?? '',
    subject: m.subject,
    receivedAt: m.receivedAt,
    intent: corrected ?? str(e.intent) ?? str(c.intent),
    confidence: corrected
      ? null
      : typeof e.confidence === 'number'
        ? e.confidence
        : typeof c.confidence === 'number'
          ? c.confidence
          : null,
    evidence: corrected ? [] : (((e.evidence ?? c.evidence) as string[] | undefined) ?? []),
    meeting: meeting && typeof meeting.date === 'string' ? meeting : null,
    connectLaterDate: str(c.connectLaterDate),
    correctedBy: corrected ? (byUser ?? 'a user') : null,
  };
}

/** The open or click that made the lead warm, from the evidence record-engagement.ts gives the change. */
function engagementFacts(cause: Cause): EngagementFacts {
  const e = cause.evidence ?? {};
  const at = str(e.at);
  return {
    kind: typeof e.url === 'string' ? 'click' : 'open',
    at: at ? new Date(at) : null,
    url: str(e.url),
    step: typeof e.step === 'number' ? e.step : null,
    subject: str(e.subject),
  };
}
