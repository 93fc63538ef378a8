import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { orgs, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { checkIntroductionText, defaultIntroductionText } from '../introductions/introduction-text.ts';
import type { Actor } from './actor.ts';
import { checkNewPassword } from './password-rules.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { normalisePhone } from './phone-number.ts';
import { endSessions } from './sessions.ts';

/**
 * My profile (SPEC §10.1 "Me"): name and phone. The phone is the one the
 * notification preferences show and WhatsApp uses (users.phone): one column,
 * one rule (phone-number.ts), whichever screen sets it.
 */
export type Profile = {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: 'admin' | 'member';
  orgId: string;
  orgName: string;
  /** Introduce Me (SPEC §6.3): the text this user's introductions start from (theirs, else the default). */
  introductionText: string;
  introductionTextIsDefault: boolean;
};

export async function getProfile(db: Db, actor: Actor): Promise<Profile> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      phone: users.phone,
      role: users.role,
      orgId: users.orgId,
      orgName: orgs.name,
      introductionText: users.introductionText,
    })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, actor.userId), eq(users.orgId, actor.orgId)));
  if (!row) throw new AppError('NOT_FOUND', `No user ${actor.userId}`);
  return {
    ...row,
    introductionText: row.introductionText ?? defaultIntroductionText,
    introductionTextIsDefault: row.introductionText === null,
  };
}

/**
 * Change the name, the phone (null or "" clears it) and/or the introduction
 * text (null or "" goes back to the default); what is not given stays.
 */
export async function updateProfile(
  db: Db,
  actor: Actor,
  patch: { name?: string; phone?: string | null; introductionText?: string | null },
): Promise<Profile> {
  const set: { name?: string; phone?: string | null; introductionText?: string | null } = {};
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.phone !== undefined) set.phone = patch.phone?.trim() ? normalisePhone(patch.phone) : null;
  if (patch.introductionText !== undefined) {
    const text = patch.introductionText?.trim() ? patch.introductionText.replace(/\r\n?/g, '\n') : null;
    if (text) checkIntroductionText(text, 'introductionText');
    // The default kept as is stays the default: it follows the product's wording if that improves.
    set.introductionText = text === defaultIntroductionText ? null : text;
  }
  if (Object.keys(set).length)
    await db
      .update(users)
      .set(set)
      .where(and(eq(users.id, actor.userId), eq(users.orgId, actor.orgId)));
  return getProfile(db, actor);
}

/**
 * A new password, the current one proved first. Every other session of mine
 * ends (a stolen cookie stops working); the one I changed it from stays.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken?: string,
): Promise<void> {
  checkNewPassword(input.newPassword, 'newPassword');
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.orgId, actor.orgId)));
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash)))
    throw new AppError('VALIDATION', 'currentPassword: not your current password', {
      field: 'currentPassword',
    });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    await endSessions(tx, actor.userId, currentSessionToken);
  });
}
