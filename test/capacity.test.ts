import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/accounts/actor.ts';
import { assistants, scheduledRuns } from '../src/db/schema.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { applyLeadAction } from '../src/leads/lead-actions.ts';
import type { LeadRow } from '../src/leads/lead-state-change.ts';
import { activateWaitingLeads, runDailyActivation } from '../src/plans/activation.ts';
import { countActive } from '../src/plans/capacity.ts';
import { capacityView, setActiveLeadCap } from '../src/plans/org-plan.ts';
import type { Ctx } from '../src/platform/context.ts';
import { startDispatchHarness } from './helpers/dispatch-harness.ts';
import { leadEvents, leadRow } from './helpers/lead-records.ts';
import { addMember } from './helpers/test-nurture.ts';

// SPEC §9 on a clock the test moves: the cap, `new`, the reserve, the 10:00 GMT activation.
const clock = { now: new Date('2026-11-30T08:00:00Z') }; // a Monday
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let ctx: Ctx;
let admin: Actor;
let orgId: string;
let autoAssistant: string;
let manualAssistant: string;

beforeAll(async () => {
  harness = await startDispatchHarness({ clock });
  ctx = harness.ctx;
  orgId = harness.org.orgId;
  admin = { orgId, userId: harness.org.userId, role: 'admin' };
  autoAssistant = harness.org.assistantId;
  const [first] = await ctx.db.select().from(assistants).where(eq(assistants.id, autoAssistant));
  // A second assistant whose leads are only ever activated by hand.
  const [manual] = await ctx.db
    .insert(assistants)
    .values({
      orgId,
      name: 'Manual',
      email: 'manual@acme.test',
      autoActivate: false,
      defaultScheduleId: first!.defaultScheduleId,
    })
    .returning();
  manualAssistant = manual!.id;
});
afterAll(async () => harness?.close());

let n = 0;
const add = (source = 'event', assistantId = autoAssistant): Promise<LeadRow> =>
  addLead(ctx, admin, { email: `lead${++n}@example.com`, source, assistantId, timeZone: 'UTC' });
const at = (iso: string) => {
  clock.now = new Date(iso);
};
const state = async (id: string) => (await leadRow(ctx.db, id)).state;
/** The state changes that took a lead out of `new`: one per activation. */
const activations = async (id: string) =>
  (await leadEvents(ctx.db, id, 'state_changed')).filter((e) => e.fromState === 'new');

const waiting: Record<string, LeadRow> = {};
let cold: LeadRow[] = [];

describe('plans and capacity', () => {
  it('leaves a lead beyond the cap as new, its timeline naming the cap, the active count, the reserve and the next activation', async () => {
    await setActiveLeadCap(ctx.db, orgId, 20); // 5 % reserve: other sources stop at 19
    cold = [];
    for (let i = 0; i < 19; i++) cold.push(await add());
    expect(cold.every((l) => l.state === 'cold')).toBe(true);

    waiting.event = await add();
    expect(waiting.event.state).toBe('new');
    const [wait] = await leadEvents(ctx.db, waiting.event.id, 'waiting_for_capacity');
    expect(wait!.reason).toMatch(/cap of 20 active leads is reached \(19 active; the last 5 % .*EmailCC/);
    expect(wait!.evidence).toMatchObject({
      cap: 20,
      active: 19,
      reserveApplied: true,
      autoActivate: true,
      nextActivationAt: '2026-11-30T10:00:00.000Z',
    });
    expect(await leadEvents(ctx.db, waiting.event.id, 'steps_scheduled')).toHaveLength(0);

    // The reserve is the EmailCC leads' own: one goes in on it.
    const cc = await add('emailcc');
    expect(cc.state).toBe('cold');
    const [started] = await activations(cc.id);
    expect(started!.evidence).toMatchObject({ capacity: { cap: 20, active: 19, reserveApplied: true } });

    // Now the cap itself is reached, for every source.
    waiting.emailcc = await add('emailcc');
    expect(waiting.emailcc.state).toBe('new');
    const [full] = await leadEvents(ctx.db, waiting.emailcc.id, 'waiting_for_capacity');
    expect(full!.reason).toMatch(/cap of 20 active leads is reached \(20 active\)/);
    expect(full!.evidence).toMatchObject({ cap: 20, active: 20, reserveApplied: false });

    waiting.manual = await add('event', manualAssistant);
    const [manualWait] = await leadEvents(ctx.db, waiting.manual.id, 'waiting_for_capacity');
    expect(manualWait!.reason).toMatch(/does not auto-activate: an admin activates it by hand/);

    expect(await capacityView(ctx.db, orgId, ctx.now())).toMatchObject({
      cap: 20,
      active: 20,
      reservePercent: 5,
      usableByOthers: 19,
      usableByEmailcc: 20,
      waitingNew: 3,
      waitingAutoActivate: 2,
      nextActivationAt: '2026-11-30T10:00:00.000Z',
    });
  });

  it('activates nothing at 09:59; at 10:00 the oldest waiting leads of auto-activating assistants, the reserve for EmailCC only, once a day', async () => {
    await applyLeadAction(ctx, admin, cold[0]!.id, 'deactivate'); // one place frees: 19 active
    at('2026-11-30T09:59:00Z');
    expect(await runDailyActivation(ctx, 'w1')).toBeNull();
    expect(await state(waiting.emailcc!.id)).toBe('new');

    at('2026-11-30T10:00:00Z');
    const run = await runDailyActivation(ctx, 'w1');
    expect(run).toMatchObject({ run: '2026-11-30', activated: 1 });
    // The oldest waiting lead is not EmailCC: the last place is the reserve, so the EmailCC lead behind it goes.
    expect(await state(waiting.event!.id)).toBe('new');
    expect(await state(waiting.emailcc!.id)).toBe('cold');
    expect(await state(waiting.manual!.id)).toBe('new');
    const [activated] = await activations(waiting.emailcc!.id);
    expect(activated!.reason).toMatch(/^Activated: capacity available/);
    expect(activated!.actorType).toBe('assistant');
    expect(activated!.evidence).toMatchObject({ run: '2026-11-30', capacity: { cap: 20, active: 19 } });
    expect(await leadEvents(ctx.db, waiting.emailcc!.id, 'steps_scheduled')).toHaveLength(1);

    // Once a day, whichever worker asks.
    at('2026-11-30T10:05:00Z');
    expect(await runDailyActivation(ctx, 'w1')).toBeNull();
    expect(await runDailyActivation(ctx, 'w2')).toBeNull();
    expect((await capacityView(ctx.db, orgId, ctx.now())).nextActivationAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('gives the places of leads that left the active states at the next day’s run', async () => {
    await applyLeadAction(ctx, admin, cold[1]!.id, 'deactivate');
    await applyLeadAction(ctx, admin, cold[2]!.id, 'hot');
    expect(await countActive(ctx.db, orgId)).toBe(18);
    at('2026-12-01T09:59:59Z');
    expect(await runDailyActivation(ctx, 'w2')).toBeNull();
    expect(await state(waiting.event!.id)).toBe('new');
    at('2026-12-01T10:00:00Z');
    expect(await runDailyActivation(ctx, 'w2')).toMatchObject({ run: '2026-12-01', activated: 1 });
    expect(await state(waiting.event!.id)).toBe('cold');
    expect(await state(waiting.manual!.id)).toBe('new'); // its assistant does not auto-activate
    expect(await countActive(ctx.db, orgId)).toBe(19);
  });

  it('lets an admin activate a waiting lead by hand when there is room, and no one else', async () => {
    const manual = waiting.manual!.id;
    await expect(applyLeadAction(ctx, admin, manual, 'activate')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/No room to activate this lead: the plan's cap of 20/),
    });
    const member = await addMember(ctx.db, orgId);
    await expect(
      applyLeadAction(ctx, { orgId, userId: member.id, role: 'member' }, manual, 'activate'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await setActiveLeadCap(ctx.db, orgId, 21); // 19 active, others may reach floor(21 × 0.95) = 19: still none
    await expect(applyLeadAction(ctx, admin, manual, 'activate')).rejects.toMatchObject({ code: 'CONFLICT' });
    await setActiveLeadCap(ctx.db, orgId, 25);
    const after = await applyLeadAction(ctx, admin, manual, 'activate');
    expect(after.state).toBe('cold');
    const [byHand] = await activations(manual);
    expect(byHand).toMatchObject({ actorType: 'user', actorId: admin.userId });
    expect(byHand!.reason).toMatch(/^Activated by an admin: capacity available/);
    // Only a new lead is activated.
    await expect(applyLeadAction(ctx, admin, manual, 'activate')).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('two workers running the activation at the same moment activate each lead once (in one process; test/capacity-workers.pg.test.ts runs them on separate connections)', async () => {
    const active = await countActive(ctx.db, orgId);
    await setActiveLeadCap(ctx.db, orgId, active);
    const queued: LeadRow[] = [];
    for (let i = 0; i < 6; i++) queued.push(await add('emailcc'));
    expect(queued.every((l) => l.state === 'new')).toBe(true);
    await setActiveLeadCap(ctx.db, orgId, active + 3);

    // A run missed at 10:00 (no worker was up) happens when a worker next looks that day.
    at('2026-12-02T15:30:00Z');
    const runs = await Promise.all([runDailyActivation(ctx, 'w1'), runDailyActivation(ctx, 'w2')]);
    expect(runs.filter((r) => r !== null)).toEqual([expect.objectContaining({ activated: 3 })]);
    const claims = await ctx.db.select().from(scheduledRuns).where(eq(scheduledRuns.runOn, '2026-12-02'));
    expect(claims).toHaveLength(1);
    expect(claims[0]!.finishedAt).not.toBeNull();

    // And the activation itself, run twice at once past the daily claim, takes no lead twice.
    await setActiveLeadCap(ctx.db, orgId, active + 5);
    const both = await Promise.all([activateWaitingLeads(ctx, 'a'), activateWaitingLeads(ctx, 'b')]);
    expect(both[0].activated + both[1].activated).toBe(2);
    const counts = await Promise.all(queued.map(async (l) => (await activations(l.id)).length));
    expect(counts).toEqual([1, 1, 1, 1, 1, 0]); // oldest first
    expect(await countActive(ctx.db, orgId)).toBe(active + 5);
    const [left] = await ctx.db
      .select()
      .from(scheduledRuns)
      .where(and(eq(scheduledRuns.job, 'activate-new-leads'), eq(scheduledRuns.runOn, '2026-12-02')));
    expect(left!.result).toMatchObject({ activated: 3 });
  });

  it('takes over a run whose worker died before finishing it, once the claim is stale', async () => {
    await ctx.db.insert(scheduledRuns).values({
      job: 'activate-new-leads',
      runOn: '2026-12-03',
      claimedBy: 'a-dead-worker',
      startedAt: new Date('2026-12-03T10:00:00Z'),
    });
    at('2026-12-03T10:05:00Z');
    expect(await runDailyActivation(ctx, 'w1')).toBeNull(); // maybe still running
    at('2026-12-03T10:16:00Z');
    expect(await runDailyActivation(ctx, 'w1')).toMatchObject({ run: '2026-12-03' });
    const [run] = await ctx.db.select().from(scheduledRuns).where(eq(scheduledRuns.runOn, '2026-12-03'));
    expect(run).toMatchObject({ claimedBy: 'w1' });
    expect(run!.finishedAt).not.toBeNull();
  });
});
