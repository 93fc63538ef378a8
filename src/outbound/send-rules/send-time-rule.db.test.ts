import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchHarness } from '../../../test/helpers/dispatch-harness.ts';
import { leadEvents, leadMessages } from '../../../test/helpers/lead-records.ts';
import type { Actor } from '../../accounts/actor.ts';
import { leads, workers } from '../../db/schema.ts';
import { addLead } from '../../leads/add-lead.ts';
import type { Ctx } from '../../platform/context.ts';
import { leadMinutes } from '../../sequences/send-time-optimization.ts';
import { recordOpen } from '../../tracking/record-engagement.ts';
import { dispatchOnce } from '../dispatcher.ts';
import type { SenderRegistry } from '../sender-registry.ts';

// Send Time Optimization through the real dispatcher and a real SMTP server,
// on a clock the test moves. Leads read in Berlin (UTC+1 in December).
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let ctx: Ctx;
let senders: SenderRegistry;
let actor: Actor;
const clock = { now: new Date() };
/** An instant at a Berlin wall time in December 2026. */
const berlin = (day: number, h: number, m = 0) => new Date(Date.UTC(2026, 11, day, h - 1, m));
const chrome =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const gmailProxy =
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

beforeAll(async () => {
  harness = await startDispatchHarness({ clock, adminEmail: 'admin@sto.test' });
  ({ ctx, senders } = harness);
  const org = harness.org;
  actor = { orgId: org.orgId, userId: org.userId, role: 'admin' };
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
});
afterAll(async () => harness?.close());

const add = (email: string) =>
  addLead(ctx, actor, {
    email,
    source: 'event',
    context: 'Expo',
    firstName: 'Kim',
    timeZone: 'Europe/Berlin',
  });
const steps = (leadId: string) => leadMessages(ctx.db, leadId);
const events = (leadId: string, type: string) => leadEvents(ctx.db, leadId, type);
async function dispatchAt(at: Date) {
  clock.now = at;
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}
async function openAt(leadId: string, at: Date, userAgent = chrome) {
  const [first] = await steps(leadId);
  return recordOpen(ctx, { messageId: first!.id, userAgent, ip: '198.51.100.9', at });
}

describe('send time optimization', () => {
  let reader: string;
  let proxied: string;
  let early: string;
  let silent: string;

  beforeAll(async () => {
    // Monday 30 November, 09:00 in Berlin: every first email goes at once.
    clock.now = berlin(0, 9); // Date.UTC rolls day 0 of December back to 30 November
    reader = (await add('reader@sto.example')).id;
    proxied = (await add('proxied@sto.example')).id;
    early = (await add('early@sto.example')).id;
    silent = (await add('silent@sto.example')).id;
    await dispatchAt(berlin(0, 9));
    // The reader reads after lunch; a Gmail proxy fetch in the morning is not the reader.
    for (const at of [berlin(0, 14, 5), berlin(1, 14, 20), berlin(1, 13, 50)]) await openAt(reader, at);
    await openAt(reader, berlin(1, 10, 0), gmailProxy);
    // Only proxies ever fetched this one's images.
    await openAt(proxied, berlin(0, 14, 0), gmailProxy);
    await openAt(proxied, berlin(1, 14, 0), 'Mozilla/5.0');
    // This one reads before the window opens.
    await openAt(early, berlin(1, 7, 30));
  });

  it('learns when the lead reads from its human opens, and stores the preferred minute', async () => {
    const [r] = await ctx.db.select().from(leads).where(eq(leads.id, reader));
    expect(r).toMatchObject({ state: 'warm', humanOpens: 3 });
    expect(r!.preferredSendMinute).toBe(14 * 60 + 5 - leadMinutes(reader));
    const [p] = await ctx.db.select().from(leads).where(eq(leads.id, proxied));
    expect(p).toMatchObject({ state: 'cold', humanOpens: 0, preferredSendMinute: null });
  });

  it('holds the next step until 15–30 minutes before the lead’s reading time, and says why', async () => {
    await dispatchAt(berlin(2, 9)); // Wednesday: step 2 is due at 09:00
    const step2 = (await steps(reader))[1]!;
    const chosen = berlin(2, 14, 5 - leadMinutes(reader));
    expect(step2).toMatchObject({ status: 'scheduled' });
    expect(step2.dueAt.toISOString()).toBe(chosen.toISOString());
    const [deferred] = await events(reader, 'send_deferred');
    expect(deferred!.reason).toMatch(
      /usually reads mail around 14:05 \(Europe\/Berlin\); this step waits until 13:(3[5-9]|4\d|50)/,
    );
    expect(deferred!.evidence).toMatchObject({
      rule: 'send-time',
      basis: 'reading_time',
      observedOpens: ['14:20', '13:50', '14:05'], // newest first
      readingTime: '14:05',
      until: chosen.toISOString(),
    });

    await dispatchAt(chosen);
    expect((await steps(reader))[1]!.status).toBe('sent');
    const sent = (await events(reader, 'message_sent')).at(-1)!;
    expect(sent.evidence).toMatchObject({
      sendTime: { basis: 'reading_time', decision: 'sent at the chosen time' },
    });
  });

  it('ignores proxy opens: a lead only proxies opened keeps its usual time', async () => {
    expect((await steps(proxied))[1]!.status).toBe('sent');
    expect(await events(proxied, 'send_deferred')).toEqual([]);
  });

  it('sends now rather than a day late when today’s chosen time has passed', async () => {
    expect((await steps(early))[1]!.status).toBe('sent');
    const sent = (await events(early, 'message_sent')).at(-1)!;
    expect(sent.evidence).toMatchObject({
      sendTime: {
        readingTime: '07:30',
        chosen: '08:00',
        decision: expect.stringMatching(/has passed: sent now/),
      },
    });
  });

  it('tries another time of day for a lead that opened none of its first three emails', async () => {
    await dispatchAt(berlin(7, 8)); // step 3 (due Saturday) goes Monday at the window's opening
    // Step 4 keeps the schedule's gap from when step 3 really went (keep-step-gaps): dispatched when due.
    const due = (await steps(silent))[3]!.dueAt;
    expect(due.getTime()).toBeGreaterThan(berlin(9, 9).getTime()); // later than planned: step 3 went late
    await dispatchAt(due);
    const step4 = (await steps(silent))[3]!;
    expect(step4.status).toBe('scheduled');
    const deferred = (await events(silent, 'send_deferred')).at(-1)!;
    expect(deferred.reason).toMatch(/none of the first 3 emails was opened; trying a different time of day/);
    expect(deferred.evidence).toMatchObject({
      rule: 'send-time',
      basis: 'no_opens',
      unopenedEmails: 3,
      usualTime: '09:00',
    });
    const [h, m] = String(deferred.evidence!.chosen).split(':').map(Number);
    const chosen = h! * 60 + m!;
    // Hours away from the usual 09:00, inside the 08:00–18:00 window, the same day.
    expect(Math.abs(chosen - 540)).toBeGreaterThanOrEqual(4 * 60);
    expect(chosen).toBeLessThan(18 * 60);
    const sameDay = new Date(due);
    sameDay.setUTCHours(h! - 1, m!, 0, 0); // Berlin is UTC+1 in December
    expect(step4.dueAt.toISOString()).toBe(sameDay.toISOString());
  });
});
