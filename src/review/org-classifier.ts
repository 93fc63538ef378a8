import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Intent } from '../classify/classification.ts';
import { buildOrgAdapter, type Correction, type OrgAdapter } from '../classify/intent/org-adapter.ts';
import type { Db } from '../db/database.ts';
import { classificationCorrections } from '../db/schema.ts';

/**
 * Each org's classifier is the shipped model plus an adapter built from that
 * org's current corrections (SPEC §6.2, §12). It is rebuilt whenever the set
 * changes — a correction added or undone — so undoing one undoes its effect.
 * Corrections carry the reply text and intent only, never the sender, so no
 * address is pinned to an intent.
 *
 * The set's version is checked at most every few seconds per org (another
 * process may have changed it); changes made in this process invalidate it
 * at once.
 */
const recheckMs = 5_000;
const cache = new Map<
  string,
  { version: string; checkedAt: number; corrections: Correction[]; adapter?: OrgAdapter | undefined }
>();

export function forgetOrgAdapter(orgId: string): void {
  cache.delete(orgId);
}

export async function orgAdapterFor(
  db: Db,
  orgId: string,
  now = Date.now(),
): Promise<OrgAdapter | undefined> {
  const c = await current(db, orgId, now);
  if (!('adapter' in c)) c.adapter = c.corrections.length ? buildOrgAdapter(c.corrections) : undefined;
  return c.adapter;
}

/**
 * The org's current corrections, keyed by their version, for building its
 * adapter elsewhere (the inbound analysis threads, which cache it by key).
 * Undefined when it has none.
 */
export async function orgCorrectionsFor(
  db: Db,
  orgId: string,
  now = Date.now(),
): Promise<{ key: string; list: Correction[] } | undefined> {
  const c = await current(db, orgId, now);
  return c.corrections.length ? { key: `${orgId}:${c.version}`, list: c.corrections } : undefined;
}

async function current(db: Db, orgId: string, now: number) {
  const hit = cache.get(orgId);
  if (hit && now - hit.checkedAt < recheckMs) return hit;
  const [v] = await db
    .select({
      version: sql<string>`count(*) FILTER (WHERE ${classificationCorrections.undoneAt} IS NULL) || ':' || count(*) || ':' ||
        coalesce(max(${classificationCorrections.createdAt})::text, '') || ':' || coalesce(max(${classificationCorrections.undoneAt})::text, '')`,
      active: sql<number>`count(*) FILTER (WHERE ${classificationCorrections.undoneAt} IS NULL)`,
    })
    .from(classificationCorrections)
    .where(eq(classificationCorrections.orgId, orgId));
  const version = v?.version ?? '';
  if (hit && hit.version === version) {
    hit.checkedAt = now;
    return hit;
  }
  const rows = Number(v?.active ?? 0)
    ? await db
        .select({ text: classificationCorrections.text, intent: classificationCorrections.intent })
        .from(classificationCorrections)
        .where(and(eq(classificationCorrections.orgId, orgId), isNull(classificationCorrections.undoneAt)))
    : [];
  const entry = {
    version,
    checkedAt: now,
    corrections: rows.map((r) => ({ text: r.text, intent: r.intent as Intent })),
  };
  cache.set(orgId, entry);
  return entry as typeof entry & { adapter?: OrgAdapter | undefined };
}
