import { count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin, type InitResult } from '../src/accounts/org-setup.ts';
import { loadConfig } from '../src/config/config.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { leads, scheduledRuns, timelineEvents } from '../src/db/schema.ts';
import { runAtRiskCheck } from '../src/lead-risk/at-risk-job.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { changeLeadState } from '../src/leads/lead-state-change.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { freshDatabase } from './helpers/test-database.ts';

// Two workers, each with its own connections to one PostgreSQL database, run the at-risk check at
// the same moment: one claims the period's run, each lead is marked once and reminded once.
const clock = { now: new Date() };
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let second: Database;
let org: InitResult;
let a: Ctx;
let b: Ctx;
const N = 120;

const ctxOn = (db: Database['db']): Ctx => ({
  db,
  config: loadConfig({ LOG_LEVEL: 'error', VALIDATION_MODE: 'off', AT_RISK_CHECK_MS: '10000' }),
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
  const actor = { orgId: org.orgId, userId: org.userId, role: 'admin' as const };
  for (let i = 0; i < N; i++) {
    const lead = await addLead({ ...a, now: () => new Date() }, actor, {
      email: `lead${i}@example.com`,
      source: 'event',
      timeZone: 'UTC',
    });
    await a.db.transaction((tx) =>
      changeLeadState(
        tx,
        lead,
        { type: 'meeting_accepted' },
        { actorType: 'lead', reason: 'Said yes' },
        {
          notify: a.config,
        },
      ),
    );
  }
});
afterAll(async () => {
  await second?.close();
  await fresh?.drop();
});

const perLead = async (type: string) =>
  (
    await a.db
      .select({ leadId: timelineEvents.leadId, n: count() })
      .from(timelineEvents)
      .where(eq(timelineEvents.type, type))
      .groupBy(timelineEvents.leadId)
  ).map((r) => Number(r.n));

describe('the at-risk check on two workers at once', () => {
  it('is run by one of them, which marks every lead once', async () => {
    clock.now = new Date(Date.now() + 25 * 3_600_000);
    const runs = await Promise.all([runAtRiskCheck(a, 'worker-a'), runAtRiskCheck(b, 'worker-b')]);
    const ran = runs.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.marked).toBe(N);
    const claims = await a.db.select().from(scheduledRuns).where(like(scheduledRuns.job, 'lead-at-risk@%'));
    expect(claims).toHaveLength(1);
    expect(claims[0]!.finishedAt).not.toBeNull();
    const marked = await perLead('at_risk_marked');
    expect(marked).toHaveLength(N);
    expect(marked.every((x) => x === 1)).toBe(true);
  });

  it('reminds each lead once on day 2, one worker running it', async () => {
    clock.now = new Date(Date.now() + 49 * 3_600_000);
    const runs = await Promise.all([runAtRiskCheck(a, 'worker-a'), runAtRiskCheck(b, 'worker-b')]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    const reminded = await perLead('at_risk_reminder_sent');
    expect(reminded).toHaveLength(N);
    expect(reminded.every((x) => x === 1)).toBe(true);
    const [atRisk] = await a.db.select({ n: count() }).from(leads).where(eq(leads.atRisk, true));
    expect(Number(atRisk!.n)).toBe(N);
  });
});
