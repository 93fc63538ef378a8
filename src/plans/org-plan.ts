import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { assistants, orgs } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { activationJob, countWaiting, nextActivationAt } from './activation.ts';
import { countActive, usableFor } from './capacity.ts';
import { hasRun, utcDay } from './scheduled-runs.ts';

/** The uuid shape, checked before a query so a typo is a clear error and not a database one. */
export const isOrgId = (v: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/**
 * Set an org's active-lead cap (SPEC §9; `nurture org set-cap`, an instance
 * operator's command): a whole number ≥ 0, or null for none. Lowering it
 * below the active count stops no lead: new ones wait until leads leave.
 */
export async function setActiveLeadCap(
  db: Db,
  orgId: string,
  cap: number | null,
): Promise<{ orgId: string; cap: number | null; active: number }> {
  if (cap !== null && (!Number.isSafeInteger(cap) || cap < 0))
    throw new AppError('VALIDATION', '--cap: a whole number of active leads, 0 or more, or "none"', {
      field: 'cap',
    });
  await requireOrg(db, orgId);
  await db.update(orgs).set({ activeLeadCap: cap }).where(eq(orgs.id, orgId));
  return { orgId, cap, active: await countActive(db, orgId) };
}

export type CapacityView = {
  orgId: string;
  cap: number | null;
  active: number;
  /** The strictest of the assistants' EmailCC reserves: what other sources can't use. */
  reservePercent: number;
  reservePercents: { assistantId: string; name: string; reservePercent: number; autoActivate: boolean }[];
  usableByOthers: number | null;
  usableByEmailcc: number | null;
  waitingNew: number;
  waitingAutoActivate: number;
  nextActivationAt: string;
};

/** How much of the plan is used, for admins (GET /api/v1/capacity) and `nurture org show`. */
export async function capacityView(db: Db, orgId: string, now: Date): Promise<CapacityView> {
  const org = await requireOrg(db, orgId);
  const [active, waiting, ranToday, team] = await Promise.all([
    countActive(db, orgId),
    countWaiting(db, orgId),
    hasRun(db, activationJob, utcDay(now)),
    db
      .select({
        assistantId: assistants.id,
        name: assistants.name,
        reservePercent: assistants.emailccReservePercent,
        autoActivate: assistants.autoActivate,
      })
      .from(assistants)
      .where(eq(assistants.orgId, orgId))
      .orderBy(asc(assistants.createdAt)),
  ]);
  const reservePercent = Math.max(0, ...team.map((a) => a.reservePercent));
  return {
    orgId,
    cap: org.cap,
    active,
    reservePercent,
    reservePercents: team,
    usableByOthers: org.cap == null ? null : usableFor(org.cap, reservePercent, 'other'),
    usableByEmailcc: org.cap,
    waitingNew: waiting.waiting,
    waitingAutoActivate: waiting.autoActivated,
    nextActivationAt: nextActivationAt(now, ranToday).toISOString(),
  };
}

async function requireOrg(db: Db, orgId: string): Promise<{ cap: number | null }> {
  const missing = new AppError('NOT_FOUND', `--org: no organisation ${orgId}`, { field: 'org' });
  if (!isOrgId(orgId)) throw missing;
  const [org] = await db.select({ cap: orgs.activeLeadCap }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw missing;
  return org;
}
