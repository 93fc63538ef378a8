import { eq, sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { type Classification, classifyMessage } from '../classify/classify-message.ts';
import { queryRows } from '../db/database.ts';
import { pgJson, pgText } from '../db/pg-text.ts';
import { assistants, inboundMessages, leads } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { orgAdapterFor } from '../review/org-classifier.ts';
import { actOnClassification } from './act-on-classification.ts';
import { embeddedMessageIds, matchLead } from './match-lead.ts';

/**
 * Process stored inbound messages: classify, match to a lead, act. A message
 * that throws is marked `failed` with the error and kept for a human; it never
 * stops the worker. Returns how many were claimed.
 */
export async function processInboundOnce(ctx: Ctx, workerId: string, limit = 20): Promise<number> {
  const staleBefore = new Date(ctx.now().getTime() - ctx.config.WORKER_STALE_AFTER_MS);
  const claimed = await queryRows<{ id: string }>(
    ctx.db,
    sql`UPDATE inbound_messages SET status = 'processing', claimed_by = ${workerId}, attempts = attempts + 1
        WHERE id IN (
          SELECT i.id FROM inbound_messages i
          WHERE i.status = 'received'
             OR (i.status = 'processing' AND i.attempts < 5 AND NOT EXISTS (
                  SELECT 1 FROM workers w WHERE w.id = i.claimed_by AND w.heartbeat_at > ${staleBefore.toISOString()}::timestamptz))
          ORDER BY i.received_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  // A few at a time: most of a message's time is spent waiting on the database.
  const queue = claimed.map((c) => String(c.id));
  const workers = Array.from({ length: Math.min(ctx.config.INBOUND_CONCURRENCY, queue.length) }, async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      try {
        await processOne(ctx, id);
      } catch (e) {
        ctx.log.error('inbound message failed; kept for review', { id, error: e });
        await ctx.db
          .update(inboundMessages)
          .set({
            status: 'failed',
            error: pgText(((e as Error).message ?? String(e)).slice(0, 2000)),
            processedAt: ctx.now(),
          })
          .where(eq(inboundMessages.id, id));
      }
    }
  });
  await Promise.all(workers);
  return claimed.length;
}

async function processOne(ctx: Ctx, id: string): Promise<void> {
  const [row] = await ctx.db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
  if (!row) return;
  const mail = await simpleParser(row.raw, {
    skipImageLinks: true,
    skipTextToHtml: true,
    maxHtmlLengthToParse: 2_000_000,
  });
  let classification = await classifyMessage(row.raw, { now: row.receivedAt, parsed: mail });
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? null;
  const match = await matchLead(ctx.db, {
    inReplyTo: ids(mail.inReplyTo),
    references: ids(mail.references),
    embedded: classification.kind === 'reply' ? [] : embeddedMessageIds(row.raw),
    addresses: [...addresses(mail.to), ...addresses(mail.cc), String(mail.headers.get('delivered-to') ?? '')],
    from: classification.kind === 'bounce' ? null : from,
    bouncedRecipient: classification.bounce?.recipient ?? null,
  });
  if (match && classification.kind === 'reply') {
    // The org's own corrections refine what its leads' replies mean.
    const orgAdapter = await orgAdapterFor(ctx.db, match.lead.orgId);
    if (orgAdapter)
      classification = await classifyMessage(row.raw, { now: row.receivedAt, parsed: mail, orgAdapter });
  }
  const summary = pgJson({
    fromAddress: from,
    subject: mail.subject ?? null,
    replyText: classification.details.replyText ?? null,
    kind: classification.kind,
    classification: stored(classification),
  });
  if (!match) {
    await ctx.db
      .update(inboundMessages)
      .set({ ...summary, status: 'unmatched' })
      .where(eq(inboundMessages.id, id));
    ctx.log.info('inbound message matched no lead', {
      id,
      from,
      subject: mail.subject,
      kind: classification.kind,
    });
    return;
  }
  await ctx.db.transaction(async (tx) => {
    const [lead] = await tx.select().from(leads).where(eq(leads.id, match.lead.id)).for('update');
    const [assistant] = await tx.select().from(assistants).where(eq(assistants.id, lead!.assistantId));
    await tx
      .update(inboundMessages)
      .set({
        ...summary,
        status: 'processed',
        processedAt: ctx.now(),
        orgId: lead!.orgId,
        leadId: lead!.id,
        matchedBy: match.by,
      })
      .where(eq(inboundMessages.id, id));
    await actOnClassification(tx, ctx.config, {
      lead: lead!,
      assistant: assistant!,
      classification: pgJson(classification),
      inbound: {
        id,
        messageId: mail.messageId ?? null,
        subject: mail.subject ?? null,
        matchedBy: match.by,
        receivedAt: row.receivedAt,
      },
      now: ctx.now(),
    });
  });
}

/** What the timeline and the review queue keep of a classification. */
function stored(c: Classification): Record<string, unknown> {
  const { details, ...contract } = c;
  return {
    ...contract,
    connectLaterDate: details.connectLaterDate ?? null,
    language: details.language ?? null,
    senderCaused: details.senderCaused,
  };
}

function ids(v: string | string[] | undefined): string[] {
  if (!v) return [];
  const list = Array.isArray(v) ? v : v.split(/\s+/);
  return list.map((s) => s.trim()).filter((s) => s.startsWith('<') && s.endsWith('>'));
}

function addresses(v: ParsedMail['to'] | undefined): string[] {
  if (!v) return [];
  return (Array.isArray(v) ? v : [v])
    .flatMap((a) => (a?.value ?? []).map((x) => x.address ?? ''))
    .filter(Boolean);
}
