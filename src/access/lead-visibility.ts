import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/database.ts';
import { assistantUsers, leads } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * SPEC §10.2, the one answer to "which leads may this actor see and edit":
 * an admin, every lead of the org; an Assistant Manager, every lead on the
 * assistants they manage; anyone, the leads they own. Never another org's.
 * Everything that reads leads for a user — lists, one lead, the records that
 * belong to a lead — asks here, as SQL (so a list is filtered by the
 * database) or for one row.
 */

export type LeadRow = typeof leads.$inferSelect;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => uuidPattern.test(v);

/** The assistants the actor manages, as a subquery of ids. */
export const managedAssistantIds = (actor: Actor): SQL =>
  sql`(SELECT ${assistantUsers.assistantId} FROM ${assistantUsers}
       WHERE ${assistantUsers.userId} = ${actor.userId}::uuid AND ${assistantUsers.orgId} = ${actor.orgId}::uuid
         AND ${assistantUsers.isManager})`;

/** A condition on the `leads` table: the rows the actor may see. Always scoped by org. */
export function leadsVisibleTo(actor: Actor): SQL {
  const ofOrg = eq(leads.orgId, actor.orgId);
  if (actor.role === 'admin') return ofOrg;
  return and(
    ofOrg,
    sql`(${leads.ownerId} = ${actor.userId}::uuid OR ${leads.assistantId} IN ${managedAssistantIds(actor)})`,
  )!;
}

/**
 * A condition on any table with a lead id column: its lead is one the actor
 * may see. For the records that belong to a lead (review items, corrections,
 * unsent emails, sandbox messages).
 */
export const leadIdVisibleTo = (actor: Actor, leadId: AnyColumn | SQL): SQL =>
  sql`EXISTS (SELECT 1 FROM ${leads} WHERE ${leads.id} = ${leadId} AND ${leadsVisibleTo(actor)})`;

/** May the actor see this lead (already loaded)? One query at most, for a manager's assistants. */
export async function canSeeLead(
  db: Db,
  actor: Actor,
  lead: Pick<LeadRow, 'orgId' | 'ownerId' | 'assistantId'>,
): Promise<boolean> {
  if (lead.orgId !== actor.orgId) return false;
  if (actor.role === 'admin' || lead.ownerId === actor.userId) return true;
  return isManagerOf(db, actor, lead.assistantId);
}

/** The user's assignment to the assistant (of their org), if an admin made one: as a user or its manager. */
export async function assignmentOf(
  db: Db,
  orgId: string,
  assistantId: string,
  userId: string,
): Promise<{ isManager: boolean } | undefined> {
  const [row] = await db
    .select({ isManager: assistantUsers.isManager })
    .from(assistantUsers)
    .where(
      and(
        eq(assistantUsers.assistantId, assistantId),
        eq(assistantUsers.userId, userId),
        eq(assistantUsers.orgId, orgId),
      ),
    );
  return row;
}

/** Is the actor an Assistant Manager of this assistant (of their org)? */
export async function isManagerOf(db: Db, actor: Actor, assistantId: string): Promise<boolean> {
  return (await assignmentOf(db, actor.orgId, assistantId, actor.userId))?.isManager === true;
}

/**
 * One lead the actor may see, optionally locked for a change. Not visible and
 * nonexistent read the same (NOT_FOUND), as another org's id does.
 */
export async function findVisibleLead(
  db: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LeadRow> {
  const q = db
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), leadsVisibleTo(actor)));
  const [lead] = isUuid(id) ? await (opts.forUpdate ? q.for('update', { of: leads }) : q) : [];
  if (!lead) throw new AppError('NOT_FOUND', `No lead ${id}`, { field: 'id' });
  return lead;
}
