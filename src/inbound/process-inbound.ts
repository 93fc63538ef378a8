import { and, eq, sql } from 'drizzle-orm';
import { analysedBytes } from '../classify/analysis-limits.ts';
import type { Classification } from '../classify/classify-message.ts';
import { queryRows } from '../db/database.ts';
import { pgJson, pgText } from '../db/pg-text.ts';
import { assistants, inboundMessages, leads } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { orgCorrectionsFor } from '../review/org-classifier.ts';
import { actOnClassification } from './act-on-classification.ts';
import type { Analysis } from './analyse-message.ts';
import { type AnalysisPool, createAnalysisPool } from './analysis-pool.ts';
import { actOnEmailCc } from './emailcc.ts';
import { recogniseEmailCc } from './emailcc-recognise.ts';
import { heldReason, holdUnauthenticated } from './hold-unauthenticated.ts';
import { introducedLeadOfThread, recordWithoutAnswering, staysOut } from './introduced-thread.ts';
import { matchedByClaimedAddress, matchLead } from './match-lead.ts';
import { dmarcFromAuthenticationResults, failsDmarc, type SenderAuth } from './sender-auth.ts';
import { readAnalysedPart } from './stored-raw.ts';

/**
 * Process stored inbound messages: analyse (parse, classify) in the pool's
 * threads under a time budget, match to a lead, act. A message that fails or
 * overruns is tried again later with doubling back-off, and after
 * INBOUND_MAX_ATTEMPTS is `quarantined` with its reason for a human; it never
 * stops the worker, and nothing is retried for ever. Attempts are counted at
 * claim time, so a message that kills its worker process (kill -9, out of
 * memory) is counted too, and quarantined by whoever claims after the last.
 * Returns how many were claimed. Without a pool one is made for the round.
 */
export async function processInboundOnce(
  ctx: Ctx,
  workerId: string,
  pool?: AnalysisPool,
  limit = 20,
): Promise<number> {
  const staleBefore = new Date(ctx.now().getTime() - ctx.config.WORKER_STALE_AFTER_MS).toISOString();
  const now = ctx.now().toISOString();
  const max = ctx.config.INBOUND_MAX_ATTEMPTS;
  const deadClaimer = sql`NOT EXISTS (SELECT 1 FROM workers w
    WHERE w.id = i.claimed_by AND w.heartbeat_at > ${staleBefore}::timestamptz)`;
  // A dead worker's claim on its last attempt: the message is what killed it, most likely.
  const stranded = await queryRows<{ id: string; attempts: number }>(
    ctx.db,
    sql`UPDATE inbound_messages i SET status = 'quarantined', claimed_by = NULL, next_attempt_at = NULL,
          quarantined_at = ${now}::timestamptz,
          error = 'its worker stopped while processing it (' || i.attempts || ' attempts)'
        WHERE i.status = 'processing' AND i.attempts >= ${max} AND ${deadClaimer}
        RETURNING i.id, i.attempts`,
  );
  for (const s of stranded) ctx.log.warn('inbound message quarantined: its worker died on every attempt', s);
  const claimed = await queryRows<{ id: string; attempts: number }>(
    ctx.db,
    sql`UPDATE inbound_messages SET status = 'processing', claimed_by = ${workerId}, attempts = attempts + 1
        WHERE id IN (
          SELECT i.id FROM inbound_messages i
          WHERE (i.status = 'received' AND (i.next_attempt_at IS NULL OR i.next_attempt_at <= ${now}::timestamptz))
             OR (i.status = 'processing' AND i.attempts < ${max} AND ${deadClaimer})
          ORDER BY i.received_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id, attempts`,
  );
  if (!claimed.length) return stranded.length;
  const own = pool ? null : createAnalysisPool(poolOptions(ctx));
  try {
    // A few at a time: most of a message's time is spent waiting on the database or its thread.
    const queue = claimed.map((c) => ({ id: String(c.id), attempts: Number(c.attempts) }));
    const loops = Array.from({ length: Math.min(ctx.config.INBOUND_CONCURRENCY, queue.length) }, async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        try {
          await processOne(ctx, pool ?? own!, m.id);
        } catch (e) {
          await failed(ctx, workerId, m, e);
        }
      }
    });
    await Promise.all(loops);
  } finally {
    await own?.close();
  }
  return claimed.length + stranded.length;
}

export function poolOptions(ctx: Ctx) {
  return {
    threads: ctx.config.INBOUND_CLASSIFY_THREADS,
    budgetMs: ctx.config.INBOUND_CLASSIFY_BUDGET_MS,
    log: ctx.log,
  };
}

/** Try again after a doubling wait, or quarantine it once its attempts are spent. */
async function failed(ctx: Ctx, workerId: string, m: { id: string; attempts: number }, e: unknown) {
  const reason = pgText(String((e as Error)?.message ?? e).slice(0, 2000));
  const spent = m.attempts >= ctx.config.INBOUND_MAX_ATTEMPTS;
  const now = ctx.now();
  const wait = ctx.config.INBOUND_RETRY_BASE_MS * 2 ** Math.max(0, m.attempts - 1);
  if (spent) ctx.log.warn('inbound message quarantined', { id: m.id, attempts: m.attempts, reason });
  else ctx.log.info('inbound message failed; trying again later', { id: m.id, attempts: m.attempts, reason });
  await ctx.db
    .update(inboundMessages)
    .set(
      spent
        ? { status: 'quarantined', error: reason, quarantinedAt: now, claimedBy: null, nextAttemptAt: null }
        : {
            status: 'received',
            error: reason,
            claimedBy: null,
            nextAttemptAt: new Date(now.getTime() + wait),
          },
    )
    .where(
      and(
        eq(inboundMessages.id, m.id),
        eq(inboundMessages.status, 'processing'),
        eq(inboundMessages.claimedBy, workerId),
      ),
    );
}

const base64Prefix = Math.ceil(analysedBytes / 3) * 4;

async function processOne(ctx: Ctx, pool: AnalysisPool, id: string): Promise<void> {
  // Only the part that is analysed leaves the database: the row's head (a base64 prefix of an older
  // row) and the slices after it, read one statement at a time (stored-raw.ts).
  const [row] = await ctx.db
    .select({
      rawPrefix: sql<string>`substring(${inboundMessages.raw} from 1 for ${base64Prefix})`,
      receivedAt: inboundMessages.receivedAt,
      orgId: inboundMessages.orgId,
      assistantId: inboundMessages.assistantId,
      channel: inboundMessages.channel,
      senderAuth: inboundMessages.senderAuth,
    })
    .from(inboundMessages)
    .where(eq(inboundMessages.id, id));
  if (!row) return;
  if (!row.orgId) {
    // Stored before every message belonged to an org (an instance-wide webhook): matched across orgs it
    // could touch anyone's lead, so it touches none; a human sees it among the unmatched.
    await ctx.db
      .update(inboundMessages)
      .set({ status: 'unmatched', error: 'arrived for no org', processedAt: ctx.now(), nextAttemptAt: null })
      .where(eq(inboundMessages.id, id));
    return;
  }
  const orgId = row.orgId;
  const raw = await readAnalysedPart(ctx, id, row.rawPrefix);
  const receivedAt = row.receivedAt.toISOString();
  // The org it arrived for: its own corrections refine what replies mean.
  const corrections = await orgCorrectionsFor(ctx.db, orgId);
  const a: Analysis = await pool.analyse({ raw, receivedAt, corrections });
  const senderAuth = senderAuthOf(ctx, row, a);
  const summary = summaryOf(a, senderAuth);
  // A conversation a user was introduced into (SPEC §6.3) is theirs: a reply-all of theirs copying
  // the assistant there is no EmailCC, and nothing in it is answered; it is only recorded.
  const introduced =
    a.classification.kind === 'bounce'
      ? null
      : await introducedLeadOfThread(ctx.db, orgId, { inReplyTo: a.inReplyTo, references: a.references });
  if (introduced) {
    await ctx.db.transaction(async (tx) => {
      const [lead] = await tx.select().from(leads).where(eq(leads.id, introduced.lead.id)).for('update');
      await tx
        .update(inboundMessages)
        .set({
          ...summary,
          status: 'processed',
          error: null,
          nextAttemptAt: null,
          processedAt: ctx.now(),
          leadId: lead!.id,
          matchedBy: introduced.by,
        })
        .where(eq(inboundMessages.id, id));
      await recordWithoutAnswering(tx, {
        lead: lead!,
        from: a.from,
        classification: pgJson(a.classification),
        inbound: { id, subject: a.subject, matchedBy: introduced.by },
      });
    });
    return;
  }
  // A user's email to people that copies the assistant (SPEC §6.5): before matching, since it is
  // no lead's reply (it may thread under one, or name a lead by address).
  const cc = await recogniseEmailCc(ctx.db, {
    orgId,
    assistantId: row.assistantId,
    channel: row.channel,
    analysis: a,
  });
  if (cc?.kind === 'emailcc') {
    await actOnEmailCc(ctx, { id, receivedAt: row.receivedAt, analysis: a, senderAuth, summary }, cc.emailCc);
    return;
  }
  const match = await matchLead(ctx.db, {
    inReplyTo: a.inReplyTo,
    references: a.references,
    embedded: a.embedded,
    addresses: a.addresses,
    from: a.classification.kind === 'bounce' ? null : a.from,
    bouncedRecipient: a.classification.bounce?.recipient ?? null,
    orgId,
    assistantId: row.assistantId,
  });
  const classification = a.classification;
  if (!match) {
    // An EmailCC from someone who is not a user: kept with the reason, nobody told.
    const error = cc?.kind === 'not-a-user' ? cc.reason : null;
    await ctx.db
      .update(inboundMessages)
      .set({ ...summary, status: 'unmatched', error, processedAt: ctx.now(), nextAttemptAt: null })
      .where(eq(inboundMessages.id, id));
    ctx.log.info('inbound message matched no lead', { id, from: a.from, kind: classification.kind });
    return;
  }
  const held = matchedByClaimedAddress(match.by) && failsDmarc(senderAuth);
  await ctx.db.transaction(async (tx) => {
    const [lead] = await tx.select().from(leads).where(eq(leads.id, match.lead.id)).for('update');
    const [assistant] = await tx.select().from(assistants).where(eq(assistants.id, lead!.assistantId));
    await tx
      .update(inboundMessages)
      .set({
        ...summary,
        status: held ? 'held' : 'processed',
        error: held ? heldReason(senderAuth!) : null,
        nextAttemptAt: null,
        processedAt: ctx.now(),
        orgId: lead!.orgId,
        leadId: lead!.id,
        matchedBy: match.by,
      })
      .where(eq(inboundMessages.id, id));
    const inbound = {
      id,
      messageId: a.messageId,
      subject: a.subject,
      matchedBy: match.by,
      receivedAt: row.receivedAt,
    };
    if (held) {
      await holdUnauthenticated(tx, {
        lead: lead!,
        classification,
        inbound,
        senderAuth: senderAuth!,
        from: a.from,
      });
      return;
    }
    if (staysOut(lead!, classification)) {
      await recordWithoutAnswering(tx, {
        lead: lead!,
        from: a.from,
        classification: pgJson(classification),
        inbound,
      });
      return;
    }
    await actOnClassification(tx, ctx.config, {
      lead: lead!,
      assistant: assistant!,
      classification: pgJson(classification),
      inbound,
      now: ctx.now(),
    });
  });
}

/**
 * What is known of the sender: the SMTP listener's own check, else for mail
 * another server received (IMAP, a webhook) that server's
 * `Authentication-Results`, if the admin trusts its authserv-id. The sandbox
 * is the org's own users replying as their lead: nothing to check.
 */
function senderAuthOf(
  ctx: Ctx,
  row: { channel: string; senderAuth: Record<string, unknown> | null },
  a: Analysis,
): SenderAuth | null {
  if (row.senderAuth) return row.senderAuth as SenderAuth;
  if (row.channel !== 'imap' && row.channel !== 'http') return null;
  return dmarcFromAuthenticationResults(a.authenticationResults, ctx.config.INBOUND_TRUSTED_AUTHSERV_IDS);
}

/** The columns every processed message gets: who, what about, how it was read, the sender check. */
function summaryOf(a: Analysis, senderAuth: SenderAuth | null) {
  const c = a.classification;
  return pgJson({
    fromAddress: a.from,
    subject: a.subject,
    replyText: c.details.replyText ?? null,
    kind: c.kind,
    classification: stored(c),
    senderAuth,
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
    // The lead's conversation shows the reply and folds this (capped like the reply).
    quotedText: details.quotedText ?? null,
  };
}
