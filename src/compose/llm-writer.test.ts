import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatAnswer, startChatCompletionsServer } from '../../test/helpers/chat-completions-server.ts';
import { loadConfig } from '../config/config.ts';
import type { Ctx } from '../platform/context.ts';
import { createLogger } from '../platform/logger.ts';
import { checkWritten, parseAnswer } from './llm-output.ts';
import { createOpenAiWriter } from './llm-writer.ts';
import { footerLead, type RenderInput, renderEmail } from './render-email.ts';
import { type ComposeCandidate, composeForSend, composeWithWriter } from './sequence-composer.ts';

// The LLM is the one thing stood in for: a real HTTP server speaking the
// chat-completions protocol, answering by the lead's first name.
const good = {
  subject: 'A thought for Initech',
  body: 'Hi Good,\n\nThanks for coming by our stand at Expo. We help teams like Initech onboard new people in half the time.\n\nWould a short call next week work?',
};
const answers: Record<string, ChatAnswer> = {
  Good: { content: JSON.stringify(good) },
  Plain: { content: `Subject: Plain subject\n\n${good.body.replace('Good', 'Plain')}` },
  Signed: { content: JSON.stringify({ ...good, body: `${good.body}\n\nBest regards,\nAlex` }) },
  // Far later than any writer here waits: a writer that waited for it would take a minute.
  Slow: { content: JSON.stringify(good), delayMs: 60_000 },
  Garbage: { content: 'As an AI model I would be happy to help!!!' },
  Placeholder: {
    content: JSON.stringify({ ...good, body: `${good.body}\n\nCheers from [Your Name] at {company}` }),
  },
  Linky: { content: JSON.stringify({ ...good, body: `${good.body} See https://evil.example/x.` }) },
  Broken: { status: 500, raw: '{"error":{"message":"model overloaded"}}' },
  Empty: { raw: '{"choices":[]}' },
};
let chat: Awaited<ReturnType<typeof startChatCompletionsServer>>;
beforeAll(async () => {
  chat = await startChatCompletionsServer(
    (req) => answers[String(req.input.lead.firstName)] ?? { content: JSON.stringify(good) },
  );
});
afterAll(async () => chat?.close());

const assistant = {
  name: 'Alex',
  email: 'alex@acme.test',
  signature: 'Alex Smith\nAcme Corp',
  calendarUrl: 'https://cal.example/alex',
  brochureUrl: null,
  proofPoints: ['Globex doubled its replies.'],
  quoteFirstEmail: true,
};
const input = (firstName: string, over: Partial<RenderInput> = {}): RenderInput => ({
  lead: {
    id: `lead-${firstName}`,
    firstName,
    lastName: null,
    company: 'Initech',
    title: null,
    industry: null,
    country: null,
    source: 'event',
    context: 'Expo',
    additionalInformation: '',
    customFields: { Segment: 'B2B' },
    timeZone: 'UTC',
  },
  assistant,
  step: 0,
  firstStep: 0,
  scheduleLength: 7,
  isFirst: true,
  firstEmail: null,
  overrides: new Map(),
  unsubscribeUrl: 'https://n.example/u/tok',
  ...over,
});
// An answer on time even on a busy machine (the server runs in this process); the slow one never is.
const writer = (timeoutMs = 10_000) =>
  createOpenAiWriter({ baseUrl: chat.baseUrl, apiKey: 'sk-test', model: 'test-model', timeoutMs });
const slowTimeoutMs = 300;

describe('the LLM writer against a chat-completions server', () => {
  it('uses a good answer, framed by our signature, PS and unsubscribe line', async () => {
    const r = await composeWithWriter(writer(), input('Good'));
    expect(r.evidence).toMatchObject({ composer: 'llm', composerReason: 'written by test-model' });
    expect(r.subject).toBe('A thought for Initech');
    expect(r.text.startsWith(good.body)).toBe(true);
    expect(r.text).toContain(
      'Best regards,\nAlex Smith\nAcme Corp\nBook a Meeting: https://cal.example/alex',
    );
    expect(r.text).toContain('\nPS: Globex doubled its replies.\n');
    expect(r.text.endsWith(`${footerLead}https://n.example/u/tok\n`)).toBe(true);
    const req = chat.requests.at(-1)!;
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(req.body.model).toBe('test-model');
    expect(req.body.response_format).toEqual({ type: 'json_object' });
    expect(req.input.lead).toMatchObject({ firstName: 'Good', company: 'Initech', context: 'Expo' });
    expect(req.input.lead.customFields).toEqual({ Segment: 'B2B' });
    expect(req.input.templateDraft.body).toBe(renderEmail(input('Good')).body);
  });

  it('reads a plain "Subject:" answer, and cuts a sign-off it added itself', async () => {
    const plain = await composeWithWriter(writer(), input('Plain'));
    expect(plain.evidence.composer).toBe('llm');
    expect(plain.subject).toBe('Plain subject');
    const signed = await composeWithWriter(writer(), input('Signed'));
    expect(signed.evidence.composer).toBe('llm');
    expect(signed.text.split('Best regards,')).toHaveLength(2);
  });

  it('keeps the thread subject on a follow-up whatever the LLM suggests', async () => {
    const r = await composeWithWriter(
      writer(),
      input('Good', {
        step: 2,
        isFirst: false,
        firstEmail: { subject: 'Earlier subject', text: 'Hi,\n\nFirst.\n', at: null },
      }),
    );
    expect(r.evidence.composer).toBe('llm');
    expect(r.subject).toBe('Re: Earlier subject');
    expect(r.text).toContain('Alex <alex@acme.test> wrote:\n> Hi,');
  });

  const fallbacks: [string, RegExp][] = [
    ['Slow', /LLM not used: the LLM did not answer within 300 ms/],
    ['Garbage', /neither JSON \{subject, body\} nor "Subject:" text/],
    ['Placeholder', /refused: the body contains a placeholder/],
    ['Linky', /refused: it links to https:\/\/evil.example\/x/],
    ['Broken', /HTTP 500: .*model overloaded/],
    ['Empty', /no choices\[0\]\.message\.content/],
  ];
  for (const [who, reason] of fallbacks)
    it(`falls back to the template when the answer is ${who.toLowerCase()}, saying why`, async () => {
      const started = Date.now();
      const r = await composeWithWriter(writer(who === 'Slow' ? slowTimeoutMs : undefined), input(who));
      // Gave up at its timeout (or at once), never waited for the minute-late answer.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(r.evidence.composer).toBe('template');
      expect(String(r.evidence.composerReason)).toMatch(reason);
      const template = renderEmail(input(who));
      expect({ subject: r.subject, text: r.text }).toEqual({
        subject: template.subject,
        text: template.text,
      });
    });

  it('falls back when the endpoint is unreachable', async () => {
    const w = createOpenAiWriter({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 1000 });
    const r = await composeWithWriter(w, input('Good'));
    expect(r.evidence.composer).toBe('template');
    expect(String(r.evidence.composerReason)).toMatch(/unreachable/);
  });

  it('a hung provider costs one timeout per round: the rest of the round goes by template', async () => {
    const ctx = {
      config: loadConfig({ LLM_BASE_URL: chat.baseUrl, LLM_TIMEOUT_MS: '300' }),
      log: createLogger('silent'),
    } as unknown as Ctx;
    const items = Array.from({ length: 12 }, (_, i) => ({
      lead: { ...input('Slow').lead, id: `slow-${i}`, planBaseStep: 0 },
      assistant: { ...assistant, id: 'a1' },
      message: { id: `m${i}`, step: 0, inReplyTo: null, kind: 'sequence' },
      unsubscribeUrl: 'https://n.example/u/tok',
    })) as unknown as (ComposeCandidate & { unsubscribeUrl: string })[];
    const started = Date.now();
    const out = await composeForSend(
      ctx,
      { overrides: new Map(), schedules: new Map(), threadRoots: new Map() },
      items,
    );
    // Never waited for the minute-late answers; the reasons show the round gave up after the first timeouts.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out.every((o) => o.evidence.composer === 'template')).toBe(true);
    const reasons = out.map((o) => String(o.evidence.composerReason));
    expect(reasons.filter((r) => r.includes('did not answer within 300 ms'))).toHaveLength(8);
    expect(reasons.filter((r) => r.includes('an earlier call in this round timed out'))).toHaveLength(4);
  });
});

describe('checking what the LLM wrote', () => {
  const ok = (body: string, subject = 'Hello there') =>
    checkWritten({ subject, body }, { isFirst: true, allowedUrls: ['https://acme.test/deck.pdf'] });
  const body = 'Hi Jane,\n\nA perfectly reasonable short email body that says something useful.';

  it('accepts plain short text, with the links it was given', () => {
    expect(ok(body).ok).toBe(true);
    expect(ok(`${body} Deck: https://acme.test/deck.pdf.`).ok).toBe(true);
  });

  it.each([
    ['a multi-line subject', ok(body, 'Hello\r\nBcc: x@y.z')],
    ['a missing subject', ok(body, '  ')],
    ['a long body', ok(body.repeat(20))],
    ['a placeholder', ok(`${body} {firstName}`)],
    ['HTML', ok(`${body} <b>bold</b>`)],
    ['its own unsubscribe line', ok(`${body}\nUnsubscribe here.`)],
    ['its own PS', ok(`${body}\n\nP.S. We are great.`)],
    ['control characters', ok(`${body}\u0007`)],
  ])('refuses %s', (_, r) => {
    expect(r.ok).toBe(false);
  });

  it('parses JSON, fenced JSON and "Subject:" text', () => {
    expect(parseAnswer('{"subject":"S","body":"B"}')).toEqual({ subject: 'S', body: 'B' });
    expect(parseAnswer('```json\n{"subject":"S","text":"B"}\n```')).toEqual({ subject: 'S', body: 'B' });
    expect(parseAnswer('Subject: S\n\nB')).toEqual({ subject: 'S', body: '\nB' });
    expect(parseAnswer('nonsense')).toBeNull();
  });
});
