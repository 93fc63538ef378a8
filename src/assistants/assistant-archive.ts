import { and, eq, inArray, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { assistants, leads, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { changeLeadState } from '../leads/lead-state-change.ts';
import type { LeadState } from '../leads/lead-states.ts';
import type { Ctx } from '../platform/context.ts';
import { type AssistantView, assistantView, getAssistantRow } from './assistant-queries.ts';
import { checkAssistantEmailFree } from './assistant-setup.ts';

/** SPEC §4's states a lead is still worked in; archiving the assistant stops each of them. */
export const archiveStopsStates: readonly LeadState[] = [
  'new',
  'pending',
  'cold',
  'engaged',
  'warm',
  'out_of_office',
];

/**
 * Archive an assistant (admins): nothing is deleted. Its running leads stop
 * as a user's stop does (deactivated, ManualStop: their scheduled emails are
 * cancelled, each lead's timeline says the assistant was archived and by
 * whom); from then on it is hidden from the list, takes no new lead, its
 * mailbox is not read and nothing is sent for it. One transaction: all or nothing.
 */
export async function archiveAssistant(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<AssistantView & { stoppedLeads: number }> {
  requireAdmin(actor, 'archive assistants');
  const current = await getAssistantRow(ctx, actor, id);
  if (current.archivedAt)
    throw new AppError('CONFLICT', `id: assistant ${current.name} is already archived`, { field: 'id' });
  const result = await ctx.db.transaction(async (tx) => {
    const [by] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, actor.userId));
    const who = by ? by.name || by.email : 'an admin';
    const [row] = await tx
      .update(assistants)
      .set({
        archivedAt: sql`now()`,
        archivedBy: actor.userId,
        updatedAt: sql`now()`,
        // The reader's lease goes with it, so no worker keeps a session open on its behalf.
        imapLeasedBy: null,
        imapLeaseUntil: null,
      })
      .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
      .returning();
    const running = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.assistantId, current.id), inArray(leads.state, [...archiveStopsStates])))
      .for('update');
    let stopped = 0;
    for (const lead of running) {
      const changed = await changeLeadState(
        tx,
        lead,
        { type: 'deactivate' },
        {
          actorType: 'user',
          actorId: actor.userId,
          reason: `Stopped: the assistant ${current.name} was archived by ${who}`,
          evidence: { assistantArchived: current.id, archivedBy: actor.userId },
        },
      );
      if (changed) stopped++;
    }
    return { row: row!, stopped };
  });
  ctx.log.info('assistant archived', {
    assistantId: current.id,
    by: actor.userId,
    stoppedLeads: result.stopped,
  });
  return { ...assistantView(result.row, ctx.now()), stoppedLeads: result.stopped };
}

/**
 * Bring an archived assistant back (admins). Its stopped leads stay stopped
 * (a user may continue them); its address must still be free.
 */
export async function unarchiveAssistant(ctx: Ctx, actor: Actor, id: string): Promise<AssistantView> {
  requireAdmin(actor, 'unarchive assistants');
  const current = await getAssistantRow(ctx, actor, id);
  if (!current.archivedAt)
    throw new AppError('CONFLICT', `id: assistant ${current.name} is not archived`, { field: 'id' });
  const row = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('assistant-email'))`);
    await checkAssistantEmailFree(tx, current.email, current.id);
    const [updated] = await tx
      .update(assistants)
      .set({ archivedAt: null, archivedBy: null, updatedAt: sql`now()` })
      .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
      .returning();
    return updated!;
  });
  ctx.log.info('assistant unarchived', { assistantId: current.id, by: actor.userId });
  return assistantView(row, ctx.now());
}
