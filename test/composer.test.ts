import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistants, messages } from '../src/db/schema.ts';
import { addLead as addLeadDirectly } from '../src/leads/add-lead.ts';
import { startChatCompletionsServer } from './helpers/chat-completions-server.ts';
import { makeStepDueNow } from './helpers/lead-records.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { addMember, startTestNurture } from './helpers/test-nurture.ts';

type N = Awaited<ReturnType<typeof startTestNurture>>;
type Lead = { id: string };
type Err = { error: { code: string; message: string; field?: string; details?: Record<string, unknown> } };
type Preview = { subject: string; text: string; angle: string; template: string; step: number };
type Entry = {
  source: string;
  step: string;
  custom: boolean;
  variants: { subject: string | null; body: string }[];
};
type TimelineItem = {
  kind: string;
  type?: string;
  step?: number;
  status?: string;
  subject?: string;
  text?: string;
  preview?: boolean;
  evidence?: Record<string, unknown>;
};

const addLead = async (n: N, body: Record<string, unknown>) => {
  const r = await n.api<Lead>('POST', '/api/v1/leads', { timeZone: 'Europe/Paris', ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};
const timeline = async (n: N, leadId: string) =>
  (await n.api<{ items: TimelineItem[] }>('GET', `/api/v1/leads/${leadId}/timeline`)).body.items;
const sentEvidence = async (n: N, leadId: string, step: number) =>
  (await timeline(n, leadId)).find((i) => i.type === 'message_sent' && i.evidence?.step === step)?.evidence;
const makeDueNow = (n: N, leadId: string, step: number) => makeStepDueNow(n.ctx.db, leadId, step);

describe('templates, preview and sending (templates only)', () => {
  let n: N;
  let base: string;
  beforeAll(async () => {
    n = await startTestNurture();
    base = `/api/v1/assistants/${n.org.assistantId}`;
    // Click tracking rewrites links at delivery; the preview shows the text as composed.
    await n.ctx.db
      .update(assistants)
      .set({
        calendarUrl: 'https://cal.example/alex',
        brochureUrl: 'https://acme.test/overview.pdf',
        trackClicks: false,
        trackOpens: false,
      })
      .where(eq(assistants.id, n.org.assistantId));
  });
  afterAll(async () => n?.close());

  it('lists every source and step, built-in until the assistant has its own', async () => {
    const r = await n.api<{ items: Entry[]; placeholders: string[]; quoteFirstEmail: boolean }>(
      'GET',
      `${base}/templates`,
    );
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(12 * 6);
    expect(r.body.items.every((i) => !i.custom && i.variants.length >= 2)).toBe(true);
    expect(r.body.items.filter((i) => i.step === 'introduction').every((i) => i.variants.length >= 3)).toBe(
      true,
    );
    expect(r.body.placeholders).toEqual(expect.arrayContaining(['{firstName}', '{custom.<column>}']));
    expect(r.body.quoteFirstEmail).toBe(true);
  });

  it('refuses unknown placeholders with 400 naming the field and every unknown name, saving nothing', async () => {
    const bad = await n.api<Err>('PUT', `${base}/templates/website/value`, {
      variants: [{ body: 'Hi {firstName}' }, { body: 'Hi {frstName}, about {produkt}.' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('variants.1.body');
    expect(bad.body.error.message).toContain('unknown placeholders {frstName}, {produkt}');
    expect(bad.body.error.details?.unknownPlaceholders).toEqual(['{frstName}', '{produkt}']);
    const subject = await n.api<Err>('PUT', `${base}/templates/website/value`, {
      variants: [{ subject: 'Hello', body: 'Hi {firstName}' }],
    });
    expect(subject.status).toBe(400);
    expect(subject.body.error.field).toBe('variants.0.subject');
    const source = await n.api<Err>('PUT', `${base}/templates/billboard/value`, {
      variants: [{ body: 'Hi' }],
    });
    expect(source.status).toBe(400);
    expect(source.body.error.field).toBe('source');
    const draft = await n.api<Err>('POST', `${base}/preview`, {
      source: 'event',
      step: 'value',
      template: { body: 'Hi {nickname}' },
    });
    expect(draft.status).toBe(400);
    expect(draft.body.error.field).toBe('template.body');
    expect(draft.body.error.message).toContain('{nickname}');
    const list = await n.api<{ items: Entry[] }>('GET', `${base}/templates`);
    expect(list.body.items.some((i) => i.custom)).toBe(false);
  });

  it("lets the assistant's members read and preview, and only admins change anything", async () => {
    const member = await addMember(n.ctx.db, n.org.orgId);
    const as = { key: member.key };
    // SPEC §10.2: a member not assigned to the assistant does not see it.
    expect((await n.api('GET', `${base}/templates`, undefined, as)).status).toBe(404);
    expect((await n.api('PUT', `${base}/users/${member.id}`, { manager: false })).status).toBe(200);
    expect((await n.api('GET', `${base}/templates`, undefined, as)).status).toBe(200);
    expect((await n.api('POST', `${base}/preview`, { source: 'event', step: 0 }, as)).status).toBe(200);
    const body = { variants: [{ body: 'Hi {firstName}' }] };
    expect((await n.api('PUT', `${base}/templates/event/value`, body, as)).status).toBe(403);
    expect((await n.api('DELETE', `${base}/templates/event/value`, undefined, as)).status).toBe(403);
    expect((await n.api('PUT', `${base}/proof-points`, { proofPoints: [] }, as)).status).toBe(403);
    expect((await n.api('PUT', `${base}/quote-first-email`, { quoteFirstEmail: false }, as)).status).toBe(
      403,
    );
    const other = '/api/v1/assistants/00000000-0000-4000-8000-000000000000/templates';
    expect((await n.api('GET', other)).status).toBe(404);
  });

  it('saves proof points, refusing repeats and placeholders', async () => {
    const dup = await n.api<Err>('PUT', `${base}/proof-points`, { proofPoints: ['Same.', 'same.'] });
    expect(dup.status).toBe(400);
    const ph = await n.api<Err>('PUT', `${base}/proof-points`, { proofPoints: ['Fine.', 'Hi {firstName}'] });
    expect(ph.status).toBe(400);
    expect(ph.body.error.field).toBe('proofPoints.1');
    const r = await n.api<{ proofPoints: string[] }>('PUT', `${base}/proof-points`, {
      proofPoints: [
        'PS: Globex doubled its reply rate.',
        'Initrode cut onboarding to a week.',
        'Hooli saves 3 hours a week.',
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.proofPoints[0]).toBe('Globex doubled its reply rate.');
  });

  it('the preview is exactly what is sent: first email with the own template, then a follow-up quoting it', async () => {
    const put = await n.api<Entry>('PUT', `${base}/templates/website/introduction`, {
      variants: [
        {
          subject: '{context|Our product} for {custom.industry_segment|your sector} teams',
          body: 'Hello {firstName},\n\nYou looked at {context}. Teams in {custom.industry_segment|your sector} like it.\n\n{additionalInformation}\n\nTalk soon?',
        },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.custom).toBe(true);
    const lead = await addLead(n, {
      email: 'preview@example.org',
      firstName: 'Pia',
      company: 'Initech',
      source: 'website',
      context: 'Widget Pro',
      additionalInformation: 'We ship in a day.',
      customFields: { 'Industry Segment': 'Logistics' },
    });
    const p0 = await n.api<Preview>('POST', `${base}/preview`, { leadId: lead.id, step: 0 });
    expect(p0.status, JSON.stringify(p0.body)).toBe(200);
    expect(p0.body).toMatchObject({
      subject: 'Widget Pro for Logistics teams',
      template: 'custom',
      angle: 'introduction',
    });
    const [first] = await sentEmails(n, lead.id);
    expect({ subject: first!.subject, text: first!.text }).toEqual({
      subject: p0.body.subject,
      text: p0.body.text,
    });
    expect(first!.text).toContain('Book a Meeting: https://cal.example/alex');
    expect(first!.text).toMatch(/\nPS: .+\n/);
    expect(await sentEvidence(n, lead.id, 0)).toMatchObject({
      composer: 'template',
      composerReason: 'no LLM configured',
      angle: 'introduction',
      template: 'custom',
    });

    // The timeline shows the scheduled follow-ups as they will go.
    const p2 = await n.api<Preview>('POST', `${base}/preview`, { leadId: lead.id, step: 2 });
    const scheduled = (await timeline(n, lead.id)).find((i) => i.kind === 'message' && i.step === 2)!;
    expect(scheduled).toMatchObject({ preview: true, subject: p2.body.subject, text: p2.body.text });

    await makeDueNow(n, lead.id, 1);
    const p1 = await n.api<Preview>('POST', `${base}/preview`, { leadId: lead.id, step: 1 });
    expect(p1.body.subject).toBe(`Re: ${first!.subject}`);
    expect(p1.body.text).toMatch(
      /\nOn \w{3}, \d{1,2} \w{3} \d{4}, Alex <alex@acme\.test> wrote:\n> Hello Pia,\n/,
    );
    const sent = await sentEmails(n, lead.id, 2);
    const second = sent.find((m) => m.id !== first!.id)!;
    expect({ subject: second.subject, text: second.text }).toEqual({
      subject: p1.body.subject,
      text: p1.body.text,
    });
    expect(second.text.match(/\nPS: (.+)\n/)![1]).not.toBe(first!.text.match(/\nPS: (.+)\n/)![1]);
    expect(await sentEvidence(n, lead.id, 1)).toMatchObject({ composer: 'template', angle: 'value' });

    const reset = await n.api<Entry>('DELETE', `${base}/templates/website/introduction`);
    expect(reset.body.custom).toBe(false);
    const again = await n.api<Preview>('POST', `${base}/preview`, { leadId: lead.id, step: 0 });
    expect(again.body.template).toBe('built_in');
  });

  it('previews typed-in lead fields, and an unsaved draft', async () => {
    const r = await n.api<Preview>('POST', `${base}/preview`, {
      source: 'event',
      step: 'introduction',
      lead: { firstName: 'Kim', company: 'Globex', context: 'Expo 2026' },
      template: {
        subject: 'See you after {context}',
        body: 'Hi {firstName},\n\nGreat to meet you at {context}.',
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ subject: 'See you after Expo 2026', template: 'draft', step: 0 });
    expect(r.body.text.startsWith('Hi Kim,\n\nGreat to meet you at Expo 2026.\n\nBest regards,')).toBe(true);
    const off = await n.api('PUT', `${base}/quote-first-email`, { quoteFirstEmail: false });
    expect(off.status).toBe(200);
    const followUp = await n.api<Preview>('POST', `${base}/preview`, { source: 'event', step: 3 });
    expect(followUp.body.text).not.toContain('wrote:');
    await n.api('PUT', `${base}/quote-first-email`, { quoteFirstEmail: true });
    const quoted = await n.api<Preview>('POST', `${base}/preview`, { source: 'event', step: 3 });
    expect(quoted.body.text).toContain('Alex <alex@acme.test> wrote:');
  });

  it('a lead named "Zoë Ñúñez 山田" arrives through SMTP with her name and words intact', async () => {
    const lead = await addLead(n, {
      email: 'zoe@example.org',
      firstName: 'Zoë',
      lastName: 'Ñúñez 山田',
      source: 'meeting',
      context: 'Café Größe',
    });
    const [m] = await sentEmails(n, lead.id);
    const detail = await n.api<{ raw: string }>('GET', `/api/v1/sandbox/messages/${m!.id}`);
    const head = detail.body.raw.slice(0, detail.body.raw.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/); // headers stay 7-bit: nodemailer encodes the name
    const parsed = await simpleParser(detail.body.raw);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { name: 'Zoë Ñúñez 山田', address: 'zoe@example.org' },
    ]);
    const [row] = await n.ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.leadId, lead.id), eq(messages.step, 0)));
    expect(parsed.subject).toBe(row!.subject);
    expect(parsed.text?.startsWith('Hi Zoë,\n\n')).toBe(true);
    expect(parsed.text).toContain('Café Größe');
  });

  it('hostile lead data cannot add headers or recipients', async () => {
    // The API and imports refuse a line break in a name (one-line fields); the composer must hold
    // on its own all the same (data stored before, other writers), so the lead goes in beneath them.
    const actor = { orgId: n.org.orgId, userId: n.org.userId, role: 'admin' as const };
    const lead = await addLeadDirectly(n.ctx, actor, {
      email: 'eve@example.org',
      firstName: 'Eve\r\nBcc: spy@evil.test',
      lastName: `Mallory ${'x'.repeat(90)}`,
      source: 'website',
      timeZone: 'Europe/Paris',
      context: 'Widgets\r\nBcc: spy2@evil.test\r\nX-Injected: yes',
    });
    const [m] = await sentEmails(n, lead.id);
    const detail = await n.api<{ raw: string; headers: Record<string, string> }>(
      'GET',
      `/api/v1/sandbox/messages/${m!.id}`,
    );
    const head = detail.body.raw.slice(0, detail.body.raw.indexOf('\r\n\r\n'));
    expect(head).not.toMatch(/^(bcc|x-injected):/im);
    const parsed = await simpleParser(detail.body.raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('x-injected')).toBe(false);
    const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : [];
    expect(to.map((a) => a.address)).toEqual(['eve@example.org']);
    expect(to[0]!.name.startsWith('Eve Bcc: spy@evil.test Mallory')).toBe(true);
    expect(to[0]!.name.length).toBeLessThanOrEqual(64);
    expect(parsed.subject).not.toMatch(/[\r\n]/);
  });
});

describe('an LLM writes the emails; the templates catch every failure', () => {
  let n: N;
  let chat: Awaited<ReturnType<typeof startChatCompletionsServer>>;
  const good = (name: string) => ({
    subject: 'A thought for Initech',
    body: `Hi ${name},\n\nThanks for coming by our stand at Expo. We help teams like Initech onboard new people in half the time.\n\nWould a short call next week work?`,
  });
  beforeAll(async () => {
    chat = await startChatCompletionsServer((req) => {
      const name = String(req.input.lead.firstName);
      // Never in time: the answer would come long after the writer gave up.
      if (name === 'Slow') return { content: JSON.stringify(good(name)), delayMs: 120_000 };
      if (name === 'Garbage') return { content: 'Sure! Here is an email: lorem ipsum' };
      if (name === 'Placeholder')
        return {
          content: JSON.stringify({ ...good(name), body: `${good(name).body}\n\n[Your Name], {company}` }),
        };
      return { content: JSON.stringify(good(name)) };
    });
    n = await startTestNurture({
      LLM_BASE_URL: chat.baseUrl,
      LLM_MODEL: 'test-model',
      // Generous for a busy machine (a good answer is on time even when another suite runs beside
      // this one), and still far from the slow answer's two minutes.
      LLM_TIMEOUT_MS: '20000',
    });
  });
  afterAll(async () => {
    await n?.close();
    await chat?.close();
  });

  it('a good answer is sent, and the follow-up keeps its subject and quotes it', async () => {
    const lead = await addLead(n, {
      email: 'good@example.org',
      firstName: 'Good',
      company: 'Initech',
      source: 'event',
      context: 'Expo',
    });
    const [first] = await sentEmails(n, lead.id);
    expect(first!.subject).toBe('A thought for Initech');
    expect(first!.text.startsWith(good('Good').body)).toBe(true);
    expect(first!.text).toContain('Best regards,\nAlex\nSales Assistant, Acme');
    expect(first!.text).toMatch(/Unsubscribe: http:\/\/\S+\/u\/\S+\n?$/);
    expect(await sentEvidence(n, lead.id, 0)).toMatchObject({
      composer: 'llm',
      composerReason: 'written by test-model',
    });
    expect(chat.requests.at(-1)!.input).toMatchObject({
      source: 'event',
      lead: { firstName: 'Good', context: 'Expo' },
    });

    await makeDueNow(n, lead.id, 1);
    const both = await sentEmails(n, lead.id, 2);
    const second = both.find((m) => m.id !== first!.id)!;
    expect(second.subject).toBe('Re: A thought for Initech');
    expect(second.text).toContain('> Thanks for coming by our stand at Expo.');
    expect(await sentEvidence(n, lead.id, 1)).toMatchObject({ composer: 'llm', angle: 'value' });
  });

  for (const [who, reason] of [
    ['Slow', /did not answer within 20000 ms/],
    ['Garbage', /neither JSON/],
    ['Placeholder', /placeholder/],
  ] as const)
    it(`${who.toLowerCase()} answer: the template is sent instead, and the timeline says why`, async () => {
      const lead = await addLead(n, {
        email: `${who.toLowerCase()}@example.org`,
        firstName: who,
        company: 'Initech',
        source: 'event',
        context: 'Expo',
      });
      const [m] = await sentEmails(n, lead.id);
      expect(m!.text.startsWith(`Hi ${who},\n\n`)).toBe(true);
      expect(m!.text).not.toContain('Thanks for coming by our stand');
      expect(m!.text).not.toContain('[Your Name]');
      const evidence = await sentEvidence(n, lead.id, 0);
      expect(evidence).toMatchObject({ composer: 'template', angle: 'introduction' });
      expect(String(evidence!.composerReason)).toMatch(reason);
      const preview = await n.api<Preview>('POST', `/api/v1/assistants/${n.org.assistantId}/preview`, {
        leadId: lead.id,
        step: 0,
      });
      expect(m!.subject).toBe(preview.body.subject);
    });
});
