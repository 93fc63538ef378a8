import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { anyText } from '../db/bulk-params.ts';
import type { Db } from '../db/database.ts';
import { suppressions } from '../db/schema.ts';

/** Suppression is by address, case-insensitively: the list stores lower case. */
export const suppressionKey = (email: string): string => email.trim().toLowerCase();

/**
 * The key every suppression check uses (migration 0026): SHA-256 of the org's
 * id and the lower-cased address. An erased person's entry keeps only this,
 * so the list still refuses them while holding no address; the org in the
 * input means one address hashes differently in two orgs.
 */
export const addressHash = (orgId: string, email: string): string =>
  createHash('sha256')
    .update(`${orgId}:${suppressionKey(email)}`, 'utf8')
    .digest('hex');

export async function suppress(
  db: Db,
  orgId: string,
  email: string,
  reason: string,
  leadId?: string,
): Promise<void> {
  await db
    .insert(suppressions)
    .values({
      orgId,
      email: suppressionKey(email),
      emailHash: addressHash(orgId, email),
      reason,
      leadId: leadId ?? null,
    })
    .onConflictDoNothing();
}

export async function findSuppression(db: Db, orgId: string, email: string) {
  const [row] = await db
    .select()
    .from(suppressions)
    .where(and(eq(suppressions.orgId, orgId), eq(suppressions.emailHash, addressHash(orgId, email))));
  return row;
}

/**
 * Of the given addresses, those on the org's suppression list, as their
 * `suppressionKey` (one query for a whole dispatch batch). Looked up by hash,
 * so an erased person's hash-only entry counts too.
 */
export async function suppressedAmong(db: Db, orgId: string, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const byHash = new Map(emails.map((e) => [addressHash(orgId, e), suppressionKey(e)]));
  const rows = await db
    .select({ emailHash: suppressions.emailHash })
    .from(suppressions)
    .where(and(eq(suppressions.orgId, orgId), anyText(suppressions.emailHash, [...byHash.keys()])));
  return new Set(rows.map((r) => byHash.get(r.emailHash)!));
}

/**
 * Keep the address on the list by its hash only (an erasure): an entry it
 * already had loses its address and lead; otherwise one is made. The reason
 * says why, without the address.
 */
export async function suppressByHashOnly(db: Db, orgId: string, email: string): Promise<string> {
  const hash = addressHash(orgId, email);
  await db
    .insert(suppressions)
    .values({ orgId, email: null, emailHash: hash, reason: 'erased', leadId: null })
    .onConflictDoUpdate({
      target: [suppressions.orgId, suppressions.emailHash],
      set: { email: null, leadId: null, reason: 'erased' },
    });
  return hash;
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
        eq(suppressions.emailHash, addressHash(orgId, email)),
        eq(suppressions.reason, 'stop_request'),
        eq(suppressions.leadId, leadId),
      ),
    )
    .returning({ emailHash: suppressions.emailHash });
  return gone.length > 0;
}
