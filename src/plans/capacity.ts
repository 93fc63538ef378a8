import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { leads, orgs } from '../db/schema.ts';
import { activeStates } from '../leads/lead-states.ts';

/**
 * SPEC §9: an org's plan caps its active leads (pending, cold, engaged, warm,
 * out of office); a share of the cap (the assistant's EmailCC reserve, default
 * 5 %) is kept for EmailCC leads. The one place that decides whether a lead
 * has room: adding a lead, the daily activation and an admin's activation all
 * ask here.
 */
export const emailccSource = 'emailcc';

export type Plan = { cap: number | null; active: number };

/** The most active leads a lead of `source` may make: the whole cap for EmailCC, the rest without the reserve. */
export function usableFor(cap: number, reservePercent: number, source: string): number {
  return source === emailccSource ? cap : Math.floor((cap * (100 - reservePercent)) / 100);
}

export type Room = {
  ok: boolean;
  cap: number | null;
  active: number;
  /** The most active leads this lead's source may reach (null: no cap). */
  usable: number | null;
  reservePercent: number;
  /**
   * Whether the reserve decided: a non-EmailCC lead refused though the cap
   * itself is not reached, or an EmailCC lead let in on the reserve.
   */
  reserveApplied: boolean;
};

/** Pure: does one more lead of `source` fit in `plan`? */
export function roomFor(plan: Plan, source: string, reservePercent: number): Room {
  if (plan.cap == null) return { ok: true, ...plan, usable: null, reservePercent, reserveApplied: false };
  const usable = usableFor(plan.cap, reservePercent, source);
  const ok = plan.active < usable;
  const inReserve = plan.active >= usableFor(plan.cap, reservePercent, 'other') && plan.active < plan.cap;
  return { ok, ...plan, usable, reservePercent, reserveApplied: inReserve };
}

/**
 * The org's cap and active count, read for a decision that may add an active
 * lead. With a cap, the org's row is locked for the rest of the transaction,
 * so two deciders (two workers' activations, an add beside them) count in
 * turn and the cap is never overshot. Without a cap nothing is counted or locked.
 */
export async function lockPlan(tx: Db, orgId: string): Promise<Plan> {
  const [org] = await tx.select({ cap: orgs.activeLeadCap }).from(orgs).where(eq(orgs.id, orgId));
  if (org?.cap == null) return { cap: null, active: 0 };
  const [locked] = await tx
    .select({ cap: orgs.activeLeadCap })
    .from(orgs)
    .where(eq(orgs.id, orgId))
    .for('update');
  if (locked?.cap == null) return { cap: null, active: 0 };
  return { cap: locked.cap, active: await countActive(tx, orgId) };
}

/** Leads of the org in an active state: what counts against the plan. */
export async function countActive(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(leads)
    .where(and(eq(leads.orgId, orgId), inArray(leads.state, [...activeStates])));
  return Number(row?.n ?? 0);
}

/** The words a timeline and an error use for a plan that is full. */
export function fullPlanText(room: Room): string {
  const reserve = room.reserveApplied
    ? `; the last ${room.reservePercent} % of it is reserved for EmailCC leads`
    : '';
  return `the plan's cap of ${room.cap} active leads is reached (${room.active} active${reserve})`;
}
