import { and, eq, sql } from 'drizzle-orm';
import { findVisibleLead } from '../access/lead-visibility.ts';
import { requirePersonRights } from '../access/person-access.ts';
import type { Actor } from '../accounts/actor.ts';
import { anyUuid } from '../db/bulk-params.ts';
import type { Db } from '../db/database.ts';
import {
  classificationCorrections,
  erasures,
  inboundMessageChunks,
  inboundMessages,
  leadImportRows,
  leads,
  messageClicks,
  messageOpens,
  messages,
  notifications,
  reviewItems,
  sandboxMessages,
  timelineEvents,
} from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { forgetOrgAdapter } from '../review/org-classifier.ts';
import { suppressByHashOnly } from '../suppression/suppression.ts';
import { findPersonRecords } from './person-records.ts';
import { redactMentions } from './redact-mentions.ts';

export type ErasureResult = {
  erased: true;
  erasureId: string;
  emailHash: string;
  removed: Record<string, number>;
  redacted: Record<string, number>;
};

/**
 * Erase a person (SPEC §12, GDPR): every row that is theirs
 * (person-records.ts) goes, the address is redacted wherever someone else's
 * row mentions it, and only its hash stays, on the suppression list, so no
 * re-add or re-import can email them. The org keeps a record that it
 * happened (`erasures`: the hash, who, when, how much), not a timeline: the
 * timeline was theirs. One transaction: nothing is half-erased.
 */
export async function erasePerson(ctx: Ctx, actor: Actor, leadId: string): Promise<ErasureResult> {
  const result = await ctx.db.transaction(async (tx) => {
    const lead = await findVisibleLead(tx, actor, leadId, { forUpdate: true });
    const person = await findPersonRecords(tx, actor.orgId, lead.email);
    requirePersonRights(actor, person.leads, 'erase');
    // A worker in the middle of sending to them, or of reading their mail, would record its outcome
    // against rows that are gone: wait for it (seconds) rather than half-erase or break its round.
    // Their rows are locked first: a worker's claim skips locked rows, and one that claimed before
    // shows here as sending or processing.
    const leadIds = person.leads.map((l) => l.id);
    const inboundIds = person.inboundMessages.map((m) => m.id);
    // Their leads locked too: nothing plans or moves one while it goes.
    await tx.select({ id: leads.id }).from(leads).where(anyUuid(leads.id, leadIds)).for('update');
    const busyMessages = await tx
      .select({ status: messages.status })
      .from(messages)
      .where(anyUuid(messages.leadId, leadIds))
      .for('update');
    const busyInbound = inboundIds.length
      ? await tx
          .select({ status: inboundMessages.status })
          .from(inboundMessages)
          .where(anyUuid(inboundMessages.id, inboundIds))
          .for('update')
      : [];
    if (
      busyMessages.some((m) => m.status === 'sending') ||
      busyInbound.some((m) => m.status === 'processing')
    )
      throw new AppError(
        'CONFLICT',
        'An email to or from this person is being processed right now; try again in a minute',
      );

    const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id);
    const removed: Record<string, number> = {};
    const remove = async (name: string, n: number, run: () => Promise<unknown>) => {
      if (n > 0) await run();
      removed[name] = n;
    };
    // Rows that point at others first (review items and corrections at inbound mail, events at messages).
    await remove('review_items', person.reviewItems.length, () =>
      tx.delete(reviewItems).where(anyUuid(reviewItems.id, ids(person.reviewItems))),
    );
    await remove('classification_corrections', person.classificationCorrections.length, () =>
      tx
        .delete(classificationCorrections)
        .where(anyUuid(classificationCorrections.id, ids(person.classificationCorrections))),
    );
    await remove('notifications', person.notifications.length, () =>
      tx.delete(notifications).where(anyUuid(notifications.id, ids(person.notifications))),
    );
    await remove('sandbox_messages', person.sandboxMessages.length, () =>
      tx.delete(sandboxMessages).where(anyUuid(sandboxMessages.id, ids(person.sandboxMessages))),
    );
    await remove('message_opens', person.messageOpens.length, () =>
      tx.delete(messageOpens).where(anyUuid(messageOpens.id, ids(person.messageOpens))),
    );
    await remove('message_clicks', person.messageClicks.length, () =>
      tx.delete(messageClicks).where(anyUuid(messageClicks.id, ids(person.messageClicks))),
    );
    await remove('lead_import_rows', person.leadImportRows.length, () =>
      deleteImportRows(tx, person.leadImportRows),
    );
    await remove('timeline_events', person.timelineEvents.length, () =>
      tx.delete(timelineEvents).where(anyUuid(timelineEvents.leadId, ids(person.leads))),
    );
    await remove('inbound_message_chunks', person.inboundMessageChunks.length, () =>
      tx.delete(inboundMessageChunks).where(anyUuid(inboundMessageChunks.messageId, inboundIds)),
    );
    await remove('inbound_messages', inboundIds.length, () =>
      tx.delete(inboundMessages).where(anyUuid(inboundMessages.id, inboundIds)),
    );
    await remove('messages', person.messages.length, () =>
      tx.delete(messages).where(anyUuid(messages.id, ids(person.messages))),
    );
    await remove('leads', person.leads.length, () =>
      tx.delete(leads).where(anyUuid(leads.id, ids(person.leads))),
    );

    const emailHash = await suppressByHashOnly(tx, actor.orgId, person.address);
    removed.suppressions_address = person.suppressions.filter((s) => s.email !== null).length;
    const redacted = await redactMentions(tx, actor.orgId, person.address);

    const [audit] = await tx
      .insert(erasures)
      .values({ orgId: actor.orgId, emailHash, erasedBy: actor.userId, erasedAt: ctx.now(), removed })
      .returning({ id: erasures.id });
    return { erased: true as const, erasureId: audit!.id, emailHash, removed, redacted };
  });
  // Their corrections taught the org's classifier: it is rebuilt without them.
  if (result.removed.classification_corrections) forgetOrgAdapter(actor.orgId);
  ctx.log.info('person erased', { orgId: actor.orgId, erasureId: result.erasureId });
  return result;
}

async function deleteImportRows(tx: Db, rows: { importId: string; rowNumber: number }[]) {
  for (const r of rows)
    await tx
      .delete(leadImportRows)
      .where(and(eq(leadImportRows.importId, r.importId), eq(leadImportRows.rowNumber, r.rowNumber)));
}

/** The org's erasures, newest first: the hash, who, when, what went (never an address). */
export async function listErasures(ctx: Ctx, orgId: string) {
  return ctx.db
    .select()
    .from(erasures)
    .where(eq(erasures.orgId, orgId))
    .orderBy(sql`${erasures.erasedAt} DESC`)
    .limit(500);
}
