import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchHarness } from '../../../test/helpers/dispatch-harness.ts';
import { leadEvents, leadMessages, leadRow } from '../../../test/helpers/lead-records.ts';
import type { Actor } from '../../accounts/actor.ts';
import { assistants, leads, workers } from '../../db/schema.ts';
import { addLead } from '../../leads/add-lead.ts';
import { applyLeadAction } from '../../leads/lead-actions.ts';
import type { Ctx } from '../../platform/context.ts';
import { dispatchOnce } from '../dispatcher.ts';
import type { SenderRegistry } from '../sender-registry.ts';

// SPEC §4: pending leads (catch-all, unverifiable) get a small share of the
// mailbox's daily cap; Force send moves one to the normal rate. Real sends
// into an SMTP sink, on a clock the test moves.
const clock = { now: new Date('2026-11-30T10:00:00Z') }; // a Monday, inside the send window
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let ctx: Ctx;
let senders: SenderRegistry;
let actor: Actor;

beforeAll(async () => {
  harness = await startDispatchHarness({ clock });
  ({ ctx, senders } = harness);
  actor = { orgId: harness.org.orgId, userId: harness.org.userId, role: 'admin' };
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
  // A daily cap of 10: pending leads share 10 % of it, one email a day.
  await ctx.db.update(assistants).set({ dailyCap: 10 }).where(eq(assistants.id, harness.org.assistantId));
});
afterAll(async () => harness?.close());

async function dispatchAll() {
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}
const sentTo = (email: string) => harness.sink.received.filter((m) => m.to.includes(email)).length;

describe('pending leads at a slow rate', () => {
  const emails = ['a@catchall-example.com', 'b@catchall-example.com', 'c@catchall-example.com'];
  const ids: string[] = [];
  /** The two leads the share held back. */
  const held: string[] = [];

  it('sends pending leads at most their share of the daily cap, the others deferred with the reason', async () => {
    for (const email of emails)
      ids.push((await addLead(ctx, actor, { email, source: 'event', timeZone: 'UTC' })).id);
    // What the validator leaves for a catch-all domain: pending, emailed all the same (slowly).
    await ctx.db
      .update(leads)
      .set({ state: 'pending', subState: 'CatchAll', addressVerdict: 'CatchAll' })
      .where(inArray(leads.id, ids));

    await dispatchAll();
    // The three were due together: one of them goes, the other two wait a day.
    expect(emails.map(sentTo).reduce((a, b) => a + b)).toBe(1);
    const went = emails.findIndex((e) => sentTo(e) === 1);
    held.push(...ids.filter((_, i) => i !== went));
    for (const id of held) {
      const [deferred] = await leadEvents(ctx.db, id, 'send_deferred');
      expect(deferred!.reason).toContain('could not be verified (CatchAll): ');
      expect(deferred!.reason).toContain(' at most 1 email(s) a day (10 % of its daily cap of 10)');
      expect(deferred!.reason).toContain('Force send');
      expect(deferred!.evidence).toMatchObject({ share: 1, percent: 10, dailyCap: 10, sentInLast24h: 1 });
      const [first] = await leadMessages(ctx.db, id);
      expect(first!.status).toBe('scheduled');
      expect(first!.dueAt.getTime()).toBeGreaterThanOrEqual(clock.now.getTime() + 86_400_000);
    }
    // An hour later the share is still used: nothing more goes.
    clock.now = new Date('2026-11-30T11:00:00Z');
    await dispatchAll();
    expect(emails.map(sentTo).reduce((a, b) => a + b)).toBe(1);
  });

  it('Force send: the lead leaves pending for cold on a user’s word and its email goes at the normal rate', async () => {
    const [b, c] = held as [string, string];
    const after = await applyLeadAction(ctx, actor, b, 'force-send');
    expect(after).toMatchObject({ state: 'cold', subState: 'Vouched' });
    const [vouched] = (await leadEvents(ctx.db, b, 'state_changed')).filter((e) => e.fromState === 'pending');
    expect(vouched).toMatchObject({ toState: 'cold', toSubState: 'Vouched', actorType: 'user' });
    expect(vouched!.reason).toMatch(/^Force send: a user vouches/);
    expect(vouched!.evidence).toMatchObject({ vouchedBy: actor.userId, addressVerdict: 'CatchAll' });

    await dispatchAll();
    const email = (id: string) => emails[ids.indexOf(id)]!;
    expect(sentTo(email(b))).toBe(1);
    expect(sentTo(email(c))).toBe(0);
    expect((await leadRow(ctx.db, c)).state).toBe('pending');

    // Only a pending lead whose address could not be verified is vouched for.
    await expect(applyLeadAction(ctx, actor, b, 'force-send')).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await ctx.db.update(leads).set({ subState: 'Unverified' }).where(eq(leads.id, c));
    await expect(applyLeadAction(ctx, actor, c, 'force-send')).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/still being validated/),
    });
  });
});
