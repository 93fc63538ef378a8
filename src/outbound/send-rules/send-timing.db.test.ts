import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchHarness } from '../../../test/helpers/dispatch-harness.ts';
import { leadEvents, leadMessages } from '../../../test/helpers/lead-records.ts';
import type { Actor } from '../../accounts/actor.ts';
import { assistants, leads, workers } from '../../db/schema.ts';
import { addLead } from '../../leads/add-lead.ts';
import type { Ctx } from '../../platform/context.ts';
import { zonedParts } from '../../sequences/send-window.ts';
import { dispatchOnce } from '../dispatcher.ts';
import type { SenderRegistry } from '../sender-registry.ts';
import { holidayRule } from './holiday-rule.ts';
import type { Batch } from './send-rule.ts';

// When emails go: the send window across DST changes, public holidays and
// spacing per mailbox — the real dispatcher and a real SMTP server, on a
// clock the test moves. Tests run in clock order (the clock never goes back).
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let sink: Awaited<ReturnType<typeof startDispatchHarness>>['sink'];
let ctx: Ctx;
let senders: SenderRegistry;
let actor: Actor;
let assistantId: string;
const clock = { now: new Date('2026-03-01T00:00:00Z') };

beforeAll(async () => {
  harness = await startDispatchHarness({ clock });
  ({ ctx, sink, senders } = harness);
  const org = harness.org;
  actor = { orgId: org.orgId, userId: org.userId, role: 'admin' };
  assistantId = org.assistantId;
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
});
afterAll(async () => harness?.close());

const msgs = (leadId: string) => leadMessages(ctx.db, leadId);
const events = (leadId: string, type: string) => leadEvents(ctx.db, leadId, type);
async function dispatchAll() {
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}
/** Move the clock from due time to due time until the lead's first `n` steps have gone. */
async function sendSteps(leadId: string, n: number) {
  for (let i = 0; i < 50; i++) {
    const ms = await msgs(leadId);
    if (ms.slice(0, n).every((m) => m.status === 'sent')) return ms;
    const due = ms.filter((m) => m.status === 'scheduled').map((m) => m.dueAt.getTime());
    clock.now = new Date(Math.max(clock.now.getTime(), Math.min(...due)));
    await dispatchAll();
  }
  throw new Error('steps never went');
}
const local = (d: Date, zone: string) => {
  const p = zonedParts(d, zone);
  return {
    weekday: p.weekday,
    minute: p.hour * 60 + p.minute,
    hhmm: `${p.hour}:${String(p.minute).padStart(2, '0')}`,
  };
};

describe('send window across DST changes (Mon–Fri 08:00–18:00 in the lead’s zone)', () => {
  it('America/New_York across 2026-03-08: the wall-clock time holds, the UTC time moves', async () => {
    clock.now = new Date('2026-03-05T13:30:00Z'); // Thursday 08:30 EST
    const l = await addLead(ctx, actor, {
      email: 'ny@example.com',
      source: 'event',
      timeZone: 'America/New_York',
    });
    const ms = await sendSteps(l.id, 3);
    const sent = ms.slice(0, 3).map((m) => m.sentAt!.toISOString());
    expect(sent).toEqual([
      '2026-03-05T13:30:00.000Z', // Thu 08:30 EST
      '2026-03-09T12:00:00.000Z', // day 2 is Saturday: Monday's opening, 08:00 EDT
      // Step 2 went two days late, so step 3 keeps its 3-day gap from Monday: Thu 08:00 EDT, one
      // hour earlier in UTC than the same wall time before the change.
      '2026-03-12T12:00:00.000Z',
    ]);
    for (const m of ms.slice(0, 3)) {
      const t = local(m.sentAt!, 'America/New_York');
      expect([1, 2, 3, 4, 5]).toContain(t.weekday);
      expect(t.minute).toBeGreaterThanOrEqual(480);
      expect(t.minute).toBeLessThan(1080);
    }
    const [weekend] = await events(l.id, 'send_deferred');
    expect(weekend!.evidence).toMatchObject({
      timeZone: 'America/New_York',
      until: '2026-03-09T12:00:00.000Z',
    });
  });

  it('Europe/Berlin across 2026-10-25: Monday opens at 08:00 CET, not 07:00', async () => {
    clock.now = new Date('2026-10-22T06:30:00Z'); // Thursday 08:30 CEST
    const l = await addLead(ctx, actor, {
      email: 'berlin@example.com',
      source: 'event',
      timeZone: 'Europe/Berlin',
    });
    const ms = await sendSteps(l.id, 3);
    expect(ms.slice(0, 3).map((m) => m.sentAt!.toISOString())).toEqual([
      '2026-10-22T06:30:00.000Z', // Thu 08:30 CEST
      '2026-10-26T07:00:00.000Z', // Mon 08:00 CET (06:00Z would be 07:00 local)
      '2026-10-29T07:00:00.000Z', // 3 days after step 2 really went (it was late): Thu 08:00 CET
    ]);
    for (const m of ms.slice(0, 3)) {
      const t = local(m.sentAt!, 'Europe/Berlin');
      expect(t.minute).toBeGreaterThanOrEqual(480);
      expect(t.minute).toBeLessThan(1080);
    }
  });
});

describe('public holidays of the lead’s country', () => {
  it('takes the country from the phone when none is stated; another country’s holiday is a working day', async () => {
    clock.now = new Date('2026-11-26T15:00:00Z'); // Thanksgiving: 10:00 in New York, 16:00 in Berlin
    const us = await addLead(ctx, actor, {
      email: 'thanks@example.com',
      source: 'event',
      phone: '+1 212 555 0100',
      timeZone: 'America/New_York',
    });
    const de = await addLead(ctx, actor, {
      email: 'arbeitstag@example.com',
      source: 'event',
      phone: '+49 30 1234567',
    });
    await dispatchAll();
    expect((await msgs(de.id))[0]!.status).toBe('sent');
    expect((await msgs(us.id))[0]).toMatchObject({
      status: 'scheduled',
      dueAt: new Date('2026-11-27T13:00:00Z'),
    });
    expect((await events(us.id, 'send_deferred'))[0]!.evidence).toMatchObject({
      country: 'US',
      holiday: 'Thanksgiving Day',
    });
  });

  it('holds a German lead’s email on Christmas Day until Monday 08:00 in Berlin, and says why', async () => {
    clock.now = new Date('2026-12-25T09:00:00Z'); // Friday 10:00 in Berlin, inside the window
    const l = await addLead(ctx, actor, {
      email: 'weihnachten@example.com',
      source: 'event',
      country: 'Germany',
      timeZone: 'Europe/Berlin',
    });
    const before = sink.received.length;
    await dispatchAll();
    expect(sink.received.length).toBe(before);
    const [first] = await msgs(l.id);
    // The 26th is Boxing Day (a Saturday anyway), then the weekend.
    expect(first).toMatchObject({ status: 'scheduled', dueAt: new Date('2026-12-28T07:00:00Z') });
    const [held] = await events(l.id, 'send_deferred');
    expect(held!.reason).toMatch(/2026-12-25 is a public holiday in DE \(Christmas Day\)/);
    expect(held!.evidence).toMatchObject({
      rule: 'holiday',
      holiday: 'Christmas Day',
      country: 'DE',
      date: '2026-12-25',
      until: '2026-12-28T07:00:00.000Z',
    });
    clock.now = new Date('2026-12-28T07:00:00Z');
    await dispatchAll();
    expect((await msgs(l.id))[0]!.status).toBe('sent');
  });

  it('does not hold an explicit first-send time: it overrides the window, and holidays with it', async () => {
    clock.now = new Date('2027-05-13T08:00:00Z');
    const at = new Date('2027-05-13T08:30:00Z'); // Ascension Day in Germany
    const l = await addLead(ctx, actor, {
      email: 'himmelfahrt@example.com',
      source: 'event',
      country: 'DE',
      timeZone: 'Europe/Berlin',
      firstSendAt: at,
    });
    clock.now = at;
    await dispatchAll();
    expect((await msgs(l.id))[0]).toMatchObject({ status: 'sent', sentAt: at });
  });
});

describe('spacing between sends from one mailbox', () => {
  it('sends three due emails 120 s apart, oldest first, as the clock moves', async () => {
    const [base] = await ctx.db.select().from(assistants).where(eq(assistants.id, assistantId));
    const { id: _id, createdAt: _c, ...copy } = base!;
    const [spaced] = await ctx.db
      .insert(assistants)
      .values({
        ...copy,
        name: 'Spaced',
        email: 'spaced@acme.test',
        sendSpacingSeconds: 120,
        sendDays: [0, 1, 2, 3, 4, 5, 6],
        sendStartMinute: 0,
        sendEndMinute: 1440,
      })
      .returning();
    const t0 = new Date('2027-06-01T10:00:00Z').getTime();
    const ids: string[] = [];
    for (const [i, name] of ['one', 'two', 'three'].entries()) {
      clock.now = new Date(t0 + i * 1000);
      ids.push(
        (
          await addLead(ctx, actor, {
            email: `${name}@spaced.example`,
            source: 'event',
            timeZone: 'UTC',
            assistantId: spaced!.id,
          })
        ).id,
      );
    }
    const first = async (id: string) => (await msgs(id))[0]!;
    await dispatchAll(); // t0 + 2 s
    expect((await first(ids[0]!)).status).toBe('sent');
    const waits = await Promise.all(ids.slice(1).map(async (id) => (await events(id, 'send_deferred'))[0]!));
    expect(waits.map((w) => w.evidence?.until)).toEqual([
      new Date(t0 + 2000 + 120_000).toISOString(),
      new Date(t0 + 2000 + 240_000).toISOString(),
    ]);
    expect(waits[0]!.reason).toMatch(/120 s between sends from spaced@acme.test/);
    expect(waits[0]!.evidence).toMatchObject({ rule: 'spacing', spacingSeconds: 120 });

    clock.now = new Date(t0 + 2000 + 60_000);
    await dispatchAll();
    expect((await first(ids[1]!)).status).toBe('scheduled');
    for (const step of [1, 2]) {
      clock.now = new Date(t0 + 2000 + step * 120_000);
      await dispatchAll();
    }
    const sentAt = await Promise.all(ids.map(async (id) => (await first(id)).sentAt!.getTime()));
    expect(sentAt.map((t) => t - sentAt[0]!)).toEqual([0, 120_000, 240_000]);
  });
});

describe('holidays and the sandbox', () => {
  it('lets sandbox mail go on a holiday when SANDBOX_SENDS_ANYTIME is on, noting what it would have done', async () => {
    clock.now = new Date('2027-12-20T10:00:00Z');
    const l = await addLead(ctx, actor, {
      email: 'sandbox@example.de',
      source: 'event',
      timeZone: 'Europe/Berlin',
    });
    const [message] = await msgs(l.id);
    const [assistant] = await ctx.db.select().from(assistants).where(eq(assistants.id, assistantId));
    const [row] = await ctx.db.select().from(leads).where(eq(leads.id, l.id));
    const candidate = { message: message!, lead: row!, assistant: assistant! };
    const batchFor = (sandbox: boolean): Batch => ({
      now: new Date('2027-12-25T10:00:00Z'),
      messages: [message!],
      leads: new Map([[row!.id, row!]]),
      assistants: new Map([[assistant!.id, assistant!]]),
      usesSandbox: () => sandbox,
    });
    const anytime = { ...ctx, config: { ...ctx.config, SANDBOX_SENDS_ANYTIME: true } };
    const sandboxed = batchFor(true);
    expect(
      holidayRule.check(candidate, await holidayRule.prepare!(ctx, sandboxed), sandboxed, anytime),
    ).toEqual({
      kind: 'note',
      evidence: {
        publicHoliday: expect.objectContaining({
          holiday: 'Christmas Day',
          country: 'DE', // from the .de domain
          wouldWaitUntil: '2027-12-27T07:00:00.000Z',
        }),
      },
    });
    const real = batchFor(false);
    expect(holidayRule.check(candidate, await holidayRule.prepare!(ctx, real), real, anytime)).toMatchObject({
      kind: 'defer',
      until: new Date('2027-12-27T07:00:00.000Z'),
    });
  });
});
