import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedCtx, seedLeads } from '../../test/helpers/deliverability.ts';
import { postfixBounce } from '../../test/helpers/mail-builders.ts';
import { openAssistantWindow } from '../../test/helpers/seed.ts';
import { startSmtpSink } from '../../test/helpers/smtp-sink.ts';
import { freshDatabase } from '../../test/helpers/test-database.ts';
import { createOrgWithAdmin, type InitResult } from '../accounts/org-setup.ts';
import { loadConfig } from '../config/config.ts';
import { deliverabilityEvents, inboundMessages, leads, messages, workers } from '../db/schema.ts';
import { ingestRaw } from '../inbound/ingest.ts';
import { processInboundOnce } from '../inbound/process-inbound.ts';
import { dispatchOnce } from '../outbound/dispatcher.ts';
import { createSenderRegistry, type SenderRegistry } from '../outbound/sender-registry.ts';
import type { Ctx } from '../platform/context.ts';
import { verifiedAmong } from './verified-addresses.ts';

// How hard bounces and complaints reach the breakers' ledger, through the real inbound pipeline.
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let ctx: Ctx;
let senders: SenderRegistry;
let org: InitResult;
const clock = { now: new Date('2026-12-01T10:00:00Z') };
const from = 'alex@acme.test';

beforeAll(async () => {
  fresh = await freshDatabase();
  sink = await startSmtpSink({ reject: (rcpt) => (rcpt.startsWith('gone') ? 550 : null) });
  const config = loadConfig({ SMTP_URL: sink.url, LOG_LEVEL: 'error' });
  ctx = clockedCtx(fresh.database.db, config, clock);
  senders = createSenderRegistry(ctx.db, config);
  await ctx.db.insert(workers).values({ id: 'w1', pid: process.pid, host: 'test' });
  org = await createOrgWithAdmin(ctx.db, {
    orgName: 'Acme',
    email: 'admin@acme.test',
    password: 'password123',
  });
  await openAssistantWindow(ctx.db, org.assistantId);
});
afterAll(async () => {
  await senders?.closeAll();
  await sink?.close();
  await fresh?.drop();
});

async function dispatchAll() {
  while ((await dispatchOnce(ctx, senders, 'w1')) > 0);
}
async function receive(raw: Buffer) {
  await ingestRaw(ctx, 'http', raw, { orgId: org.orgId });
  while ((await processInboundOnce(ctx, 'w1')) > 0);
}
const lead = async (email: string) => (await ctx.db.select().from(leads).where(eq(leads.email, email)))[0]!;
const firstStep = async (leadId: string) =>
  (
    await ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.leadId, leadId), eq(messages.step, 0)))
  )[0]!;
const ledger = (leadId: string) =>
  ctx.db
    .select()
    .from(deliverabilityEvents)
    .where(eq(deliverabilityEvents.leadId, leadId))
    .orderBy(asc(deliverabilityEvents.id));

describe('bounce signals', () => {
  it('counts a reported hard bounce once, against the email it is about', async () => {
    clock.now = new Date('2026-12-01T10:00:00Z');
    await seedLeads(ctx.db, org, org.assistantId, ['nobody@example.net', 'full@example.net'], clock.now);
    await dispatchAll();
    const nobody = await lead('nobody@example.net');
    const sent = await firstStep(nobody.id);
    clock.now = new Date('2026-12-01T12:30:00Z');
    await receive(postfixBounce({ messageId: sent.messageId, fromAddress: from }, nobody.email));
    expect(await lead(nobody.email)).toMatchObject({ state: 'deactivated', subState: 'BounceDeactivated' });
    expect(await ledger(nobody.id)).toMatchObject([
      {
        kind: 'hard_bounce',
        source: 'inbound',
        sentAt: new Date('2026-12-01T10:00:00Z'),
        occurredAt: new Date('2026-12-01T12:30:00Z'),
      },
    ]);
    // A second report about the same address is not a second bounce.
    await receive(postfixBounce({ messageId: sent.messageId, fromAddress: from }, nobody.email));
    expect(await ledger(nobody.id)).toHaveLength(1);

    // A temporary failure is retried by the relay, not counted.
    const full = await lead('full@example.net');
    await receive(
      postfixBounce(
        { messageId: (await firstStep(full.id)).messageId, fromAddress: from },
        full.email,
        '4.2.2',
      ),
    );
    expect((await lead(full.email)).state).toBe('cold');
    expect(await ledger(full.id)).toHaveLength(0);
  });

  it('does not count the report that follows a refusal at send time again', async () => {
    clock.now = new Date('2026-12-02T10:00:00Z');
    await seedLeads(ctx.db, org, org.assistantId, ['gone-twice@example.net'], clock.now);
    await dispatchAll();
    const gone = await lead('gone-twice@example.net');
    expect(await ledger(gone.id)).toMatchObject([{ kind: 'hard_bounce', source: 'smtp', sentAt: clock.now }]);
    await receive(
      postfixBounce({ messageId: (await firstStep(gone.id)).messageId, fromAddress: from }, gone.email),
    );
    expect(await ledger(gone.id)).toHaveLength(1);
  });
});

describe('verified addresses', () => {
  it('are proven by a reply, an auto-reply, a human open, or three quiet days after delivery', async () => {
    clock.now = new Date('2026-12-03T10:00:00Z');
    const emails = ['replied', 'away', 'opened', 'quiet', 'recent', 'softbounced', 'twice'].map(
      (n) => `${n}@verify.test`,
    );
    await seedLeads(ctx.db, org, org.assistantId, emails.slice(0, -1), new Date('2026-11-20T10:00:00Z'));
    await dispatchAll(); // step 0 of each went on the 3rd; step 1 too (explicit times in the past)
    const byName = async (n: string) => lead(`${n}@verify.test`);
    const inbound = async (n: string, kind: string) =>
      ctx.db.insert(inboundMessages).values({
        channel: 'http',
        dedupeKey: `test:${n}:${kind}`,
        raw: Buffer.from('x'),
        orgId: org.orgId,
        leadId: (await byName(n)).id,
        kind,
        status: 'processed',
      });
    await inbound('replied', 'reply');
    await inbound('away', 'auto_reply');
    await inbound('softbounced', 'bounce');
    await ctx.db
      .update(leads)
      .set({ state: 'engaged' })
      .where(eq(leads.id, (await byName('opened')).id));
    // Sent on the 3rd: "recent" is checked on the 4th, the others on the 6th.
    expect([
      ...(await verifiedAmong(ctx.db, org.orgId, ['recent@verify.test'], new Date('2026-12-04T10:00:00Z'))),
    ]).toEqual([]);
    // A reply proves nothing for an address another lead of the org bounced on.
    const { id: _id, ...quiet } = await byName('quiet');
    for (const [i, state] of (['responded', 'deactivated'] as const).entries())
      await ctx.db.insert(leads).values({
        ...quiet,
        email: 'twice@verify.test',
        state,
        subState: state === 'deactivated' ? 'BounceDeactivated' : 'Other',
        replyToken: `rt-twice-${i}`,
        unsubscribeToken: `ut-twice-${i}`,
      });
    await inbound('twice', 'reply');
    const verified = await verifiedAmong(ctx.db, org.orgId, emails, new Date('2026-12-06T10:00:00Z'));
    expect([...verified].sort()).toEqual(
      ['away', 'opened', 'quiet', 'recent', 'replied'].map((n) => `${n}@verify.test`),
    );
  });
});
