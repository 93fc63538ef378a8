import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import { leadIdVisibleTo } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { inboundMessages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';

/**
 * Inbound messages that could not be processed (quarantined after their
 * attempts, or `failed` before quarantine existed), shown for a human in the
 * org they arrived for: who sent it, what about, how big, why it stopped,
 * how often it was tried. An admin may try one again (from scratch: its
 * attempts start over) or dismiss it (kept, so the same message arriving
 * again is still recognised and not processed).
 */
export type InboundProblem = {
  id: string;
  status: 'quarantined' | 'failed';
  channel: string;
  from: string | null;
  subject: string | null;
  sizeBytes: number;
  receivedAt: Date;
  quarantinedAt: Date | null;
  reason: string | null;
  attempts: number;
};

const problemStatuses = ['quarantined', 'failed'] as const;

export async function listInboundProblems(ctx: Ctx, actor: Actor, limit = 100): Promise<InboundProblem[]> {
  const rows = await ctx.db
    .select({
      id: inboundMessages.id,
      status: inboundMessages.status,
      channel: inboundMessages.channel,
      from: inboundMessages.fromAddress,
      subject: inboundMessages.subject,
      // Rows from before sizes were kept: their stored base64's length says it.
      sizeBytes: sql<number>`coalesce(${inboundMessages.sizeBytes}, (length(${inboundMessages.raw}) * 3 / 4))::int`,
      receivedAt: inboundMessages.receivedAt,
      quarantinedAt: inboundMessages.quarantinedAt,
      reason: inboundMessages.error,
      attempts: inboundMessages.attempts,
    })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.orgId, actor.orgId),
        inArray(inboundMessages.status, [...problemStatuses]),
        // One matched to a lead follows the lead's visibility; one that never got that far is everyone's.
        or(isNull(inboundMessages.leadId), leadIdVisibleTo(actor, inboundMessages.leadId)),
      ),
    )
    .orderBy(desc(inboundMessages.receivedAt))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    status: r.status as InboundProblem['status'],
    sizeBytes: Number(r.sizeBytes),
  }));
}

/** Queue it again now, its attempts starting over (admins). */
export async function retryInboundProblem(ctx: Ctx, actor: Actor, id: string): Promise<{ id: string }> {
  requireAdmin(actor, 'retry an inbound message');
  await changeProblem(ctx, actor, id, {
    status: 'received',
    attempts: 0,
    nextAttemptAt: null,
    quarantinedAt: null,
    claimedBy: null,
  });
  ctx.wake.inbound();
  ctx.log.info('inbound message queued again by a user', { id, userId: actor.userId });
  return { id };
}

/** Set it aside for good (admins). */
export async function dismissInboundProblem(ctx: Ctx, actor: Actor, id: string): Promise<{ id: string }> {
  requireAdmin(actor, 'dismiss an inbound message');
  await changeProblem(ctx, actor, id, { status: 'dismissed', dismissedBy: actor.userId });
  ctx.log.info('inbound message dismissed by a user', { id, userId: actor.userId });
  return { id };
}

async function changeProblem(
  ctx: Ctx,
  actor: Actor,
  id: string,
  set: Partial<typeof inboundMessages.$inferInsert>,
): Promise<void> {
  const ofOrg = and(eq(inboundMessages.id, id), eq(inboundMessages.orgId, actor.orgId));
  const changed = await ctx.db
    .update(inboundMessages)
    .set(set)
    .where(and(ofOrg, inArray(inboundMessages.status, [...problemStatuses])))
    .returning({ id: inboundMessages.id });
  if (changed.length) return;
  const [exists] = await ctx.db.select({ status: inboundMessages.status }).from(inboundMessages).where(ofOrg);
  if (!exists) throw new AppError('NOT_FOUND', `No inbound message ${id}`, { field: 'id' });
  throw new AppError('CONFLICT', `The message is ${exists.status}, not quarantined or failed`, {
    field: 'id',
  });
}
