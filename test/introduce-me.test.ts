import { and, eq, sql } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assistants,
  inboundMessages,
  leads,
  messages,
  notifications,
  sandboxMessages,
  users,
} from '../src/db/schema.ts';
import { postRaw } from './helpers/notices.ts';
import { openAssistantWindow } from './helpers/seed.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { addMember, startTestNurture, waitFor } from './helpers/test-nurture.ts';

/**
 * Introduce Me (SPEC §6.3, issue 11 point 3) on a started Nurture, mail
 * through the real sandbox SMTP server: the email copies the user (Cc
 * header and SMTP envelope), answers the lead's latest message in its
 * thread, and from then on the assistant stays out: the user's reply-all
 * and the lead's answer come in through the inbound pipeline, are recorded
 * on the timeline, and nothing new is scheduled or sent by the assistant.
 */
type Lead = {
  id: string;
  email: string;
  state: string;
  subState: string | null;
  introducedAt: string | null;
};
type Err = { error: { code: string; message: string; field?: string } };
type Event = {
  kind: string;
  type?: string;
  reason?: string;
  actor?: { type: string; id: string | null };
  evidence?: Record<string, unknown>;
};
type Introduction = {
  lead: Lead;
  message: { id: string; messageId: string; status: string };
  email: {
    subject: string;
    text: string;
    cc: { address: string }[];
    inReplyTo: string | null;
    textFrom: string;
  };
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
let userEmail: string;
let assistantEmail: string;
beforeAll(async () => {
  n = await startTestNurture({ NOTIFY_POLL_MS: '50' });
  await openAssistantWindow(n.ctx.db, n.org.assistantId);
  // With a Brochure URL, an info request would be answered: after an introduction it must not be.
  await n.ctx.db
    .update(assistants)
    .set({ brochureUrl: 'https://acme.example/brochure.pdf' })
    .where(eq(assistants.id, n.org.assistantId));
  const [u] = await n.ctx.db
    .update(users)
    .set({ name: 'Dana Seller', phone: '+447700900123' })
    .where(eq(users.id, n.org.userId))
    .returning();
  userEmail = u!.email;
  const [a] = await n.ctx.db.select().from(assistants).where(eq(assistants.id, n.org.assistantId));
  assistantEmail = a!.email;
}, 120_000);
afterAll(async () => n?.close());

let seq = 0;
const newLead = async () => {
  const r = await n.api<Lead>('POST', '/api/v1/leads', {
    email: `intro${++seq}@example.com`,
    source: 'event',
    firstName: 'Nicole',
    lastName: 'Park',
    company: 'Globex',
    context: 'the Lisbon summit',
  });
  expect(r.status).toBe(201);
  return r.body;
};
const events = async (id: string) =>
  (await n.api<{ items: Event[] }>('GET', `/api/v1/leads/${id}/timeline`)).body.items.filter(
    (i) => i.kind === 'event',
  );
const leadMessages = (leadId: string) => n.ctx.db.select().from(messages).where(eq(messages.leadId, leadId));
const processed = (messageId: string) =>
  waitFor(async () => {
    const [r] = await n.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId));
    return r && r.status !== 'received' && r.status !== 'processing' ? r : null;
  }, `inbound ${messageId} processed`);

/** A lead that got its first email and answered it (hot, or responded): the moment Introduce Me is for. */
async function answeredLead(text = 'Thursday at 3pm works for me, let us meet.', state = 'hot') {
  const lead = await newLead();
  const [first] = await sentEmails(n, lead.id);
  const reply = await n.api<{ id: string }>('POST', `/api/v1/sandbox/messages/${first!.id}/reply`, {
    text,
  });
  expect(reply.status).toBeLessThan(300);
  await waitFor(
    async () => (await n.api<Lead>('GET', `/api/v1/leads/${lead.id}`)).body.state === state,
    `the lead to become ${state}`,
  );
  return { lead, first: first! };
}

describe('the user’s introduction text (profile)', () => {
  it('starts as the default, takes one with placeholders, refuses an unknown placeholder naming the field, resets', async () => {
    const p = await n.api<{ introductionText: string; introductionTextIsDefault: boolean }>(
      'GET',
      '/api/v1/me/profile',
    );
    expect(p.body.introductionTextIsDefault).toBe(true);
    expect(p.body.introductionText).toContain('{userName}');

    const bad = await n.api<Err>('PATCH', '/api/v1/me/profile', {
      introductionText: 'Hi {frstName}, meet {userName}',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('introductionText');
    expect(bad.body.error.message).toContain('{frstName}');

    const own =
      'Dear {firstName},\n\nMeet {userName} ({userEmail}, {userPhone}), copied here, about {context}.';
    const ok = await n.api<{ introductionText: string; introductionTextIsDefault: boolean }>(
      'PATCH',
      '/api/v1/me/profile',
      { introductionText: own },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ introductionText: own, introductionTextIsDefault: false });

    const reset = await n.api<{ introductionTextIsDefault: boolean }>('PATCH', '/api/v1/me/profile', {
      introductionText: null,
    });
    expect(reset.body.introductionTextIsDefault).toBe(true);
    await n.api('PATCH', '/api/v1/me/profile', { introductionText: own });
  });
});

describe('Introduce Me', () => {
  it('emails the lead as the assistant, copying the user, in the lead’s thread; the sequence stops', async () => {
    const { lead, first } = await answeredLead();
    const [leadReply] = await n.ctx.db
      .select()
      .from(inboundMessages)
      .where(and(eq(inboundMessages.leadId, lead.id), eq(inboundMessages.status, 'processed')));
    expect(leadReply?.messageId).toBeTruthy();

    const preview = await n.api<Introduction['email']>(
      'POST',
      `/api/v1/leads/${lead.id}/introduce/preview`,
      {},
    );
    expect(preview.status).toBe(200);
    expect(preview.body.textFrom).toBe('profile');
    expect(preview.body.text).toContain('Dear Nicole,');
    // Previewing changes nothing.
    expect((await n.api<Lead>('GET', `/api/v1/leads/${lead.id}`)).body.introducedAt).toBeNull();

    const r = await n.api<Introduction>('POST', `/api/v1/leads/${lead.id}/introduce`, {});
    expect(r.status).toBe(201);
    expect(r.body.lead).toMatchObject({ state: 'hot', subState: 'Introduced' });
    expect(r.body.lead.introducedAt).not.toBeNull();
    expect(r.body.email.cc.map((a) => a.address)).toEqual([userEmail]);
    expect(r.body.email.inReplyTo).toBe(leadReply!.messageId);

    // As received by the SMTP server: Cc the user, on the envelope too; threaded under the lead's reply.
    const caught = await waitFor(async () => {
      const [m] = await n.ctx.db
        .select()
        .from(sandboxMessages)
        .where(eq(sandboxMessages.messageId, r.body.message.messageId));
      return m;
    }, 'the introduction to reach the SMTP server');
    expect(caught.envelopeTo.map((a) => a.toLowerCase()).sort()).toEqual(
      [lead.email, userEmail.toLowerCase()].sort(),
    );
    expect(caught.raw).toMatch(new RegExp(`^Cc: .*${userEmail.replace(/[.+]/g, '\\$&')}`, 'im'));
    expect(caught.headers['in-reply-to']).toBe(leadReply!.messageId);
    expect(caught.headers.references).toContain(first.messageId);
    expect(caught.headers.references).toContain(leadReply!.messageId);
    expect(caught.headers['reply-to']).toContain(assistantEmail);
    expect(caught.headers['reply-to']).toContain(userEmail);
    expect(caught.subject).toBe(`Re: ${first.subject}`);
    expect(caught.textBody).toContain('Dear Nicole,');
    expect(caught.textBody).toContain(
      `Meet Dana Seller (${userEmail}, +447700900123), copied here, about the Lisbon summit.`,
    );

    const intro = (await events(lead.id)).find((e) => e.type === 'introduced')!;
    expect(intro.actor).toEqual({ type: 'user', id: n.org.userId });
    expect(intro.evidence).toMatchObject({ cc: [userEmail], textFrom: 'profile' });
    // Nothing of the sequence is left to go.
    expect((await leadMessages(lead.id)).filter((m) => m.status === 'scheduled')).toEqual([]);
  });

  it('after the introduction, the user’s and the lead’s replies in the thread are recorded, never answered', async () => {
    // Responded: a reply that asks for information would be answered with the brochure, were it not introduced.
    const { lead } = await answeredLead(
      'Could you send me more information about your product please?',
      'responded',
    );
    await waitFor(
      async () => (await leadMessages(lead.id)).every((m) => m.status === 'sent' || m.status === 'cancelled'),
      'the brochure answer to go',
    );
    const r = await n.api<Introduction>('POST', `/api/v1/leads/${lead.id}/introduce`, {
      text: 'Hi {firstName}, {userFirstName} here will help you from now on.',
    });
    expect(r.status).toBe(201);
    expect(r.body.email.textFrom).toBe('request');
    const sentBefore = (await leadMessages(lead.id)).filter((m) => m.status === 'sent').length;
    const intro = await sentEmails(n, lead.id, sentBefore + 1).then(
      (all) => all.find((m) => m.messageId === r.body.message.messageId)!,
    );
    expect(intro.text).toContain('Hi Nicole, Dana here will help you from now on.');
    const before = await leadMessages(lead.id);

    // The user answers all (To the lead, Cc the assistant): theirs, no EmailCC, no answer.
    const userReply = new MailComposer({
      from: `Dana Seller <${userEmail}>`,
      to: lead.email,
      cc: assistantEmail,
      subject: `Re: ${intro.subject}`,
      inReplyTo: intro.messageId,
      references: intro.messageId,
      text: 'Hi Nicole, great to meet you. Does Thursday 3pm still work? Dana',
    })
      .compile()
      .build();
    await postRaw(n, await userReply);
    const userMessageId = /^Message-ID:\s*(\S+)/im.exec((await userReply).toString())![1]!;
    expect((await processed(userMessageId)).status).toBe('processed');

    // The lead answers the user's email (a thread the assistant only sees through the Cc), asking for a brochure.
    const sandboxIntro = (await sentEmails(n, lead.id, sentBefore + 1)).find(
      (m) => m.messageId === intro.messageId,
    )!;
    const leadAnswer = await n.api('POST', `/api/v1/sandbox/messages/${sandboxIntro.id}/reply`, {
      text: 'Could you send me your brochure and pricing information please?',
    });
    expect(leadAnswer.status).toBeLessThan(300);

    const timeline = await waitFor(async () => {
      const ev = await events(lead.id);
      const replies = ev.filter(
        (e) => e.type === 'reply_received' && String(e.reason).includes('introduced'),
      );
      return replies.length >= 2 ? ev : null;
    }, 'both replies on the timeline');
    const inThread = timeline.filter(
      (e) => e.type === 'reply_received' && String(e.reason).includes('introduced'),
    );
    expect(inThread.map((e) => e.actor)).toEqual([
      { type: 'user', id: n.org.userId },
      { type: 'lead', id: null },
    ]);
    expect(inThread[1]!.evidence).toMatchObject({ intent: 'info_request' });

    // The assistant stayed out: no new email, the state as the introduction left it, no EmailCC notice.
    const after = await leadMessages(lead.id);
    expect(after.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort());
    expect(after.filter((m) => m.status === 'scheduled')).toEqual([]);
    const now = await n.api<Lead>('GET', `/api/v1/leads/${lead.id}`);
    expect(now.body).toMatchObject({ state: 'responded', subState: 'Introduced' });
    const emailCcNotices = await n.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, n.org.userId), eq(notifications.kind, 'emailcc_result')));
    expect(emailCcNotices).toEqual([]);
    const twins = await n.ctx.db.select().from(leads).where(sql`lower(${leads.email}) = ${lead.email}`);
    expect(twins).toHaveLength(1);
    // The last state change is the introduction's, by the user: the replies moved nothing.
    expect(timeline.filter((e) => e.type === 'state_changed').at(-1)).toMatchObject({
      actor: { type: 'user', id: n.org.userId },
      evidence: expect.objectContaining({ transition: 'responded→responded' }),
    });
    expect(
      timeline.some(
        (e) => e.type === 'review_requested' && timeline.indexOf(e) > timeline.indexOf(inThread[0]!),
      ),
    ).toBe(false);
  });

  it('refuses a bad text naming the field, and a lead that is not emailed any more', async () => {
    const lead = await newLead();
    const bad = await n.api<Err>('POST', `/api/v1/leads/${lead.id}/introduce`, { text: 'Meet {usrName}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('text');
    const empty = await n.api<Err>('POST', `/api/v1/leads/${lead.id}/introduce`, { text: '  ' });
    expect([empty.status, empty.body.error.field]).toEqual([400, 'text']);
    await n.api('POST', `/api/v1/leads/${lead.id}/actions/unsubscribe`);
    const refused = await n.api<Err>('POST', `/api/v1/leads/${lead.id}/introduce`, {});
    expect(refused.status).toBe(409);
    expect((await events(lead.id)).some((e) => e.type === 'introduced')).toBe(false);
  });

  it('is only for those who may act on the lead: another member is told it does not exist', async () => {
    const lead = await newLead();
    const other = await addMember(n.ctx.db, n.org.orgId);
    const r = await n.api<Err>('POST', `/api/v1/leads/${lead.id}/introduce`, {}, { key: other.key });
    expect(r.status).toBe(404);
  });
});
