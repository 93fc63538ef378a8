import { and, asc, eq, sql } from 'drizzle-orm';
import { checkLeadOwner, isUserOfAssistant } from '../access/lead-owners.ts';
import { findVisibleLead } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { assistants, leads, messages } from '../db/schema.ts';
import { AppError, type ErrorCode, isAppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { replanOneLead } from '../schedules/replan-leads.ts';
import { getSchedule } from '../schedules/schedules.ts';
import { isValidTimeZone } from '../sequences/send-window.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { maxBulkLeads } from './lead-actions.ts';
import type { LeadRow } from './lead-state-change.ts';

/**
 * What a user may change on a lead (issue 11). Absent: unchanged; null (where
 * allowed) clears. `tags` replaces the list; `addTags`/`removeTags` change it
 * (what a bulk edit uses). `nextFollowUpAt` moves the next scheduled step
 * there, the later ones keeping their gaps.
 */
export type LeadChanges = {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  title?: string | null;
  industry?: string | null;
  country?: string | null;
  phone?: string | null;
  timeZone?: string | null;
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
  customFields?: Record<string, string>;
  scheduleId?: string;
  nextFollowUpAt?: Date;
  assistantId?: string;
  ownerId?: string;
};

const textFields = ['firstName', 'lastName', 'company', 'title', 'industry', 'country', 'phone'] as const;

export type EditResult =
  | { leadId: string; ok: true; lead: LeadRow }
  | { leadId: string; ok: false; error: { code: ErrorCode; message: string; field?: string } };

/** Edit one visible lead, in one transaction: each change on its timeline with old and new values. */
export async function editLead(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  changes: LeadChanges,
): Promise<LeadRow> {
  checkChanges(ctx, changes);
  const lead = await ctx.db.transaction((tx) => editOne(ctx, tx, actor, leadId, changes));
  ctx.wake.dispatcher();
  return lead;
}

/**
 * The same changes on many leads, each in its own transaction: a lead that
 * can't take them (not visible, a duplicate on the new assistant, an owner
 * its assistant doesn't allow) fails alone, with its reason; a bad request
 * (an unknown time zone) fails as a whole.
 */
export async function editLeads(
  ctx: Ctx,
  actor: Actor,
  leadIds: string[],
  changes: LeadChanges,
): Promise<EditResult[]> {
  if (leadIds.length > maxBulkLeads)
    throw new AppError('VALIDATION', `leadIds: at most ${maxBulkLeads} leads at once`, { field: 'leadIds' });
  checkChanges(ctx, changes);
  const results: EditResult[] = [];
  for (const leadId of new Set(leadIds)) {
    try {
      results.push({
        leadId,
        ok: true,
        lead: await ctx.db.transaction((tx) => editOne(ctx, tx, actor, leadId, changes)),
      });
    } catch (e) {
      if (!isAppError(e)) ctx.log.error('lead edit failed', { error: e, leadId });
      const error = isAppError(e)
        ? { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) }
        : { code: 'INTERNAL' as const, message: 'Internal error; it has been logged' };
      results.push({ leadId, ok: false, error });
    }
  }
  ctx.wake.dispatcher();
  return results;
}

function checkChanges(ctx: Ctx, c: LeadChanges): void {
  if (c.timeZone && !isValidTimeZone(c.timeZone))
    throw new AppError('VALIDATION', `timeZone: unknown IANA time zone "${c.timeZone}"`, {
      field: 'timeZone',
    });
  if (c.tags && (c.addTags || c.removeTags))
    throw new AppError('VALIDATION', 'tags: give the whole list, or tags to add and remove, not both', {
      field: 'tags',
    });
  if (c.nextFollowUpAt && c.nextFollowUpAt.getTime() <= ctx.now().getTime())
    throw new AppError('VALIDATION', 'nextFollowUpAt: must be in the future', { field: 'nextFollowUpAt' });
  if (!Object.values(c).some((v) => v !== undefined))
    throw new AppError('VALIDATION', 'body: nothing to change', { field: 'body' });
}

const tidyTags = (tags: string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function editOne(ctx: Ctx, tx: Db, actor: Actor, leadId: string, c: LeadChanges): Promise<LeadRow> {
  const lead = await findVisibleLead(tx, actor, leadId, { forUpdate: true });
  const set: Partial<typeof leads.$inferInsert> = {};
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  const note = (field: string, from: unknown, to: unknown) => {
    if (!same(from ?? null, to ?? null)) changed[field] = { from: from ?? null, to: to ?? null };
  };
  for (const f of textFields) {
    if (c[f] === undefined) continue;
    const v = c[f]?.trim() || null;
    note(f, lead[f], v);
    set[f] = v;
  }
  if (c.timeZone !== undefined) {
    note('timeZone', lead.timeZone, c.timeZone || null);
    set.timeZone = c.timeZone || null;
  }
  const tags = c.tags
    ? tidyTags(c.tags)
    : c.addTags || c.removeTags
      ? tidyTags([...lead.tags, ...(c.addTags ?? [])]).filter(
          (t) => !tidyTags(c.removeTags ?? []).includes(t),
        )
      : null;
  if (tags) {
    note('tags', lead.tags, tags);
    set.tags = tags;
  }
  if (c.customFields) {
    const fields = Object.fromEntries(
      Object.entries(c.customFields)
        .map(([k, v]) => [k.trim(), v] as const)
        .filter(([k]) => k),
    );
    note('customFields', lead.customFields, fields);
    set.customFields = fields;
  }

  // The assistant first: who may own the lead depends on it.
  const assistantId = c.assistantId ?? lead.assistantId;
  if (c.assistantId && c.assistantId !== lead.assistantId) {
    const [to] = await tx
      .select({ id: assistants.id, name: assistants.name, archivedAt: assistants.archivedAt })
      .from(assistants)
      .where(and(eq(assistants.orgId, lead.orgId), eq(assistants.id, c.assistantId)));
    if (!to)
      throw new AppError('NOT_FOUND', `assistantId: no assistant ${c.assistantId} in this organisation`, {
        field: 'assistantId',
      });
    if (to.archivedAt)
      throw new AppError('CONFLICT', `assistantId: the assistant ${to.name} is archived and takes no lead`, {
        field: 'assistantId',
      });
    // SPEC §10.2: admins assign assistants; anyone else moves a lead only to one they work with.
    if (actor.role !== 'admin' && !(await isUserOfAssistant(tx, lead.orgId, to.id, actor.userId)))
      throw new AppError('FORBIDDEN', `assistantId: you are not a user of the assistant ${to.name}`, {
        field: 'assistantId',
      });
    note('assistantId', lead.assistantId, to.id);
    set.assistantId = to.id;
  }
  const ownerId = c.ownerId ?? lead.ownerId;
  // A new owner, or the lead moving to an assistant: the owner must be allowed there (access/lead-owners.ts).
  if (c.ownerId !== undefined || set.assistantId) await checkLeadOwner(tx, actor, ownerId, assistantId);
  if (c.ownerId !== undefined) {
    note('ownerId', lead.ownerId, c.ownerId);
    set.ownerId = c.ownerId;
  }
  const schedule =
    c.scheduleId && c.scheduleId !== lead.scheduleId ? await getSchedule(tx, lead.orgId, c.scheduleId) : null;
  if (schedule) {
    note('scheduleId', lead.scheduleId, schedule.id);
    set.scheduleId = schedule.id;
  }

  if (Object.keys(set).length) {
    try {
      await tx
        .update(leads)
        .set({ ...set, updatedAt: sql`now()` })
        .where(eq(leads.id, lead.id));
    } catch (e) {
      if (isUniqueViolation(e, 'leads_open_email_key'))
        throw new AppError(
          'CONFLICT',
          `assistantId: ${lead.email} is already an open lead of that assistant`,
          {
            field: 'assistantId',
          },
        );
      throw e;
    }
  }
  // The emails still to go follow the lead to its new assistant.
  if (set.assistantId)
    await tx
      .update(messages)
      .set({ assistantId: set.assistantId })
      .where(and(eq(messages.leadId, lead.id), eq(messages.status, 'scheduled')));
  const by = { actorType: 'user' as const, actorId: actor.userId };
  if (Object.keys(changed).length)
    await recordEvent(tx, {
      orgId: lead.orgId,
      leadId: lead.id,
      type: 'lead_edited',
      ...by,
      reason: `Edited by a user: ${Object.keys(changed).join(', ')}`,
      evidence: { changes: changed },
    });
  const [edited] = await tx.select().from(leads).where(eq(leads.id, lead.id));
  if (schedule) await replanOneLead(tx, edited!, schedule, actor, ctx.now());
  if (c.nextFollowUpAt) await moveNextFollowUp(tx, edited!, c.nextFollowUpAt, actor);
  const [after] = await tx.select().from(leads).where(eq(leads.id, lead.id));
  return after!;
}

/**
 * The next scheduled step goes at `at` (a time the user chose: it overrides
 * the send window), and every later one moves by as much, keeping the
 * schedule's gaps. On the timeline as `steps_scheduled` with old and new dates.
 */
async function moveNextFollowUp(tx: Db, lead: LeadRow, at: Date, actor: Actor): Promise<void> {
  const pending = await tx
    .select({ id: messages.id, step: messages.step, dueAt: messages.dueAt })
    .from(messages)
    .where(and(eq(messages.leadId, lead.id), eq(messages.status, 'scheduled'), eq(messages.kind, 'sequence')))
    .orderBy(asc(messages.dueAt), asc(messages.step));
  const next = pending[0];
  if (!next)
    throw new AppError('CONFLICT', `nextFollowUpAt: no follow-up is scheduled for this ${lead.state} lead`, {
      field: 'nextFollowUpAt',
    });
  const shift = at.getTime() - next.dueAt.getTime();
  for (const m of pending)
    await tx
      .update(messages)
      .set({
        dueAt: new Date(m.dueAt.getTime() + shift),
        ...(m.id === next.id ? { explicitTime: true } : {}),
      })
      .where(and(eq(messages.id, m.id), eq(messages.status, 'scheduled')));
  await tx.update(leads).set({ updatedAt: sql`now()` }).where(eq(leads.id, lead.id));
  await recordEvent(tx, {
    orgId: lead.orgId,
    leadId: lead.id,
    type: 'steps_scheduled',
    actorType: 'user',
    actorId: actor.userId,
    reason: `Next follow-up moved by a user to ${at.toISOString()}; the later steps keep their gaps`,
    evidence: {
      steps: pending.map((m) => ({
        step: m.step,
        from: m.dueAt.toISOString(),
        to: new Date(m.dueAt.getTime() + shift).toISOString(),
      })),
    },
  });
}
