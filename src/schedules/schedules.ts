import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/database.ts';
import { assistants, leads, schedules } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { activeStates } from '../leads/lead-states.ts';
import type { Ctx } from '../platform/context.ts';
import { replanLeadsOnSchedule } from './replan-leads.ts';

/** SPEC §5.1: seven messages with growing gaps. */
export const defaultScheduleSteps = [0, 2, 5, 9, 14, 21, 30];
export const maxScheduleSteps = 20;
/** A step further out than this is a typo, not a follow-up. */
export const maxStepDay = 3650;

export type Schedule = typeof schedules.$inferSelect;
export type ScheduleUsage = { leads: number; activeLeads: number; assistants: number };
export type ScheduleView = Schedule & { usedBy: ScheduleUsage };
export type ScheduleInput = { name: string; steps: number[]; startsAtStep?: number };
export type SchedulePatch = Partial<ScheduleInput>;

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Every org starts with the default schedule and its EmailCC copy (which starts at the second message). */
export async function createDefaultSchedules(
  db: Db,
  orgId: string,
): Promise<{ standard: Schedule; emailcc: Schedule }> {
  const [standard] = await db
    .insert(schedules)
    .values({ orgId, name: 'Default', steps: defaultScheduleSteps, startsAtStep: 0 })
    .returning();
  const [emailcc] = await db
    .insert(schedules)
    .values({ orgId, name: 'Default EmailCC', steps: defaultScheduleSteps, startsAtStep: 1 })
    .returning();
  return { standard: standard!, emailcc: emailcc! };
}

export async function getSchedule(
  db: Db,
  orgId: string,
  id: string,
  field = 'scheduleId',
  opts: { forUpdate?: boolean } = {},
): Promise<Schedule> {
  const q = db
    .select()
    .from(schedules)
    .where(and(eq(schedules.orgId, orgId), eq(schedules.id, id)));
  const [row] = isUuid(id) ? await (opts.forUpdate ? q.for('update') : q) : [];
  if (!row) throw new AppError('NOT_FOUND', `No schedule ${id} in this organisation`, { field });
  return row;
}

/**
 * Steps are day offsets from the first message (SPEC §5.1): the first is day
 * 0, each later one strictly after the one before, at most 20 of them; an
 * EmailCC-style schedule starts at a later step (its first is the user's own email).
 */
export function checkSteps(steps: number[], startsAtStep: number): void {
  const bad = (message: string, field = 'steps') => new AppError('VALIDATION', message, { field });
  if (!steps.length) throw bad('steps: at least one step');
  if (steps.length > maxScheduleSteps) throw bad(`steps: at most ${maxScheduleSteps} steps`);
  steps.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0 || d > maxStepDay)
      throw bad(`steps.${i}: a whole number of days from 0 to ${maxStepDay}`, `steps.${i}`);
  });
  if (steps[0] !== 0) throw bad('steps.0: the first step is day 0', 'steps.0');
  for (let i = 1; i < steps.length; i++)
    if (steps[i]! <= steps[i - 1]!)
      throw bad(`steps.${i}: day ${steps[i]} must come after day ${steps[i - 1]}`, `steps.${i}`);
  if (!Number.isInteger(startsAtStep) || startsAtStep < 0 || startsAtStep >= steps.length)
    throw bad(`startsAtStep: must be a step index from 0 to ${steps.length - 1}`, 'startsAtStep');
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100)
    throw new AppError('VALIDATION', 'name: 1 to 100 characters', { field: 'name' });
  return trimmed;
}

async function usageOf(db: Db, orgId: string, ids: string[]): Promise<Map<string, ScheduleUsage>> {
  const out = new Map<string, ScheduleUsage>(
    ids.map((id) => [id, { leads: 0, activeLeads: 0, assistants: 0 }]),
  );
  if (!ids.length) return out;
  const [leadRows, assistantRows] = await Promise.all([
    db
      .select({
        id: leads.scheduleId,
        n: count(),
        active: sql<number>`count(*) FILTER (WHERE ${inArray(leads.state, [...activeStates])})`,
      })
      .from(leads)
      .where(and(eq(leads.orgId, orgId), inArray(leads.scheduleId, ids)))
      .groupBy(leads.scheduleId),
    db
      .select({ standard: assistants.defaultScheduleId, emailcc: assistants.defaultEmailccScheduleId })
      .from(assistants)
      .where(
        and(
          eq(assistants.orgId, orgId),
          or(inArray(assistants.defaultScheduleId, ids), inArray(assistants.defaultEmailccScheduleId, ids)),
        ),
      ),
  ]);
  for (const r of leadRows) {
    const u = out.get(r.id)!;
    u.leads = Number(r.n);
    u.activeLeads = Number(r.active);
  }
  for (const a of assistantRows)
    for (const id of new Set([a.standard, a.emailcc])) if (id && out.has(id)) out.get(id)!.assistants++;
  return out;
}

export async function listSchedules(ctx: Ctx, actor: Actor): Promise<ScheduleView[]> {
  const rows = await ctx.db
    .select()
    .from(schedules)
    .where(eq(schedules.orgId, actor.orgId))
    .orderBy(asc(schedules.createdAt), asc(schedules.id));
  const usage = await usageOf(
    ctx.db,
    actor.orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, usedBy: usage.get(r.id)! }));
}

export async function getScheduleView(ctx: Ctx, actor: Actor, id: string): Promise<ScheduleView> {
  const row = await getSchedule(ctx.db, actor.orgId, id, 'id');
  return { ...row, usedBy: (await usageOf(ctx.db, actor.orgId, [row.id])).get(row.id)! };
}

export async function createSchedule(ctx: Ctx, actor: Actor, input: ScheduleInput): Promise<ScheduleView> {
  requireAdmin(actor, 'create schedules');
  const name = checkName(input.name);
  const startsAtStep = input.startsAtStep ?? 0;
  checkSteps(input.steps, startsAtStep);
  const [row] = await ctx.db
    .insert(schedules)
    .values({ orgId: actor.orgId, name, steps: input.steps, startsAtStep })
    .returning();
  return { ...row!, usedBy: { leads: 0, activeLeads: 0, assistants: 0 } };
}

/** A copy to edit, named "<name> (copy)" unless a name is given. */
export async function cloneSchedule(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { name?: string | null },
): Promise<ScheduleView> {
  requireAdmin(actor, 'create schedules');
  const source = await getSchedule(ctx.db, actor.orgId, id, 'id');
  return createSchedule(ctx, actor, {
    name: input.name ?? `${source.name} (copy)`.slice(0, 100),
    steps: source.steps,
    startsAtStep: source.startsAtStep,
  });
}

/**
 * Rename or re-step a schedule. New steps apply to the leads still on it
 * (SPEC §5.1): their remaining steps are re-planned in the same transaction,
 * so no lead is ever half on the old steps and half on the new.
 */
export async function updateSchedule(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: SchedulePatch,
): Promise<ScheduleView & { replannedLeads: number }> {
  requireAdmin(actor, 'edit schedules');
  const replanned = await ctx.db.transaction(async (tx) => {
    const current = await getSchedule(tx, actor.orgId, id, 'id', { forUpdate: true });
    const name = patch.name === undefined ? current.name : checkName(patch.name);
    const steps = patch.steps ?? current.steps;
    const startsAtStep = patch.startsAtStep ?? current.startsAtStep;
    checkSteps(steps, startsAtStep);
    const [updated] = await tx
      .update(schedules)
      .set({ name, steps, startsAtStep, updatedAt: sql`now()` })
      .where(eq(schedules.id, current.id))
      .returning();
    const stepsChanged = JSON.stringify(steps) !== JSON.stringify(current.steps);
    // Running leads keep the step they started at; only day offsets move them.
    return stepsChanged ? replanLeadsOnSchedule(tx, updated!, actor, ctx.now()) : 0;
  });
  if (replanned) ctx.wake.dispatcher();
  return { ...(await getScheduleView(ctx, actor, id)), replannedLeads: replanned };
}

/** A schedule that leads or assistants use stays: their plans and defaults depend on it. */
export async function deleteSchedule(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor, 'delete schedules');
  await ctx.db.transaction(async (tx) => {
    const row = await getSchedule(tx, actor.orgId, id, 'id', { forUpdate: true });
    const usage = (await usageOf(tx, actor.orgId, [row.id])).get(row.id)!;
    if (usage.leads || usage.assistants)
      throw new AppError(
        'CONFLICT',
        `Schedule "${row.name}" is in use by ${usage.leads} lead(s) (${usage.activeLeads} still running) and ${usage.assistants} assistant(s) as their default; it cannot be deleted`,
        { field: 'id', details: { ...usage } },
      );
    await tx.delete(schedules).where(eq(schedules.id, row.id));
  });
}
