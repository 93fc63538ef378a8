import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchHarness } from '../../test/helpers/dispatch-harness.ts';
import { leadEvents, leadMessages, leadRow } from '../../test/helpers/lead-records.ts';
import type { Actor } from '../accounts/actor.ts';
import { createOrgWithAdmin } from '../accounts/org-setup.ts';
import { assistants, workers } from '../db/schema.ts';
import { addLead } from '../leads/add-lead.ts';
import { pauseForAbsence } from '../leads/out-of-office.ts';
import { dispatchOnce } from '../outbound/dispatcher.ts';
import type { SenderRegistry } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import {
  cloneSchedule,
  createSchedule,
  deleteSchedule,
  getScheduleView,
  updateSchedule,
} from './schedules.ts';

// Schedules and the leads on them: an edit re-plans what has not gone yet,
// on a clock the test moves, with the real dispatcher sending what is due.
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let ctx: Ctx;
let senders: SenderRegistry;
let actor: Actor;
let assistantId: string;
const clock = { now: new Date('2026-06-01T09:00:00Z') }; // a Monday
const DAY = 86_400_000;

beforeAll(async () => {
  harness = await startDispatchHarness({ clock });
  ({ ctx, senders } = harness);
  const org = harness.org;
  actor = { orgId: org.orgId, userId: org.userId, role: 'admin' };
  assistantId = org.assistantId;
  // Any day, any hour: these tests are about the plan, not the window.
  await ctx.db
    .update(assistants)
    .set({ sendDays: [0, 1, 2, 3, 4, 5, 6], sendStartMinute: 0, sendEndMinute: 1440 })
    .where(eq(assistants.id, assistantId));
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
});
afterAll(async () => harness?.close());

const msgs = (leadId: string) => leadMessages(ctx.db, leadId);
const events = (leadId: string, type: string) => leadEvents(ctx.db, leadId, type);
const lead = (id: string) => leadRow(ctx.db, id);
async function dispatchAll() {
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}
const at = (t0: number, days: number) => new Date(t0 + days * DAY);
const plan = async (leadId: string) =>
  (await msgs(leadId)).map((m) => ({ step: m.step, status: m.status, dueAt: m.dueAt.toISOString() }));

describe('EmailCC schedule', () => {
  it('plans an EmailCC lead on the default EmailCC schedule from its second step', async () => {
    clock.now = new Date('2026-06-01T09:00:00Z');
    const [a] = await ctx.db.select().from(assistants).where(eq(assistants.id, assistantId));
    const l = await addLead(ctx, actor, { email: 'cc@example.com', source: 'emailcc', timeZone: 'UTC' });
    expect(l.scheduleId).toBe(a!.defaultEmailccScheduleId);
    const t0 = clock.now.getTime();
    // Default steps are days 0, 2, 5, 9, 14, 21, 30: the user's email was day 0.
    expect((await msgs(l.id)).map((m) => [m.step, m.dueAt.toISOString()])).toEqual(
      [2, 5, 9, 14, 21, 30].map((d, i) => [i + 1, at(t0, d - 2).toISOString()]),
    );
    const [planned] = await events(l.id, 'steps_scheduled');
    expect(planned!.evidence).toMatchObject({ schedule: 'Default EmailCC' });
    expect((await lead(l.id)).planBaseStep).toBe(1);
  });
});

describe('editing a schedule re-plans the leads still on it', () => {
  it('keeps the sent steps, moves the rest to their new days, adds and removes steps', async () => {
    clock.now = new Date('2026-06-08T09:00:00Z');
    const t0 = clock.now.getTime();
    const s = await createSchedule(ctx, actor, { name: 'Short', steps: [0, 2, 5, 9] });
    const l = await addLead(ctx, actor, {
      email: 'edit@example.com',
      source: 'event',
      timeZone: 'UTC',
      scheduleId: s.id,
    });
    const other = await addLead(ctx, actor, { email: 'other@example.com', source: 'event', timeZone: 'UTC' });
    await dispatchAll();
    clock.now = at(t0, 2);
    await dispatchAll();
    const before = await msgs(l.id);
    expect(before.map((m) => m.status)).toEqual(['sent', 'sent', 'scheduled', 'scheduled']);
    const otherBefore = await plan(other.id);

    clock.now = at(t0, 3);
    const edited = await updateSchedule(ctx, actor, s.id, { steps: [0, 2, 7, 8, 20] });
    expect(edited).toMatchObject({ steps: [0, 2, 7, 8, 20], replannedLeads: 1 });
    const after = await msgs(l.id);
    expect(after.map((m) => ({ step: m.step, status: m.status, dueAt: m.dueAt.toISOString() }))).toEqual([
      { step: 0, status: 'sent', dueAt: at(t0, 0).toISOString() },
      { step: 1, status: 'sent', dueAt: at(t0, 2).toISOString() },
      { step: 2, status: 'scheduled', dueAt: at(t0, 7).toISOString() },
      { step: 3, status: 'scheduled', dueAt: at(t0, 8).toISOString() },
      { step: 4, status: 'scheduled', dueAt: at(t0, 20).toISOString() },
    ]);
    // Sent emails untouched; re-planned steps keep their Message-IDs; the new one threads under the first.
    expect(after.slice(0, 4).map((m) => [m.id, m.messageId, m.sentAt?.getTime()])).toEqual(
      before.map((m) => [m.id, m.messageId, m.sentAt?.getTime()]),
    );
    expect(after[4]!.inReplyTo).toBe(before[0]!.messageId);
    const [replanned] = (await events(l.id, 'steps_scheduled')).slice(-1);
    expect(replanned).toMatchObject({ actorType: 'user', actorId: actor.userId });
    expect(replanned!.reason).toMatch(/^Schedule edited/);
    expect(replanned!.evidence).toMatchObject({ schedule: 'Short', added: [4], removed: [] });
    expect(await plan(other.id)).toEqual(otherBefore); // on another schedule

    // Fewer steps: the surplus is cancelled, and the timeline says which.
    await updateSchedule(ctx, actor, s.id, { steps: [0, 2, 4] });
    expect(await plan(l.id)).toEqual([
      { step: 0, status: 'sent', dueAt: at(t0, 0).toISOString() },
      { step: 1, status: 'sent', dueAt: at(t0, 2).toISOString() },
      { step: 2, status: 'scheduled', dueAt: at(t0, 4).toISOString() },
      { step: 3, status: 'cancelled', dueAt: at(t0, 8).toISOString() },
      { step: 4, status: 'cancelled', dueAt: at(t0, 20).toISOString() },
    ]);
    expect((await events(l.id, 'steps_scheduled')).at(-1)!.evidence).toMatchObject({ removed: [3, 4] });

    // A day that has passed goes now; the ones after keep their gaps.
    await updateSchedule(ctx, actor, s.id, { steps: [0, 1, 2, 4] });
    const overdue = (await plan(l.id)).filter((m) => m.status === 'scheduled');
    expect(overdue).toEqual([
      { step: 2, status: 'scheduled', dueAt: at(t0, 3).toISOString() },
      { step: 3, status: 'scheduled', dueAt: at(t0, 5).toISOString() },
    ]);

    // Nothing left after what has gone: the lead's schedule is complete.
    await updateSchedule(ctx, actor, s.id, { steps: [0, 2] });
    expect(await lead(l.id)).toMatchObject({ state: 'processed', subState: 'ScheduleCompleted' });
    expect((await msgs(l.id)).filter((m) => m.status === 'scheduled')).toEqual([]);
  });

  it('re-plans from the first email’s real send time, and leaves a rename alone', async () => {
    clock.now = new Date('2026-07-04T12:00:00Z'); // Saturday
    const s = await createSchedule(ctx, actor, { name: 'Weekdays', steps: [0, 3, 6] });
    await ctx.db
      .update(assistants)
      .set({ sendDays: [1, 2, 3, 4, 5] })
      .where(eq(assistants.id, assistantId));
    try {
      const l = await addLead(ctx, actor, {
        email: 'weekend@example.com',
        source: 'event',
        timeZone: 'UTC',
        scheduleId: s.id,
      });
      await dispatchAll(); // held for Monday
      clock.now = new Date('2026-07-06T00:00:00Z');
      await dispatchAll();
      const [first] = await msgs(l.id);
      expect(first!.sentAt!.toISOString()).toBe('2026-07-06T00:00:00.000Z');
      const renamed = await updateSchedule(ctx, actor, s.id, { name: 'Weekdays only' });
      expect(renamed).toMatchObject({ name: 'Weekdays only', replannedLeads: 0 });
      await updateSchedule(ctx, actor, s.id, { steps: [0, 1, 6] });
      expect((await plan(l.id)).slice(1)).toEqual([
        { step: 1, status: 'scheduled', dueAt: '2026-07-07T00:00:00.000Z' },
        { step: 2, status: 'scheduled', dueAt: '2026-07-12T00:00:00.000Z' },
      ]);
    } finally {
      await ctx.db
        .update(assistants)
        .set({ sendDays: [0, 1, 2, 3, 4, 5, 6] })
        .where(eq(assistants.id, assistantId));
    }
  });

  it('keeps a re-planned step of a lead who is away until they are back', async () => {
    clock.now = new Date('2026-08-03T09:00:00Z');
    const t0 = clock.now.getTime();
    const s = await createSchedule(ctx, actor, { name: 'Away', steps: [0, 2, 5] });
    const l = await addLead(ctx, actor, {
      email: 'away@example.com',
      source: 'event',
      timeZone: 'UTC',
      scheduleId: s.id,
    });
    await dispatchAll();
    const sent = await lead(l.id);
    const window = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 };
    await ctx.db.transaction((tx) =>
      pauseForAbsence(tx, sent, '2026-08-13', window, clock.now, { actorType: 'lead', reason: 'test' }),
    );
    expect(await lead(l.id)).toMatchObject({
      state: 'out_of_office',
      resumeAt: new Date('2026-08-13T00:00:00Z'),
    });
    clock.now = at(t0, 1);
    await updateSchedule(ctx, actor, s.id, { steps: [0, 1, 3] });
    expect((await plan(l.id)).slice(1)).toEqual([
      { step: 1, status: 'scheduled', dueAt: '2026-08-13T00:00:00.000Z' },
      { step: 2, status: 'scheduled', dueAt: '2026-08-15T00:00:00.000Z' },
    ]);
  });

  it('refuses steps that are not day offsets from 0, strictly increasing, at most 20', async () => {
    const s = await createSchedule(ctx, actor, { name: 'Valid', steps: [0, 1] });
    const cases: [number[], string][] = [
      [[1, 2], 'steps.0'],
      [[0, 3, 3], 'steps.2'],
      [[0, 5, 2], 'steps.2'],
      [Array.from({ length: 21 }, (_, i) => i), 'steps'],
      [[], 'steps'],
    ];
    for (const [steps, field] of cases)
      await expect(updateSchedule(ctx, actor, s.id, { steps })).rejects.toMatchObject({
        code: 'VALIDATION',
        field,
      });
    await expect(updateSchedule(ctx, actor, s.id, { startsAtStep: 2 })).rejects.toMatchObject({
      field: 'startsAtStep',
    });
    expect((await getScheduleView(ctx, actor, s.id)).steps).toEqual([0, 1]);
  });
});

describe('cloning and deleting', () => {
  it('clones a schedule, and deletes only one that nobody uses', async () => {
    const [a] = await ctx.db.select().from(assistants).where(eq(assistants.id, assistantId));
    const copy = await cloneSchedule(ctx, actor, a!.defaultEmailccScheduleId!, {});
    expect(copy).toMatchObject({
      name: 'Default EmailCC (copy)',
      steps: [0, 2, 5, 9, 14, 21, 30],
      startsAtStep: 1,
      usedBy: { leads: 0, activeLeads: 0, assistants: 0 },
    });
    await deleteSchedule(ctx, actor, copy.id);
    await expect(getScheduleView(ctx, actor, copy.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const inUse = deleteSchedule(ctx, actor, a!.defaultScheduleId!);
    await expect(inUse).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/in use by \d+ lead\(s\) \(\d+ still running\) and 1 assistant\(s\)/),
    });
  });

  it('keeps schedules to admins, and another org’s schedule out of sight', async () => {
    const member: Actor = { ...actor, role: 'member' };
    await expect(createSchedule(ctx, member, { name: 'Mine', steps: [0] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const other = await createOrgWithAdmin(ctx.db, {
      orgName: 'Other',
      email: 'admin@other.test',
      password: 'password123',
    });
    const [theirs] = await ctx.db.select().from(assistants).where(eq(assistants.id, other.assistantId));
    await expect(getScheduleView(ctx, actor, theirs!.defaultScheduleId!)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(updateSchedule(ctx, actor, theirs!.defaultScheduleId!, { name: 'x' })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });
});
