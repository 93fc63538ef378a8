import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchHarness } from '../../test/helpers/dispatch-harness.ts';
import { leadEvents, leadMessages } from '../../test/helpers/lead-records.ts';
import type { Actor } from '../accounts/actor.ts';
import { workers } from '../db/schema.ts';
import { addLead } from '../leads/add-lead.ts';
import type { Ctx } from '../platform/context.ts';
import { isInsideWindow } from '../sequences/send-window.ts';
import { dispatchOnce } from './dispatcher.ts';
import type { SenderRegistry } from './sender-registry.ts';
import { listUnsentEmails } from './unsent-emails.ts';

// An SMTP outage of hours and days, against a real SMTP server that answers
// 451 (or a port nobody listens on), on a clock the test moves: retries as
// mail servers do, each inside the lead's send window, failed only after the
// maximum age (the defaults: 5 min doubling up to 4 h, for 3 days).
let harness: Awaited<ReturnType<typeof startDispatchHarness>>;
let ctx: Ctx;
let senders: SenderRegistry;
let actor: Actor;
const down = new Set<string>();
const clock = { now: new Date('2026-12-02T16:00:00Z') }; // a Wednesday, 11:00 in New York
const window = { days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1080 }; // the assistant's default
const hour = 3_600_000;

beforeAll(async () => {
  harness = await startDispatchHarness({ clock, reject: (rcpt) => (down.has(rcpt) ? 451 : null) });
  ({ ctx, senders } = harness);
  actor = { orgId: harness.org.orgId, userId: harness.org.userId, role: 'admin' };
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
});
afterAll(async () => harness?.close());

async function dispatchAll() {
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}
const add = (email: string) =>
  addLead(ctx, actor, { email, source: 'event', firstName: 'Kim', timeZone: 'America/New_York' });

/** Moves the clock to each due time of the lead's first email while it stays `scheduled`; the due times seen. */
async function followRetries(leadId: string, until: (tries: number) => boolean) {
  const dues: Date[] = [];
  for (let tries = 0; ; tries++) {
    const [m] = await leadMessages(ctx.db, leadId);
    if (m!.status !== 'scheduled' || until(tries)) return { dues, message: m! };
    clock.now = new Date(Math.max(clock.now.getTime(), m!.dueAt.getTime()));
    if (tries > 0) dues.push(m!.dueAt);
    await dispatchAll();
  }
}

describe('temporary SMTP failures', () => {
  it('are retried over days with growing delays, each inside the send window, and failed only after the maximum age', async () => {
    const l = await add('outage@example.com');
    down.add('outage@example.com');
    const firstTry = clock.now;
    const { dues, message } = await followRetries(l.id, () => false);
    expect(message.status).toBe('failed');
    expect(message.lastError).toMatch(/451/);
    // Every retry was inside Mon–Fri 08:00–18:00 New York time.
    for (const d of dues) expect(isInsideWindow(d, window, 'America/New_York')).toBe(true);
    // Growing delays: 5, 10, 20, 40, 80, 160 min, then 4 h (or the next window opening when that is later).
    const gaps = dues.map((d, i) => d.getTime() - (i === 0 ? firstTry.getTime() : dues[i - 1]!.getTime()));
    expect(gaps.slice(0, 4)).toEqual([5, 10, 20, 40].map((m) => m * 60_000));
    for (const g of gaps.slice(6)) expect(g).toBeGreaterThanOrEqual(4 * hour);
    expect(Math.max(...gaps)).toBeGreaterThan(12 * hour); // a night (and a weekend) waited out, not retried through
    // Permanent only once the first failure is three days old, not before.
    const gaveUpAt = clock.now.getTime();
    expect(gaveUpAt - firstTry.getTime()).toBeGreaterThanOrEqual(72 * hour);
    expect(dues.at(-2)!.getTime() - firstTry.getTime()).toBeLessThan(72 * hour);
    // Each retry is on the timeline, then the failure with why; it is listed for a human to retry.
    // (Its second email, due two days later, meets the same outage: only the first's are counted here.)
    const deferred = (await leadEvents(ctx.db, l.id, 'send_deferred')).filter((e) => e.evidence?.step === 0);
    expect(deferred.length).toBe(dues.length);
    expect(deferred[0]!.reason).toMatch(/^Temporary failure \(451\): retry 2 at .* inside the send window/);
    expect(deferred[0]!.evidence).toMatchObject({
      giveUpAt: new Date(firstTry.getTime() + 72 * hour).toISOString(),
    });
    const [failed] = (await leadEvents(ctx.db, l.id, 'send_failed')).filter((e) => e.evidence?.step === 0);
    expect(failed!.reason).toMatch(/^Gave up after \d+ tries since 2026-12-02T16:00:00.000Z/);
    const listed = await listUnsentEmails(ctx, actor);
    expect(listed.items.find((i) => i.id === message.id)).toMatchObject({ status: 'failed', step: 0 });
  });

  it('go out once when the server is back hours later, and a refused connection counts as temporary', async () => {
    clock.now = new Date('2026-12-14T15:00:00Z'); // a Monday, 10:00 in New York
    const l = await add('back@example.com');
    down.add('back@example.com');
    await followRetries(l.id, (tries) => tries === 7); // about five hours of failures
    expect(clock.now.getTime() - new Date('2026-12-14T15:00:00Z').getTime()).toBeGreaterThan(4 * hour);
    down.delete('back@example.com');
    const { message } = await followRetries(l.id, () => false);
    expect(message.status).toBe('sent');
    expect(message.retryingSince).toBeNull();
    expect(harness.sink.received.filter((m) => m.to.includes('back@example.com'))).toHaveLength(1);

    // No server at all on the assistant's SMTP URL: a connection error, retried like a 4xx.
    const { createServer } = await import('node:net');
    const closed = await new Promise<number>((r) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => r(port));
      });
    });
    const { assistants } = await import('../db/schema.ts');
    const { eq } = await import('drizzle-orm');
    await ctx.db
      .update(assistants)
      .set({ smtpUrl: `smtp://127.0.0.1:${closed}` })
      .where(eq(assistants.id, harness.org.assistantId));
    const c = await add('nowhere@example.com');
    await dispatchAll();
    const [m] = await leadMessages(ctx.db, c.id);
    expect(m).toMatchObject({ status: 'scheduled', attempts: 1 });
    expect(m!.dueAt.getTime() - clock.now.getTime()).toBe(5 * 60_000);
    expect((await leadEvents(ctx.db, c.id, 'send_deferred'))[0]!.reason).toMatch(
      /^Temporary failure \(connection\)/,
    );
  });
});
