import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { signinFailures } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * Failed sign-ins are counted per account and per client address, in the
 * database so several server processes share the counts. After too many in a
 * window the key is locked: every attempt, the right password included, is
 * refused until the lock ends, and each lock within a day lasts twice the one
 * before. The account key is the normalised email whether or not it has an
 * account, so a lock says nothing about whether one exists.
 */
export type SigninPolicy = {
  maxFailures: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
  lockSeconds: number;
  maxLockSeconds: number;
};

type Key = { key: string; max: number };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function throttleKeys(email: string, address: string | null, policy: SigninPolicy): Key[] {
  const keys = [{ key: `account:${normaliseEmail(email)}`, max: policy.maxFailures }];
  if (address) keys.push({ key: `address:${addressKey(address)}`, max: policy.maxFailuresPerAddress });
  return keys;
}

/** An IPv6 client usually holds a whole /64: count the /64, not each of its addresses. */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export const tooManyFailures = (seconds: number) =>
  new AppError('RATE_LIMITED', `Too many failed sign-ins; try again in ${seconds} s`, {
    details: { retryAfterSeconds: seconds },
  });

/** Refuses (429) while any of the keys is locked, saying how long is left. */
export async function refuseWhileLocked(db: Db, keys: Key[], now: Date): Promise<void> {
  const locked = await db
    .select({ lockedUntil: signinFailures.lockedUntil })
    .from(signinFailures)
    .where(
      and(
        inArray(
          signinFailures.key,
          keys.map((k) => k.key),
        ),
        gt(signinFailures.lockedUntil, now),
      ),
    );
  if (!locked.length) return;
  const until = Math.max(...locked.map((l) => l.lockedUntil!.getTime()));
  throw tooManyFailures(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
}

/** Counts a failure against each key; one that reaches its maximum is locked. */
export async function recordFailure(db: Db, keys: Key[], policy: SigninPolicy, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowSeconds * 1000);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  for (const { key, max } of keys) {
    const [row] = await db
      .insert(signinFailures)
      .values({ key, failures: 1, windowStartedAt: now, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signinFailures.key,
        set: {
          failures: sql`CASE WHEN ${signinFailures.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz THEN 1 ELSE ${signinFailures.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${signinFailures.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz THEN ${now.toISOString()}::timestamptz ELSE ${signinFailures.windowStartedAt} END`,
          // A day without failures forgets the past locks.
          locks: sql`CASE WHEN ${signinFailures.lastFailureAt} <= ${dayAgo.toISOString()}::timestamptz THEN 0 ELSE ${signinFailures.locks} END`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: signinFailures.failures, locks: signinFailures.locks });
    if (!row || row.failures < max) continue;
    const seconds = Math.min(policy.maxLockSeconds, policy.lockSeconds * 2 ** Math.min(row.locks, 30));
    // Only one of several failures racing past the maximum locks (the others find the count reset).
    await db
      .update(signinFailures)
      .set({
        lockedUntil: new Date(now.getTime() + seconds * 1000),
        locks: sql`${signinFailures.locks} + 1`,
        failures: 0,
        windowStartedAt: now,
      })
      .where(and(eq(signinFailures.key, key), sql`${signinFailures.failures} >= ${max}`));
  }
  // Rows of keys that have been quiet for a day say nothing any more.
  await db
    .delete(signinFailures)
    .where(
      sql`${signinFailures.lastFailureAt} < ${dayAgo.toISOString()}::timestamptz AND (${signinFailures.lockedUntil} IS NULL OR ${signinFailures.lockedUntil} < ${now.toISOString()}::timestamptz)`,
    );
}

/** The right password clears the account's count; the address keeps its own (one good account must not launder a spray). */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.delete(signinFailures).where(eq(signinFailures.key, `account:${normaliseEmail(email)}`));
}
