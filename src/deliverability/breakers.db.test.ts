import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arfComplaint, clockedCtx, seedLeads } from '../../test/helpers/deliverability.ts';
import { openAssistantWindow } from '../../test/helpers/seed.ts';
import { startSmtpSink } from '../../test/helpers/smtp-sink.ts';
import { freshDatabase } from '../../test/helpers/test-database.ts';
import type { Actor } from '../accounts/actor.ts';
import { createOrgWithAdmin, type InitResult } from '../accounts/org-setup.ts';
import { loadConfig } from '../config/config.ts';
import {
  assistants,
  breakers,
  deliverabilityAlerts,
  leads,
  messages,
  timelineEvents,
  workers,
} from '../db/schema.ts';
import { ingestRaw } from '../inbound/ingest.ts';
import { processInboundOnce } from '../inbound/process-inbound.ts';
import { dispatchOnce } from '../outbound/dispatcher.ts';
import { createSenderRegistry, type SenderRegistry } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import { sweepBreakers } from './breaker-evaluation.ts';
import { resumeBreaker } from './breaker-resume.ts';

// Breakers driven by real sends to a real SMTP server (550 for gone-*), on a clock the test moves.
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let ctx: Ctx;
let senders: SenderRegistry;
const clock = { now: new Date('2026-12-01T10:00:00Z') };

beforeAll(async () => {
  fresh = await freshDatabase();
  sink = await startSmtpSink({ reject: (rcpt) => (rcpt.startsWith('gone') ? 550 : null) });
  const config = loadConfig({ SMTP_URL: sink.url, DISPATCH_BATCH_SIZE: '500', LOG_LEVEL: 'error' });
  ctx = clockedCtx(fresh.database.db, config, clock);
  senders = createSenderRegistry(ctx.db, config);
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
});
afterAll(async () => {
  await senders?.closeAll();
  await sink?.close();
  await fresh?.drop();
});

async function newOrg(name: string): Promise<InitResult & { admin: Actor }> {
  const org = await createOrgWithAdmin(ctx.db, {
    orgName: name,
    email: `${name}@acme.test`,
    password: 'password123',
  });
  await openAssistantWindow(ctx.db, org.assistantId);
  return { ...org, admin: { orgId: org.orgId, userId: org.userId, role: 'admin' } };
}
const addresses = (prefix: string, n: number, domain = 'example.com') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}@${domain}`);
async function dispatchAll() {
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}
const breakersOf = (orgId: string, kind: 'hard_bounce' | 'complaint' = 'hard_bounce') =>
  ctx.db
    .select()
    .from(breakers)
    .where(and(eq(breakers.orgId, orgId), eq(breakers.kind, kind)))
    .orderBy(asc(breakers.scope));
const alertsOf = (orgId: string) =>
  ctx.db
    .select()
    .from(deliverabilityAlerts)
    .where(eq(deliverabilityAlerts.orgId, orgId))
    .orderBy(asc(deliverabilityAlerts.createdAt));
const leadByEmail = async (orgId: string, email: string) =>
  (
    await ctx.db
      .select()
      .from(leads)
      .where(and(eq(leads.orgId, orgId), eq(leads.email, email)))
  )[0]!;
const stepsOf = (leadId: string) =>
  ctx.db.select().from(messages).where(eq(messages.leadId, leadId)).orderBy(asc(messages.step));
const eventsOf = (leadId: string, type: string) =>
  ctx.db
    .select()
    .from(timelineEvents)
    .where(and(eq(timelineEvents.leadId, leadId), eq(timelineEvents.type, type)))
    .orderBy(asc(timelineEvents.id));

describe('hard-bounce breaker', () => {
  let a: Awaited<ReturnType<typeof newOrg>>;

  it('warns at 2 %, trips at 4 %, tells the users once per change, and notes it on the lead that tipped it', async () => {
    clock.now = new Date('2026-12-01T10:00:00Z');
    a = await newOrg('bouncy');
    await seedLeads(ctx.db, a, a.assistantId, [...addresses('ok', 49), 'gone-1@example.com'], clock.now);
    await dispatchAll();
    expect((await breakersOf(a.orgId)).map((b) => [b.scope, b.state, b.windowSends, b.windowEvents])).toEqual(
      [
        ['assistant', 'warn', 50, 1],
        ['mailbox', 'warn', 50, 1],
        ['org', 'warn', 50, 1],
      ],
    );
    // Three breakers over the same single assistant: one alert, not three.
    const [warned] = await alertsOf(a.orgId);
    expect(await alertsOf(a.orgId)).toHaveLength(1);
    expect(warned).toMatchObject({ kind: 'breaker_warn', assistantId: a.assistantId });
    expect(warned!.reason).toMatch(
      /1 of 50 emails in the last 7 days bounced hard \(2\.0 %\); warning at 2\.0 %/,
    );
    const gone1 = await leadByEmail(a.orgId, 'gone-1@example.com');
    expect(warned!.leadId).toBe(gone1.id);
    expect((await eventsOf(gone1.id, 'deliverability_alert'))[0]!.reason).toMatch(
      /brought the rate to 2\.0 %/,
    );

    clock.now = new Date('2026-12-01T11:00:00Z');
    await seedLeads(ctx.db, a, a.assistantId, ['gone-2@example.com', 'gone-3@example.com'], clock.now);
    await dispatchAll();
    const tripped = await breakersOf(a.orgId);
    expect(tripped.map((b) => [b.state, b.windowSends, b.windowEvents])).toEqual(
      Array(3).fill(['tripped', 52, 3]),
    );
    expect(tripped[0]!.trippedAt).toEqual(clock.now);
    const alerts = await alertsOf(a.orgId);
    expect(alerts.map((x) => x.kind)).toEqual(['breaker_warn', 'breaker_tripped']);
    expect(alerts[1]!.reason).toMatch(
      /3 of 52 .* \(5\.8 %\), at or over 4\.0 %: tripped\. Unverified addresses/,
    );
  });

  it('holds emails to unverified addresses, with the breaker, rate and trip time on the timeline', async () => {
    clock.now = new Date('2026-12-01T12:00:00Z');
    const [fresh1] = await seedLeads(ctx.db, a, a.assistantId, ['fresh-1@example.com'], clock.now);
    const before = sink.received.length;
    await dispatchAll();
    expect(sink.received.length).toBe(before);
    const [held] = await stepsOf(fresh1!);
    expect(held).toMatchObject({ status: 'scheduled' });
    expect(held!.dueAt).toEqual(new Date(clock.now.getTime() + 86_400_000));
    const [why] = await eventsOf(fresh1!, 'send_deferred');
    expect(why!.reason).toMatch(
      /Hard-bounce breaker .* is tripped \(5\.8 % in 7 days\) and this address is not verified yet/,
    );
    expect(why!.evidence).toMatchObject({
      rule: 'breaker',
      rate: 3 / 52,
      since: '2026-12-01T11:00:00.000Z',
      trippedAt: '2026-12-01T11:00:00.000Z',
      addressVerified: false,
    });
  });

  it('keeps emailing addresses an accepted email proved three days ago', async () => {
    clock.now = new Date('2026-12-04T10:00:00Z'); // the ok leads' step 1 is due; step 0 went 3 days ago
    const before = sink.received.length;
    await dispatchAll();
    const got = sink.received.slice(before).flatMap((m) => m.to);
    expect(got).toHaveLength(49);
    expect(got.every((to) => to.startsWith('ok-'))).toBe(true);
    const fresh1 = await leadByEmail(a.orgId, 'fresh-1@example.com');
    expect((await stepsOf(fresh1.id))[0]!.status).toBe('scheduled'); // still held
  });

  it('resumes: re-armed with the breakers it tripped with, window restarted, held emails sent, alerts resolved', async () => {
    const member = { ...a.admin, role: 'member' as const };
    const [assistantBreaker] = await breakersOf(a.orgId);
    await expect(resumeBreaker(ctx, member, assistantBreaker!.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    clock.now = new Date('2026-12-04T12:00:00Z');
    const r = await resumeBreaker(ctx, a.admin, assistantBreaker!.id);
    expect(r).toMatchObject({ breaker: { state: 'armed', sends: 0, events: 0 }, released: 1 });
    expect(r.alsoResumed).toHaveLength(2);
    expect((await breakersOf(a.orgId)).map((b) => b.state)).toEqual(['armed', 'armed', 'armed']);
    expect((await alertsOf(a.orgId)).every((x) => x.resolvedAt !== null)).toBe(true);
    await expect(resumeBreaker(ctx, a.admin, assistantBreaker!.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const fresh1 = await leadByEmail(a.orgId, 'fresh-1@example.com');
    // Due now, and its daily re-checks while held no longer count as attempts.
    expect((await stepsOf(fresh1.id))[0]).toMatchObject({ dueAt: clock.now, attempts: 0 });
    await dispatchAll();
    expect(sink.received.some((m) => m.to.includes('fresh-1@example.com'))).toBe(true);
    // The bounces that tripped it are before the window now: a sweep leaves it armed.
    await sweepBreakers(ctx);
    const after = await breakersOf(a.orgId);
    expect(after.map((b) => [b.state, b.windowEvents])).toEqual(Array(3).fill(['armed', 0]));
    expect(after[0]!.windowSends).toBeGreaterThan(0);
    expect(after[0]!.windowFrom).toEqual(new Date('2026-12-04T12:00:00Z'));
  });
});

describe('scopes', () => {
  it('counts a mailbox across the assistants that share it and the org across all, each on its own', async () => {
    clock.now = new Date('2026-12-07T10:00:00Z');
    const o = await newOrg('scoped');
    const [base] = await ctx.db.select().from(assistants).where(eq(assistants.id, o.assistantId));
    const { id: _id, createdAt: _c, ...copy } = base!;
    const [twin] = await ctx.db
      .insert(assistants)
      .values({ ...copy, name: 'Twin' })
      .returning();
    const [other] = await ctx.db
      .insert(assistants)
      .values({ ...copy, name: 'Other', email: 'other@acme.test' })
      .returning();
    await seedLeads(ctx.db, o, o.assistantId, [...addresses('a1', 29), 'gone-a1@example.com'], clock.now);
    await seedLeads(
      ctx.db,
      o,
      twin!.id,
      [...addresses('a2', 28), 'gone-a2@example.com', 'gone-b2@example.com'],
      clock.now,
    );
    await seedLeads(ctx.db, o, other!.id, addresses('a3', 40), clock.now);
    await dispatchAll();
    const rows = await breakersOf(o.orgId);
    const state = (scope: string, id: string) => rows.find((b) => b.scope === scope && b.scopeId === id);
    expect(state('mailbox', base!.email)).toMatchObject({
      state: 'tripped',
      windowSends: 60,
      windowEvents: 3,
    });
    expect(state('org', o.orgId)).toMatchObject({ state: 'warn', windowSends: 100, windowEvents: 3 });
    // Under BREAKER_MIN_SENDS: no verdict, whatever the rate.
    expect(state('assistant', twin!.id)).toMatchObject({ state: 'armed', windowSends: 30, windowEvents: 2 });
    const alerts = await alertsOf(o.orgId);
    expect(
      alerts
        .filter((x) => x.kind === 'breaker_tripped')
        .map((x) => x.assistantId)
        .sort(),
    ).toEqual([o.assistantId, twin!.id].sort());
    expect(alerts.filter((x) => x.kind === 'breaker_warn')).toHaveLength(3);

    // The mailbox holds its assistants' unverified addresses; the other assistant still sends.
    clock.now = new Date('2026-12-07T11:00:00Z');
    await seedLeads(ctx.db, o, twin!.id, ['new-twin@example.com'], clock.now);
    await seedLeads(ctx.db, o, other!.id, ['new-other@example.com'], clock.now);
    await dispatchAll();
    expect(sink.received.some((m) => m.to.includes('new-other@example.com'))).toBe(true);
    expect(sink.received.some((m) => m.to.includes('new-twin@example.com'))).toBe(false);
    const twinLead = await leadByEmail(o.orgId, 'new-twin@example.com');
    expect((await eventsOf(twinLead.id, 'send_deferred'))[0]!.evidence).toMatchObject({
      breaker: `hard_bounce:mailbox:${base!.email}`,
    });

    // A week on, with 50 clean sends, the org's warning clears itself; the trip stays until resumed.
    clock.now = new Date('2026-12-15T10:00:00Z');
    await seedLeads(ctx.db, o, other!.id, addresses('later', 50), clock.now);
    await dispatchAll();
    await sweepBreakers(ctx);
    const later = await breakersOf(o.orgId);
    expect(later.find((b) => b.scope === 'org')).toMatchObject({ state: 'armed', windowEvents: 0 });
    expect(later.find((b) => b.scope === 'mailbox')).toMatchObject({ state: 'tripped' });
  });
});

describe('complaint breaker', () => {
  it('trips on a spam report, holds every sequence email (verified or not) but lets a manual answer go', async () => {
    clock.now = new Date('2026-12-16T10:00:00Z');
    const o = await newOrg('complained');
    await seedLeads(ctx.db, o, o.assistantId, addresses('c', 60, 'example.org'), clock.now);
    await dispatchAll();
    const victim = await leadByEmail(o.orgId, 'c-7@example.org');
    const [first] = await stepsOf(victim.id);
    const [assistant] = await ctx.db.select().from(assistants).where(eq(assistants.id, o.assistantId));
    clock.now = new Date('2026-12-16T12:00:00Z');
    await ingestRaw(
      ctx,
      'http',
      arfComplaint({ messageId: first!.messageId, fromAddress: assistant!.email }, victim.email),
      { orgId: o.orgId },
    );
    while ((await processInboundOnce(ctx, 'w1')) > 0);
    expect((await leadByEmail(o.orgId, victim.email)).state).toBe('unsubscribed');
    const [tripped] = await breakersOf(o.orgId, 'complaint');
    expect(tripped).toMatchObject({ state: 'tripped', windowSends: 60, windowEvents: 1 });
    // Complaints count apart: the bounce breakers saw nothing.
    expect((await breakersOf(o.orgId)).every((b) => b.state === 'armed' && b.windowEvents === 0)).toBe(true);

    const answered = await leadByEmail(o.orgId, 'c-3@example.org');
    await ctx.db.insert(messages).values({
      orgId: o.orgId,
      leadId: answered.id,
      assistantId: o.assistantId,
      kind: 'manual',
      status: 'scheduled',
      dueAt: clock.now,
      explicitTime: true,
      messageId: `<manual-${answered.replyToken}@acme.test>`,
      subject: 'Re: the deck',
      textBody: 'Here it is.',
    });
    clock.now = new Date('2026-12-19T10:00:00Z'); // step 1 due for everyone; step 0 proved their addresses
    const before = sink.received.length;
    await dispatchAll();
    const mine = () => sink.received.slice(before).filter((m) => m.to[0]!.endsWith('@example.org'));
    expect(mine().map((m) => m.to[0])).toEqual(['c-3@example.org']);

    const r = await resumeBreaker(ctx, o.admin, tripped!.id);
    expect(r.released).toBe(59); // the complainer's steps were cancelled with the unsubscribe
    await dispatchAll();
    expect(mine()).toHaveLength(60);
    expect(sink.received.some((m) => m.to.includes(victim.email) && m.subject.startsWith('Re:'))).toBe(false);
  });
});
