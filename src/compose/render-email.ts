import { builtInVariants } from './built-in-templates.ts';
import { clean, clip, fillBody, fillLine, oneLine, type Values } from './placeholders.ts';
import {
  type Angle,
  angleOf,
  asSource,
  type Source,
  type TemplateOverrides,
  type TemplateVariant,
  templateKey,
} from './templates.ts';

/** The lead fields the composer reads (a lead row fits). */
export type LeadFields = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  industry: string | null;
  country: string | null;
  source: string;
  context: string;
  additionalInformation: string;
  customFields: Record<string, string>;
  timeZone: string | null;
};

/** The assistant fields the composer reads (an assistant row fits). */
export type AssistantFields = {
  name: string;
  email: string;
  signature: string;
  calendarUrl: string | null;
  brochureUrl: string | null;
  proofPoints: string[];
  quoteFirstEmail: boolean;
};

/**
 * The sequence's first email as it was sent: its subject threads the follow-ups, its text is quoted.
 * `by`: who wrote it, when not the assistant (a user's email that started an EmailCC lead).
 */
export type FirstEmail = { subject: string; text: string; at: Date | null; by?: string | null };

export type RenderInput = {
  lead: LeadFields;
  assistant: AssistantFields;
  /** The step of the schedule (0-based, as messages.step). */
  step: number;
  /** The step of the sequence's first email (the thread root): 1 for EmailCC leads. */
  firstStep: number;
  scheduleLength: number | null;
  /** This email starts the thread (no In-Reply-To): it sets the subject. */
  isFirst: boolean;
  firstEmail: FirstEmail | null;
  overrides: TemplateOverrides;
  unsubscribeUrl: string;
  /** Force a variant (previews); otherwise chosen from the lead id. */
  variant?: number;
};

/** The parts a writer (template or LLM) fills; the rest of the email is ours. */
export type Draft = {
  subject: string;
  /** Greeting and text, before the sign-off. */
  body: string;
  ps: string | null;
  angle: Angle;
  variant: number;
  template: 'built_in' | 'custom';
  proofPoint: number | null;
};

export type Rendered = Draft & { text: string };

/** Limits that keep emails short and headers sane whatever the lead data. */
export const limits = { subject: 100, body: 900, displayName: 64 } as const;
export const footerLead = "Don't want to hear from me again? Unsubscribe: ";
const footerMarker = `\n--\n${footerLead}`;

/** Render one email of a lead's sequence from the templates. Pure and deterministic. */
export function renderEmail(input: RenderInput): Rendered {
  const draft = draftEmail(input);
  return { ...draft, text: assembleText(input, draft) };
}

/** Choose and fill the template for this step; subject, body and PS. */
export function draftEmail(input: RenderInput): Draft {
  const { lead, step } = input;
  const source = asSource(lead.source);
  const values = valuesFor(input);
  const { angle, round } = angleOf(step, input.scheduleLength);
  const { variants, template } = variantsFor(input, source, angle);
  const variant = input.variant ?? (hash32(`${lead.id}:${angle}`) + round) % variants.length;
  const chosen = variants[variant % variants.length]!;
  const body = fillBody(chosen.body, values);
  const proof = proofPointFor(input);
  // The first email's subject goes with its opening (variant pairs are written together).
  const introIndex = angle === 'introduction' ? variant : hash32(`${lead.id}:introduction`);
  return {
    subject: subjectFor(input, source, values, introIndex),
    body,
    ps: proof?.text ?? null,
    angle,
    variant: variant % variants.length,
    template,
    proofPoint: proof?.index ?? null,
  };
}

/**
 * The whole text: body, sign-off with signature (and Book a Meeting), the PS,
 * the first email quoted under a follow-up, and the unsubscribe line. Written
 * by us around whatever wrote the body, so neither a template nor an LLM can
 * drop the signature or the unsubscribe link.
 */
export function assembleText(input: RenderInput, draft: Pick<Draft, 'body' | 'ps'>): string {
  const parts = [draft.body.trim(), signOff(input.assistant)];
  if (draft.ps) parts.push(`PS: ${draft.ps}`);
  const quote = input.isFirst || !input.assistant.quoteFirstEmail ? null : quoteOfFirst(input);
  if (quote) parts.push(quote);
  return `${parts.join('\n\n')}\n\n--\n${footerLead}${input.unsubscribeUrl}\n`;
}

/** The assistant's sign-off: signature (or name), and Book a Meeting when a calendar is set. */
export function signOff(assistant: Pick<AssistantFields, 'name' | 'signature' | 'calendarUrl'>): string {
  const signature = clean(assistant.signature, { multiline: true }) || clean(assistant.name);
  const closes = /^(best|kind|warm|many thanks|thanks|thank you|cheers|regards|sincerely|all the best)\b/i;
  const lines = [closes.test(signature) ? signature : `Best regards,\n${signature}`];
  if (assistant.calendarUrl?.trim()) lines.push(`Book a Meeting: ${oneLine(assistant.calendarUrl)}`);
  return lines.join('\n');
}

/** A display name for From or To: one line, bounded, cut at a word. */
export const headerName = (name: string): string => clip(oneLine(name), limits.displayName);

/** The lead's name for the To header. */
export const displayName = (lead: Pick<LeadFields, 'firstName' | 'lastName'>): string =>
  headerName([lead.firstName, lead.lastName].filter(Boolean).join(' '));

/** A subject as it may go into a header. */
export const headerSafe = (s: string): string => clip(oneLine(s), limits.subject);

function subjectFor(input: RenderInput, source: Source, values: Values, introIndex: number): string {
  const thread =
    input.firstEmail?.subject.replace(/^(re:\s*)+/i, '') ||
    (() => {
      const { variants } = variantsFor(input, source, 'introduction');
      const i = introIndex % variants.length;
      const own = variants[i]!.subject;
      const builtIn = builtInVariants(source, 'introduction');
      return fillLine(own ?? builtIn[i % builtIn.length]!.subject!, values);
    })();
  const subject = headerSafe(thread) || 'Following up';
  return input.isFirst ? subject : headerSafe(`Re: ${subject}`);
}

function variantsFor(
  input: RenderInput,
  source: Source,
  angle: Angle,
): { variants: readonly TemplateVariant[]; template: 'built_in' | 'custom' } {
  const own = input.overrides.get(templateKey(source, angle));
  if (own?.length) return { variants: own, template: 'custom' };
  const hasBrochure = Boolean(input.assistant.brochureUrl?.trim());
  return { variants: builtInVariants(source, angle, { hasBrochure }), template: 'built_in' };
}

/**
 * One proof point per email, rotating from a lead-chosen start, so no two
 * emails of a sequence carry the same one; emails beyond the list get none.
 */
function proofPointFor(input: RenderInput): { index: number; text: string } | null {
  const points = input.assistant.proofPoints
    .map((p) => clean(p).replace(/^p\.?s\.?\s*[:-]?\s*/i, ''))
    .filter(Boolean);
  const nth = input.step - input.firstStep;
  if (!points.length || nth < 0 || nth >= points.length) return null;
  const index = (hash32(`${input.lead.id}:proof`) + nth) % points.length;
  return { index, text: points[index]! };
}

function quoteOfFirst(input: RenderInput): string | null {
  const first =
    input.firstEmail ??
    (() => {
      const r = renderEmail({
        ...input,
        step: input.firstStep,
        isFirst: true,
        firstEmail: null,
        variant: undefined,
      });
      return { subject: r.subject, text: r.text, at: null, by: null };
    })();
  const end = first.text.indexOf(footerMarker);
  const body = (end >= 0 ? first.text.slice(0, end) : first.text).trim();
  if (!body) return null;
  const who = first.by ? oneLine(first.by) : `${oneLine(input.assistant.name)} <${input.assistant.email}>`;
  const head = first.at ? `On ${formatDate(first.at, input.lead.timeZone)}, ${who} wrote:` : `${who} wrote:`;
  return `${head}\n${body
    .split('\n')
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n')}`;
}

// Building a formatter costs far more than using one: one per zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon, 30 Nov 2026" in the lead's zone, as a mail client would head a quote. */
function formatDate(at: Date, zone: string | null): string {
  const tz = zone ?? 'UTC';
  let format = dateFormats.get(tz);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone: tz,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      });
    } catch {
      return formatDate(at, 'UTC');
    }
    dateFormats.set(tz, format);
  }
  const parts = format.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('weekday')}, ${get('day')} ${get('month')} ${get('year')}`;
}

const normKey = (k: string): string =>
  k
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** The values placeholders read: lead data cleaned and bounded. */
export function valuesFor(input: Pick<RenderInput, 'lead' | 'assistant'>): Values {
  const { lead, assistant } = input;
  const line = (s: string | null | undefined, max: number) => clip(clean(s ?? ''), max);
  // Computed when a template asks: most use a few of these.
  const fields: Record<string, () => string> = {
    firstName: () => line(lead.firstName, 40),
    lastName: () => line(lead.lastName, 40),
    fullName: () => [line(lead.firstName, 40), line(lead.lastName, 40)].filter(Boolean).join(' '),
    company: () => line(lead.company, 80),
    title: () => line(lead.title, 80),
    industry: () => line(lead.industry, 60),
    country: () => line(lead.country, 60),
    context: () => line(lead.context, 120),
    additionalInformation: () => clip(clean(lead.additionalInformation ?? '', { multiline: true }), 400),
    assistantName: () => line(assistant.name, 80),
    brochureUrl: () => oneLine(assistant.brochureUrl ?? ''),
    calendarUrl: () => oneLine(assistant.calendarUrl ?? ''),
  };
  const done = new Map<string, string>();
  const custom = lead.customFields ?? {};
  return {
    get(name) {
      if (!name.startsWith('custom.')) {
        const known = done.get(name);
        if (known !== undefined || !fields[name]) return known;
        const v = fields[name]();
        done.set(name, v);
        return v;
      }
      const key = name.slice('custom.'.length);
      const hit =
        custom[key] ?? Object.entries(custom).find(([k]) => normKey(k) === normKey(key))?.[1] ?? undefined;
      return hit === undefined ? undefined : line(hit, 200);
    },
  };
}

/**
 * A stable number from a string (FNV-1a, then mixed so nearby ids spread):
 * the same lead always gets the same variants. Not for security.
 */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
