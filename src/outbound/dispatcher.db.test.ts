import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchHarness } from '../../test/helpers/dispatch-harness.ts';
import { leadEvents, leadMessages, leadRow } from '../../test/helpers/lead-records.ts';
import type { Actor } from '../accounts/actor.ts';
import { assistants, messages, workers } from '../db/schema.ts';
import { addLead } from '../leads/add-lead.ts';
import { changeLeadState } from '../leads/lead-state-change.ts';
import type { Ctx } from '../platform/context.ts';
import { suppress } from '../suppression/suppression.ts';
import { dispatchOnce } from './dispatcher.ts';
import { recordOutcomes } from './record-outcomes.ts';
import type { SenderRegistry } from './sender-registry.ts';

// The dispatcher against a real SMTP server, on a clock the test moves.
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let sink: Awaited<ReturnType<typeof startDispatchHarness>>['sink'];
let ctx: Ctx;
let senders: SenderRegistry;
let actor: Actor;
let assistantId: string;
const clock = { now: new Date('2026-11-30T10:00:00Z') }; // a Monday

beforeAll(async () => {
  harness = await startDispatchHarness({
    clock,
    reject: (rcpt) => (rcpt.startsWith('gone') ? 550 : null),
  });
  ({ ctx, sink, senders } = harness);
  const org = harness.org;
  actor = { orgId: org.orgId, userId: org.userId, role: 'admin' };
  assistantId = org.assistantId;
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
});
afterAll(async () => harness?.close());

const add = (email: string, extra: Record<string, unknown> = {}) =>
  addLead(ctx, actor, {
    email,
    source: 'event',
    context: 'Expo',
    firstName: 'Kim',
    timeZone: 'UTC',
    ...extra,
  });
const msgs = (leadId: string) => leadMessages(ctx.db, leadId);
const events = (leadId: string, type: string) => leadEvents(ctx.db, leadId, type);
const lead = (id: string) => leadRow(ctx.db, id);
async function dispatchAll() {
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}

describe('dispatcher', () => {
  it('waits for the send window in the lead’s zone and says so on the timeline', async () => {
    clock.now = new Date('2026-11-28T12:00:00Z'); // Saturday
    const l = await add('weekend@example.de', { timeZone: 'Europe/Berlin' });
    await dispatchAll();
    const [first] = await msgs(l.id);
    expect(first).toMatchObject({ status: 'scheduled' });
    expect(first!.dueAt.toISOString()).toBe('2026-11-30T07:00:00.000Z'); // Monday 08:00 in Berlin
    const [deferred] = await events(l.id, 'send_deferred');
    expect(deferred!.reason).toMatch(/Outside the send window.*Europe\/Berlin/);
    expect(deferred!.evidence).toMatchObject({
      window: 'Mon,Tue,Wed,Thu,Fri 08:00–18:00',
      until: '2026-11-30T07:00:00.000Z',
    });
    expect(first!.attempts).toBe(0); // held back by the window: not an attempt
    clock.now = new Date('2026-11-30T07:00:00Z');
    await dispatchAll();
    expect((await msgs(l.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sink.received.some((m) => m.to.includes('weekend@example.de'))).toBe(true);
  });

  it('respects the daily cap per mailbox, oldest first, and records who waited', async () => {
    clock.now = new Date('2026-12-01T10:00:00Z');
    // A mailbox of its own, so other tests' follow-ups don't use its slots.
    const [base] = await ctx.db.select().from(assistants).where(eq(assistants.id, assistantId));
    const { id: _id, createdAt: _c, ...copy } = base!;
    const [capped] = await ctx.db
      .insert(assistants)
      .values({ ...copy, name: 'Capped', email: 'capped@acme.test', dailyCap: 1 })
      .returning();
    const a = await add('cap-a@example.com', { assistantId: capped!.id });
    clock.now = new Date('2026-12-01T10:00:01Z');
    const b = await add('cap-b@example.com', { assistantId: capped!.id });
    await dispatchAll();
    expect((await msgs(a.id))[0]!.status).toBe('sent');
    expect((await msgs(b.id))[0]!.status).toBe('scheduled');
    const [wait] = await events(b.id, 'send_deferred');
    expect(wait!.reason).toMatch(/Daily cap of 1 emails for capped@acme.test reached/);
    expect(wait!.evidence).toMatchObject({ cap: 1, sentInLast24h: 1, until: '2026-12-02T10:00:01.000Z' });
    // A later round counts what was sent from the per-minute counts: the slot
    // frees when a's minute (10:00) has left the 24 hours, rounded up.
    clock.now = new Date('2026-12-01T15:00:00Z');
    const c = await add('cap-c@example.com', { assistantId: capped!.id });
    await dispatchAll();
    const [later] = await events(c.id, 'send_deferred');
    expect(later!.evidence).toMatchObject({ cap: 1, sentInLast24h: 1, until: '2026-12-02T10:01:00.000Z' });
  });

  it('never emails a suppressed address or a stopped lead, and records why', async () => {
    clock.now = new Date('2026-12-02T10:00:00Z');
    const s = await add('suppressed@example.com');
    const r = await add('replied@example.com');
    await suppress(ctx.db, actor.orgId, 'SUPPRESSED@example.com', 'test');
    const replied = await lead(r.id); // read outside: PGlite has one connection, a transaction holds it
    await ctx.db.transaction(async (tx) => {
      await changeLeadState(
        tx,
        replied,
        { type: 'reply', subState: 'Other' },
        { actorType: 'lead', reason: 'test' },
        { notify: ctx.config },
      );
    });
    const before = sink.received.length;
    await dispatchAll();
    // (Other tests' follow-ups may fall due meanwhile: only these two addresses matter here.)
    const toThem = sink.received
      .slice(before)
      .filter((m) => m.to.some((t) => /^(suppressed|replied)@example\.com$/i.test(t)));
    expect(toThem).toEqual([]);
    expect((await msgs(s.id))[0]!.status).toBe('cancelled');
    expect((await events(s.id, 'send_skipped'))[0]!.reason).toMatch(/suppression list/);
    expect((await msgs(r.id)).every((m) => m.status === 'cancelled')).toBe(true);
  });

  it('turns a permanent refusal into a bounce: the lead is deactivated and its steps cancelled', async () => {
    clock.now = new Date('2026-12-04T10:00:00Z');
    const l = await add('gone@example.com');
    await dispatchAll();
    expect(await lead(l.id)).toMatchObject({ state: 'deactivated', subState: 'BounceDeactivated' });
    const ms = await msgs(l.id);
    expect(ms[0]!.status).toBe('failed');
    expect(ms.slice(1).every((m) => m.status === 'cancelled')).toBe(true);
    const [changed] = (await events(l.id, 'state_changed')).filter((e) => e.toState === 'deactivated');
    expect(changed!.evidence).toMatchObject({ code: 550 });
  });

  it('sends the whole schedule threaded under the first email, then marks the lead processed', async () => {
    clock.now = new Date('2026-12-07T09:00:00Z'); // Monday
    const l = await add('whole@example.com');
    for (let i = 0; i < 40; i++) {
      const due = (await msgs(l.id)).filter((m) => m.status === 'scheduled').map((m) => m.dueAt.getTime());
      if (!due.length) break;
      clock.now = new Date(Math.max(clock.now.getTime(), Math.min(...due)));
      await dispatchAll();
    }
    const ms = await msgs(l.id);
    expect(ms.map((m) => m.status)).toEqual(Array(7).fill('sent'));
    const root = ms[0]!.messageId;
    const got = sink.received.filter((m) => m.to.includes('whole@example.com'));
    expect(got).toHaveLength(7);
    expect(got.slice(1).every((m) => m.subject === `Re: ${got[0]!.subject}`)).toBe(true);
    expect(got.slice(1).every((m) => m.raw.includes(`In-Reply-To: ${root}`))).toBe(true);
    // Every send fell inside Mon–Fri 08:00–18:00 UTC.
    for (const m of ms) {
      const d = m.sentAt!;
      expect([1, 2, 3, 4, 5]).toContain(d.getUTCDay());
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(d.getUTCHours()).toBeLessThan(18);
    }
    expect(await lead(l.id)).toMatchObject({ state: 'processed', subState: 'ScheduleCompleted' });
  });

  it('puts back an email a peer called uncertain when its cut-off claimer knows it never left, and says so', async () => {
    clock.now = new Date('2026-12-08T09:00:00Z');
    const l = await add('cutoff@example.com');
    const [first] = await msgs(l.id);
    // As a peer leaves it: the claimer's "handing over" mark committed, its answer was lost in an outage.
    await ctx.db
      .update(messages)
      .set({ status: 'uncertain', claimedBy: 'w1', attempts: 1, transmission: 'started' })
      .where(eq(messages.id, first!.id));
    const [claimed] = await ctx.db.select().from(messages).where(eq(messages.id, first!.id));
    await recordOutcomes(ctx, [{ kind: 'unsent', message: claimed! }], clock.now);
    expect(await msgs(l.id).then((ms) => ms[0])).toMatchObject({
      status: 'scheduled',
      claimedBy: null,
      attempts: 0,
      transmission: null,
    });
    expect((await events(l.id, 'send_deferred')).map((e) => e.reason)).toEqual([
      expect.stringContaining('before handing this email to the mail server'),
    ]);
    await dispatchAll();
    expect(sink.received.filter((m) => m.to.includes('cutoff@example.com'))).toHaveLength(1);
  });

  it('keeps a hostile name out of the headers', async () => {
    clock.now = new Date('2026-12-08T10:00:00Z');
    await add('victim@example.com', { firstName: 'Eve\r\nBcc: spy@evil.test', lastName: 'Ünïcødé 名前' });
    await dispatchAll();
    const m = sink.received.find((x) => x.to.includes('victim@example.com'))!;
    expect(m.to).toEqual(['victim@example.com']);
    const head = m.raw.slice(0, m.raw.indexOf('\r\n\r\n'));
    expect(head).not.toMatch(/^Bcc:/im);
    expect(head).toMatch(/^To: =\?UTF-8\?/m); // the non-ASCII name is RFC 2047 encoded
  });
});
