import { and, asc, eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireOrgUser } from '../accounts/org-user.ts';
import { assistantUsers, users } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { getAssistantRow } from './assistant-queries.ts';

/**
 * SPEC §10.2: an admin assigns an assistant to users and makes some of them
 * its Assistant Managers. What a user may then see and do follows from it
 * (access/); this file only keeps the list.
 */
export type AssistantUser = {
  userId: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  manager: boolean;
  assignedAt: Date;
};

/** The users assigned to the assistant, managers first, then oldest assignment first. */
export async function listAssistantUsers(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
): Promise<AssistantUser[]> {
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  return ctx.db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      manager: assistantUsers.isManager,
      assignedAt: assistantUsers.createdAt,
    })
    .from(assistantUsers)
    .innerJoin(users, and(eq(users.id, assistantUsers.userId), eq(users.orgId, assistantUsers.orgId)))
    .where(and(eq(assistantUsers.assistantId, assistant.id), eq(assistantUsers.orgId, actor.orgId)))
    .orderBy(sql`${assistantUsers.isManager} DESC`, asc(assistantUsers.createdAt), asc(users.id));
}

/** Assign the user to the assistant, as its manager or not (again: the flag changes). */
export async function assignAssistantUser(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  userId: string,
  input: { manager: boolean },
): Promise<AssistantUser> {
  requireAdmin(actor, 'assign assistants to users');
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  await requireOrgUser(ctx.db, actor.orgId, userId, 'userId');
  await ctx.db
    .insert(assistantUsers)
    .values({ orgId: actor.orgId, assistantId: assistant.id, userId, isManager: input.manager })
    .onConflictDoUpdate({
      target: [assistantUsers.assistantId, assistantUsers.userId],
      set: { isManager: input.manager },
    });
  ctx.log.info('assistant assignment set', { assistantId, userId, manager: input.manager, by: actor.userId });
  const list = await listAssistantUsers(ctx, actor, assistant.id);
  return list.find((u) => u.userId === userId)!;
}

/** Take the user off the assistant. Their leads stay theirs (handing them on is a change of owner). */
export async function unassignAssistantUser(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  userId: string,
): Promise<void> {
  requireAdmin(actor, 'assign assistants to users');
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  await requireOrgUser(ctx.db, actor.orgId, userId, 'userId');
  await ctx.db
    .delete(assistantUsers)
    .where(
      and(
        eq(assistantUsers.assistantId, assistant.id),
        eq(assistantUsers.userId, userId),
        eq(assistantUsers.orgId, actor.orgId),
      ),
    );
  ctx.log.info('assistant assignment removed', { assistantId, userId, by: actor.userId });
}
