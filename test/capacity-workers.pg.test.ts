import { and, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin, type InitResult } from '../src/accounts/org-setup.ts';
import { loadConfig } from '../src/config/config.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { leads, scheduledRuns, timelineEvents } from '../src/db/schema.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { activateWaitingLeads, runDailyActivation } from '../src/plans/activation.ts';
import { countActive } from '../src/plans/capacity.ts';
import { setActiveLeadCap } from '../src/plans/org-plan.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { freshDatabase } from './helpers/test-database.ts';

// Two workers, each with its own connections to one PostgreSQL database, run the
// 10:00 GMT activation at the same moment: each waiting lead is activated once,
// and the plan's cap is never overshot.
const clock = { now: new Date('2026-11-30T09:00:00Z') };
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let second: Database;
let org: InitResult;
let a: Ctx;
let b: Ctx;

const ctxOn = (db: Database['db']): Ctx => ({
  db,
  config: loadConfig({ LOG_LEVEL: 'error', VALIDATION_MODE: 'off' }),
  log: createLogger('error'),
  now: () => clock.now,
  wake: { dispatcher() {}, inbound() {} },
});

beforeAll(async () => {
  fresh = await freshDatabase();
  second = await openDatabase({ databaseUrl: fresh.url! });
  a = ctxOn(fresh.database.db);
  b = ctxOn(second.db);
  org = await createOrgWithAdmin(a.db, { orgName: 'Acme', email: 'ops@acme.test', password: 'password123' });
  await setActiveLeadCap(a.db, org.orgId, 0); // every lead added waits as new
  const actor = { orgId: org.orgId, userId: org.userId, role: 'admin' as const };
  for (let i = 0; i < 300; i++)
    await addLead(a, actor, {
      email: `lead${i}@example.com`,
      source: i % 2 ? 'emailcc' : 'event',
      timeZone: 'UTC',
    });
});
afterAll(async () => {
  await second?.close();
  await fresh?.drop();
});

/** Per lead, how many times it left `new`. */
async function activationsPerLead(): Promise<number[]> {
  const rows = await a.db
    .select({ leadId: timelineEvents.leadId, n: count() })
    .from(timelineEvents)
    .where(and(eq(timelineEvents.type, 'state_changed'), eq(timelineEvents.fromState, 'new')))
    .groupBy(timelineEvents.leadId);
  return rows.map((r) => Number(r.n));
}
const started = async () =>
  Number((await a.db.select({ n: count() }).from(leads).where(ne(leads.state, 'new')))[0]!.n);

describe('the daily activation on two workers at once', () => {
  it('is claimed by one worker, which activates the oldest leads up to the cap, each once', async () => {
    expect(await countActive(a.db, org.orgId)).toBe(0);
    await setActiveLeadCap(a.db, org.orgId, 250); // other sources stop at 237, EmailCC at 250
    clock.now = new Date('2026-11-30T10:00:00Z');
    const runs = await Promise.all([runDailyActivation(a, 'worker-a'), runDailyActivation(b, 'worker-b')]);
    const ran = runs.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.activated).toBe(250);
    expect(await countActive(a.db, org.orgId)).toBe(250);
    expect(await started()).toBe(250);
    const per = await activationsPerLead();
    expect(per).toHaveLength(250);
    expect(per.every((n) => n === 1)).toBe(true);
    const claims = await a.db.select().from(scheduledRuns);
    expect(claims).toHaveLength(1);
    // Leads alternate event, emailcc: both go in until 237 active (119 event leads), then EmailCC only.
    const events = await a.db
      .select({ n: count() })
      .from(leads)
      .where(and(eq(leads.state, 'cold'), eq(leads.source, 'event')));
    expect(Number(events[0]!.n)).toBe(119);
  });

  it('run twice at the same moment past the daily claim, activates each lead once and never beyond the cap', async () => {
    await setActiveLeadCap(a.db, org.orgId, 280);
    const [ra, rb] = await Promise.all([activateWaitingLeads(a, 'x'), activateWaitingLeads(b, 'y')]);
    expect(ra.activated + rb.activated).toBe(30);
    expect(await countActive(a.db, org.orgId)).toBe(280);
    const per = await activationsPerLead();
    expect(per).toHaveLength(280);
    expect(per.every((n) => n === 1)).toBe(true);
  });
});
