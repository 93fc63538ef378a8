import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { sessions } from '../db/schema.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

export type NewSession = { token: string; expiresAt: Date };

/** A session for a user who just proved who they are: a password, an accepted invitation, first-run setup. */
export async function startSession(db: Db, userId: string, ttlHours: number, now: Date): Promise<NewSession> {
  const { token, hash } = newSecretToken('ns');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ userId, tokenHash: hash, expiresAt });
  return { token, expiresAt };
}

/**
 * End a user's sessions at once (a new password, a reset): every one, or all
 * but the one the change was made from, so the person making it stays signed in.
 */
export async function endSessions(db: Db, userId: string, keepToken?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), keepToken ? ne(sessions.tokenHash, hashToken(keepToken)) : undefined),
    );
}
