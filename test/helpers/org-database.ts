import { createOrgWithAdmin, type InitResult } from '../../src/accounts/org-setup.ts';
import { openAssistantWindow } from './seed.ts';
import { freshDatabase } from './test-database.ts';

export type FreshDatabase = Awaited<ReturnType<typeof freshDatabase>>;

/**
 * A fresh PostgreSQL database holding one org (Acme) whose assistant may send
 * at any hour: what the multi-process sending tests start from. The caller
 * drops the database when done.
 */
export async function orgOnFreshDatabase(): Promise<{ fresh: FreshDatabase; org: InitResult }> {
  const fresh = await freshDatabase();
  const org = await createOrgWithAdmin(fresh.database.db, {
    orgName: 'Acme',
    email: 'ops@acme.test',
    password: 'password123',
  });
  await openAssistantWindow(fresh.database.db, org.assistantId);
  return { fresh, org };
}
