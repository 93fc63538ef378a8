import { and, eq } from 'drizzle-orm';
import { anyText } from '../db/bulk-params.ts';
import type { Db } from '../db/database.ts';
import { suppressions } from '../db/schema.ts';

/** Suppression is by address, case-insensitively: the list stores lower case. */
export const suppressionKey = (email: string): string => email.trim().toLowerCase();

export async function suppress(
  db: Db,
  orgId: string,
  email: string,
  reason: string,
  leadId?: string,
): Promise<void> {
  await db
    .insert(suppressions)
    .values({ orgId, email: suppressionKey(email), reason, leadId: leadId ?? null })
    .onConflictDoNothing();
}

export async function findSuppression(db: Db, orgId: string, email: string) {
  const [row] = await db
    .select()
    .from(suppressions)
    .where(and(eq(suppressions.orgId, orgId), eq(suppressions.email, suppressionKey(email))));
  return row;
}

/** Of the given addresses, those on the org's suppression list (one query for a whole dispatch batch). */
export async function suppressedAmong(db: Db, orgId: string, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await db
    .select({ email: suppressions.email })
    .from(suppressions)
    .where(and(eq(suppressions.orgId, orgId), anyText(suppressions.email, emails.map(suppressionKey))));
  return new Set(rows.map((r) => r.email));
}

/** Lift the suppression a lead's stop request put on its address (a user corrected that reply); true if there was one. */
export async function unsuppressStopRequest(
  db: Db,
  orgId: string,
  email: string,
  leadId: string,
): Promise<boolean> {
  const gone = await db
    .delete(suppressions)
    .where(
      and(
        eq(suppressions.orgId, orgId),
        eq(suppressions.email, suppressionKey(email)),
        eq(suppressions.reason, 'stop_request'),
        eq(suppressions.leadId, leadId),
      ),
    )
    .returning({ email: suppressions.email });
  return gone.length > 0;
}
