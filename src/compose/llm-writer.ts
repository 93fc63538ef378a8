import type { Config } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';
import { checkWritten, parseAnswer } from './llm-output.ts';
import type { Angle } from './templates.ts';

/**
 * What a writer gets: the same fields the templates read, the angle of the
 * step, and the template's own draft as a guide to length and tone.
 */
export type WriteInput = {
  source: string;
  angle: Angle;
  step: number;
  isFirst: boolean;
  lead: {
    firstName: string;
    lastName: string;
    company: string;
    title: string;
    industry: string;
    country: string;
    context: string;
    additionalInformation: string;
    customFields: Record<string, string>;
  };
  assistant: { name: string; brochureUrl: string | null; calendarUrl: string | null };
  /** The thread's subject (follow-ups keep it with "Re:"). */
  threadSubject: string;
  draft: { subject: string; body: string };
};

/** The narrow edge to whatever writes email text. Its answer is checked before use. */
export type EmailWriter = {
  readonly model: string;
  write(input: WriteInput): Promise<{ subject: string; text: string }>;
};

const sourceMeaning: Record<string, string> = {
  event: 'met at, or registered for, an event; context is the event name',
  website: 'showed interest on our website; context is the product they looked at',
  upsell: 'an existing customer; context is the new offering',
  meeting: 'met in person; context is what was discussed',
  phone_meeting: 'spoke on the phone; context is what was discussed',
  emailcc: 'a colleague emailed them and copied the assistant; this continues that conversation',
  import: 'from an uploaded list; context is the offering',
  api: 'from the CRM; context is the offering',
  reference:
    'referred to us by someone they know; customFields.referred_by (when present) names who referred them, context is what they were referred about',
  linkedin: 'showed interest on LinkedIn; context is what they engaged with there',
  facebook: 'showed interest on Facebook; context is what they engaged with there',
  twitter: 'showed interest on X (Twitter); context is what they engaged with there',
};

const angleMeaning: Record<Angle, string> = {
  introduction: 'the first email: introduce, refer to where the lead comes from, ask for a short call',
  value: 'a follow-up on the value for their company, using the additional information',
  proof: 'a follow-up on how similar teams benefited, without inventing names or numbers',
  brochure:
    'a follow-up offering the overview at the brochure link (or offering to send one if there is none)',
  question: 'a follow-up asking one simple question that is easy to answer',
  last_try: 'the last email of the sequence: a polite close that leaves the door open',
};

function prompt(input: WriteInput): { role: 'system' | 'user'; content: string }[] {
  const links = [input.assistant.brochureUrl, input.assistant.calendarUrl].filter(Boolean);
  const system = [
    `You write one short plain-text sales email for ${input.assistant.name}, a sales assistant.`,
    'Rules:',
    '- Plain text, no markdown, no HTML, at most 120 words.',
    '- Start with a greeting using the lead\'s first name ("Hi there," without one).',
    '- Do not invent facts, numbers, customers or links.',
    links.length ? `- The only links you may use: ${links.join(', ')}.` : '- Do not include any link.',
    '- No placeholders such as [Name] or {company}: write finished text.',
    '- No sign-off, signature, PS or unsubscribe line: they are added automatically.',
    `- This email is ${angleMeaning[input.angle]}.`,
    input.isFirst
      ? '- Write a short subject line (under 70 characters).'
      : `- It is a follow-up in the thread "${input.threadSubject}": keep that subject.`,
    'Answer with JSON only: {"subject": "...", "body": "..."}',
  ].join('\n');
  const user = JSON.stringify({
    source: input.source,
    sourceMeaning: sourceMeaning[input.source] ?? 'a lead',
    lead: input.lead,
    step: input.step + 1,
    templateDraft: input.draft,
  });
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/**
 * An OpenAI-compatible chat-completions writer (OpenAI, Ollama, vLLM,
 * llama.cpp, …). Asks for JSON but also reads a "Subject:" text answer, since
 * not every server honours JSON mode. The whole call, body included, is
 * bounded by `timeoutMs`; every failure is an AppError whose message says why.
 */
export function createOpenAiWriter(opts: {
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  timeoutMs: number;
}): EmailWriter {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const url = base.endsWith('/chat/completions') ? base : `${base}/chat/completions`;
  return {
    model: opts.model,
    async write(input) {
      let content: unknown;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
          },
          body: JSON.stringify({
            model: opts.model,
            messages: prompt(input),
            temperature: 0.7,
            max_tokens: 600,
            response_format: { type: 'json_object' },
          }),
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        const raw = await res.text();
        if (!res.ok)
          throw new AppError('UNAVAILABLE', `the LLM answered HTTP ${res.status}: ${raw.slice(0, 200)}`);
        const json = JSON.parse(raw) as { choices?: { message?: { content?: unknown } }[] };
        content = json.choices?.[0]?.message?.content;
      } catch (e) {
        throw asWriterError(e, opts.timeoutMs);
      }
      if (typeof content !== 'string')
        throw new AppError('UNAVAILABLE', 'the LLM answer has no choices[0].message.content');
      const parsed = parseAnswer(content);
      if (!parsed)
        throw new AppError(
          'VALIDATION',
          'the LLM answer is neither JSON {subject, body} nor "Subject:" text',
        );
      const checked = checkWritten(parsed, {
        isFirst: input.isFirst,
        allowedUrls: [input.assistant.brochureUrl ?? '', input.assistant.calendarUrl ?? ''],
      });
      if (!checked.ok) throw new AppError('VALIDATION', `the LLM answer was refused: ${checked.reason}`);
      return { subject: checked.written.subject, text: checked.written.body };
    },
  };
}

function asWriterError(e: unknown, timeoutMs: number): AppError {
  if (e instanceof AppError) return e;
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return new AppError('UNAVAILABLE', `the LLM did not answer within ${timeoutMs} ms`, {
      details: { timeout: true },
    });
  if (e instanceof SyntaxError) return new AppError('UNAVAILABLE', 'the LLM answer is not JSON');
  const why = err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
  return new AppError('UNAVAILABLE', `the LLM is unreachable (${why})`);
}

const writers = new WeakMap<Config, EmailWriter | null>();

/** The configured writer, or null when LLM_BASE_URL is unset (one per configuration). */
export function writerFromConfig(config: Config): EmailWriter | null {
  let w = writers.get(config);
  if (w === undefined) {
    w = config.LLM_BASE_URL
      ? createOpenAiWriter({
          baseUrl: config.LLM_BASE_URL,
          apiKey: config.LLM_API_KEY,
          model: config.LLM_MODEL,
          timeoutMs: config.LLM_TIMEOUT_MS,
        })
      : null;
    writers.set(config, w);
  }
  return w;
}
