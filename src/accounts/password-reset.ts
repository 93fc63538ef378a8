import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { publicUrl } from '../config/config.ts';
import { passwordResets, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { enqueueAccountEmail } from '../notify/account-emails.ts';
import { passwordResetNotice } from '../notify/account-notice.ts';
import type { Ctx } from '../platform/context.ts';
import { checkNewPassword } from './password-rules.ts';
import { hashPassword } from './passwords.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';
import { endSessions } from './sessions.ts';

/** One reset email per account per this long: asking again sooner sends nothing (no mail-bombing a person). */
export const resetEmailSpacingMs = 60_000;

/**
 * "Forgot password" (issue 9): an email with a one-time link that works until
 * PASSWORD_RESET_TTL_MINUTES pass. The route answers 202 before this runs, the
 * same answer at the same speed whether or not the address has an account;
 * only the owner of the address learns anything, from the email.
 */
export async function requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, orgId: users.orgId, email: users.email })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email.trim()})`)
      .for('update');
    if (!user) return;
    const [recent] = await tx
      .select({ id: passwordResets.id })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, user.id),
          isNull(passwordResets.usedAt),
          gt(passwordResets.createdAt, new Date(now.getTime() - resetEmailSpacingMs)),
        ),
      )
      .orderBy(desc(passwordResets.createdAt))
      .limit(1);
    if (recent) return;
    const { token, hash } = newSecretToken('nr');
    const expiresAt = new Date(now.getTime() + ctx.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
    const [reset] = await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: hash, createdAt: now, expiresAt })
      .returning({ id: passwordResets.id });
    const text = passwordResetNotice({
      link: `${publicUrl(ctx.config)}/reset-password#token=${token}`,
      expiresAt,
    });
    await enqueueAccountEmail(
      tx,
      { orgId: user.orgId, kind: 'password_reset', sourceId: reset!.id, to: user.email, ...text },
      now,
    );
  });
}

/**
 * Set a new password with a reset link: the link is used up in the same
 * transaction (it works once, even clicked twice at once), every other link
 * of the account dies with it, and every session of the account ends.
 */
export async function completePasswordReset(
  ctx: Ctx,
  input: { token: string; password: string },
): Promise<void> {
  checkNewPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, hashToken(input.token)), isNull(passwordResets.usedAt)))
      .for('update');
    if (!reset)
      throw new AppError('NOT_FOUND', 'token: this reset link is not valid (already used or never made)', {
        field: 'token',
      });
    if (reset.expiresAt <= now)
      throw new AppError('CONFLICT', 'token: this reset link has expired; ask for a new one', {
        field: 'token',
      });
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await endSessions(tx, reset.userId);
  });
}
