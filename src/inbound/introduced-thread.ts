import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Classification } from '../classify/classify-message.ts';
import type { Db } from '../db/database.ts';
import { leads, messages, users } from '../db/schema.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import { recordEvent } from '../timeline/record-event.ts';

/**
 * After Introduce Me (SPEC §6.3) the lead is the user's: whatever the lead or
 * the user writes in that conversation is theirs. The assistant answers
 * nothing (no brochure, no check-in, no review, no state change, no EmailCC
 * lead made of a reply-all), but every message is recorded on the lead's
 * timeline so the exchange stays explainable. Bounces are still bounces.
 */

/** The introduced lead this message's thread belongs to (by the ids it answers), within the org. */
export async function introducedLeadOfThread(
  db: Db,
  orgId: string,
  thread: { inReplyTo: string[]; references: string[] },
): Promise<{ lead: LeadRow; by: 'in-reply-to' | 'references' } | null> {
  const ids = [...thread.inReplyTo, ...thread.references];
  if (!ids.length) return null;
  const [hit] = await db
    .select({ lead: leads, messageId: messages.messageId })
    .from(messages)
    .innerJoin(leads, eq(leads.id, messages.leadId))
    .where(and(inArray(messages.messageId, ids), eq(leads.orgId, orgId), isNotNull(leads.introducedAt)))
    .orderBy(sql`${leads.introducedAt} DESC`)
    .limit(1);
  if (!hit) return null;
  return { lead: hit.lead, by: thread.inReplyTo.includes(hit.messageId) ? 'in-reply-to' : 'references' };
}

/** Is the assistant out of this lead's conversation (introduced), for this kind of message? */
export const staysOut = (lead: LeadRow, c: Classification): boolean =>
  lead.introducedAt !== null && c.kind !== 'bounce';

/**
 * Record a message of an introduced lead's conversation without acting on it:
 * a reply by the lead (actor `lead`) or by one of the org's users (actor
 * `user`: their action on the lead), an automatic reply (actor `system`).
 */
export async function recordWithoutAnswering(
  tx: Db,
  m: {
    lead: LeadRow;
    from: string | null;
    classification: Classification;
    inbound: { id: string; subject: string | null; matchedBy: string };
  },
): Promise<void> {
  const c = m.classification;
  const from = m.from?.trim().toLowerCase() ?? null;
  const [user] = from
    ? await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(eq(users.orgId, m.lead.orgId), sql`lower(${users.email}) = ${from}`))
    : [];
  const evidence = {
    kind: c.kind,
    intent: c.intent,
    confidence: Math.round(c.confidence * 1000) / 1000,
    evidence: c.evidence,
    matchedBy: m.inbound.matchedBy,
    subject: m.inbound.subject,
    from,
    introducedAt: m.lead.introducedAt?.toISOString() ?? null,
    ...(c.details.replyText !== undefined ? { excerpt: c.details.replyText.slice(0, 500) } : {}),
  };
  const base = { orgId: m.lead.orgId, leadId: m.lead.id, inboundMessageId: m.inbound.id, evidence };
  const out = 'the lead was introduced to a user, so the assistant stays out: no answer, no state change';
  if (c.kind === 'auto_reply') {
    await recordEvent(tx, {
      ...base,
      type: 'auto_reply_received',
      actorType: 'system',
      reason: `An automatic reply in the introduced conversation: ${out}`,
    });
    return;
  }
  await recordEvent(tx, {
    ...base,
    type: 'reply_received',
    ...(user ? { actorType: 'user' as const, actorId: user.id } : { actorType: 'lead' as const }),
    reason: user
      ? `${user.email} wrote in the introduced conversation: ${out}`
      : `Reply from ${from ?? m.lead.email} in the introduced conversation: ${out}`,
  });
}
