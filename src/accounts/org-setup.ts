import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { apiKeys, assistants, instanceSettings, orgs, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { createDefaultSchedules } from '../schedules/schedules.ts';
import { setNewInboundSecret } from './inbound-secret.ts';
import { hashPassword } from './passwords.ts';
import { newSecretToken } from './secret-tokens.ts';

export type InitInput = { orgName: string; email: string; password: string; assistantName?: string };
export type InitResult = {
  orgId: string;
  userId: string;
  assistantId: string;
  apiKey: string;
  /** The org's secret for POST /api/v1/inbound/raw, shown this once. */
  inboundSecret: string;
};

/** The first-run setup token's row in instance_settings (first-run.ts): it goes with the first org. */
export const setupTokenSetting = 'setup_token';

/**
 * `nurture init`: an org, its admin, the default schedules, a default assistant,
 * an API key for the admin and the org's inbound secret — everything needed to
 * add a first lead and hand its replies in.
 */
export async function createOrgWithAdmin(db: Db, input: InitInput): Promise<InitResult> {
  if (input.password.length < 8)
    throw new AppError('VALIDATION', 'password: at least 8 characters', { field: 'password' });
  const email = input.email.trim();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new AppError('VALIDATION', `email: not an address: ${email}`, { field: 'email' });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(orgs).values({ name: input.orgName }).returning();
    let user: typeof users.$inferSelect | undefined;
    try {
      [user] = await tx
        .insert(users)
        .values({ orgId: org!.id, email, name: '', role: 'admin', passwordHash })
        .returning();
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('CONFLICT', `A user with email ${email} already exists`, { field: 'email' });
      throw e;
    }
    const { standard, emailcc } = await createDefaultSchedules(tx, org!.id);
    const domain = email.split('@')[1]!.toLowerCase();
    const name = input.assistantName ?? 'Alex';
    const [assistant] = await tx
      .insert(assistants)
      .values({
        orgId: org!.id,
        name,
        email: `${name.toLowerCase()}@${domain}`,
        signature: `${name}\nSales Assistant, ${input.orgName}`,
        defaultScheduleId: standard.id,
        defaultEmailccScheduleId: emailcc.id,
      })
      .returning();
    const key = newSecretToken('nk');
    await tx.insert(apiKeys).values({
      orgId: org!.id,
      userId: user!.id,
      name: 'init',
      prefix: key.displayPrefix,
      keyHash: key.hash,
    });
    // However the first org came (init, the setup page), nobody may set the instance up again.
    await tx.delete(instanceSettings).where(eq(instanceSettings.key, setupTokenSetting));
    const inboundSecret = await setNewInboundSecret(tx, org!.id);
    return { orgId: org!.id, userId: user!.id, assistantId: assistant!.id, apiKey: key.token, inboundSecret };
  });
}
