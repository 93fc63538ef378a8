import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads, messages, timelineEvents } from '../src/db/schema.ts';
import { type Sandboxed, sandboxMessages } from './helpers/notices.ts';
import { openAssistantWindow } from './helpers/seed.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { startTestNurture, waitFor } from './helpers/test-nurture.ts';

// Message (SPEC §6.4) through the API against a started Nurture (server,
// worker, sandbox): a user writes to a lead as the assistant, in the lead's
// thread, now or later; scheduled emails (their own and sequence steps) are
// edited or skipped until they go, and the conversation shows the exchange.

type Email = {
  id: string;
  kind: string;
  step: number | null;
  status: string;
  dueAt: string;
  subject: string | null;
  text: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  writtenBy: string | null;
};
type Conversation = {
  assistant: { name: string; email: string };
  items: {
    id: string;
    direction: string;
    from: string;
    subject: string | null;
    text: string;
    quoted: string | null;
    kind: string;
  }[];
  upcoming: { id: string; step: number | null; text: string; written: boolean; editable: boolean }[];
};
type Err = { error: { code: string; field?: string; message: string } };

let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  n = await startTestNurture();
  await openAssistantWindow(n.ctx.db, n.org.assistantId);
});
afterAll(async () => n?.close());

const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
const conversation = async (leadId: string) =>
  (await n.api<Conversation>('GET', `/api/v1/leads/${leadId}/conversation`)).body;
const status = async (id: string) => (await n.ctx.db.select().from(messages).where(eq(messages.id, id)))[0]!;
const eventsOf = (leadId: string, type: string) =>
  n.ctx.db
    .select()
    .from(timelineEvents)
    .where(and(eq(timelineEvents.leadId, leadId), eq(timelineEvents.type, type as 'note')))
    .orderBy(asc(timelineEvents.id));

async function addLead(email: string) {
  const r = await n.api<{ id: string }>('POST', '/api/v1/leads', {
    email,
    firstName: 'Jane',
    lastName: 'Doe',
    company: 'Globex',
    source: 'event',
    context: 'SaaStr',
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

/** A lead whose first email went and who answered it from the sandbox: hot, with a thread of two. */
async function hotLead(email: string): Promise<{ leadId: string; first: Sandboxed }> {
  const leadId = await addLead(email);
  const [first] = await sentEmails(n, leadId);
  const reply = await n.api('POST', `/api/v1/sandbox/messages/${first!.id}/reply`, {
    text: 'Thursday at 3 works',
  });
  expect(reply.status).toBe(202);
  await waitFor(
    async () => (await n.api<{ state: string }>('GET', `/api/v1/leads/${leadId}`)).body.state === 'hot',
    'the lead to become hot',
  );
  return { leadId, first: first! };
}

describe('writing to a lead as the assistant', () => {
  it('sends at once in the lead thread, from the assistant, answering the latest message', async () => {
    const { leadId, first } = await hotLead('jane@globex.example');
    const before = await conversation(leadId);
    const theirReply = before.items.find((i) => i.direction === 'in')!;
    expect(theirReply.text).toBe('Thursday at 3 works');
    // The reply quoted our first email: folded apart, not lost.
    expect(theirReply.quoted).toContain('wrote:');

    const r = await n.api<Email>('POST', `/api/v1/leads/${leadId}/messages`, {
      text: 'Great, Thursday at 3 it is.\nI will send an invitation.',
    });
    expect(r.status).toBe(201);
    const sent = r.body;
    expect(sent).toMatchObject({ kind: 'manual', step: null, status: 'scheduled' });
    expect(sent.subject).toBe(`Re: ${first.subject}`);
    // Signed as the assistant signs, the lead's words quoted under it.
    expect(sent.text).toMatch(
      /^Great, Thursday at 3 it is\.\nI will send an invitation\.\n\nBest regards,\n/,
    );
    expect(sent.text).toContain('> Thursday at 3 works');
    expect(sent.writtenBy).toMatch(/^admin-.*@acme\.test$/);

    // The email the lead receives, as the sandbox caught it.
    const mail = await waitFor(
      async () => (await sandboxMessages(n)).find((m) => m.messageId === sent.messageId),
      'the message in the sandbox',
    );
    const { headers } = (
      await n.api<{ headers: Record<string, string> }>('GET', `/api/v1/sandbox/messages/${mail.id}`)
    ).body;
    const replyId = (await n.ctx.db.select().from(messages).where(eq(messages.id, sent.id)))[0]!.inReplyTo!;
    expect(headers['in-reply-to']).toBe(replyId);
    expect(replyId).not.toBe(first.messageId); // it answers the lead's reply, the latest message
    expect(headers.references!.split(/\s+/)).toEqual([first.messageId, replyId]);
    expect(headers.from).toContain(`<${before.assistant.email}>`);
    expect(mail.to).toContain('jane@globex.example');
    expect(mail.subject).toBe(`Re: ${first.subject}`);
    await waitFor(async () => (await status(sent.id)).status === 'sent', 'the message recorded as sent');

    // A user's action on the lead, on its timeline with the user as actor.
    const [written] = await eventsOf(leadId, 'message_written');
    expect(written).toMatchObject({ actorType: 'user', actorId: n.org.userId, messageId: sent.id });
    expect(written!.reason).toMatch(/wrote a message as .*, sent now/);

    // The conversation: first email, their reply, our message, in order.
    const after = await conversation(leadId);
    expect(after.items.map((i) => [i.direction, i.kind])).toEqual([
      ['out', 'sequence'],
      ['in', 'reply'],
      ['out', 'manual'],
    ]);
    const mine = after.items[2]!;
    expect(mine.text).toMatch(/^Great, Thursday at 3 it is\./);
    expect(mine.text).not.toContain('Unsubscribe');
    expect(mine.quoted).toContain('> Thursday at 3 works');

    // Sent is sent: it can no longer be edited or skipped.
    const late = await n.api<Err>('PATCH', `/api/v1/leads/${leadId}/messages/${sent.id}`, {
      text: 'Too late',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/already sent/);
    expect((await n.api('POST', `/api/v1/leads/${leadId}/messages/${sent.id}/skip`)).status).toBe(409);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const leadId = await addLead('input@globex.example');
    const bad: [unknown, string][] = [
      [{ text: '   ' }, 'text'],
      [{}, 'text'],
      [{ text: 'x'.repeat(20_001) }, 'text'],
      [{ text: 'Hi', sendAt: new Date(Date.now() - 3_600_000).toISOString() }, 'sendAt'],
      [{ text: 'Hi', sendAt: 'next Tuesday' }, 'sendAt'],
      [{ text: 'Hi', sendAt: new Date(Date.now() + 400 * 86_400_000).toISOString() }, 'sendAt'],
      [{ text: 'Hi', subject: 'two\nlines' }, 'subject'],
      [{ text: 'Hi', bcc: 'x@example.com' }, ''],
    ];
    for (const [body, field] of bad) {
      const r = await n.api<Err>('POST', `/api/v1/leads/${leadId}/messages`, body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      if (field) expect(r.body.error.field ?? r.body.error.message).toContain(field);
    }
    expect(
      (await n.ctx.db.select().from(messages).where(eq(messages.leadId, leadId))).filter(
        (m) => m.kind === 'manual',
      ),
    ).toEqual([]);
    expect(await eventsOf(leadId, 'message_written')).toEqual([]);
    // A lead waiting for plan capacity has not had its address checked: nothing goes to it yet.
    await n.ctx.db.update(leads).set({ state: 'new', subState: null }).where(eq(leads.id, leadId));
    const waiting = await n.api<Err>('POST', `/api/v1/leads/${leadId}/messages`, { text: 'Hello?' });
    expect(waiting.status).toBe(409);
    expect(waiting.body.error.message).toMatch(/activate it first/);
    await n.ctx.db.update(leads).set({ state: 'cold' }).where(eq(leads.id, leadId));
    // A lead that is not emailed any more is refused up front.
    expect((await n.api('POST', `/api/v1/leads/${leadId}/actions/deactivate`)).status).toBe(200);
    const stopped = await n.api<Err>('POST', `/api/v1/leads/${leadId}/messages`, { text: 'Hello?' });
    expect(stopped.status).toBe(409);
    expect(stopped.body.error.message).toMatch(/deactivated/);
    // Another lead's email is not this lead's.
    const other = await addLead('other@globex.example');
    const [step] = await n.ctx.db.select().from(messages).where(eq(messages.leadId, other));
    const cross = await n.api<Err>('PATCH', `/api/v1/leads/${leadId}/messages/${step!.id}`, { text: 'x' });
    expect(cross.status).toBe(404);
    expect(cross.body.error.field).toBe('messageId');
  });

  it('a message for later waits for its time, is edited, moved and skipped while it waits', async () => {
    const { leadId } = await hotLead('later@globex.example');
    const sendAt = new Date(Date.now() + 2 * 86_400_000);
    const r = await n.api<Email>('POST', `/api/v1/leads/${leadId}/messages`, {
      text: 'Looking forward to Thursday.',
      sendAt: sendAt.toISOString(),
    });
    expect(r.status).toBe(201);
    expect(new Date(r.body.dueAt).getTime()).toBe(sendAt.getTime());
    // Another message sent now goes and is recorded; the one for later is still waiting.
    const now = await n.api<Email>('POST', `/api/v1/leads/${leadId}/messages`, { text: 'Got it, thanks.' });
    await waitFor(async () => (await status(now.body.id)).status === 'sent', 'the message for now sent');
    expect(await status(r.body.id)).toMatchObject({ status: 'scheduled', dueAt: sendAt });
    expect((await sandboxMessages(n)).some((m) => m.messageId === r.body.messageId)).toBe(false);

    // Edit its text: written now, sent as written.
    const edited = await n.api<Email>('PATCH', `/api/v1/leads/${leadId}/messages/${r.body.id}`, {
      text: 'Looking forward to Thursday at 3.\n\nAva',
      subject: 'Thursday',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      text: 'Looking forward to Thursday at 3.\n\nAva',
      subject: 'Thursday',
    });
    const [e] = await eventsOf(leadId, 'message_edited');
    expect(e).toMatchObject({ actorType: 'user', actorId: n.org.userId, messageId: r.body.id });
    expect(e!.reason).toMatch(/^The message edited by .+: subject, text changed$/);
    expect(e!.evidence).toMatchObject({
      newSubject: 'Thursday',
      newText: 'Looking forward to Thursday at 3.\n\nAva',
    });
    expect((e!.evidence as { oldSubject: string }).oldSubject).toMatch(/^Re: /);

    const pastMove = await n.api<Err>('PATCH', `/api/v1/leads/${leadId}/messages/${r.body.id}`, {
      sendAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(pastMove.status).toBe(400);
    expect(pastMove.body.error.field).toBe('sendAt');
    const empty = await n.api<Err>('PATCH', `/api/v1/leads/${leadId}/messages/${r.body.id}`, {});
    expect(empty.status).toBe(400);

    // Skip it: it never goes; after that it is no longer editable.
    const skipped = await n.api<Email>('POST', `/api/v1/leads/${leadId}/messages/${r.body.id}/skip`);
    expect(skipped.status).toBe(200);
    expect(skipped.body.status).toBe('cancelled');
    const [s] = await eventsOf(leadId, 'message_skipped');
    expect(s).toMatchObject({ actorType: 'user', actorId: n.org.userId });
    expect(s!.reason).toMatch(/^The message skipped by .+: it will not be sent$/);
    expect(
      (await n.api('PATCH', `/api/v1/leads/${leadId}/messages/${r.body.id}`, { text: 'again' })).status,
    ).toBe(409);
    expect((await n.api('POST', `/api/v1/leads/${leadId}/messages/${r.body.id}/skip`)).status).toBe(409);

    // Moved to a moment from now, a waiting message goes then.
    const soon = await n.api<Email>('POST', `/api/v1/leads/${leadId}/messages`, {
      text: 'See you soon.',
      sendAt: inAMinute(),
    });
    const moved = await n.api<Email>('PATCH', `/api/v1/leads/${leadId}/messages/${soon.body.id}`, {
      sendAt: new Date(Date.now() + 1_000).toISOString(),
    });
    expect(moved.status).toBe(200);
    await waitFor(async () => (await status(soon.body.id)).status === 'sent', 'the moved message sent');
  });

  it('edits and skips sequence steps before they go; the conversation lists them with their text', async () => {
    const leadId = await addLead('steps@globex.example');
    await sentEmails(n, leadId);
    const { upcoming } = await conversation(leadId);
    expect(upcoming.map((u) => u.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(upcoming.every((u) => !u.written && u.editable && u.text.includes('Jane'))).toBe(true);

    // Edit step 2's text only: its subject is the one it would have had, and the text is now fixed.
    const step2 = upcoming[0]!;
    const r = await n.api<Email>('PATCH', `/api/v1/leads/${leadId}/messages/${step2.id}`, {
      text: 'Hi Jane,\n\nA personal word instead.\n\nAva',
    });
    expect(r.status).toBe(200);
    expect(r.body.subject).toMatch(/^Re: /);
    expect(r.body.text).toBe('Hi Jane,\n\nA personal word instead.\n\nAva');
    const again = await conversation(leadId);
    expect(again.upcoming[0]).toMatchObject({ id: step2.id, written: true, text: r.body.text });
    const [edit] = await eventsOf(leadId, 'message_edited');
    expect(edit!.reason).toMatch(/^Step 2 edited by .+: text changed$/);

    // Skip every remaining step: the sequence has nothing left, so it is complete.
    for (const u of upcoming)
      expect((await n.api('POST', `/api/v1/leads/${leadId}/messages/${u.id}/skip`)).status).toBe(200);
    expect((await eventsOf(leadId, 'message_skipped')).map((e) => e.reason)).toEqual(
      upcoming.map((u) => expect.stringMatching(new RegExp(`^Step ${u.step! + 1} skipped by `))),
    );
    expect((await n.api<{ state: string }>('GET', `/api/v1/leads/${leadId}`)).body.state).toBe('processed');
    expect((await conversation(leadId)).upcoming).toEqual([]);
  });
});
