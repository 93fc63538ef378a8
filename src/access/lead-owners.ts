import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/database.ts';
import { users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { assignmentOf, isManagerOf, isUuid } from './lead-visibility.ts';

/**
 * Who may be given a lead (SPEC §10.2), when a lead is added with an
 * `ownerId` or its owner changes: a user of the actor's org (else 404 naming
 * the field, as for any id of another org); a member may only own leads
 * themselves; an Assistant Manager may give the assistant's leads to its
 * users (those an admin assigned to it, managers included) and to
 * themselves; an admin to anyone of the
 * org.
 */
export async function checkLeadOwner(
  db: Db,
  actor: Actor,
  ownerId: string,
  assistantId: string,
  field = 'ownerId',
): Promise<void> {
  const [user] = isUuid(ownerId)
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, ownerId), eq(users.orgId, actor.orgId)))
    : [];
  if (!user) throw new AppError('NOT_FOUND', `${field}: no user ${ownerId} in this organisation`, { field });
  if (actor.role === 'admin' || ownerId === actor.userId) return;
  if (!(await isManagerOf(db, actor, assistantId)))
    throw new AppError('FORBIDDEN', `${field}: a member may only own leads themselves`, { field });
  if (!(await isUserOfAssistant(db, actor.orgId, assistantId, ownerId)))
    throw new AppError(
      'FORBIDDEN',
      `${field}: an Assistant Manager may give leads only to users of the assistant`,
      { field },
    );
}

/** A user an admin assigned to the assistant (as a user or a manager). */
export async function isUserOfAssistant(
  db: Db,
  orgId: string,
  assistantId: string,
  userId: string,
): Promise<boolean> {
  return Boolean(await assignmentOf(db, orgId, assistantId, userId));
}
