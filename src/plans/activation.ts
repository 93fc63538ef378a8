import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/database.ts';
import { assistants, leads } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import { statePairOf, transition } from '../leads/lead-states.ts';
import { startLead } from '../leads/start-lead.ts';
import type { Ctx } from '../platform/context.ts';
import { fullPlanText, lockPlan, roomFor } from './capacity.ts';
import { claimRun, finishRun, utcDay } from './scheduled-runs.ts';

/**
 * SPEC §9: every day at 10:00 GMT, for assistants with auto-activation on,
 * `new` leads are activated oldest first while the plan has room (the
 * EmailCC reserve only for EmailCC leads). A lead that left the active states
 * since frees its place here: the active count is read at the run.
 */
export const activationJob = 'activate-new-leads';
export const activationHourUtc = 10;
/** Leads activated per transaction: an org with many waiting leads is done in several. */
const batchSize = 200;

/** 10:00 GMT of `at`'s UTC day. */
export const activationTimeOn = (at: Date): Date =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), activationHourUtc));

/**
 * When the next activation runs, as of `now`: today's 10:00 GMT until then;
 * after it, at once (the next worker check) if today's run has not happened,
 * else tomorrow's.
 */
export function nextActivationAt(now: Date, ranToday: boolean): Date {
  const today = activationTimeOn(now);
  if (now < today) return today;
  return ranToday ? new Date(today.getTime() + 86_400_000) : now;
}

export type ActivationResult = { run: string; activated: number; byOrg: Record<string, number> };

/**
 * The worker's daily job: when it is 10:00 GMT or later (ctx.now()) and no
 * worker has claimed today's run, claim it and activate. Null when not due
 * or another worker has it.
 */
export async function runDailyActivation(ctx: Ctx, workerId: string): Promise<ActivationResult | null> {
  const now = ctx.now();
  if (now < activationTimeOn(now)) return null;
  const day = utcDay(now);
  if (!(await claimRun(ctx.db, activationJob, day, workerId, now))) return null;
  const result = await activateWaitingLeads(ctx, day);
  await finishRun(ctx.db, activationJob, day, workerId, ctx.now(), result);
  if (result.activated) ctx.log.info('new leads activated', { run: day, activated: result.activated });
  return result;
}

/**
 * Activate waiting leads of every org, oldest first, while each plan has
 * room. Safe to run twice at once: each org's batch holds the org's row
 * (lockPlan) and the leads it takes (FOR UPDATE SKIP LOCKED), and a lead is
 * taken only while it is `new`, so each lead is activated once.
 */
export async function activateWaitingLeads(ctx: Ctx, run: string): Promise<ActivationResult> {
  const orgIds = await ctx.db
    .selectDistinct({ orgId: leads.orgId })
    .from(leads)
    .innerJoin(assistants, eq(assistants.id, leads.assistantId))
    .where(and(eq(leads.state, 'new'), eq(assistants.autoActivate, true)));
  const byOrg: Record<string, number> = {};
  let pending = false;
  for (const { orgId } of orgIds) {
    let after: string | null = null;
    for (;;) {
      const batch = await activateBatch(ctx, orgId, run, after);
      byOrg[orgId] = (byOrg[orgId] ?? 0) + batch.activated;
      pending ||= batch.pending;
      if (!batch.next) break;
      after = batch.next;
    }
  }
  const activated = Object.values(byOrg).reduce((a, b) => a + b, 0);
  if (activated) ctx.wake.dispatcher();
  if (pending) ctx.wake.validator?.();
  return { run, activated, byOrg };
}

type Batch = { activated: number; pending: boolean; next: string | null };

async function activateBatch(ctx: Ctx, orgId: string, run: string, after: string | null): Promise<Batch> {
  return ctx.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, orgId);
    const waiting = await tx
      .select({
        lead: leads,
        assistant: {
          id: assistants.id,
          email: assistants.email,
          smtpUrl: assistants.smtpUrl,
          reservePercent: assistants.emailccReservePercent,
        },
      })
      .from(leads)
      .innerJoin(assistants, eq(assistants.id, leads.assistantId))
      .where(
        and(
          eq(leads.orgId, orgId),
          eq(leads.state, 'new'),
          eq(assistants.autoActivate, true),
          // Past the previous batch (its leads skipped for the reserve stay `new`); compared in SQL, to the microsecond.
          after
            ? sql`(${leads.createdAt}, ${leads.id}) > (SELECT l.created_at, l.id FROM leads l WHERE l.id = ${after})`
            : undefined,
        ),
      )
      .orderBy(asc(leads.createdAt), asc(leads.id))
      .limit(batchSize)
      .for('update', { of: leads, skipLocked: true });
    let activated = 0;
    let pending = false;
    for (const { lead, assistant } of waiting) {
      if (plan.cap != null && plan.active >= plan.cap) break;
      const room = roomFor(plan, lead.source, assistant.reservePercent);
      if (!room.ok) continue; // the reserve: an EmailCC lead behind this one may still fit
      const started = await startLead(tx, ctx, lead, assistant, {
        room: {
          reason: `Activated: capacity available (the daily activation of ${run})`,
          evidence: { capacity: capacityEvidence(room), run },
        },
      });
      activated++;
      if (started.state !== 'deactivated') plan.active++;
      if (started.state === 'pending') pending = true;
    }
    const full = plan.cap != null && plan.active >= plan.cap;
    const last = waiting.at(-1);
    return {
      activated,
      pending,
      next: !full && last && waiting.length === batchSize ? last.lead.id : null,
    };
  });
}

/**
 * An admin activates one `new` lead by hand (lead action `activate`), when the
 * plan has room for it, whether or not its assistant auto-activates. In the
 * caller's transaction, the lead locked by it.
 */
export async function activateByHand(tx: Db, ctx: Ctx, actor: Actor, lead: LeadRow): Promise<LeadRow> {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only admins activate a lead by hand');
  transition(statePairOf(lead), { type: 'activate', verified: false }); // refuses anything but `new`
  const plan = await lockPlan(tx, lead.orgId);
  const [assistant] = await tx
    .select({
      id: assistants.id,
      email: assistants.email,
      smtpUrl: assistants.smtpUrl,
      reservePercent: assistants.emailccReservePercent,
    })
    .from(assistants)
    .where(eq(assistants.id, lead.assistantId));
  if (!assistant)
    throw new AppError('NOT_FOUND', `The lead's assistant ${lead.assistantId} no longer exists`);
  const room = roomFor(plan, lead.source, assistant.reservePercent);
  if (!room.ok)
    throw new AppError('CONFLICT', `No room to activate this lead: ${fullPlanText(room)}`, {
      details: capacityEvidence(room),
    });
  return startLead(tx, ctx, lead, assistant, {
    room: {
      reason: 'Activated by an admin: capacity available',
      evidence: { capacity: capacityEvidence(room) },
      by: { actorType: 'user', actorId: actor.userId },
    },
  });
}

/** What a timeline event says of the plan at the decision. */
export const capacityEvidence = (room: ReturnType<typeof roomFor>) => ({
  cap: room.cap,
  active: room.active,
  usable: room.usable,
  reservePercent: room.reservePercent,
  reserveApplied: room.reserveApplied,
});

/** Waiting leads, for the capacity view: how many, and whether their assistants auto-activate. */
export async function countWaiting(
  db: Db,
  orgId: string,
): Promise<{ waiting: number; autoActivated: number }> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*)`,
      auto: sql<number>`count(*) FILTER (WHERE ${assistants.autoActivate})`,
    })
    .from(leads)
    .innerJoin(assistants, eq(assistants.id, leads.assistantId))
    .where(and(eq(leads.orgId, orgId), eq(leads.state, 'new')));
  return { waiting: Number(row?.waiting ?? 0), autoActivated: Number(row?.auto ?? 0) };
}
