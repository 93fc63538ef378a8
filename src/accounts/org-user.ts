import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A user id given as input (a lead's owner) must be a user of the caller's
 * organisation: another org's user, or no user at all, is a 404 naming the
 * field, never a foreign-key failure or a lead owned across organisations.
 */
export async function requireOrgUser(db: Db, orgId: string, userId: string, field: string): Promise<void> {
  const [user] = uuidPattern.test(userId)
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), eq(users.orgId, orgId)))
    : [];
  if (!user) throw new AppError('NOT_FOUND', `${field}: no user ${userId} in this organisation`, { field });
}
