import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicUrl } from '../src/config/config.ts';
import { messages, timelineEvents, users } from '../src/db/schema.ts';
import { seedLeads } from './helpers/deliverability.ts';
import { postfixBounce } from './helpers/mail-builders.ts';
import { listNotices, type Notice, sandboxMessages, startNotificationCast } from './helpers/notices.ts';
import { openAssistantWindow } from './helpers/seed.ts';
import { startSmtpSink } from './helpers/smtp-sink.ts';
import { addMember, startTestNurture, waitFor } from './helpers/test-nurture.ts';

// SPEC §5.3: when a breaker warns or trips, the assistant's users are told
// by email, from the assistant's mailbox, and can list what they were told.

type Breaker = { id: string; scope: string; kind: string; state: string };

const now = () => new Date();
const sentCount = async (n: Awaited<ReturnType<typeof startTestNurture>>) =>
  Number((await n.ctx.db.select({ c: count() }).from(messages).where(eq(messages.status, 'sent')))[0]!.c);
const addresses = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}@example.com`);

describe('in the sandbox (no SMTP configured): bounces reported by DSN', () => {
  let n: Awaited<ReturnType<typeof startTestNurture>>;
  let owner: { id: string; key: string };
  let bystander: { id: string; key: string };
  let adminEmail: string;
  beforeAll(async () => {
    ({ n, owner, bystander, adminEmail } = await startNotificationCast());
  });
  afterAll(async () => n?.close());

  const sandbox = () => sandboxMessages(n);
  const notices = async (key?: string) => (await listNotices(n, key)).items;
  const bounce = async (leadEmail: string) => {
    const sent = (await sandbox()).find((m) => m.to.includes(leadEmail))!;
    const fromAddress = /<([^>]+)>/.exec(sent.from)?.[1] ?? sent.from;
    const r = await fetch(`${n.url}/api/v1/inbound/raw`, {
      method: 'POST',
      headers: { 'x-nurture-inbound-secret': n.org.inboundSecret, 'content-type': 'message/rfc822' },
      body: postfixBounce({ messageId: sent.messageId, fromAddress }, leadEmail),
    });
    expect(r.status).toBe(202);
  };

  it('warns, then trips; the users of the assistant get an email each time, and see it as sent', async () => {
    // 50 emails: 49 of the admin's leads and one of the owner's. 1 bounce = 2 % (warn), 2 = 4 % (trip).
    await seedLeads(n.ctx.db, n.org, n.org.assistantId, addresses('lead', 49), now());
    await seedLeads(
      n.ctx.db,
      { orgId: n.org.orgId, userId: owner.id },
      n.org.assistantId,
      ['owned@example.com'],
      now(),
    );
    // Sent and recorded, not only caught by the sandbox: the breaker counts recorded sends, and a
    // bounce processed before the round that sent them is recorded would be counted against fewer.
    await waitFor(async () => (await sentCount(n)) === 50, 'the 50 first emails sent');

    await bounce('lead-0@example.com');
    const warned = await waitFor(async () => {
      const items = await notices();
      return items.length === 1 && items[0]!.status === 'sent' ? items[0] : null;
    }, 'the warning to be sent');
    expect(warned).toMatchObject({
      kind: 'deliverability_alert',
      channel: 'email',
      destination: adminEmail,
      attempts: 1,
      lastError: null,
      subject: 'Deliverability warning: hard bounces at 2.0 % for Alex',
    });
    expect(warned.body).toMatch(
      /1 of 50 emails in the last 7 days bounced hard \(2\.0 %\); warning at 2\.0 %/,
    );

    await bounce('lead-1@example.com');
    const [tripped] = await waitFor(async () => {
      const items = await notices();
      return items.length === 2 && items.every((i) => i.status === 'sent') ? items : null;
    }, 'the trip notice to be sent');
    // Newest first.
    expect(tripped).toMatchObject({
      subject: 'Deliverability alert: Alex paused sending to unverified addresses',
      status: 'sent',
      destination: adminEmail,
    });
    const reason = /2 of 50 emails in the last 7 days bounced hard \(4\.0 %\), at or over 4\.0 %: tripped/;
    expect(tripped!.body).toMatch(reason);
    expect(tripped!.body).toMatch(/warning at 2\.0 %, pause at 4\.0 %/);
    const breakers = (await n.api<{ items: Breaker[] }>('GET', '/api/v1/deliverability/breakers')).body.items;
    const assistantBreaker = breakers.find((b) => b.scope === 'assistant' && b.kind === 'hard_bounce')!;
    expect(assistantBreaker.state).toBe('tripped');
    const resumePath = `/api/v1/deliverability/breakers/${assistantBreaker.id}/resume`;
    expect(tripped!.body).toContain(`POST ${publicUrl(n.ctx.config)}${resumePath}`);

    // The email itself: in the sandbox, from the assistant's mailbox to the admin, with the reason.
    const mail = await waitFor(
      async () => (await sandbox()).find((m) => m.subject === tripped!.subject && m.to.includes(adminEmail)),
      'the trip email in the sandbox',
    );
    expect(mail.from).toMatch(/^"?Alex"? <alex@acme\.test>$/);
    expect(mail.text).toMatch(reason);
    expect(mail.text).toContain(resumePath);
    const raw = (await n.api<{ raw: string }>('GET', `/api/v1/sandbox/messages/${mail.id}`)).body.raw;
    expect(raw).toMatch(/^Auto-Submitted: auto-generated/m);
    expect(raw).not.toMatch(/List-Unsubscribe/i);

    // The member who owns a lead on the assistant was told too; the one who owns none was not.
    const owned = await waitFor(async () => {
      const items = await notices(owner.key);
      return items.length === 2 && items.every((i) => i.status === 'sent') ? items : null;
    }, "the owner's notices to be sent");
    expect(owned.map((i) => i.subject)).toEqual([tripped!.subject, warned.subject]);
    expect(await notices(bystander.key)).toEqual([]);
    expect((await sandbox()).filter((m) => m.subject.startsWith('Deliverability'))).toHaveLength(4);

    // The lead whose bounce tripped it says who was told.
    const [event] = await n.ctx.db
      .select()
      .from(timelineEvents)
      .where(
        and(eq(timelineEvents.leadId, tripped!.leadId!), eq(timelineEvents.type, 'deliverability_alert')),
      );
    expect((event!.evidence as { notifiedUserIds: string[] }).notifiedUserIds.sort()).toEqual(
      [n.org.userId, owner.id].sort(),
    );
  });

  it("lists only the caller's own, filtered by status, and checks its query", async () => {
    expect(await n.api('GET', '/api/v1/notifications', undefined, { key: null })).toMatchObject({
      status: 401,
    });
    expect((await n.api('GET', '/api/v1/notifications?status=sent&limit=1')).body).toMatchObject({
      items: [{ subject: 'Deliverability alert: Alex paused sending to unverified addresses' }],
    });
    // The unread count is of everything the caller was told (the warning and the trip), whatever the filter.
    expect((await n.api('GET', '/api/v1/notifications?status=failed')).body).toEqual({
      items: [],
      unreadCount: 2,
    });
    const bad = await n.api<{ error: { field: string } }>('GET', '/api/v1/notifications?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('status');
  });
});

describe('through SMTP: refusals at send time', () => {
  const refused = new Set<string>();
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let n: Awaited<ReturnType<typeof startTestNurture>>;
  let owner: { id: string; key: string };
  beforeAll(async () => {
    sink = await startSmtpSink({
      reject: (rcpt) => (rcpt.startsWith('gone') || refused.has(rcpt) ? 550 : null),
    });
    n = await startTestNurture({ SMTP_URL: sink.url, NOTIFY_POLL_MS: '50' });
    await openAssistantWindow(n.ctx.db, n.org.assistantId);
    owner = await addMember(n.ctx.db, n.org.orgId);
    const [o] = await n.ctx.db.select({ email: users.email }).from(users).where(eq(users.id, owner.id));
    refused.add(o!.email); // the owner's mail server refuses the notice for good
  });
  afterAll(async () => {
    await n?.close();
    await sink?.close();
  });

  it('trips on bounces at send time; the email reaches the admin, a refused one is failed with its error', async () => {
    // All 50 due together, so that one round sends them and the refusals count against 50: planned
    // for tomorrow, then brought forward in one statement (seeding may take a while on a busy machine).
    const tomorrow = new Date(Date.now() + 86_400_000);
    const ids = [
      ...(await seedLeads(n.ctx.db, n.org, n.org.assistantId, addresses('ok', 47), tomorrow)),
      ...(await seedLeads(
        n.ctx.db,
        { orgId: n.org.orgId, userId: owner.id },
        n.org.assistantId,
        ['gone-0@example.com', 'gone-1@example.com', 'ok-owned@example.com'],
        tomorrow,
      )),
    ];
    await n.ctx.db
      .update(messages)
      .set({ dueAt: new Date() })
      .where(and(inArray(messages.leadId, ids), eq(messages.step, 0)));
    const admin = await waitFor(async () => {
      const items = (await n.api<{ items: Notice[] }>('GET', '/api/v1/notifications')).body.items;
      const trip = items.find((i) => i.subject.startsWith('Deliverability alert'));
      return trip?.status === 'sent' ? trip : null;
    }, 'the trip notice to reach the admin');
    const mail = sink.received.find((m) => m.subject === admin.subject)!;
    expect(mail.to).toEqual([admin.destination]);
    expect(mail.raw).toMatch(/^From: Alex <alex@acme\.test>/m);
    expect(mail.text).toMatch(
      /2 of 50 emails in the last 7 days bounced hard \(4\.0 %\), at or over 4\.0 %: tripped/,
    );
    expect(mail.text).toContain('/api/v1/deliverability/breakers/');

    const failed = await waitFor(async () => {
      const items = (
        await n.api<{ items: Notice[] }>('GET', '/api/v1/notifications', undefined, { key: owner.key })
      ).body.items;
      const trip = items.find((i) => i.subject.startsWith('Deliverability alert'));
      return trip?.status === 'failed' ? trip : null;
    }, "the owner's notice to fail");
    expect(failed).toMatchObject({ attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/550/);
    expect(sink.received.some((m) => m.to.includes(failed.destination))).toBe(false);
  });
});
