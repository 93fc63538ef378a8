import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/database.ts';
import { users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';

/** The org's people (SPEC §10.1 "Team"): who they are and their role; no secrets. */
export type TeamMember = {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'member';
  createdAt: Date;
};

const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
};

export async function listTeamMembers(ctx: Ctx, actor: Actor): Promise<TeamMember[]> {
  return ctx.db
    .select(memberColumns)
    .from(users)
    .where(eq(users.orgId, actor.orgId))
    .orderBy(asc(users.createdAt), asc(users.id));
}

/** A user of the caller's org, locked for the change; another org's id is not found, as an unknown one. */
export async function lockOrgUser(
  tx: Db,
  orgId: string,
  userId: string,
  field?: string,
): Promise<TeamMember> {
  const [row] = await tx
    .select(memberColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.orgId, orgId)))
    .for('update');
  if (!row)
    throw new AppError('NOT_FOUND', `${field ? `${field}: ` : ''}no user ${userId} in this organisation`, {
      field,
    });
  return row;
}

/**
 * The org must keep an admin: refuse a change that would leave it none. The
 * admins' rows are locked, so two admins demoting each other at once are
 * decided one after the other and the second is refused.
 */
export async function keepAnAdmin(tx: Db, orgId: string, leaving: string, what: string): Promise<void> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin')))
    .for('update');
  if (!admins.some((a) => a.id !== leaving))
    throw new AppError(
      'CONFLICT',
      `${what} would leave the organisation without an admin: make someone else admin first`,
    );
}

/** Make a user admin or member. */
export async function setMemberRole(
  ctx: Ctx,
  actor: Actor,
  userId: string,
  role: 'admin' | 'member',
): Promise<TeamMember> {
  return ctx.db.transaction(async (tx) => {
    const user = await lockOrgUser(tx, actor.orgId, userId);
    if (user.role === role) return user;
    if (role === 'member') await keepAnAdmin(tx, actor.orgId, user.id, 'Making this user a member');
    const [updated] = await tx
      .update(users)
      .set({ role })
      .where(eq(users.id, user.id))
      .returning(memberColumns);
    return updated!;
  });
}
