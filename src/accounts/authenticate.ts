import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { apiKeys, sessions, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';
import { noAccountHash, verifyPassword } from './passwords.ts';
import { hashToken } from './secret-tokens.ts';
import { startSession } from './sessions.ts';
import {
  clearAccountFailures,
  normaliseEmail,
  recordFailure,
  refuseWhileLocked,
  type SigninPolicy,
  throttleKeys,
} from './signin-throttle.ts';

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

/**
 * Email + password → a new session token (the caller sets it as a cookie).
 * Throttled per account and per client address (signin-throttle.ts); an
 * unknown email costs the same work as a known one and gets the same answer.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; clientAddress: string | null },
  policy: SigninPolicy & { sessionTtlHours: number },
  now: Date,
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const keys = throttleKeys(input.email, input.clientAddress, policy);
  await refuseWhileLocked(db, keys, now);
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${normaliseEmail(input.email)})`);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? noAccountHash);
  if (!user?.passwordHash || !matches) {
    await recordFailure(db, keys, policy, now);
    throw new AppError('UNAUTHENTICATED', 'Wrong email or password');
  }
  await clearAccountFailures(db, input.email);
  const session = await startSession(db, user.id, policy.sessionTtlHours, now);
  return { ...session, actor: { orgId: user.orgId, userId: user.id, role: user.role } };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
