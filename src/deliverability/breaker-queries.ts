import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { breakers } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import type { BreakerRow } from './breaker-evaluation.ts';
import { breakerName, thresholdsFor } from './breaker-policy.ts';
import { scopesFor } from './breaker-scopes.ts';

export type BreakerView = {
  id: string;
  scope: BreakerRow['scope'];
  scopeId: string;
  label: string;
  name: string;
  kind: BreakerRow['kind'];
  state: BreakerRow['state'];
  rate: number;
  sends: number;
  events: number;
  warnRate: number;
  pauseRate: number;
  minSends: number;
  windowFrom: Date | null;
  evaluatedAt: Date | null;
  warnedAt: Date | null;
  trippedAt: Date | null;
  resumedAt: Date | null;
  resumedBy: string | null;
  assistantIds: string[];
  evidence: Record<string, unknown> | null;
};

const scopeOrder = { org: 0, mailbox: 1, assistant: 2 } as const;

/**
 * The org's breakers with their rates as of their last evaluation (after
 * each bounce or complaint, and every few minutes by a worker). Every user of
 * the org may look; only admins resume.
 */
export async function listBreakers(ctx: Ctx, actor: Actor): Promise<BreakerView[]> {
  const [rows, scopes] = await Promise.all([
    ctx.db.select().from(breakers).where(eq(breakers.orgId, actor.orgId)).orderBy(asc(breakers.createdAt)),
    scopesFor(ctx.db, actor.orgId),
  ]);
  return rows
    .map((b) => breakerView(ctx, b, scopes))
    .sort(
      (a, b) =>
        scopeOrder[a.scope] - scopeOrder[b.scope] ||
        a.label.localeCompare(b.label) ||
        a.kind.localeCompare(b.kind),
    );
}

export function breakerView(
  ctx: Ctx,
  b: BreakerRow,
  scopes: Awaited<ReturnType<typeof scopesFor>>,
): BreakerView {
  const ref = scopes.find((s) => s.scope === b.scope && s.scopeId === b.scopeId);
  const t = thresholdsFor(ctx.config, b.kind);
  const label = ref?.label ?? b.scopeId;
  return {
    id: b.id,
    scope: b.scope,
    scopeId: b.scopeId,
    label,
    name: breakerName(b.kind, b.scope, label),
    kind: b.kind,
    state: b.state,
    rate: b.rate,
    sends: b.windowSends,
    events: b.windowEvents,
    warnRate: t.warn,
    pauseRate: t.pause,
    minSends: t.minSends,
    windowFrom: b.windowFrom,
    evaluatedAt: b.evaluatedAt,
    warnedAt: b.warnedAt,
    trippedAt: b.trippedAt,
    resumedAt: b.resumedAt,
    resumedBy: b.resumedBy,
    assistantIds: ref?.assistantIds ?? [],
    evidence: b.evidence,
  };
}
