import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { leads, messages } from '../db/schema.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import { finishedStates } from '../leads/lead-states.ts';

export type Match = {
  lead: LeadRow;
  by: 'in-reply-to' | 'references' | 'embedded-message-id' | 'reply-token' | 'sender' | 'bounced-recipient';
};

/** Matched by an address the message only claims (its From, a bounce's recipient), not by one of our ids. */
export const matchedByClaimedAddress = (by: Match['by']): boolean =>
  by === 'sender' || by === 'bounced-recipient';

/**
 * Find the lead an inbound message is about (SPEC §6.1): the ids it answers,
 * then a reply token (in an address or a referenced Message-ID), then the
 * sender's address. Only ever among the leads of the org the message arrived
 * for (its assistant's mailbox or address, its inbound secret, the sandbox
 * user's org: issue 9). A match by address is narrowed further to the leads
 * of the assistant it arrived through, when known; a match by our own ids is
 * not, since a lead may have moved to another assistant of the org since.
 */
export async function matchLead(
  db: Db,
  m: {
    inReplyTo: string[];
    references: string[];
    embedded: string[];
    addresses: string[];
    from: string | null;
    bouncedRecipient: string | null;
    orgId: string;
    assistantId: string | null;
  },
): Promise<Match | null> {
  const inOrg = eq(leads.orgId, m.orgId);
  const ofAssistant = m.assistantId ? eq(leads.assistantId, m.assistantId) : undefined;
  for (const [ids, by] of [
    [m.inReplyTo, 'in-reply-to'],
    [m.references, 'references'],
    [m.embedded, 'embedded-message-id'],
  ] as const) {
    if (!ids.length) continue;
    const [hit] = await db
      .select({ lead: leads })
      .from(messages)
      .innerJoin(leads, eq(leads.id, messages.leadId))
      .where(and(inArray(messages.messageId, ids), inOrg))
      // A user's EmailCC is the first email of each lead it created: the one who answers it is theirs.
      .orderBy(m.from ? sql`(lower(${leads.email}) = ${m.from.toLowerCase()}) DESC` : leads.id)
      .limit(1);
    if (hit) return { lead: hit.lead, by };
  }
  const tokens = new Set<string>();
  for (const id of [...m.inReplyTo, ...m.references, ...m.embedded]) {
    const t = /^<[0-9a-f-]{36}\.([\w-]{8,})@/i.exec(id)?.[1];
    if (t) tokens.add(t);
  }
  for (const a of m.addresses) {
    const t = /\+r-([\w-]{8,})@/i.exec(a)?.[1];
    if (t) tokens.add(t);
  }
  if (tokens.size) {
    const [lead] = await db
      .select()
      .from(leads)
      .where(and(inArray(leads.replyToken, [...tokens]), inOrg))
      .limit(1);
    if (lead) return { lead, by: 'reply-token' };
  }
  for (const [address, by] of [
    [m.from, 'sender'],
    [m.bouncedRecipient, 'bounced-recipient'],
  ] as const) {
    if (!address) continue;
    // Several leads may share an address (other assistants, other orgs): the
    // one still being worked and most recently changed is the likeliest.
    const [lead] = await db
      .select()
      .from(leads)
      .where(
        and(
          sql`lower(${leads.email}) = ${address.toLowerCase()}`,
          notInArray(leads.state, [...finishedStates]),
          inOrg,
          ofAssistant,
        ),
      )
      .orderBy(desc(leads.updatedAt))
      .limit(1);
    if (lead) return { lead, by };
  }
  return null;
}
