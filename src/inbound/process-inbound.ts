import { eq, sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { type Db, queryRows } from '../db/database.ts';
import { inboundMessages } from '../db/schema.ts';
import { changeLeadState, type LeadRow } from '../leads/lead-state-change.ts';
import type { Ctx } from '../platform/context.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { matchLead } from './match-lead.ts';
import { stripQuoted } from './reply-text.ts';

export type InboundKind = 'bounce' | 'auto_reply' | 'reply';

/**
 * Process stored inbound messages: parse, match to a lead, act. A message that
 * throws is marked `failed` with the error and kept; it never stops the worker.
 * Returns how many were claimed.
 */
export async function processInboundOnce(ctx: Ctx, workerId: string, limit = 20): Promise<number> {
  const staleBefore = new Date(ctx.now().getTime() - ctx.config.WORKER_STALE_AFTER_MS);
  const claimed = await queryRows<{ id: string }>(
    ctx.db,
    sql`UPDATE inbound_messages SET status = 'processing', claimed_by = ${workerId}, attempts = attempts + 1
        WHERE id IN (
          SELECT i.id FROM inbound_messages i
          WHERE i.status = 'received'
             OR (i.status = 'processing' AND NOT EXISTS (
                  SELECT 1 FROM workers w WHERE w.id = i.claimed_by AND w.heartbeat_at > ${staleBefore.toISOString()}::timestamptz))
          ORDER BY i.received_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  for (const { id } of claimed) {
    try {
      await processOne(ctx, String(id));
    } catch (e) {
      ctx.log.error('inbound message failed; kept for review', { id, error: e });
      await ctx.db
        .update(inboundMessages)
        .set({
          status: 'failed',
          error: (e as Error).message?.slice(0, 2000) ?? String(e),
          processedAt: ctx.now(),
        })
        .where(eq(inboundMessages.id, String(id)));
    }
  }
  return claimed.length;
}

async function processOne(ctx: Ctx, id: string): Promise<void> {
  const [row] = await ctx.db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
  if (!row) return;
  const mail = await simpleParser(row.raw, { skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? null;
  const match = await matchLead(ctx.db, {
    inReplyTo: ids(mail.inReplyTo),
    references: ids(mail.references),
    addresses: [...addresses(mail.to), ...addresses(mail.cc), String(mail.headers.get('delivered-to') ?? '')],
    from,
  });
  const kind = kindOf(mail);
  const replyText = stripQuoted(mail.text ?? '');
  const summary = {
    fromAddress: from,
    subject: mail.subject ?? null,
    replyText,
    kind,
    processedAt: ctx.now(),
  };
  if (!match) {
    await ctx.db
      .update(inboundMessages)
      .set({ ...summary, status: 'unmatched' })
      .where(eq(inboundMessages.id, id));
    ctx.log.info('inbound message matched no lead', { id, from, subject: mail.subject });
    return;
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(inboundMessages)
      .set({
        ...summary,
        status: 'processed',
        orgId: match.lead.orgId,
        leadId: match.lead.id,
        matchedBy: match.by,
      })
      .where(eq(inboundMessages.id, id));
    await act(tx, { kind, mail, replyText, inboundId: id, matchedBy: match.by, lead: match.lead });
  });
}

async function act(
  tx: Db,
  m: {
    kind: InboundKind;
    mail: ParsedMail;
    replyText: string;
    inboundId: string;
    matchedBy: string;
    lead: LeadRow;
  },
): Promise<void> {
  const evidence = {
    subject: m.mail.subject ?? null,
    excerpt: m.replyText.slice(0, 500),
    matchedBy: m.matchedBy,
  };
  const base = { orgId: m.lead.orgId, leadId: m.lead.id, inboundMessageId: m.inboundId };
  if (m.kind !== 'reply') {
    // Never answered and, until the classifier reads them, never acted on.
    await recordEvent(tx, {
      ...base,
      type: 'auto_reply_received',
      actorType: 'system',
      reason:
        m.kind === 'bounce'
          ? 'A delivery status notification arrived'
          : 'An automatic reply arrived; no action taken',
      evidence: { ...evidence, kind: m.kind },
    });
    return;
  }
  await recordEvent(tx, {
    ...base,
    type: 'reply_received',
    actorType: 'lead',
    reason: `Reply from ${m.lead.email}`,
    evidence,
  });
  await changeLeadState(
    tx,
    m.lead,
    { type: 'reply', subState: 'Other' },
    {
      actorType: 'assistant',
      actorId: m.lead.assistantId,
      reason: 'The lead replied; any human reply stops the sequence',
      evidence,
      inboundMessageId: m.inboundId,
    },
  );
}

/** RFC 3464 reports and RFC 3834 auto-replies are not the lead speaking. */
function kindOf(mail: ParsedMail): InboundKind {
  const contentType = mail.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  const ct = contentType?.params?.['report-type']?.toLowerCase() ?? '';
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (ct === 'delivery-status' || /^(mailer-daemon|postmaster)@/.test(from)) return 'bounce';
  const auto = String(mail.headers.get('auto-submitted') ?? '').toLowerCase();
  if ((auto && auto !== 'no') || mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond'))
    return 'auto_reply';
  const precedence = String(mail.headers.get('precedence') ?? '').toLowerCase();
  if (['auto_reply', 'bulk', 'junk'].includes(precedence)) return 'auto_reply';
  return 'reply';
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
