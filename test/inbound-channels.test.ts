import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAssistantMailbox } from '../src/assistants/assistant-mailbox.ts';
import { assistants, inboundMessages, timelineEvents } from '../src/db/schema.ts';
import { type Dovecot, startDovecot } from './helpers/dovecot.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { testDbKind } from './helpers/test-database.ts';
import { addMember, startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Mailbox = {
  host: string;
  port: number;
  passwordSet: boolean;
  error: string | null;
  readBy: string | null;
};
type Assistant = { id: string; email: string; mailbox: Mailbox | null };
type Lead = { id: string; email: string; state: string; subState: string | null };
type SandboxMessage = { id: string; messageId: string; subject: string; leadId: string | null };
type TimelineItem = { kind: string; type?: string; direction?: string; id?: string; toState?: string | null };

let n: Awaited<ReturnType<typeof startTestNurture>>;
let dovecot: Dovecot;
let assistant: Assistant;

beforeAll(async () => {
  dovecot = await startDovecot();
  n = await startTestNurture({
    IMAP_SCAN_MS: '200',
    // Far beyond any wait here: mail that arrives in time came by IDLE, however busy the machine.
    IMAP_POLL_MS: '600000',
    INBOUND_SMTP_PORT: '0',
    INBOUND_SMTP_HOST: '127.0.0.1',
    // PGlite generates its own key; PostgreSQL needs one set (see secret-key-file.ts).
    ...(testDbKind === 'postgres' ? { SECRET_KEY: randomBytes(24).toString('hex') } : {}),
  });
  assistant = (await n.api<Assistant>('GET', `/api/v1/assistants/${n.org.assistantId}`)).body;
});
afterAll(async () => {
  await n?.close();
  await dovecot?.stop();
});

const mailboxBody = () => ({
  host: dovecot.host,
  port: dovecot.port,
  tls: false,
  user: dovecot.user,
  password: dovecot.password,
});

/** Add a lead through the API and wait for its first email to reach the sandbox. */
async function leadWithFirstEmail(email: string): Promise<{ lead: Lead; first: SandboxMessage }> {
  const r = await n.api<Lead>('POST', '/api/v1/leads', {
    email,
    firstName: 'Dana',
    source: 'event',
    context: 'Expo',
  });
  expect(r.status).toBe(201);
  // Sent and recorded: the reply must not overtake the record of the email it answers.
  const [first] = await sentEmails(n, r.body.id);
  return { lead: r.body, first: first! };
}

/** The lead's answer, as their mail client would write it. */
async function replyTo(first: SandboxMessage, from: string, text: string) {
  const messageId = `<reply-${randomBytes(6).toString('hex')}@${from.split('@')[1]}>`;
  const raw = await new MailComposer({
    from,
    to: assistant.email,
    subject: `Re: ${first.subject}`,
    messageId,
    inReplyTo: first.messageId,
    references: first.messageId,
    date: new Date(),
    text: `${text}\n\nOn Monday, Alex wrote:\n> Hello Dana\n`,
  })
    .compile()
    .build();
  return { raw, messageId };
}

const leadState = async (id: string) => (await n.api<Lead>('GET', `/api/v1/leads/${id}`)).body;
const timeline = async (id: string) =>
  (await n.api<{ items: TimelineItem[] }>('GET', `/api/v1/leads/${id}/timeline`)).body.items;
const inboundRows = (messageId: string) =>
  n.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId));

describe('the assistant API', () => {
  it('lists the org assistants without secrets, and sets the IMAP mailbox (password never returned)', async () => {
    const list = await n.api<{ items: Assistant[] }>('GET', '/api/v1/assistants');
    expect(list.status).toBe(200);
    expect(list.body.items.map((a) => a.id)).toEqual([n.org.assistantId]);
    expect(list.body.items[0]!.mailbox).toBeNull();

    const put = await n.api<Assistant>(
      'PUT',
      `/api/v1/assistants/${n.org.assistantId}/mailbox`,
      mailboxBody(),
    );
    expect(put.status).toBe(200);
    expect(put.body.mailbox).toMatchObject({ host: dovecot.host, port: dovecot.port, passwordSet: true });
    const [row] = await n.ctx.db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
    expect(row!.imapPasswordEnc).toMatch(/^v1\./);
    expect(row!.imapPasswordEnc).not.toContain(dovecot.password);
    for (const body of [put.body, (await n.api('GET', `/api/v1/assistants/${n.org.assistantId}`)).body]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(dovecot.password);
      expect(text).not.toMatch(/passwordEnc|smtpUrl|"password"/);
    }

    // A worker takes the mailbox's lease and reads it (first read: the last days).
    const reading = await waitFor(async () => {
      const a = (await n.api<Assistant>('GET', `/api/v1/assistants/${n.org.assistantId}`)).body;
      const [r] = await n.ctx.db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
      return a.mailbox?.readBy && r?.imapUidValidity ? a : null;
    }, 'a worker reading the mailbox');
    expect(reading.mailbox!.error).toBeNull();
  });

  it('refuses bad mailbox settings naming the field, and non-admins with 403', async () => {
    for (const [patch, field] of [
      [{ host: 'imap://x.example' }, 'host'],
      [{ port: 0 }, 'port'],
      [{ user: '' }, 'user'],
    ] as const) {
      const r = await n.api<{ error: { field: string } }>(
        'PUT',
        `/api/v1/assistants/${n.org.assistantId}/mailbox`,
        { ...mailboxBody(), ...patch },
      );
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.field).toBe(field);
    }
    const key = { token: (await addMember(n.ctx.db, n.org.orgId)).key };
    const path = `/api/v1/assistants/${n.org.assistantId}/mailbox`;
    expect((await n.api('PUT', path, mailboxBody(), { key: key.token })).status).toBe(403);
    expect((await n.api('DELETE', path, undefined, { key: key.token })).status).toBe(403);
    expect((await n.api('GET', '/api/v1/assistants', undefined, { key: key.token })).status).toBe(200);
    expect((await n.api('GET', '/api/v1/assistants/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('without SECRET_KEY (PostgreSQL unconfigured) storing a mailbox password is refused clearly', async () => {
    const ctx = { ...n.ctx, config: { ...n.ctx.config, SECRET_KEY: undefined } };
    const actor = { orgId: n.org.orgId, userId: n.org.userId, role: 'admin' as const };
    await expect(setAssistantMailbox(ctx, actor, n.org.assistantId, mailboxBody())).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'SECRET_KEY must be set to store mailbox passwords',
    });
  });
});

describe('replies from every channel go through one door, once', () => {
  it('IMAP: a reply delivered to the mailbox makes the lead responded; the same message again, and by HTTP, changes nothing', async () => {
    const { lead, first } = await leadWithFirstEmail('dana@example.net');
    const reply = await replyTo(first, lead.email, 'Could you send me more information?');
    const appendedAt = Date.now();
    await dovecot.append(reply.raw);
    const responded = await waitFor(
      async () => {
        const l = await leadState(lead.id);
        return l.state !== 'cold' ? l : null;
      },
      'the lead to leave cold after the reply',
      60_000,
    );
    const latencyMs = Date.now() - appendedAt;
    expect(responded.state).toBe('responded');
    // IDLE, not the poll (every 10 minutes here), brought it in.
    expect(latencyMs).toBeLessThan(60_000);
    console.log(`[${testDbKind}] IMAP APPEND → lead responded in ${latencyMs} ms`);

    const [row] = await inboundRows(reply.messageId);
    expect(row).toMatchObject({ channel: 'imap', assistantId: n.org.assistantId, leadId: lead.id });
    const items = await timeline(lead.id);
    expect(items.filter((i) => i.type === 'reply_received')).toHaveLength(1);
    expect(items.filter((i) => i.kind === 'message' && i.direction === 'in').map((i) => i.id)).toEqual([
      row!.id,
    ]);
    const [event] = await n.ctx.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.leadId, lead.id), eq(timelineEvents.type, 'reply_received')));
    expect(event!.inboundMessageId).toBe(row!.id);

    // The same message delivered again (a second copy in the mailbox), and by the HTTP door.
    const secondUid = await dovecot.append(reply.raw);
    expect(secondUid).toBeGreaterThan(0);
    await waitFor(async () => {
      const [a] = await n.ctx.db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
      return a!.imapLastUid >= secondUid!;
    }, 'the reader to pass the second copy');
    const http = await n.api<{ id: string; duplicate: boolean }>('POST', '/api/v1/inbound/raw', undefined, {
      key: null,
      raw: reply.raw.toString('latin1'),
      headers: { 'content-type': 'message/rfc822', 'x-nurture-inbound-secret': n.org.inboundSecret },
    });
    expect(http.status).toBe(202);
    expect(http.body).toEqual({ id: row!.id, duplicate: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(await inboundRows(reply.messageId)).toHaveLength(1);
    expect((await timeline(lead.id)).filter((i) => i.type === 'reply_received')).toHaveLength(1);
    expect((await leadState(lead.id)).state).toBe('responded');
  });

  it('SMTP listener: a reply sent to the assistant address makes the lead responded; unknown domains get 550', async () => {
    expect(n.inboundSmtpPort).toBeGreaterThan(0);
    const { lead, first } = await leadWithFirstEmail('erin@example.org');
    const reply = await replyTo(first, lead.email, 'Could you send me more information?');
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: n.inboundSmtpPort!,
      secure: false,
      ignoreTLS: true,
    });
    try {
      const sentAt = Date.now();
      const info = await transport.sendMail({
        envelope: { from: lead.email, to: [assistant.email] },
        raw: reply.raw,
      });
      expect(info.accepted).toEqual([assistant.email]);
      const l = await waitFor(
        async () => {
          const s = await leadState(lead.id);
          return s.state !== 'cold' ? s : null;
        },
        'the lead to leave cold after the SMTP reply',
        60_000,
      );
      expect(l.state).toBe('responded');
      console.log(`[${testDbKind}] SMTP DATA → lead responded in ${Date.now() - sentAt} ms`);
      const rows = await inboundRows(reply.messageId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ channel: 'smtp', assistantId: n.org.assistantId, leadId: lead.id });
      expect((await timeline(lead.id)).filter((i) => i.type === 'reply_received')).toHaveLength(1);

      // Sent again through the listener: 250, still one row.
      await transport.sendMail({ envelope: { from: lead.email, to: [assistant.email] }, raw: reply.raw });
      expect(await inboundRows(reply.messageId)).toHaveLength(1);

      const before = await n.ctx.db.select({ c: sql<number>`count(*)::int` }).from(inboundMessages);
      const refused = await transport
        .sendMail({ envelope: { from: lead.email, to: ['someone@unknown.example'] }, raw: reply.raw })
        .then(
          () => null,
          (e: { code?: string; responseCode?: number; response?: string }) => e,
        );
      expect(refused).toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
      expect(refused!.response).toMatch(/5\.1\.1/);
      const after = await n.ctx.db.select({ c: sql<number>`count(*)::int` }).from(inboundMessages);
      expect(after[0]!.c).toBe(before[0]!.c);
    } finally {
      transport.close();
    }
  });
});

describe('mailbox lifecycle', () => {
  it('shows a wrong password as the mailbox error, clears it once fixed, and stops reading when removed', async () => {
    const path = `/api/v1/assistants/${n.org.assistantId}/mailbox`;
    expect((await n.api('PUT', path, { ...mailboxBody(), password: 'wrong' })).status).toBe(200);
    const failing = await waitFor(async () => {
      const a = (await n.api<Assistant>('GET', `/api/v1/assistants/${n.org.assistantId}`)).body;
      return a.mailbox?.error ? a : null;
    }, 'the authentication error on the assistant');
    expect(failing.mailbox!.error).toMatch(/auth/i);

    expect((await n.api('PUT', path, mailboxBody())).status).toBe(200);
    await waitFor(async () => {
      const a = (await n.api<Assistant>('GET', `/api/v1/assistants/${n.org.assistantId}`)).body;
      return a.mailbox?.readBy && a.mailbox.error === null;
    }, 'the mailbox read again without error');

    const cleared = await n.api<Assistant>('DELETE', path);
    expect(cleared.status).toBe(200);
    expect(cleared.body.mailbox).toBeNull();
    await waitFor(async () => {
      const [a] = await n.ctx.db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
      return a!.imapLeasedBy === null && a!.imapPasswordEnc === null;
    }, 'the reader to stop and release its lease');
  });
});
