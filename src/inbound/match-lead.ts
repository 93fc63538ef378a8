import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { leads, messages } from '../db/schema.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import { finishedStates } from '../leads/lead-states.ts';

export type Match = {
  lead: LeadRow;
  by: 'in-reply-to' | 'references' | 'embedded-message-id' | 'reply-token' | 'sender' | 'bounced-recipient';
};

/**
 * Find the lead an inbound message is about (SPEC §6.1): the ids it answers,
 * then a reply token (in an address or a referenced Message-ID), then the
 * sender's address. A message that arrived through an org's channel (its
 * assistant's mailbox or address, its API key) only ever matches that org's
 * leads.
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
    orgId: string | null;
  },
): Promise<Match | null> {
  const inOrg = m.orgId ? eq(leads.orgId, m.orgId) : undefined;
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
        ),
      )
      .orderBy(desc(leads.updatedAt))
      .limit(1);
    if (lead) return { lead, by };
  }
  return null;
}
