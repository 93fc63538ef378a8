import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { queryRows } from '../db/database.ts';
import { breakers, deliverabilityAlerts } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { type EventInput, recordEvents } from '../timeline/record-event.ts';
import type { BreakerRow } from './breaker-evaluation.ts';
import { breakerHoldMs } from './breaker-policy.ts';
import { type BreakerView, breakerView } from './breaker-queries.ts';
import { assistantSetKey, scopesFor } from './breaker-scopes.ts';

export type ResumeResult = { breaker: BreakerView; alsoResumed: string[]; released: number };

/**
 * An admin re-arms a breaker that warned or tripped (SPEC §12): its window
 * restarts now, so the bounces that tripped it cannot trip it again, and the
 * emails its trip held become due now (every send rule still applies). The
 * breakers of the same kind over exactly the same assistants (an org with
 * one assistant: its mailbox, the assistant, the org) tripped on the same
 * emails and are re-armed with it.
 *
 * Two transactions: re-arm, then release. The release locks messages, which
 * a bounce being recorded locks before it evaluates (and locks) breakers;
 * taking both here could deadlock with it. A crash in between leaves held
 * emails to the daily re-check of the send rule, which then lets them go.
 */
export async function resumeBreaker(ctx: Ctx, actor: Actor, breakerId: string): Promise<ResumeResult> {
  requireAdmin(actor, 'resume a breaker');
  const now = ctx.now();
  const { resumed, target, scopes } = await ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(breakers)
      .where(and(eq(breakers.id, breakerId), eq(breakers.orgId, actor.orgId)))
      .for('update');
    if (!target) throw new AppError('NOT_FOUND', `No breaker ${breakerId}`);
    if (target.state === 'armed')
      throw new AppError('CONFLICT', 'The breaker is armed already: nothing to resume', {
        details: { state: target.state },
      });
    const scopes = await scopesFor(tx, actor.orgId);
    const setOf = (b: BreakerRow) =>
      assistantSetKey(scopes.find((s) => s.scope === b.scope && s.scopeId === b.scopeId)?.assistantIds ?? []);
    const raised = await tx
      .select()
      .from(breakers)
      .where(
        and(
          eq(breakers.orgId, actor.orgId),
          eq(breakers.kind, target.kind),
          ne(breakers.state, 'armed'),
          ne(breakers.id, target.id),
        ),
      );
    const key = setOf(target);
    const together = [target, ...raised.filter((b) => key !== '' && setOf(b) === key)];
    const resumed: { before: BreakerRow; after: BreakerRow }[] = [];
    for (const b of together) {
      const [after] = await tx
        .update(breakers)
        .set({
          state: 'armed',
          rate: 0,
          windowSends: 0,
          windowEvents: 0,
          windowFrom: now,
          evaluatedAt: now,
          resumedAt: now,
          resumedBy: actor.userId,
          evidence: {
            lastTrip:
              b.state === 'tripped'
                ? { ...b.evidence, trippedAt: b.trippedAt?.toISOString() }
                : (b.evidence?.lastTrip ?? null),
            resumedFrom: b.state,
            resumedWithBreaker: b.id === target.id ? undefined : target.id,
          },
        })
        .where(eq(breakers.id, b.id))
        .returning();
      resumed.push({ before: b, after: after! });
    }
    await tx
      .update(deliverabilityAlerts)
      .set({ resolvedAt: now })
      .where(
        and(
          inArray(
            deliverabilityAlerts.breakerId,
            together.map((b) => b.id),
          ),
          isNull(deliverabilityAlerts.resolvedAt),
        ),
      );
    return { resumed, target, scopes };
  });

  let released = 0;
  for (const { before } of resumed)
    if (before.state === 'tripped' && before.trippedAt)
      released += await releaseHeld(ctx, before, actor.userId, now);
  if (released) ctx.wake.dispatcher();
  ctx.log.info('breaker resumed', {
    breakerId: target.id,
    kind: target.kind,
    scope: target.scope,
    by: actor.userId,
    released,
  });
  return {
    breaker: breakerView(ctx, resumed[0]!.after, scopes),
    alsoResumed: resumed.slice(1).map((r) => r.after.id),
    released,
  };
}

/**
 * The emails this trip held: still scheduled, due within a hold of now, and
 * whose latest deferral names this breaker and this trip. Due now, each with
 * a timeline event saying who released it. Their attempts start again: every
 * daily re-check of a hold was a claim, and claims count as attempts, so a
 * week on hold would otherwise leave no retry for a transient SMTP failure.
 */
async function releaseHeld(ctx: Ctx, b: BreakerRow, userId: string, now: Date): Promise<number> {
  const trippedAt = b.trippedAt!.toISOString();
  const horizon = new Date(now.getTime() + breakerHoldMs + 60_000).toISOString();
  return ctx.db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; lead_id: string; step: number | null }>(
      tx,
      sql`WITH candidates AS (
            SELECT id, lead_id FROM messages
            WHERE org_id = ${b.orgId} AND status = 'scheduled'
              AND due_at >= ${trippedAt}::timestamptz AND due_at <= ${horizon}::timestamptz),
          latest AS (
            SELECT DISTINCT ON (t.message_id) t.message_id, t.evidence
            FROM timeline_events t JOIN candidates c ON c.lead_id = t.lead_id AND c.id = t.message_id
            WHERE t.type = 'send_deferred'
            ORDER BY t.message_id, t.id DESC)
          UPDATE messages m SET due_at = ${now.toISOString()}::timestamptz, attempts = 0
          FROM latest
          WHERE m.id = latest.message_id AND m.status = 'scheduled'
            AND latest.evidence->>'breakerId' = ${b.id}
            AND latest.evidence->>'trippedAt' = ${trippedAt}
          RETURNING m.id, m.lead_id, m.step`,
    );
    const events: EventInput[] = rows.map((r) => ({
      orgId: b.orgId,
      leadId: String(r.lead_id),
      type: 'send_deferred',
      actorType: 'user',
      actorId: userId,
      messageId: String(r.id),
      reason: 'The breaker that held this email was resumed by an admin: it goes now',
      evidence: { releasedBy: b.id, step: r.step, until: now.toISOString() },
    }));
    await recordEvents(tx, events);
    return rows.length;
  });
}
