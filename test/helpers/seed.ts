import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InitResult } from '../../src/accounts/org-setup.ts';
import type { Db } from '../../src/db/database.ts';
import { assistants, leads, messages } from '../../src/db/schema.ts';

/** An assistant that may send at any hour, any day, without a cap: for tests about sending, not timing. */
export async function openAssistantWindow(db: Db, assistantId: string): Promise<void> {
  await db
    .update(assistants)
    .set({ sendDays: [0, 1, 2, 3, 4, 5, 6], sendStartMinute: 0, sendEndMinute: 1440, dailyCap: 1_000_000 })
    .where(eq(assistants.id, assistantId));
}

/** `n` running leads, each with its first email due now. Bulk inserts: setup is not what is tested. */
export async function seedDueMessages(db: Db, org: InitResult, n: number): Promise<string[]> {
  const [assistant] = await db.select().from(assistants).where(eq(assistants.id, org.assistantId));
  const ids: string[] = [];
  for (let start = 0; start < n; start += 500) {
    const size = Math.min(500, n - start);
    const rows = Array.from({ length: size }, (_, i) => ({
      orgId: org.orgId,
      assistantId: org.assistantId,
      ownerId: org.userId,
      scheduleId: assistant!.defaultScheduleId!,
      email: `lead${start + i}@example.com`,
      firstName: `Lead${start + i}`,
      source: 'event',
      context: 'Seeded',
      state: 'cold',
      timeZone: 'UTC',
      replyToken: randomBytes(9).toString('base64url'),
      unsubscribeToken: randomBytes(18).toString('base64url'),
    }));
    const inserted = await db
      .insert(leads)
      .values(rows)
      .returning({ id: leads.id, replyToken: leads.replyToken });
    const due = new Date(Date.now() - 1000);
    await db.insert(messages).values(
      inserted.map((l) => ({
        orgId: org.orgId,
        leadId: l.id,
        assistantId: org.assistantId,
        kind: 'sequence' as const,
        step: 0,
        status: 'scheduled' as const,
        dueAt: due,
        explicitTime: true,
        messageId: `<${randomUUID()}.${l.replyToken}@acme.test>`,
      })),
    );
    ids.push(...inserted.map((l) => l.id));
  }
  return ids;
}
