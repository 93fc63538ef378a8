import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { anyUuid } from '../db/bulk-params.ts';
import type { Db } from '../db/database.ts';
import {
  classificationCorrections,
  inboundMessageChunks,
  inboundMessages,
  leadImportRows,
  leadImports,
  leads,
  messageClicks,
  messageOpens,
  messages,
  notifications,
  reviewItems,
  sandboxMessages,
  suppressions,
  timelineEvents,
} from '../db/schema.ts';
import { addressHash, suppressionKey } from '../suppression/suppression.ts';

/**
 * Everything Nurture holds about one person (SPEC §12), in an org: the one
 * definition both the export and the erasure use, so what is erased is what
 * the person was shown. The person is their address, not one lead: every
 * lead of the org with that address (any assistant, any time) and what
 * hangs off those leads, plus mail from or to the address that matched no
 * lead of theirs. Rows of other people that merely mention the address are
 * not theirs: erasure redacts the address there (erase-person.ts).
 */
export type PersonRecords = {
  /** The address as the suppression list keys it (lower case). */
  address: string;
  emailHash: string;
  leads: (typeof leads.$inferSelect)[];
  messages: (typeof messages.$inferSelect)[];
  timelineEvents: (typeof timelineEvents.$inferSelect)[];
  inboundMessages: (typeof inboundMessages.$inferSelect)[];
  inboundMessageChunks: { messageId: string; seq: number }[];
  reviewItems: (typeof reviewItems.$inferSelect)[];
  classificationCorrections: (typeof classificationCorrections.$inferSelect)[];
  notifications: (typeof notifications.$inferSelect)[];
  sandboxMessages: (typeof sandboxMessages.$inferSelect)[];
  messageOpens: (typeof messageOpens.$inferSelect)[];
  messageClicks: (typeof messageClicks.$inferSelect)[];
  leadImportRows: (typeof leadImportRows.$inferSelect)[];
  suppressions: (typeof suppressions.$inferSelect)[];
};

/** `text` holds the address, whatever its case (strpos: no pattern characters to escape, `_` included). */
export const mentions = (text: SQL, address: string): SQL =>
  sql`strpos(lower(${text}), ${suppressionKey(address)}) > 0`;

/** Every row that is this person's, read in `db` (a transaction when erasing). */
export async function findPersonRecords(db: Db, orgId: string, email: string): Promise<PersonRecords> {
  const address = suppressionKey(email);
  const personLeads = await db
    .select()
    .from(leads)
    .where(and(eq(leads.orgId, orgId), sql`lower(${leads.email}) = ${address}`))
    .orderBy(leads.createdAt);
  const leadIds = personLeads.map((l) => l.id);
  const ofLeads = (column: Parameters<typeof anyUuid>[0]) =>
    leadIds.length ? anyUuid(column, leadIds) : sql`false`;

  const [outgoing, events, inbound, opens, clicks, suppressed] = await Promise.all([
    db.select().from(messages).where(ofLeads(messages.leadId)).orderBy(messages.createdAt),
    db.select().from(timelineEvents).where(ofLeads(timelineEvents.leadId)).orderBy(timelineEvents.id),
    // Matched to their leads, or sent from their address and matched to none of them (unmatched, held).
    db
      .select()
      .from(inboundMessages)
      .where(
        and(
          eq(inboundMessages.orgId, orgId),
          or(ofLeads(inboundMessages.leadId), sql`lower(${inboundMessages.fromAddress}) = ${address}`),
        ),
      )
      .orderBy(inboundMessages.receivedAt),
    db.select().from(messageOpens).where(ofLeads(messageOpens.leadId)),
    db.select().from(messageClicks).where(ofLeads(messageClicks.leadId)),
    db
      .select()
      .from(suppressions)
      .where(and(eq(suppressions.orgId, orgId), eq(suppressions.emailHash, addressHash(orgId, address)))),
  ]);
  const inboundIds = inbound.map((m) => m.id);
  const ofInbound = (column: Parameters<typeof anyUuid>[0]) =>
    inboundIds.length ? anyUuid(column, inboundIds) : sql`false`;
  const messageIds = outgoing.map((m) => m.messageId);

  const [chunks, items, corrections, notices, sandbox, importRows] = await Promise.all([
    db
      .select({ messageId: inboundMessageChunks.messageId, seq: inboundMessageChunks.seq })
      .from(inboundMessageChunks)
      .where(ofInbound(inboundMessageChunks.messageId))
      .orderBy(inboundMessageChunks.messageId, inboundMessageChunks.seq),
    db
      .select()
      .from(reviewItems)
      .where(
        and(
          eq(reviewItems.orgId, orgId),
          or(ofLeads(reviewItems.leadId), ofInbound(reviewItems.inboundMessageId)),
        ),
      ),
    db
      .select()
      .from(classificationCorrections)
      .where(
        and(
          eq(classificationCorrections.orgId, orgId),
          or(
            ofLeads(classificationCorrections.leadId),
            ofInbound(classificationCorrections.inboundMessageId),
          ),
        ),
      ),
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, orgId), ofLeads(notifications.leadId))),
    // Mail to or from them: the assistant's emails to their leads, and anything addressed to them.
    db
      .select()
      .from(sandboxMessages)
      .where(
        and(
          eq(sandboxMessages.orgId, orgId),
          or(
            messageIds.length ? inArray(sandboxMessages.messageId, messageIds) : sql`false`,
            mentions(sql`${sandboxMessages.envelopeTo}::text`, address),
            sql`lower(${sandboxMessages.envelopeFrom}) = ${address}`,
          ),
        ),
      ),
    // The rows of lead lists that named them, whether or not the row became a lead.
    db
      .select({ row: leadImportRows })
      .from(leadImportRows)
      .innerJoin(leadImports, eq(leadImports.id, leadImportRows.importId))
      .where(
        and(
          eq(leadImports.orgId, orgId),
          or(ofLeads(leadImportRows.leadId), mentions(sql`${leadImportRows.cells}::text`, address)),
        ),
      )
      .orderBy(leadImportRows.importId, leadImportRows.rowNumber),
  ]);

  return {
    address,
    emailHash: addressHash(orgId, address),
    leads: personLeads,
    messages: outgoing,
    timelineEvents: events,
    inboundMessages: inbound,
    inboundMessageChunks: chunks,
    reviewItems: items,
    classificationCorrections: corrections,
    notifications: notices,
    sandboxMessages: sandbox,
    messageOpens: opens,
    messageClicks: clicks,
    leadImportRows: importRows.map((r) => r.row),
    suppressions: suppressed,
  };
}
