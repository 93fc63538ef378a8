import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { anyUuid } from '../db/bulk-params.ts';
import { queryRows } from '../db/database.ts';
import { assistants, assistantUsers, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { recordEvents } from '../timeline/record-event.ts';
import { keepAnAdmin, lockOrgUser } from './team-members.ts';

export type RemoveUserInput = {
  /** Who gets the removed user's leads (those of an assistant not in `handToByAssistant`). */
  handTo?: string;
  /** Assistant id → who gets the removed user's leads of that assistant. */
  handToByAssistant?: Record<string, string>;
};

export type RemoveUserResult = { removed: string; leadsHandedOver: number; byOwner: Record<string, number> };

/**
 * Remove a user from the org (issue 9, §10.2): their leads go to another user
 * of the org, all to one or per assistant, each lead's timeline saying who
 * has it now and why; their imports go to the same user (rows still queued
 * are added as them). Then the user is deleted, and with the row their
 * sessions and API keys, so anything they hold stops working at the next
 * request. The user's row is locked first, so no lead can be given to them
 * while they are being removed.
 */
export async function removeUser(
  ctx: Ctx,
  actor: Actor,
  userId: string,
  input: RemoveUserInput,
): Promise<RemoveUserResult> {
  return ctx.db.transaction(async (tx) => {
    const user = await lockOrgUser(tx, actor.orgId, userId);
    if (user.role === 'admin') await keepAnAdmin(tx, actor.orgId, user.id, 'Removing this user');
    const byAssistant = input.handToByAssistant ?? {};
    const receivers = new Set([...Object.values(byAssistant), ...(input.handTo ? [input.handTo] : [])]);
    for (const [assistantId, to] of Object.entries(byAssistant))
      if (to === user.id)
        throw new AppError(
          'VALIDATION',
          `handToByAssistant.${assistantId}: the leads must go to someone else`,
          {
            field: `handToByAssistant.${assistantId}`,
          },
        );
    if (input.handTo === user.id)
      throw new AppError('VALIDATION', 'handTo: the leads must go to someone else', { field: 'handTo' });
    for (const to of receivers)
      await lockOrgUser(tx, actor.orgId, to, input.handTo === to ? 'handTo' : 'handToByAssistant');
    const assistantIds = Object.keys(byAssistant);
    if (assistantIds.length) {
      const known = await tx
        .select({ id: assistants.id })
        .from(assistants)
        .where(and(eq(assistants.orgId, actor.orgId), inArray(assistants.id, assistantIds)));
      const unknown = assistantIds.find((a) => !known.some((k) => k.id === a));
      if (unknown)
        throw new AppError('NOT_FOUND', `handToByAssistant: no assistant ${unknown} in this organisation`, {
          field: 'handToByAssistant',
        });
    }

    // Every lead must find an owner before anything moves: name the assistant whose leads have none.
    const uncovered = await queryRows<{ assistant_id: string; n: number }>(
      tx,
      sql`SELECT assistant_id, count(*)::int AS n FROM leads
          WHERE org_id = ${actor.orgId} AND owner_id = ${user.id}
            AND NOT (${anyUuid(sql`assistant_id`, assistantIds)})
          GROUP BY assistant_id`,
    );
    if (uncovered.length && !input.handTo)
      throw new AppError(
        'VALIDATION',
        `handTo: required: the user owns ${uncovered.reduce((a, r) => a + Number(r.n), 0)} leads of assistants not in handToByAssistant`,
        { field: 'handTo' },
      );

    const mapJson = sql`${JSON.stringify(byAssistant)}::jsonb`;
    const moved = await queryRows<{ id: string; owner_id: string }>(
      tx,
      sql`UPDATE leads SET owner_id = COALESCE((${mapJson} ->> assistant_id::text)::uuid, ${input.handTo ?? null}::uuid),
                          updated_at = now()
          WHERE org_id = ${actor.orgId} AND owner_id = ${user.id}
          RETURNING id, owner_id`,
    );
    const names = new Map(
      (
        await tx
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, [...receivers]))
      ).map((u) => [u.id, u.name || u.email]),
    );
    const removedName = user.name || user.email;
    await recordEvents(
      tx,
      moved.map((l) => ({
        orgId: actor.orgId,
        leadId: l.id,
        type: 'owner_changed' as const,
        actorType: 'user' as const,
        actorId: actor.userId,
        reason: `${removedName} was removed from the team; ${names.get(l.owner_id) ?? 'another user'} owns the lead now`,
        evidence: { from: user.id, to: l.owner_id, removedUser: user.email },
      })),
    );
    // Their imports go with the leads of the same assistant, so rows still queued are added as the new owner.
    const importOwner = sql`COALESCE((${mapJson} ->> (options ->> 'assistantId'))::uuid, ${input.handTo ?? null}::uuid)`;
    const [orphans] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM lead_imports
          WHERE org_id = ${actor.orgId} AND user_id = ${user.id} AND ${importOwner} IS NULL`,
    );
    if (Number(orphans?.n ?? 0) > 0)
      throw new AppError(
        'VALIDATION',
        `handTo: required: the user has ${orphans!.n} lead imports to hand over`,
        {
          field: 'handTo',
        },
      );
    await queryRows(
      tx,
      sql`UPDATE lead_imports SET user_id = ${importOwner}
          WHERE org_id = ${actor.orgId} AND user_id = ${user.id} RETURNING id`,
    );
    // Their assignments and managerships go with them (the table has no foreign keys to cascade).
    await tx.delete(assistantUsers).where(eq(assistantUsers.userId, user.id));
    await tx.delete(users).where(eq(users.id, user.id));
    const byOwner: Record<string, number> = {};
    for (const l of moved) byOwner[l.owner_id] = (byOwner[l.owner_id] ?? 0) + 1;
    return { removed: user.id, leadsHandedOver: moved.length, byOwner };
  });
}
