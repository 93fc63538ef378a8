import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assistants,
  inboundMessages,
  leads,
  messages,
  notifications,
  orgs,
  sandboxMessages,
  timelineEvents,
  users,
} from '../src/db/schema.ts';
import { suppress } from '../src/suppression/suppression.ts';
import { startDnsServer, type TestDnsServer } from './helpers/dns-server.ts';
import { type Dovecot, startDovecot } from './helpers/dovecot.ts';
import { openAssistantWindow } from './helpers/seed.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { testDbKind } from './helpers/test-database.ts';
import { startTestNurture, waitFor } from './helpers/test-nurture.ts';

/**
 * EmailCC (SPEC §6.5, issue 10) through the real channels: a user of the org
 * emails people and copies the assistant (Cc, or Bcc by the envelope or the
 * mailbox), through the SMTP listener, the assistant's Dovecot mailbox and
 * the raw endpoint. Each To recipient becomes the user's lead, the EmailCC
 * schedule goes on from its second step in the thread of the user's email,
 * and the user is told what came of each. Forged senders create nothing and
 * are told nothing.
 */
let n: Awaited<ReturnType<typeof startTestNurture>>;
let dovecot: Dovecot;
let dns: TestDnsServer;
let assistantEmail: string;
let adminEmail: string;

beforeAll(async () => {
  dovecot = await startDovecot();
  // bank.example publishes SPF for another host and a DMARC reject policy: mail from it here fails DMARC.
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
    NOTIFY_POLL_MS: '50',
    INBOUND_TRUSTED_AUTHSERV_IDS: 'mx.acme.test',
    ...(testDbKind === 'postgres' ? { SECRET_KEY: randomBytes(24).toString('hex') } : {}),
  });
  await openAssistantWindow(n.ctx.db, n.org.assistantId);
  const [a] = await n.ctx.db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
  assistantEmail = a!.email;
  const [admin] = await n.ctx.db.select().from(users).where(eq(users.id, n.org.userId));
  adminEmail = admin!.email;
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

/** A user's email as their mail client writes it. */
async function emailFrom(
  from: string,
  m: { to: string[]; cc?: string[]; subject: string; text: string; headers?: Record<string, string> },
) {
  const messageId = `<cc-${randomBytes(6).toString('hex')}@${from.split('@')[1]}>`;
  const raw = await new MailComposer({
    from,
    to: m.to,
    ...(m.cc ? { cc: m.cc } : {}),
    subject: m.subject,
    messageId,
    date: new Date(),
    text: m.text,
    ...(m.headers ? { headers: m.headers } : {}),
  })
    .compile()
    .build();
  return { raw, messageId };
}

/** Handed to the listener as the user's mail server would: the envelope names only the assistant. */
async function viaListener(raw: Buffer, from: string) {
  const t = nodemailer.createTransport({
    host: '127.0.0.1',
    port: n.inboundSmtpPort!,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await t.sendMail({ envelope: { from, to: [assistantEmail] }, raw });
    expect(info.accepted).toEqual([assistantEmail]);
  } finally {
    t.close();
  }
}

async function viaRaw(raw: Buffer) {
  const r = await fetch(`${n.url}/api/v1/inbound/raw`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822', 'x-nurture-inbound-secret': n.org.inboundSecret },
    body: raw,
  });
  expect(r.status).toBe(202);
}

const processed = (messageId: string) =>
  waitFor(
    async () => {
      const [r] = await n.ctx.db
        .select()
        .from(inboundMessages)
        .where(eq(inboundMessages.messageId, messageId));
      return r && r.status !== 'received' && r.status !== 'processing' ? r : null;
    },
    `inbound message ${messageId} processed`,
    120_000,
  );

const leadsAt = (email: string) =>
  n.ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.orgId, n.org.orgId), sql`lower(${leads.email}) = ${email.toLowerCase()}`));

const oneLead = async (email: string) => {
  const found = await leadsAt(email);
  expect(found, email).toHaveLength(1);
  return found[0]!;
};

const messagesOf = (leadId: string) =>
  n.ctx.db.select().from(messages).where(eq(messages.leadId, leadId)).orderBy(asc(messages.step));

const eventsOf = (leadId: string, type: string) =>
  n.ctx.db
    .select()
    .from(timelineEvents)
    .where(and(eq(timelineEvents.leadId, leadId), eq(timelineEvents.type, type)));

/** The email telling the user what their EmailCC did, as the sandbox caught it. */
async function noticeOf(inboundId: string) {
  const note = await waitFor(
    async () => {
      const rows = await n.ctx.db.select().from(notifications).where(eq(notifications.sourceId, inboundId));
      return rows.length && rows.every((r) => r.status === 'sent') ? rows : null;
    },
    'the EmailCC notice sent',
    120_000,
  );
  expect(note).toHaveLength(1);
  expect(note[0]).toMatchObject({ kind: 'emailcc_result', channel: 'email', destination: adminEmail });
  const [caught] = await n.ctx.db
    .select()
    .from(sandboxMessages)
    .where(eq(sandboxMessages.messageId, note[0]!.messageId));
  expect(caught?.envelopeTo).toEqual([adminEmail]);
  return caught!;
}

/** What the sandbox caught for any of these addresses. */
const mailTo = async (...addresses: string[]) =>
  (await n.ctx.db.select().from(sandboxMessages)).filter((m) =>
    m.envelopeTo.some((t) => addresses.includes(t.toLowerCase())),
  );

const noticesOf = (inboundId: string) =>
  n.ctx.db.select().from(notifications).where(eq(notifications.sourceId, inboundId));

describe('EmailCC through the SMTP listener', () => {
  it('Cc: each To recipient becomes the user’s lead (named and unnamed), the user is told, and the second step goes in the same thread', async () => {
    const email = await emailFrom(adminEmail, {
      to: ['"Dana Lee" <dana.lee@example.net>', 'sam.unnamed@example.net'],
      cc: [assistantEmail],
      subject: 'Great meeting you at the Expo',
      text: 'Hi Dana, Sam,\n\nAs promised, here is what we talked about at the Expo.\n\nAlex',
    });
    await viaListener(email.raw, adminEmail);
    const row = await processed(email.messageId);
    expect(row).toMatchObject({ status: 'processed', matchedBy: 'emailcc', channel: 'smtp', leadId: null });

    const [a] = await n.ctx.db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
    const dana = await oneLead('dana.lee@example.net');
    const sam = await oneLead('sam.unnamed@example.net');
    for (const l of [dana, sam])
      expect(l).toMatchObject({
        source: 'emailcc',
        ownerId: n.org.userId,
        assistantId: n.org.assistantId,
        scheduleId: a!.defaultEmailccScheduleId,
        state: 'cold',
      });
    expect(dana).toMatchObject({ firstName: 'Dana', lastName: 'Lee' });
    expect(sam).toMatchObject({ firstName: 'Sir/Madam', lastName: null });

    // The user's email is the first (step 0); the schedule goes on from its second step, in that thread.
    const plan = await messagesOf(dana.id);
    expect(plan[0]).toMatchObject({
      step: 0,
      status: 'sent',
      messageId: email.messageId,
      subject: 'Great meeting you at the Expo',
      writtenBy: adminEmail,
    });
    expect(plan[1]).toMatchObject({
      step: 1,
      status: 'scheduled',
      inReplyTo: email.messageId,
      references: [email.messageId],
    });
    // Default EmailCC steps are days 0, 2, 5…: the second is two days after the user's email.
    const gapH = (plan[1]!.dueAt.getTime() - row.receivedAt.getTime()) / 3_600_000;
    expect(gapH).toBeGreaterThanOrEqual(47);
    expect(gapH).toBeLessThanOrEqual(49);
    expect(plan.slice(1).every((m) => m.inReplyTo === email.messageId)).toBe(true);

    const [added] = await eventsOf(dana.id, 'lead_added');
    expect(added!.reason).toContain(`by EmailCC: ${adminEmail}`);
    expect(added!.evidence).toMatchObject({
      emailcc: { from: adminEmail, messageId: email.messageId, subject: 'Great meeting you at the Expo' },
    });
    expect(added!.inboundMessageId).toBe(row.id);

    const notice = await noticeOf(row.id);
    expect(notice.subject).toBe('EmailCC "Great meeting you at the Expo": 2 new leads');
    expect(notice.textBody).toContain('Dana Lee <dana.lee@example.net>: added as your lead.');
    expect(notice.textBody).toContain(`/leads/${dana.id}`);
    expect(notice.textBody).toContain('- sam.unnamed@example.net: added as your lead.');
    expect(notice.textBody).toContain(`/leads/${sam.id}`);
    expect(notice.textBody).toContain(`${plan[1]!.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    // Nothing went to the leads yet: their first email was the user's.
    expect(
      (await n.ctx.db.select().from(sandboxMessages)).filter((s) => s.envelopeTo.includes(dana.email)),
    ).toEqual([]);

    // Two days pass: the user's email went two days ago, the second step is due.
    await n.ctx.db
      .update(messages)
      .set({
        sentAt: sql`${messages.sentAt} - interval '2 days'`,
        dueAt: sql`${messages.dueAt} - interval '2 days'`,
      })
      .where(eq(messages.id, plan[0]!.id));
    await n.ctx.db.update(messages).set({ dueAt: new Date() }).where(eq(messages.id, plan[1]!.id));
    n.ctx.wake.dispatcher();
    const [second] = await sentEmails(n, dana.id);
    expect(second!.messageId).toBe(plan[1]!.messageId);
    const [caught] = await n.ctx.db
      .select()
      .from(sandboxMessages)
      .where(eq(sandboxMessages.messageId, plan[1]!.messageId));
    expect(caught!.headers['in-reply-to']).toBe(email.messageId);
    expect(caught!.headers.references).toContain(email.messageId);
    expect(caught!.subject).toBe('Re: Great meeting you at the Expo');
    expect(caught!.envelopeTo).toEqual(['dana.lee@example.net']);
    // The quote is the user's email, in their name.
    expect(caught!.textBody).toContain(`${adminEmail} wrote:`);
    expect(caught!.textBody).toContain('> As promised, here is what we talked about at the Expo.');
  });

  it('Bcc (the envelope names the assistant): an address already a lead is not doubled, the email clears its at-risk', async () => {
    const r = await n.api<{ id: string }>('POST', '/api/v1/leads', {
      email: 'repeat@example.net',
      firstName: 'Rita',
      source: 'event',
      context: 'Expo',
    });
    expect(r.status).toBe(201);
    await sentEmails(n, r.body.id);
    await n.ctx.db.update(leads).set({ atRisk: true }).where(eq(leads.id, r.body.id));

    const email = await emailFrom(adminEmail, {
      to: ['repeat@example.net', 'New Person <new.person@example.org>'],
      subject: 'Following up on our call',
      text: 'Hi both, good to talk today.',
    });
    expect(email.raw.toString()).not.toContain(assistantEmail);
    await viaListener(email.raw, adminEmail);
    const row = await processed(email.messageId);
    expect(row).toMatchObject({ status: 'processed', matchedBy: 'emailcc' });

    const repeat = await oneLead('repeat@example.net');
    expect(repeat).toMatchObject({ id: r.body.id, atRisk: false, source: 'event' });
    const [acted] = await eventsOf(repeat.id, 'user_emailed');
    expect(acted).toMatchObject({ actorType: 'user', actorId: n.org.userId, inboundMessageId: row.id });
    expect(acted!.reason).toMatch(/counted as their action on it; no longer at risk/);
    expect(acted!.evidence).toMatchObject({ messageId: email.messageId, copiedBy: 'bcc', wasAtRisk: true });

    const fresh = await oneLead('new.person@example.org');
    expect(fresh).toMatchObject({
      source: 'emailcc',
      firstName: 'New',
      lastName: 'Person',
      ownerId: n.org.userId,
    });

    const notice = await noticeOf(row.id);
    expect(notice.subject).toBe('EmailCC "Following up on our call": 1 new lead, 1 already a lead');
    expect(notice.textBody).toContain(
      '- repeat@example.net: already a lead of Alex; nothing was duplicated. Your email counts as your action on it (it is no longer at risk).',
    );

    // Delivered again: the same message, nothing new, the user told once.
    await viaListener(email.raw, adminEmail);
    expect(await leadsAt('new.person@example.org')).toHaveLength(1);
    expect(await noticesOf(row.id)).toHaveLength(1);
    expect(await eventsOf(repeat.id, 'user_emailed')).toHaveLength(1);
  });

  it('a sender who is not a user of the org: no lead, nothing sent, nobody told', async () => {
    const email = await emailFrom('stranger@example.org', {
      to: ['victim.one@example.net'],
      cc: [assistantEmail],
      subject: 'Please add them',
      text: 'Hello',
    });
    await viaListener(email.raw, 'stranger@example.org');
    const row = await processed(email.messageId);
    expect(row).toMatchObject({ status: 'unmatched', leadId: null });
    expect(row.error).toMatch(/EmailCC not acted on: the sender stranger@example\.org is not a user/);
    expect(await leadsAt('victim.one@example.net')).toEqual([]);
    expect(await noticesOf(row.id)).toEqual([]);
    expect(await mailTo('stranger@example.org', 'victim.one@example.net')).toEqual([]);
  });

  it('a user’s address failing DMARC at the listener: no lead, nothing sent, nobody told', async () => {
    await n.ctx.db.insert(users).values({ orgId: n.org.orgId, email: 'ceo@bank.example', role: 'member' });
    const email = await emailFrom('ceo@bank.example', {
      to: ['Victim Two <victim.two@example.net>'],
      cc: [assistantEmail],
      subject: 'Intro',
      text: 'Hello',
    });
    await viaListener(email.raw, 'ceo@bank.example');
    const row = await processed(email.messageId);
    expect(row).toMatchObject({ status: 'held', leadId: null });
    expect(row.senderAuth).toMatchObject({ source: 'smtp-listener', dmarc: 'fail', domain: 'bank.example' });
    expect(row.error).toMatch(
      /EmailCC not acted on: the sender ceo@bank\.example failed DMARC for bank\.example/,
    );
    expect(await leadsAt('victim.two@example.net')).toEqual([]);
    expect(await noticesOf(row.id)).toEqual([]);
    expect(await mailTo('ceo@bank.example', 'victim.two@example.net')).toEqual([]);
  });
});

describe('EmailCC through the assistant’s mailbox (Dovecot)', () => {
  it('a message in the mailbox that copies the assistant by Bcc creates the lead', async () => {
    const email = await emailFrom(adminEmail, {
      to: ['Pat Doe <pat.doe@example.com>'],
      subject: 'Our proposal',
      text: 'Hi Pat, the proposal is attached.',
    });
    await dovecot.append(email.raw);
    const row = await processed(email.messageId);
    expect(row).toMatchObject({ channel: 'imap', status: 'processed', matchedBy: 'emailcc' });
    const pat = await oneLead('pat.doe@example.com');
    expect(pat).toMatchObject({
      source: 'emailcc',
      firstName: 'Pat',
      lastName: 'Doe',
      ownerId: n.org.userId,
    });
    const [, first] = await messagesOf(pat.id);
    expect(first).toMatchObject({ step: 1, inReplyTo: email.messageId });
    expect((await noticeOf(row.id)).textBody).toContain('Pat Doe <pat.doe@example.com>: added as your lead.');
  });
});

describe('EmailCC through POST /api/v1/inbound/raw', () => {
  it('Cc names the assistant; an empty default name gives the address’s local part; capacity and refusals are reported', async () => {
    await n.ctx.db
      .update(assistants)
      .set({ defaultLeadName: '' })
      .where(eq(assistants.id, n.org.assistantId));
    await suppress(n.ctx.db, n.org.orgId, 'gone@example.com', 'stop_request');
    // The plan is full: the EmailCC lead waits as `new`.
    await n.ctx.db.update(orgs).set({ activeLeadCap: 0 }).where(eq(orgs.id, n.org.orgId));
    try {
      const email = await emailFrom(adminEmail, {
        to: ['jo.smith@example.com', 'gone@example.com'],
        cc: [assistantEmail],
        subject: 'Hello from Acme',
        text: 'Hi Jo, nice to meet you.',
      });
      await viaRaw(email.raw);
      const row = await processed(email.messageId);
      expect(row).toMatchObject({ channel: 'http', status: 'processed', matchedBy: 'emailcc' });
      const jo = await oneLead('jo.smith@example.com');
      expect(jo).toMatchObject({ source: 'emailcc', firstName: 'Jo.smith', lastName: null, state: 'new' });
      // Waiting, its first email is kept: whenever it starts, it goes on in that thread.
      expect(await messagesOf(jo.id)).toEqual([
        expect.objectContaining({ step: 0, status: 'sent', messageId: email.messageId }),
      ]);
      expect(await leadsAt('gone@example.com')).toEqual([]);
      const notice = await noticeOf(row.id);
      expect(notice.subject).toBe('EmailCC "Hello from Acme": 1 waiting for capacity, 1 not added');
      expect(notice.textBody).toContain(
        '- jo.smith@example.com: added as your lead, waiting for plan capacity',
      );
      expect(notice.textBody).toMatch(
        /- gone@example\.com: not added: gone@example\.com is on the organisation's suppression list/,
      );
    } finally {
      await n.ctx.db.update(orgs).set({ activeLeadCap: null }).where(eq(orgs.id, n.org.orgId));
      await n.ctx.db
        .update(assistants)
        .set({ defaultLeadName: 'Sir/Madam' })
        .where(eq(assistants.id, n.org.assistantId));
    }
  });

  it('a trusted Authentication-Results saying the user’s address failed DMARC: nothing created, nobody told', async () => {
    const email = await emailFrom(adminEmail, {
      to: ['victim.three@example.net'],
      cc: [assistantEmail],
      subject: 'Intro',
      text: 'Hello',
      headers: {
        'Authentication-Results': `mx.acme.test; spf=fail; dmarc=fail (p=reject) header.from=${adminEmail.split('@')[1]}`,
      },
    });
    await viaRaw(email.raw);
    const row = await processed(email.messageId);
    expect(row).toMatchObject({ status: 'held', leadId: null });
    expect(row.error).toMatch(
      /failed DMARC .*per the receiving server; nothing was created and nobody was told/,
    );
    expect(await leadsAt('victim.three@example.net')).toEqual([]);
    expect(await noticesOf(row.id)).toEqual([]);
  });

  it('Bcc is seen only by the Delivered-To the receiving server wrote; a user writing To the assistant is no EmailCC', async () => {
    const bcc = await emailFrom(adminEmail, {
      to: ['Kim Park <kim.park@example.com>'],
      subject: 'Next steps',
      text: 'Hi Kim.',
      headers: { 'Delivered-To': assistantEmail },
    });
    await viaRaw(bcc.raw);
    expect(await processed(bcc.messageId)).toMatchObject({ status: 'processed', matchedBy: 'emailcc' });
    expect(await oneLead('kim.park@example.com')).toMatchObject({ firstName: 'Kim', lastName: 'Park' });

    const toAssistant = await emailFrom(adminEmail, {
      to: [assistantEmail, 'lee.to@example.com'],
      subject: 'For the assistant',
      text: 'Please look at this.',
    });
    await viaRaw(toAssistant.raw);
    const row = await processed(toAssistant.messageId);
    expect(row.matchedBy).not.toBe('emailcc');
    expect(await leadsAt('lee.to@example.com')).toEqual([]);
    expect(await noticesOf(row.id)).toEqual([]);
  });
});
