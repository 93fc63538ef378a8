import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/accounts/actor.ts';
import { writeMessage } from '../src/conversation/write-message.ts';
import { notifications, scheduledRuns } from '../src/db/schema.ts';
import { introduceLead } from '../src/introductions/introduce-lead.ts';
import { useLeadLink } from '../src/lead-links/lead-link-actions.ts';
import { leadLinkKey, makeLeadLink } from '../src/lead-links/lead-link-tokens.ts';
import { runAtRiskCheck } from '../src/lead-risk/at-risk-job.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { applyLeadAction } from '../src/leads/lead-actions.ts';
import { changeLeadState, type LeadRow } from '../src/leads/lead-state-change.ts';
import type { Ctx } from '../src/platform/context.ts';
import { recordEvent } from '../src/timeline/record-event.ts';
import { startDispatchHarness } from './helpers/dispatch-harness.ts';
import { leadEvents, leadRow } from './helpers/lead-records.ts';
import { addMember } from './helpers/test-nurture.ts';

// SPEC §4 on a clock the test moves: marked at risk after 24 hours (not before), reminded on days
// 2, 4, 6, 8 and 10 (the assistant's defaults: every 2 days, 5 times), cleared by any user's action.
const clock = { now: new Date() };
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let ctx: Ctx;
let owner: Actor;

beforeAll(async () => {
  // A check every 10 s (the least allowed): each move of the clock below is a period of its own.
  harness = await startDispatchHarness({ clock, env: { AT_RISK_CHECK_MS: '10000' } });
  ctx = harness.ctx;
  const member = await addMember(ctx.db, harness.org.orgId);
  owner = { orgId: harness.org.orgId, userId: member.id, role: 'member' };
});
afterAll(async () => harness?.close());

const hours = (base: Date, h: number) => new Date(base.getTime() + h * 3_600_000);
let n = 0;
let worker = 0;
/** One worker's check at the clock's time (each call a worker of its own: the period decides). */
const check = () => runAtRiskCheck(ctx, `worker-${++worker}`);

/** A lead the owner owns that replied: hot by the lead's own doing (nobody has acted on it). */
async function leadThatReplied(kind: 'hot' | 'responded' = 'hot'): Promise<LeadRow> {
  const lead = await addLead(
    { ...ctx, now: () => new Date() },
    { orgId: owner.orgId, userId: harness.org.userId, role: 'admin' },
    { email: `risk${++n}@example.com`, source: 'event', ownerId: owner.userId, timeZone: 'UTC' },
  );
  return ctx.db.transaction(async (tx) => {
    const cause = { actorType: 'lead' as const, reason: 'The lead replied' };
    const changed =
      kind === 'hot'
        ? await changeLeadState(tx, lead, { type: 'meeting_accepted' }, cause, { notify: ctx.config })
        : await changeLeadState(tx, lead, { type: 'reply', subState: 'InfoRequest' }, cause, {
            notify: ctx.config,
          });
    return changed!;
  });
}

const reminders = (leadId: string) => leadEvents(ctx.db, leadId, 'at_risk_reminder_sent');

describe('a lead at risk', () => {
  it('is marked 24 hours after it became hot, not before, then reminded on days 2, 4, 6, 8 and 10 only', async () => {
    const lead = await leadThatReplied('hot');
    // The database keeps microseconds, a Date milliseconds: the next millisecond is not before the change.
    const t0 = new Date(lead.stateChangedAt.getTime() + 1);
    clock.now = hours(t0, 23.9);
    await check();
    expect((await leadRow(ctx.db, lead.id)).atRisk).toBe(false);
    expect(await leadEvents(ctx.db, lead.id, 'at_risk_marked')).toHaveLength(0);

    clock.now = hours(t0, 24);
    const run = await check();
    expect(run).toMatchObject({ marked: 1, reminded: 0 });
    expect((await leadRow(ctx.db, lead.id)).atRisk).toBe(true);
    const [marked] = await leadEvents(ctx.db, lead.id, 'at_risk_marked');
    expect(marked).toMatchObject({ actorType: 'system' });
    expect(marked!.reason).toMatch(/nobody has acted on it for 24 hours/);
    expect(marked!.evidence).toMatchObject({ state: 'hot', since: lead.stateChangedAt.toISOString() });

    // Every 6 hours up to day 14: a reminder appears on the day it is due and on no other.
    const remindedOnHour: number[] = [];
    for (let h = 30; h <= 14 * 24; h += 6) {
      clock.now = hours(t0, h);
      const before = (await reminders(lead.id)).length;
      await check();
      if ((await reminders(lead.id)).length > before) remindedOnHour.push(h);
    }
    expect(remindedOnHour).toEqual([48, 96, 144, 192, 240]);
    const sent = await reminders(lead.id);
    expect(sent.map((e) => e.evidence)).toEqual(
      [1, 2, 3, 4, 5].map((k) => ({
        reminder: k,
        of: 5,
        everyDays: 2,
        ownerId: owner.userId,
        channels: ['email', 'in_app'],
      })),
    );
    expect((await leadRow(ctx.db, lead.id)).atRisk).toBe(true);

    // The owner's emails: five, each linking to the lead's page and carrying the one-click links.
    const emails = await ctx.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.leadId, lead.id),
          eq(notifications.kind, 'lead_at_risk'),
          eq(notifications.channel, 'email'),
        ),
      )
      .orderBy(asc(notifications.createdAt));
    expect(emails).toHaveLength(5);
    expect(emails[0]!.subject).toMatch(/^Lead at risk: .* became hot 2 days ago, no action yet$/);
    expect(emails[0]!.body).toContain(`/leads/${lead.id}`);
    expect(emails[0]!.body).toMatch(/This is reminder 1 of 5; the next comes in 2 days/);
    expect(emails[4]!.body).toMatch(/This is reminder 5 of 5: the last one/);
    expect(emails[0]!.body).toMatch(
      /Not at risk: +http:\/\/\S+\/lead-action\?lead=[0-9a-f-]+#token=[\w-]{87}/,
    );
    expect(emails[0]!.body).toMatch(/Handled outside Nurture: +\S+#token=/);
  });

  it('is not marked when a user acted on it within the 24 hours', async () => {
    const lead = await leadThatReplied('responded');
    await applyLeadAction(ctx, owner, lead.id, 'note', { text: 'Called them, all good' });
    clock.now = hours(lead.stateChangedAt, 30);
    await check();
    expect((await leadRow(ctx.db, lead.id)).atRisk).toBe(false);
    expect(await leadEvents(ctx.db, lead.id, 'at_risk_marked')).toHaveLength(0);
  });

  it('is cleared by each kind of action, with an event naming it, and reminded no more', async () => {
    const actions: Record<string, (lead: LeadRow) => Promise<unknown>> = {
      note: (l) => applyLeadAction(ctx, owner, l.id, 'note', { text: 'Left a voicemail' }),
      message: (l) =>
        writeMessage(ctx, owner, l.id, { text: 'Does Thursday suit you?', subject: 'Thursday' }),
      introduce: (l) => introduceLead(ctx, owner, l.id, {}),
      'state change': (l) => applyLeadAction(ctx, owner, l.id, 'deactivate'),
      'handled outside': (l) => applyLeadAction(ctx, owner, l.id, 'handled-outside'),
      'not at risk': (l) => applyLeadAction(ctx, owner, l.id, 'not-at-risk'),
      'signed link': async (l) => {
        const key = await leadLinkKey(ctx.db, ctx.config);
        const token = makeLeadLink(key, {
          leadId: l.id,
          userId: owner.userId,
          action: 'not-at-risk',
          expiresAt: hours(clock.now, 24),
        });
        return useLeadLink(ctx, l.id, token);
      },
      "any user's event": (l) =>
        recordEvent(ctx.db, {
          orgId: l.orgId,
          leadId: l.id,
          type: 'send_retried',
          actorType: 'user',
          actorId: owner.userId,
          reason: 'Sent again by a user',
        }),
    };
    const leads: Record<string, LeadRow> = {};
    for (const name of Object.keys(actions)) leads[name] = await leadThatReplied('responded');
    const t0 = new Date(leads["any user's event"]!.stateChangedAt.getTime() + 1);
    clock.now = hours(t0, 24.5);
    expect((await check())!.marked).toBe(Object.keys(actions).length);
    const expectedType: Record<string, string> = {
      note: 'note',
      message: 'message_written',
      introduce: 'state_changed', // its first event: the lead moves to Introduced, then `introduced`
      'state change': 'state_changed',
      'handled outside': 'handled_outside',
      'not at risk': 'not_at_risk',
      'signed link': 'not_at_risk',
      "any user's event": 'send_retried',
    };
    for (const [name, act] of Object.entries(actions)) {
      const lead = leads[name]!;
      expect((await leadRow(ctx.db, lead.id)).atRisk, name).toBe(true);
      await act(lead);
      const after = await leadRow(ctx.db, lead.id);
      expect(after.atRisk, name).toBe(false);
      expect(after.atRiskSince, name).toBeNull();
      const cleared = await leadEvents(ctx.db, lead.id, 'at_risk_cleared');
      expect(cleared, name).toHaveLength(1);
      expect(cleared[0], name).toMatchObject({ actorType: 'user', actorId: owner.userId });
      expect(cleared[0]!.evidence, name).toMatchObject({ eventType: expectedType[name], remindersSent: 0 });
    }
    const viaLink = await leadEvents(ctx.db, leads['signed link']!.id, 'not_at_risk');
    expect(viaLink[0]!.evidence).toMatchObject({ via: 'signed-link' });
    // Days later: nothing is marked again or reminded.
    for (const h of [48, 96, 200]) {
      clock.now = hours(t0, h);
      await check();
    }
    for (const lead of Object.values(leads)) {
      expect((await leadRow(ctx.db, lead.id)).atRisk).toBe(false);
      expect(await reminders(lead.id)).toHaveLength(0);
      expect(await leadEvents(ctx.db, lead.id, 'at_risk_marked')).toHaveLength(1);
    }
  });

  it('runs once per period however many workers ask', async () => {
    clock.now = hours(new Date(), 1000);
    const runs = await Promise.all([check(), check(), check()]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    const claims = await ctx.db.select().from(scheduledRuns);
    // Runs older than three days are cleared away by later ones.
    expect(claims.every((c) => c.job.startsWith('lead-at-risk@'))).toBe(true);
  });
});
