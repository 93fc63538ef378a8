import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/accounts/actor.ts';
import { assistants, leads, messages, workers } from '../src/db/schema.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { dispatchOnce } from '../src/outbound/dispatcher.ts';
import type { SenderRegistry } from '../src/outbound/sender-registry.ts';
import type { Ctx } from '../src/platform/context.ts';
import { addLocalDays } from '../src/sequences/send-window.ts';
import { startDispatchHarness } from './helpers/dispatch-harness.ts';
import { leadEvents, leadMessages, leadRow } from './helpers/lead-records.ts';

// Issue 8's two send-safety slips, through the real dispatcher into an SMTP sink, on a clock the test moves.
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let ctx: Ctx;
let senders: SenderRegistry;
let actor: Actor;
const clock = { now: new Date('2026-11-30T06:30:00Z') }; // a Monday, before the window opens

beforeAll(async () => {
  harness = await startDispatchHarness({ clock });
  ({ ctx, senders } = harness);
  actor = { orgId: harness.org.orgId, userId: harness.org.userId, role: 'admin' };
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
});
afterAll(async () => harness?.close());

async function dispatchAt(iso: string) {
  clock.now = new Date(iso);
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}
const steps = (leadId: string) => leadMessages(ctx.db, leadId);
const sentTo = (email: string) => harness.sink.received.filter((m) => m.to.includes(email));

describe('send safety', () => {
  it('when the daily cap defers first emails by a day, their later steps keep the schedule’s gaps', async () => {
    // A mailbox of its own with a cap of 2 a day, and four leads: two first emails slip a day.
    const [base] = await ctx.db.select().from(assistants).where(eq(assistants.id, harness.org.assistantId));
    const { id: _id, createdAt: _c, ...copy } = base!;
    const [capped] = await ctx.db
      .insert(assistants)
      .values({ ...copy, name: 'Capped', email: 'capped@acme.test', dailyCap: 2 })
      .returning();
    const added = [];
    for (const name of ['a', 'b', 'c', 'd'])
      added.push(
        await addLead(ctx, actor, {
          email: `gap-${name}@example.com`,
          source: 'event',
          timeZone: 'UTC',
          assistantId: capped!.id,
        }),
      );
    await dispatchAt('2026-11-30T08:00:00Z'); // the window opens: two go, two wait for a slot
    await dispatchAt('2026-12-01T08:01:00Z'); // a day later, the two that waited go
    const plans = await Promise.all(added.map((l) => steps(l.id)));
    const firstSent = plans.map((p) => p[0]!.sentAt!.toISOString());
    expect(firstSent.sort()).toEqual([
      '2026-11-30T08:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
      '2026-12-01T08:01:00.000Z',
      '2026-12-01T08:01:00.000Z',
    ]);
    for (const [i, plan] of plans.entries()) {
      const went = plan[0]!.sentAt!;
      const late = went.toISOString() === '2026-12-01T08:01:00.000Z';
      // Every later step is its day offset (0, 2, 5, 9, 14, 21, 30) after step 1 really went: a day
      // late for the two the cap held, an hour and a half for the others (the window opened at 08:00).
      const days = [0, 2, 5, 9, 14, 21, 30];
      for (const m of plan.slice(1))
        expect(m.dueAt.toISOString(), `lead ${i} step ${m.step}`).toBe(
          addLocalDays(went, days[m.step!]!, 'UTC').toISOString(),
        );
      const moved = await leadEvents(ctx.db, added[i]!.id, 'steps_scheduled');
      expect(moved.at(-1)!.reason).toBe(
        `Step 1 went ${late ? 'a day' : '2 hours'} late; later steps keep their gaps from when it really went`,
      );
      expect(moved.at(-1)!.evidence).toMatchObject({
        step: 0,
        sentAt: went.toISOString(),
        plannedAt: '2026-11-30T06:30:00.000Z',
        steps: expect.arrayContaining([
          { step: 1, dueAt: addLocalDays(went, 2, 'UTC').toISOString(), was: '2026-12-02T06:30:00.000Z' },
        ]),
      });
      // A schedule edit re-plans from the step that really went.
      expect(await leadRow(ctx.db, added[i]!.id)).toMatchObject({ planBaseStep: 0, planBaseAt: went });
    }
    // The "next email" of the leads that slipped is no longer the same as the others'.
    const next = plans.map((p) => p.find((m) => m.status === 'scheduled')!.dueAt.toISOString());
    expect(new Set(next).size).toBe(2);

    // And the second steps go two days after the first ones really went, not one.
    // (The cap still holds two a day, so some wait again: a follow-up may go later, never sooner.)
    for (const at of [
      '2026-12-02T08:00',
      '2026-12-02T08:02',
      '2026-12-03T08:01',
      '2026-12-03T08:03',
      '2026-12-04T08:03',
    ])
      await dispatchAt(`${at}:00Z`);
    for (const l of added) {
      const [s0, s1] = await steps(l.id);
      expect(s1!.status, l.email).toBe('sent');
      expect(s1!.sentAt!.getTime() - s0!.sentAt!.getTime()).toBeGreaterThanOrEqual(
        2 * 86_400_000 - 15 * 60_000,
      );
    }
  });

  it('places those the daily cap holds on the slots as they free up, not all on the first', async () => {
    const [base] = await ctx.db.select().from(assistants).where(eq(assistants.id, harness.org.assistantId));
    const { id: _id, createdAt: _c, ...copy } = base!;
    const [capped] = await ctx.db
      .insert(assistants)
      .values({ ...copy, name: 'Capped 3', email: 'capped3@acme.test', dailyCap: 3 })
      .returning();
    const add = (name: string) =>
      addLead(ctx, actor, {
        email: `slot-${name}@example.com`,
        source: 'event',
        timeZone: 'UTC',
        assistantId: capped!.id,
      });
    // Three sends an hour apart fill the cap…
    for (const [name, at] of [
      ['a', '08:00'],
      ['b', '09:00'],
      ['c', '10:00'],
    ] as const) {
      clock.now = new Date(`2026-11-23T${at}:00Z`);
      await add(name);
      await dispatchAt(`2026-11-23T${at}:00Z`);
    }
    // …so three more wait, each for its own slot: when a, b and c leave the 24 hours.
    clock.now = new Date('2026-11-23T11:00:00Z');
    const waiting = [await add('d'), await add('e'), await add('f')];
    await dispatchAt('2026-11-23T11:00:00Z');
    const next = await Promise.all(waiting.map(async (l) => (await steps(l.id))[0]!.dueAt.toISOString()));
    expect(next.sort()).toEqual([
      '2026-11-24T08:01:00.000Z',
      '2026-11-24T09:01:00.000Z',
      '2026-11-24T10:01:00.000Z',
    ]);
  });

  it('holds a follow-up whose earlier step has not gone, then keeps the gap after it', async () => {
    clock.now = new Date('2026-12-07T09:00:00Z'); // Monday, inside the window
    const l = await addLead(ctx, actor, { email: 'order@example.com', source: 'event', timeZone: 'UTC' });
    // A backlog (or a release of held emails) makes step 2 due together with step 1.
    await ctx.db
      .update(messages)
      .set({ dueAt: clock.now })
      .where(and(eq(messages.leadId, l.id), eq(messages.step, 1)));
    await dispatchAt('2026-12-07T09:00:00Z');
    const [s0, s1] = await steps(l.id);
    expect(s0!.status).toBe('sent');
    expect(s1).toMatchObject({ status: 'scheduled', dueAt: addLocalDays(s0!.sentAt!, 2, 'UTC') });
    const [held] = await leadEvents(ctx.db, l.id, 'send_deferred');
    expect(held!.reason).toBe(
      "Step 2 waits for step 1, which has not gone yet, and then the schedule's gap after it",
    );
    expect(sentTo('order@example.com')).toHaveLength(1);
  });

  it('refuses any email to an address validation found invalid, even on a path that let it through', async () => {
    clock.now = new Date('2026-12-08T09:00:00Z');
    const l = await addLead(ctx, actor, { email: 'trap@example.com', source: 'event', timeZone: 'UTC' });
    // As if a path nobody thought of had resumed a lead whose address was found a spam trap.
    await ctx.db
      .update(leads)
      .set({ addressVerdict: 'SpamTrap', addressVerdictAt: new Date('2026-12-01T10:00:00Z') })
      .where(eq(leads.id, l.id));
    await dispatchAt('2026-12-08T09:00:00Z');
    expect(sentTo('trap@example.com')).toEqual([]);
    const [skipped] = await leadEvents(ctx.db, l.id, 'send_skipped');
    expect(skipped!.reason).toBe(
      'Not sent: trap@example.com: the address was found SpamTrap on 2026-12-01, and nothing is ever sent to it',
    );
    expect(skipped!.evidence).toMatchObject({ rule: 'invalid-address', addressVerdict: 'SpamTrap' });
    // The lead stops with the verdict as its sub-state; its other steps go with it.
    expect(await leadRow(ctx.db, l.id)).toMatchObject({ state: 'deactivated', subState: 'SpamTrap' });
    expect((await steps(l.id)).every((m) => m.status === 'cancelled')).toBe(true);
  });
});
