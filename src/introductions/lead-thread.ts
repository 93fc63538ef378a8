import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { inboundMessages, messages } from '../db/schema.ts';

/** How an email answers the lead's conversation: the ids it threads under, and its subject. */
export type ThreadPlace = { inReplyTo: string | null; references: string[]; subject: string | null };

/** RFC 5322 allows a long References; mail clients keep the root and the latest few. */
const maxReferences = 20;

/**
 * Where a new email to the lead goes in its conversation: under the latest
 * message of the exchange — the last email that went to the lead, or the
 * lead's (or anyone's) reply matched to it since — with the thread's ids in
 * References and that message's subject answered with "Re:". A lead nobody
 * has emailed yet has no thread: null.
 */
export async function latestInThread(db: Db, leadId: string): Promise<ThreadPlace | null> {
  const [out] = await db
    .select({
      messageId: messages.messageId,
      references: messages.references,
      subject: messages.subject,
      at: messages.sentAt,
    })
    .from(messages)
    .where(
      and(
        eq(messages.leadId, leadId),
        inArray(messages.status, ['sent', 'uncertain']),
        isNotNull(messages.sentAt),
      ),
    )
    .orderBy(desc(messages.sentAt))
    .limit(1);
  const [inbound] = await db
    .select({
      messageId: inboundMessages.messageId,
      subject: inboundMessages.subject,
      at: inboundMessages.receivedAt,
    })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.leadId, leadId),
        eq(inboundMessages.status, 'processed'),
        isNotNull(inboundMessages.messageId),
        // A delivery report is about an email, not part of the conversation.
        inArray(inboundMessages.kind, ['reply', 'auto_reply']),
      ),
    )
    .orderBy(desc(inboundMessages.receivedAt))
    .limit(1);
  const chain = out ? [...out.references, out.messageId] : [];
  const inboundIsLatest = inbound?.messageId && (!out?.at || inbound.at > out.at);
  const latest = inboundIsLatest
    ? { id: inbound.messageId!, subject: inbound.subject ?? out?.subject ?? null }
    : out
      ? { id: out.messageId, subject: out.subject }
      : null;
  if (!latest) return null;
  const ids = [...new Set([...chain, latest.id])];
  const references = ids.length > maxReferences ? [ids[0]!, ...ids.slice(-(maxReferences - 1))] : ids;
  return { inReplyTo: latest.id, references, subject: latest.subject };
}

/** A subject answering `subject`: "Re: " once, never "Re: Re:". */
export const answering = (subject: string | null, fallback: string): string => {
  const s = subject?.trim();
  if (!s) return fallback;
  return /^(re|aw|sv|antw)\s*:/i.test(s) ? s : `Re: ${s}`;
};
