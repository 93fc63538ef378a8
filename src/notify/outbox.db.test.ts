import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedCtx, seedLeads } from '../../test/helpers/deliverability.ts';
import { startSmtpSink } from '../../test/helpers/smtp-sink.ts';
import { freshDatabase } from '../../test/helpers/test-database.ts';
import { addMember } from '../../test/helpers/test-nurture.ts';
import { createOrgWithAdmin, type InitResult } from '../accounts/org-setup.ts';
import { loadConfig } from '../config/config.ts';
import {
  assistants,
  breakers,
  deliverabilityAlerts,
  deliverabilityEvents,
  messages,
  notifications,
  timelineEvents,
  users,
} from '../db/schema.ts';
import { evaluateBreakers } from '../deliverability/breaker-evaluation.ts';
import { createSenderRegistry } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import { deliverNotificationsOnce } from './deliver-notifications.ts';
import { createEmailNotifier } from './email-notifier.ts';
import type { DeliveryOutcome, Notifier } from './notifier.ts';
import {
  claimDueNotifications,
  claimLeaseMs,
  enqueueNotifications,
  notificationMessageId,
  recordDelivery,
} from './outbox.ts';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let ctx: Ctx;
const clock = { now: new Date('2026-12-01T10:00:00Z') };

beforeAll(async () => {
  fresh = await freshDatabase();
  const config = loadConfig({ NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_RETRY_BASE_MS: '1000', LOG_LEVEL: 'error' });
  ctx = clockedCtx(fresh.database.db, config, clock);
});
afterAll(async () => fresh?.drop());

/**
 * An org whose assistant sent 50 emails this week, plus 3 refused at send
 * time: 3 of 53 (5.7 %), over the 4 % pause level once evaluated. The admin
 * owns those leads; `owner` (a member) owns one more; `bystander` owns none.
 */
async function trippableOrg(name: string) {
  const org = await createOrgWithAdmin(ctx.db, {
    orgName: name,
    email: `boss@${name}.test`,
    password: 'password123',
  });
  const owner = await addMember(ctx.db, org.orgId);
  const bystander = await addMember(ctx.db, org.orgId);
  const ids = await seedLeads(
    ctx.db,
    org,
    org.assistantId,
    Array.from({ length: 53 }, (_, i) => `l${i}@example.com`),
    new Date(clock.now.getTime() + 30 * 86_400_000),
  );
  await seedLeads(
    ctx.db,
    { orgId: org.orgId, userId: owner.id },
    org.assistantId,
    ['own@example.com'],
    clock.now,
  );
  await ctx.db
    .update(messages)
    .set({ status: 'sent', sentAt: clock.now })
    .where(and(inArray(messages.leadId, ids.slice(0, 50)), eq(messages.step, 0)));
  await ctx.db.insert(deliverabilityEvents).values(
    ids.slice(50).map((leadId) => ({
      orgId: org.orgId,
      assistantId: org.assistantId,
      mailbox: `alex@${name}.test`,
      leadId,
      kind: 'hard_bounce' as const,
      source: 'smtp' as const,
      sentAt: clock.now,
      occurredAt: clock.now,
    })),
  );
  return { org, owner, bystander, tipping: ids[52]! };
}

const evaluate = (org: InitResult, triggerLeadId?: string) =>
  ctx.db.transaction((tx) =>
    evaluateBreakers(tx, ctx.config, { orgId: org.orgId, now: clock.now, triggerLeadId }),
  );
const noticesOf = (orgId: string) =>
  ctx.db
    .select({ n: notifications, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.orgId, orgId))
    .orderBy(asc(notifications.createdAt), asc(users.email));

describe('notifications outbox', () => {
  let a: Awaited<ReturnType<typeof trippableOrg>>;

  it('a tripped breaker writes one email per user of the assistant, in the transaction of its alert', async () => {
    a = await trippableOrg('tripco');
    await evaluate(a.org, a.tipping);
    const [alert, ...more] = await ctx.db
      .select()
      .from(deliverabilityAlerts)
      .where(eq(deliverabilityAlerts.orgId, a.org.orgId));
    expect(more).toHaveLength(0);
    expect(alert).toMatchObject({ kind: 'breaker_tripped', assistantId: a.org.assistantId });

    const rows = await noticesOf(a.org.orgId);
    // The admin and the member who owns a lead on the assistant; not the member who owns none.
    expect(rows.map((r) => r.n.userId).sort()).toEqual([a.org.userId, a.owner.id].sort());
    const [assistantBreaker] = await ctx.db
      .select()
      .from(breakers)
      .where(
        and(
          eq(breakers.orgId, a.org.orgId),
          eq(breakers.scope, 'assistant'),
          eq(breakers.kind, 'hard_bounce'),
        ),
      );
    for (const { n, email } of rows) {
      expect(n).toMatchObject({
        kind: 'deliverability_alert',
        channel: 'email',
        status: 'pending',
        attempts: 0,
        sourceId: alert!.id,
        assistantId: a.org.assistantId,
        leadId: a.tipping,
        destination: email,
        nextAttemptAt: clock.now,
        subject: 'Deliverability alert: Alex paused sending to unverified addresses',
      });
      expect(n.messageId).toMatch(/^<notify\.[0-9a-f-]{36}@tripco\.test>$/);
      expect(n.body).toContain(alert!.reason);
      expect(n.body).toMatch(/Rate: +5\.7 % \(3 hard bounces among 53 emails sent/);
      expect(n.body).toMatch(/warning at 2\.0 %, pause at 4\.0 % \(no verdict under 50 emails\)/);
      expect(n.body).toContain(
        `POST http://localhost:3000/api/v1/deliverability/breakers/${assistantBreaker!.id}/resume`,
      );
    }
    // The lead that tipped it says who was told.
    const [event] = await ctx.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.leadId, a.tipping), eq(timelineEvents.type, 'deliverability_alert')));
    expect((event!.evidence as { notifiedUserIds: string[] }).notifiedUserIds.sort()).toEqual(
      [a.org.userId, a.owner.id].sort(),
    );
  });

  it('one per user per alert: evaluating again, or writing the same again, adds nothing', async () => {
    await evaluate(a.org);
    await evaluate(a.org, a.tipping);
    const rows = await noticesOf(a.org.orgId);
    expect(rows).toHaveLength(2);
    const { n } = rows[0]!;
    const again = await ctx.db.transaction((tx) =>
      enqueueNotifications(
        tx,
        [{ ...n, messageId: notificationMessageId('alex@tripco.test'), subject: 'twice?' }],
        clock.now,
      ),
    );
    expect(again).toEqual([]);
    expect(await noticesOf(a.org.orgId)).toHaveLength(2);
  });

  it('an org breaker over several assistants tells each user once, from an assistant they use', async () => {
    const m = await trippableOrg('multico');
    const [base] = await ctx.db.select().from(assistants).where(eq(assistants.id, m.org.assistantId));
    const { id: _id, createdAt: _c, ...copy } = base!;
    const [blake] = await ctx.db
      .insert(assistants)
      .values({ ...copy, name: 'Blake', email: 'blake@multico.test' })
      .returning();
    // A member who only uses Blake (which sent nothing): told about the org's breaker, not Alex's.
    const blakeUser = await addMember(ctx.db, m.org.orgId);
    await seedLeads(
      ctx.db,
      { orgId: m.org.orgId, userId: blakeUser.id },
      blake!.id,
      ['b@example.com'],
      clock.now,
    );
    await evaluate(m.org);
    const alerts = await ctx.db
      .select()
      .from(deliverabilityAlerts)
      .where(eq(deliverabilityAlerts.orgId, m.org.orgId));
    // Alex's own breakers (assistant, mailbox) are one group; the org's (over Alex and Blake) another.
    expect(alerts).toHaveLength(3);
    const rows = (await noticesOf(m.org.orgId)).map((r) => r.n);
    const of = (userId: string) =>
      rows
        .filter((n) => n.userId === userId)
        .map((n) => [n.subject, n.assistantId])
        .sort();
    const alex = 'Deliverability alert: Alex paused sending to unverified addresses';
    const org = 'Deliverability alert: the assistants of multico paused sending to unverified addresses';
    expect(of(m.org.userId)).toEqual([
      [alex, m.org.assistantId],
      [org, m.org.assistantId],
    ]);
    expect(of(m.owner.id)).toEqual(of(m.org.userId));
    expect(of(blakeUser.id)).toEqual([[org, blake!.id]]);
    expect(of(m.bystander.id)).toEqual([]);
    expect(rows.find((n) => n.userId === blakeUser.id)!.messageId).toMatch(/@multico\.test>$/);
  });

  it('a rolled-back transaction leaves no alert and no notification', async () => {
    const b = await trippableOrg('rollco');
    await expect(
      ctx.db.transaction(async (tx) => {
        await evaluateBreakers(tx, ctx.config, { orgId: b.org.orgId, now: clock.now });
        throw new Error('something later in the transaction failed');
      }),
    ).rejects.toThrow('something later');
    expect(await noticesOf(b.org.orgId)).toEqual([]);
    expect(
      await ctx.db.select().from(deliverabilityAlerts).where(eq(deliverabilityAlerts.orgId, b.org.orgId)),
    ).toEqual([]);
    // The same evaluation committed does write them: the rollback is what stopped them.
    await evaluate(b.org);
    expect(await noticesOf(b.org.orgId)).toHaveLength(2);
  });

  it('delivers: sent; a transient failure retried with doubling back-off, then failed with its error kept', async () => {
    const tried: string[] = [];
    const flaky: Notifier = {
      channel: 'email',
      async deliver(n): Promise<DeliveryOutcome> {
        tried.push(n.destination);
        return n.userId === a.org.userId
          ? { ok: true, detail: '250 OK' }
          : { ok: false, permanent: false, error: '421 4.7.0 try again later' };
      },
    };
    await parkAllBut(a.org.orgId);
    const start = clock.now;
    const at = (ms: number) => {
      clock.now = new Date(start.getTime() + ms);
    };
    const byUser = async () => new Map((await noticesOf(a.org.orgId)).map((r) => [r.n.userId, r.n] as const));

    expect(await deliverNotificationsOnce(ctx, [flaky], 'w1')).toBe(2);
    let now = await byUser();
    expect(now.get(a.org.userId)).toMatchObject({
      status: 'sent',
      sentAt: start,
      attempts: 1,
      lastError: null,
    });
    expect(now.get(a.owner.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: '421 4.7.0 try again later',
      nextAttemptAt: new Date(start.getTime() + 1000),
    });
    // Not due yet: nothing to do.
    expect(await deliverNotificationsOnce(ctx, [flaky], 'w1')).toBe(0);
    at(1000);
    expect(await deliverNotificationsOnce(ctx, [flaky], 'w1')).toBe(1);
    now = await byUser();
    expect(now.get(a.owner.id)).toMatchObject({
      status: 'pending',
      attempts: 2,
      nextAttemptAt: new Date(start.getTime() + 1000 + 2000),
    });
    at(3000);
    expect(await deliverNotificationsOnce(ctx, [flaky], 'w1')).toBe(1);
    now = await byUser();
    // NOTIFY_MAX_ATTEMPTS=3: given up, the error kept; the sent one was never sent again.
    expect(now.get(a.owner.id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: '421 4.7.0 try again later',
      sentAt: null,
    });
    at(86_400_000);
    expect(await deliverNotificationsOnce(ctx, [flaky], 'w1')).toBe(0);
    expect(tried.filter((t) => t === now.get(a.org.userId)!.destination)).toHaveLength(1);
    clock.now = start;
  });

  it('a claim holds a notification for a lease; a stale claimer records nothing; a permanent refusal fails at once', async () => {
    const c = await trippableOrg('leaseco');
    await evaluate(c.org);
    await parkAllBut(c.org.orgId);
    const mine = await claimDueNotifications(ctx.db, 'w1', clock.now, 10);
    expect(mine.map((n) => n.orgId)).toEqual([c.org.orgId, c.org.orgId]);
    expect(await claimDueNotifications(ctx.db, 'w2', clock.now, 10)).toEqual([]);
    // w1 died: after the lease, w2 takes them over; w1's late answer is not recorded.
    const later = new Date(clock.now.getTime() + claimLeaseMs);
    const theirs = await claimDueNotifications(ctx.db, 'w2', later, 10);
    expect(theirs.map((n) => [n.id, n.attempts, n.claimedBy])).toEqual(mine.map((n) => [n.id, 2, 'w2']));
    expect(await recordDelivery(ctx.db, mine[0]!, { ok: true, detail: '250' }, later, ctx.config)).toBeNull();
    expect(
      await recordDelivery(
        ctx.db,
        theirs[0]!,
        { ok: false, permanent: true, error: '550 5.1.1 no such user' },
        later,
        ctx.config,
      ),
    ).toBe('failed');
    expect(await recordDelivery(ctx.db, theirs[1]!, { ok: true, detail: '250' }, later, ctx.config)).toBe(
      'sent',
    );
    const rows = await ctx.db.select().from(notifications).where(eq(notifications.id, theirs[0]!.id));
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: '550 5.1.1 no such user' });
  });

  it('the email notifier sends from the assistant to the user through the sender registry, and reports refusals', async () => {
    const sink = await startSmtpSink({ reject: (rcpt) => (rcpt.startsWith('gone') ? 550 : null) });
    const config = { ...ctx.config, SMTP_URL: sink.url };
    const senders = createSenderRegistry(ctx.db, config);
    try {
      const d = await trippableOrg('mailco');
      await ctx.db.update(users).set({ email: 'gone@mailco.test' }).where(eq(users.id, d.owner.id));
      await evaluate(d.org);
      const email = createEmailNotifier(ctx.db, senders);
      const rows = (await noticesOf(d.org.orgId)).map((r) => r.n);
      const outcomes = new Map<string, DeliveryOutcome>();
      for (const n of rows) outcomes.set(n.userId!, await email.deliver(n));
      expect(outcomes.get(d.org.userId)).toMatchObject({ ok: true });
      expect(outcomes.get(d.owner.id)).toMatchObject({ ok: false, permanent: true });
      const [got] = sink.received;
      expect(got!.to).toEqual(['boss@mailco.test']);
      expect(got!.subject).toBe('Deliverability alert: Alex paused sending to unverified addresses');
      expect(got!.raw).toMatch(/^From: Alex <alex@mailco\.test>/m);
      expect(got!.raw).toMatch(/^Auto-Submitted: auto-generated/m);
      expect(got!.raw).not.toMatch(/List-Unsubscribe/i);
      expect(got!.messageId).toBe(rows.find((n) => n.userId === d.org.userId)!.messageId);
      expect(got!.text).toContain('3 of 53 emails in the last 7 days bounced hard');
    } finally {
      await senders.closeAll();
      await sink.close();
    }
  });
});

/** Only this org's notifications are due on this clock: the other tests' wait for 2030. */
async function parkAllBut(orgId: string): Promise<void> {
  await ctx.db
    .update(notifications)
    .set({ nextAttemptAt: new Date('2030-01-01T00:00:00Z') })
    .where(and(ne(notifications.orgId, orgId), eq(notifications.status, 'pending')));
}
