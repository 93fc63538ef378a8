import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { inboundMessages, messages } from '../db/schema.ts';

export type OutgoingRow = typeof messages.$inferSelect;

export type IncomingRow = {
  id: string;
  messageId: string | null;
  from: string | null;
  subject: string | null;
  text: string | null;
  kind: string | null;
  at: Date;
  classification: Record<string, unknown> | null;
};

/** Inbound kinds a person reads as part of the exchange; bounces stay on the timeline. */
export const conversationKinds = ['reply', 'auto_reply'];

/**
 * A lead's emails both ways, read once: every message out (whatever its
 * status: the conversation shows what went, the panel what is still to go)
 * and every reply or automatic answer in that the pipeline has processed.
 * A message held because its sender failed DMARC is not the lead's word and
 * is left out.
 */
export async function loadExchange(
  db: Db,
  lead: { id: string; orgId: string },
): Promise<{ outgoing: OutgoingRow[]; incoming: IncomingRow[] }> {
  const [outgoing, incoming] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(and(eq(messages.leadId, lead.id), eq(messages.orgId, lead.orgId)))
      .orderBy(asc(messages.dueAt)),
    db
      .select({
        id: inboundMessages.id,
        messageId: inboundMessages.messageId,
        from: inboundMessages.fromAddress,
        subject: inboundMessages.subject,
        text: inboundMessages.replyText,
        kind: inboundMessages.kind,
        at: inboundMessages.receivedAt,
        classification: inboundMessages.classification,
      })
      .from(inboundMessages)
      .where(
        and(
          eq(inboundMessages.leadId, lead.id),
          eq(inboundMessages.orgId, lead.orgId),
          eq(inboundMessages.status, 'processed'),
          inArray(inboundMessages.kind, conversationKinds),
        ),
      )
      .orderBy(asc(inboundMessages.receivedAt)),
  ]);
  return { outgoing, incoming };
}
