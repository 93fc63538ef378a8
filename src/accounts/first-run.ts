import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { instanceSettings, orgs } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { createOrgWithAdmin, type InitResult, setupTokenSetting } from './org-setup.ts';

/**
 * First run (SPEC §10.1): an instance with no org can be set up from the
 * sign-in page, guarded by a token the server prints in its log at start, so
 * only whoever reads the server's log (its operator) can claim the instance.
 * The token lives in instance_settings so every server process prints the
 * same one; it goes once the instance has an org.
 */
const SETTING = setupTokenSetting;

async function hasAnOrg(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: orgs.id }).from(orgs).limit(1);
  return Boolean(row);
}

export const setupNeeded = async (db: Db): Promise<boolean> => !(await hasAnOrg(db));

/** At server start: the setup token, made once, while the instance has no org; null once it has one. */
export async function setupTokenAtStart(db: Db): Promise<string | null> {
  if (await hasAnOrg(db)) {
    await db.delete(instanceSettings).where(eq(instanceSettings.key, SETTING));
    return null;
  }
  await db
    .insert(instanceSettings)
    .values({ key: SETTING, value: `setup_${randomBytes(18).toString('base64url')}` })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: instanceSettings.value })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, SETTING));
  return row?.value ?? null;
}

// Hashing both sides first gives equal lengths, so the comparison takes the same time whatever was sent.
const digest = (s: string) => createHash('sha256').update(s).digest();
const sameToken = (given: string, stored: string) => timingSafeEqual(digest(given), digest(stored));

/**
 * The setup form: the org and its admin, exactly as `nurture init` makes them.
 * One transaction holding the token's row: of two setups racing, the second
 * finds the org and is refused.
 */
export async function completeSetup(
  db: Db,
  input: { setupToken: string; orgName: string; email: string; password: string },
): Promise<InitResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ value: instanceSettings.value })
      .from(instanceSettings)
      .where(eq(instanceSettings.key, SETTING))
      .for('update');
    if (await hasAnOrg(tx)) throw new AppError('CONFLICT', 'Nurture is already set up; sign in instead');
    if (!row || !sameToken(input.setupToken, row.value))
      throw new AppError(
        'FORBIDDEN',
        "setupToken: not this server's setup token; it is printed in the server's log when it starts",
        { field: 'setupToken' },
      );
    // It also deletes the token: a second setup finds neither.
    return createOrgWithAdmin(tx, { orgName: input.orgName, email: input.email, password: input.password });
  });
}
