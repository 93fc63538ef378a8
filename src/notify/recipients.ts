import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { assistantUsers as assignments, leads, users } from '../db/schema.ts';

/** What telling a lead's owner needs of them: where to send, their switches, their team copies. */
export const ownerForNotice = {
  id: users.id,
  email: users.email,
  name: users.name,
  phone: users.phone,
  prefs: users.notificationPreferences,
  copyTo: users.notificationCopyTo,
};

export type Recipient = { id: string; email: string; name: string; role: 'admin' | 'member' };

/**
 * Who are an assistant's users, the people its notifications go to (SPEC
 * §10.2):
 * - the org's admins: they see every lead, and only they can resume a
 *   breaker, so an alert without them would wait for nobody;
 * - the users an admin assigned to it, its Assistant Managers among them;
 * - every user who owns a lead on the assistant: they handed it their leads,
 *   whose emails a breaker holds (and before assignments existed, this was
 *   the only relation).
 * Each list is in a stable order (oldest user first).
 */
export async function assistantUsers(
  db: Db,
  orgId: string,
  assistantIds: string[],
): Promise<Map<string, Recipient[]>> {
  const out = new Map<string, Recipient[]>();
  for (const assistantId of new Set(assistantIds)) {
    const rows = await db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(
        and(
          eq(users.orgId, orgId),
          or(
            eq(users.role, 'admin'),
            exists(
              db
                .select({ one: sql`1` })
                .from(assignments)
                .where(and(eq(assignments.userId, users.id), eq(assignments.assistantId, assistantId))),
            ),
            exists(
              db
                .select({ one: sql`1` })
                .from(leads)
                .where(and(eq(leads.ownerId, users.id), eq(leads.assistantId, assistantId))),
            ),
          ),
        ),
      )
      .orderBy(asc(users.createdAt), asc(users.id));
    out.set(assistantId, rows);
  }
  return out;
}
