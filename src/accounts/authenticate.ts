import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { apiKeys, sessions, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';
import { verifyPassword } from './passwords.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

/** An API key (`Authorization: Bearer nk_…`) → the actor it belongs to. */
export async function actorFromApiKey(db: Db, token: string): Promise<Actor> {
  const [row] = await db
    .select({ orgId: users.orgId, userId: users.id, role: users.role, keyId: apiKeys.id })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, hashToken(token)), isNull(apiKeys.revokedAt)));
  if (!row) throw new AppError('UNAUTHENTICATED', 'Invalid or revoked API key');
  await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, row.keyId));
  return { orgId: row.orgId, userId: row.userId, role: row.role };
}

/** A session cookie → the actor, if the session is still valid. */
export async function actorFromSession(db: Db, token: string, now: Date): Promise<Actor> {
  const [row] = await db
    .select({ orgId: users.orgId, userId: users.id, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row) throw new AppError('UNAUTHENTICATED', 'Session expired or unknown; sign in again');
  return row;
}

/** Email + password → a new session token (the caller sets it as a cookie). */
export async function login(
  db: Db,
  input: { email: string; password: string },
  ttlHours: number,
  now: Date,
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${input.email.trim()})`);
  // Same message whether the user exists or not: no account probing.
  if (!user?.passwordHash || !(await verifyPassword(input.password, user.passwordHash)))
    throw new AppError('UNAUTHENTICATED', 'Wrong email or password');
  const { token, hash } = newSecretToken('ns');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ userId: user.id, tokenHash: hash, expiresAt });
  return { token, expiresAt, actor: { orgId: user.orgId, userId: user.id, role: user.role } };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
