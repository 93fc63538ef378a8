import { and, count, eq, isNull, max } from 'drizzle-orm';
import type { Intent } from '../classify/classification.ts';
import { buildOrgAdapter, type OrgAdapter } from '../classify/intent/org-adapter.ts';
import type { Db } from '../db/database.ts';
import { classificationCorrections } from '../db/schema.ts';

/**
 * Each org's classifier is the shipped model plus an adapter built from that
 * org's current corrections (SPEC §6.2, §12). It is rebuilt whenever the set
 * changes — a correction added or undone — so undoing one undoes its effect.
 * Corrections carry the reply text and intent only, never the sender, so no
 * address is pinned to an intent.
 */
const cache = new Map<string, { version: string; adapter: OrgAdapter | undefined }>();

export async function orgAdapterFor(db: Db, orgId: string): Promise<OrgAdapter | undefined> {
  const active = and(eq(classificationCorrections.orgId, orgId), isNull(classificationCorrections.undoneAt));
  const [v] = await db
    .select({ n: count(), last: max(classificationCorrections.createdAt) })
    .from(classificationCorrections)
    .where(active);
  const [u] = await db
    .select({ n: count(), last: max(classificationCorrections.undoneAt) })
    .from(classificationCorrections)
    .where(eq(classificationCorrections.orgId, orgId));
  const version = `${v?.n}:${v?.last ?? ''}:${u?.n}:${u?.last ?? ''}`;
  const hit = cache.get(orgId);
  if (hit && hit.version === version) return hit.adapter;
  const rows = Number(v?.n ?? 0)
    ? await db
        .select({ text: classificationCorrections.text, intent: classificationCorrections.intent })
        .from(classificationCorrections)
        .where(active)
    : [];
  const adapter = rows.length
    ? buildOrgAdapter(rows.map((r) => ({ text: r.text, intent: r.intent as Intent })))
    : undefined;
  cache.set(orgId, { version, adapter });
  return adapter;
}
