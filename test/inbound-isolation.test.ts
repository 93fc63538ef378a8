import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { inboundMessages, reviewItems, suppressions } from '../src/db/schema.ts';
import { startDnsServer, type TestDnsServer } from './helpers/dns-server.ts';
import { type Dovecot, startDovecot } from './helpers/dovecot.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { testDbKind } from './helpers/test-database.ts';
import { addMember, addRivalOrg, startTestNurture, waitFor } from './helpers/test-nurture.ts';

/**
 * Issue 9, "inbound belongs to an org", through the real channels: the same
 * address is a lead in two orgs, and whatever arrives through org A's mailbox
 * (Dovecot), its assistant's address on the SMTP listener or its inbound
 * secret only ever changes org A's lead. A forged From: that fails DMARC
 * changes nobody's.
 */
type Lead = { id: string; email: string; state: string; subState: string | null };
type TimelineItem = { kind: string; type?: string; reason?: string; evidence?: Record<string, unknown> };

let n: Awaited<ReturnType<typeof startTestNurture>>;
let dovecot: Dovecot;
let dns: TestDnsServer;
let rival: InitResult;
let assistantA: string;
let assistantB: string;

beforeAll(async () => {
  dovecot = await startDovecot();
  // The listener's sender checks ask this server: bank.example publishes SPF and a DMARC reject policy.
  dns = await startDnsServer({
    'bank.example': { txt: ['v=spf1 ip4:192.0.2.1 -all'] },
    '_dmarc.bank.example': { txt: ['v=DMARC1; p=reject'] },
  });
  n = await startTestNurture({
    IMAP_SCAN_MS: '200',
    IMAP_POLL_MS: '600000',
    INBOUND_SMTP_PORT: '0',
    INBOUND_SMTP_HOST: '127.0.0.1',
    DNS_SERVERS: dns.server,
    DNS_TIMEOUT_MS: '2000',
    INBOUND_TRUSTED_AUTHSERV_IDS: 'mx.acme.test',
    ...(testDbKind === 'postgres' ? { SECRET_KEY: randomBytes(24).toString('hex') } : {}),
  });
  rival = await addRivalOrg(n.ctx.db);
  assistantA = (await n.api<{ email: string }>('GET', `/api/v1/assistants/${n.org.assistantId}`)).body.email;
  assistantB = (
    await n.api<{ email: string }>('GET', `/api/v1/assistants/${rival.assistantId}`, undefined, {
      key: rival.apiKey,
    })
  ).body.email;
  const put = await n.api('PUT', `/api/v1/assistants/${n.org.assistantId}/mailbox`, {
    host: dovecot.host,
    port: dovecot.port,
    tls: false,
    user: dovecot.user,
    password: dovecot.password,
  });
  expect(put.status).toBe(200);
}, 120_000);
afterAll(async () => {
  await n?.close();
  await dovecot?.stop();
  await dns?.close();
});

const leadOf = async (key: string, id: string) =>
  (await n.api<Lead>('GET', `/api/v1/leads/${id}`, undefined, { key })).body;
const timelineOf = async (key: string, id: string) =>
  (await n.api<{ items: TimelineItem[] }>('GET', `/api/v1/leads/${id}/timeline`, undefined, { key })).body
    .items;

/** The same address as a lead of org A and, added last (so the likelier match across orgs), of org B. */
async function sharedLead(email: string): Promise<{ a: Lead; b: Lead }> {
  const body = { email, firstName: 'Pat', source: 'event', context: 'Expo' };
  const a = await n.api<Lead>('POST', '/api/v1/leads', body, { key: n.org.apiKey });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  const b = await n.api<Lead>('POST', '/api/v1/leads', body, { key: rival.apiKey });
  expect(b.status, JSON.stringify(b.body)).toBe(201);
  return { a: a.body, b: b.body };
}

/** What the lead writes back, naming nothing of ours (no In-Reply-To): only the sender's address matches. */
async function mailFrom(
  from: string,
  to: string,
  text: string,
  extra: { inReplyTo?: string; headers?: Record<string, string> } = {},
) {
  const messageId = `<m-${randomBytes(6).toString('hex')}@${from.split('@')[1]}>`;
  const raw = await new MailComposer({
    from,
    to,
    subject: 'About your email',
    messageId,
    date: new Date(),
    text,
    ...(extra.inReplyTo ? { inReplyTo: extra.inReplyTo, references: extra.inReplyTo } : {}),
    ...(extra.headers ? { headers: extra.headers } : {}),
  })
    .compile()
    .build();
  return { raw, messageId };
}

const inboundRow = async (messageId: string) =>
  (await n.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId)))[0];
const waitProcessed = (messageId: string) =>
  waitFor(async () => {
    const r = await inboundRow(messageId);
    return r && r.status !== 'received' && r.status !== 'processing' ? r : null;
  }, `inbound message ${messageId} processed`);

const postRaw = (raw: Buffer, headers: Record<string, string>) =>
  fetch(`${n.url}/api/v1/inbound/raw`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822', ...headers },
    body: raw,
  });

function smtp() {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port: n.inboundSmtpPort!,
    secure: false,
    ignoreTLS: true,
  });
}

const infoRequest = 'Could you send me more information about pricing?';

describe('a reply only ever changes the lead of the org it arrived for', () => {
  it('through org A’s mailbox (IMAP)', async () => {
    const { a, b } = await sharedLead('pat.imap@example.net');
    const m = await mailFrom(a.email, assistantA, infoRequest);
    await dovecot.append(m.raw);
    const row = await waitProcessed(m.messageId);
    expect(row).toMatchObject({ channel: 'imap', orgId: n.org.orgId, leadId: a.id, matchedBy: 'sender' });
    expect((await leadOf(n.org.apiKey, a.id)).state).toBe('responded');
    expect((await leadOf(rival.apiKey, b.id)).state).toBe('cold');
  });

  it('through the listener, addressed to org A’s assistant; an address no assistant has is 550 at RCPT', async () => {
    const { a, b } = await sharedLead('pat.smtp@example.net');
    const m = await mailFrom(a.email, assistantA, infoRequest);
    const t = smtp();
    try {
      const info = await t.sendMail({ envelope: { from: a.email, to: [assistantA] }, raw: m.raw });
      expect(info.accepted).toEqual([assistantA]);
      const row = await waitProcessed(m.messageId);
      expect(row).toMatchObject({
        channel: 'smtp',
        orgId: n.org.orgId,
        assistantId: n.org.assistantId,
        leadId: a.id,
      });
      expect(row!.senderAuth).toMatchObject({ source: 'smtp-listener', dmarc: 'none' });
      expect((await leadOf(n.org.apiKey, a.id)).state).toBe('responded');
      expect((await leadOf(rival.apiKey, b.id)).state).toBe('cold');

      // Same domain as the assistant, but nobody's address: refused before any data.
      const other = `sales@${assistantA.split('@')[1]}`;
      const refused = await t.sendMail({ envelope: { from: a.email, to: [other] }, raw: m.raw }).then(
        () => null,
        (e: { responseCode?: number }) => e,
      );
      expect(refused?.responseCode).toBe(550);
      // A +tag (a reply token) on the assistant's own address is the assistant's.
      const tagged = assistantA.replace('@', '+r-abcdefgh12@');
      const again = await mailFrom(a.email, tagged, 'Thanks!');
      const ok = await t.sendMail({ envelope: { from: a.email, to: [tagged] }, raw: again.raw });
      expect(ok.accepted).toEqual([tagged]);
      expect((await waitProcessed(again.messageId)).orgId).toBe(n.org.orgId);
    } finally {
      t.close();
    }
  });

  it('through org A’s inbound secret; org B’s secret never reaches org A’s lead, a user’s API key is refused', async () => {
    const { a, b } = await sharedLead('pat.http@example.net');
    const m = await mailFrom(a.email, assistantA, infoRequest);
    const apiKey = await postRaw(m.raw, { authorization: `Bearer ${n.org.apiKey}` });
    expect(apiKey.status).toBe(401);
    expect((await postRaw(m.raw, {})).status).toBe(401);
    expect((await postRaw(m.raw, { 'x-nurture-inbound-secret': `${n.org.inboundSecret}x` })).status).toBe(
      401,
    );

    // Org B's secret, threaded under org A's first email: it is org B's message, and B has no such thread.
    const [first] = await sentEmails(n, a.id);
    const threaded = await mailFrom('someone@example.org', assistantB, 'Please remove me', {
      inReplyTo: first!.messageId,
    });
    expect((await postRaw(threaded.raw, { 'x-nurture-inbound-secret': rival.inboundSecret })).status).toBe(
      202,
    );
    expect(await waitProcessed(threaded.messageId)).toMatchObject({
      orgId: rival.orgId,
      status: 'unmatched',
      leadId: null,
    });
    expect((await leadOf(n.org.apiKey, a.id)).state).toBe('cold');

    const r = await postRaw(m.raw, { 'x-nurture-inbound-secret': n.org.inboundSecret });
    expect(r.status).toBe(202);
    expect(await waitProcessed(m.messageId)).toMatchObject({
      channel: 'http',
      orgId: n.org.orgId,
      leadId: a.id,
    });
    expect((await leadOf(n.org.apiKey, a.id)).state).toBe('responded');
    expect((await leadOf(rival.apiKey, b.id)).state).toBe('cold');
  });
});

describe('a sender failing DMARC changes no state', () => {
  it('a forged From: through the listener is held for review on the lead, in no org does anything move', async () => {
    const { a, b } = await sharedLead('ceo@bank.example');
    const forged = await mailFrom(a.email, assistantA, 'Please remove me from your list.');
    const t = smtp();
    try {
      await t.sendMail({ envelope: { from: a.email, to: [assistantA] }, raw: forged.raw });
    } finally {
      t.close();
    }
    const row = await waitProcessed(forged.messageId);
    expect(row).toMatchObject({ status: 'held', orgId: n.org.orgId, leadId: a.id, matchedBy: 'sender' });
    expect(row!.senderAuth).toMatchObject({
      source: 'smtp-listener',
      dmarc: 'fail',
      domain: 'bank.example',
      policy: 'reject',
    });
    expect(row!.error).toMatch(/DMARC for bank\.example/);
    expect(await leadOf(n.org.apiKey, a.id)).toMatchObject({ state: 'cold' });
    expect(await leadOf(rival.apiKey, b.id)).toMatchObject({ state: 'cold' });
    const held = (await timelineOf(n.org.apiKey, a.id)).find((i) => i.type === 'inbound_held');
    expect(held?.reason).toMatch(/failed DMARC for bank\.example \(policy reject\)/);
    expect(held?.evidence).toMatchObject({ from: a.email, senderAuth: { dmarc: 'fail' } });
    const items = await n.ctx.db.select().from(reviewItems).where(eq(reviewItems.inboundMessageId, row!.id));
    expect(items).toEqual([expect.objectContaining({ leadId: a.id, reason: 'dmarc_fail', status: 'open' })]);
    expect(await n.ctx.db.select().from(suppressions).where(eq(suppressions.email, a.email))).toEqual([]);
  });

  it('by the inbound secret: a trusted server’s Authentication-Results decides, any other is ignored', async () => {
    const { a } = await sharedLead('cfo@bank.example');
    const untrusted = await mailFrom(a.email, assistantA, infoRequest, {
      headers: { 'Authentication-Results': 'mx.evil.test; dmarc=fail header.from=bank.example' },
    });
    await postRaw(untrusted.raw, { 'x-nurture-inbound-secret': n.org.inboundSecret });
    expect(await waitProcessed(untrusted.messageId)).toMatchObject({ status: 'processed', leadId: a.id });
    expect((await leadOf(n.org.apiKey, a.id)).state).toBe('responded');

    const { a: a2 } = await sharedLead('cto@bank.example');
    const failing = await mailFrom(a2.email, assistantA, infoRequest, {
      headers: {
        'Authentication-Results':
          'mx.acme.test; spf=fail smtp.mailfrom=bank.example; dmarc=fail (p=reject) header.from=bank.example',
      },
    });
    await postRaw(failing.raw, { 'x-nurture-inbound-secret': n.org.inboundSecret });
    const held = await waitProcessed(failing.messageId);
    expect(held).toMatchObject({ status: 'held', leadId: a2.id });
    expect((await leadOf(n.org.apiKey, a2.id)).state).toBe('cold');

    // A human who knows it is genuine applies it from the review queue: it acts as the reply it is.
    const queue = await n.api<{ items: { id: string; inboundMessageId: string; reason: string | null }[] }>(
      'GET',
      '/api/v1/review-items',
    );
    const item = queue.body.items.find((i) => i.inboundMessageId === held.id);
    expect(item?.reason).toBe('dmarc_fail');
    const resolved = await n.api('POST', `/api/v1/review-items/${item!.id}/resolve`, {
      intent: 'info_request',
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(await leadOf(n.org.apiKey, a2.id)).toMatchObject({ state: 'responded', subState: 'InfoRequest' });
    expect((await inboundRow(failing.messageId))!.status).toBe('processed');
  });
});

describe('the inbound secret', () => {
  it('an admin sees whether one is set and rotates it (shown once, the old one stops); members may not', async () => {
    const member = await addMember(n.ctx.db, n.org.orgId);
    expect((await n.api('GET', '/api/v1/inbound-secret', undefined, { key: member.key })).status).toBe(403);
    expect(
      (await n.api('POST', '/api/v1/inbound-secret/rotate', undefined, { key: member.key })).status,
    ).toBe(403);
    const status = await n.api<{ set: boolean; setAt: string }>('GET', '/api/v1/inbound-secret');
    expect(status.body).toMatchObject({ set: true, setAt: expect.any(String) });
    expect(JSON.stringify(status.body)).not.toContain(n.org.inboundSecret);

    const rotated = await n.api<{ inboundSecret: string }>('POST', '/api/v1/inbound-secret/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body.inboundSecret).not.toBe(n.org.inboundSecret);
    const m = await mailFrom('nobody@example.org', assistantA, 'hello');
    expect((await postRaw(m.raw, { 'x-nurture-inbound-secret': n.org.inboundSecret })).status).toBe(401);
    expect((await postRaw(m.raw, { 'x-nurture-inbound-secret': rotated.body.inboundSecret })).status).toBe(
      202,
    );
    n.org.inboundSecret = rotated.body.inboundSecret;
  });
});

describe('stop means stop', () => {
  it('a stop reply deactivates the lead and suppresses the address; adding it again is refused', async () => {
    const { a, b } = await sharedLead('quit@example.net');
    const m = await mailFrom(
      a.email,
      assistantA,
      'Please remove me from your mailing list and stop emailing me.',
    );
    expect((await postRaw(m.raw, { 'x-nurture-inbound-secret': n.org.inboundSecret })).status).toBe(202);
    const stop = await waitProcessed(m.messageId);
    expect(await leadOf(n.org.apiKey, a.id)).toMatchObject({ state: 'deactivated', subState: 'StopRequest' });
    const [s] = await n.ctx.db
      .select()
      .from(suppressions)
      .where(and(eq(suppressions.orgId, n.org.orgId), eq(suppressions.email, a.email)));
    expect(s).toMatchObject({ reason: 'stop_request', leadId: a.id });
    const event = (await timelineOf(n.org.apiKey, a.id)).find((i) => i.type === 'address_suppressed');
    expect(event?.reason).toMatch(/suppression list \(stop_request\)/);

    const again = await n.api<{ error: { field: string; message: string } }>('POST', '/api/v1/leads', {
      email: 'Quit@Example.net',
      firstName: 'Pat',
      source: 'event',
      context: 'Expo',
    });
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ field: 'email' });
    expect(again.body.error.message).toMatch(/suppression list \(stop_request\)/);
    // Nor through an import: the row is refused the same way.
    const form = new FormData();
    form.append('file', new Blob(['Email,First name\nquit@example.net,Pat\n']), 'again.csv');
    const up = await fetch(`${n.url}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${n.org.apiKey}` },
      body: form,
    });
    const imported = (await up.json()) as { id: string; suggestedMapping: Record<string, string> };
    expect(up.status, JSON.stringify(imported)).toBe(201);
    const start = await n.api('POST', `/api/v1/imports/${imported.id}/start`, {
      mapping: imported.suggestedMapping,
    });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    const rows = await waitFor(async () => {
      const r = await n.api<{ items: { status: string; error: string | null }[] }>(
        'GET',
        `/api/v1/imports/${imported.id}/rows`,
      );
      return r.body.items.every((i) => i.status !== 'pending') ? r.body.items : null;
    }, 'the import to finish');
    expect(rows).toEqual([
      expect.objectContaining({ status: 'refused', error: expect.stringMatching(/stop_request/) }),
    ]);

    // The other org's lead with that address is its own: untouched.
    expect((await leadOf(rival.apiKey, b.id)).state).toBe('cold');

    // A user says the reply was no stop after all: the suppression it caused is lifted with it.
    const corrected = await n.api('POST', `/api/v1/leads/${a.id}/corrections`, {
      inboundMessageId: stop.id,
      intent: 'other',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(await leadOf(n.org.apiKey, a.id)).toMatchObject({ state: 'responded', subState: 'Other' });
    expect(await n.ctx.db.select().from(suppressions).where(eq(suppressions.email, a.email))).toEqual([]);
    expect((await timelineOf(n.org.apiKey, a.id)).map((i) => i.type)).toContain('address_unsuppressed');
  });
});
