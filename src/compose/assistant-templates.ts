import { and, asc, eq } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { getAssistantRow } from '../assistants/assistant-queries.ts';
import { assistants, assistantTemplates } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { builtInVariants } from './built-in-templates.ts';
import { checkTemplate, findPlaceholders, oneLine, variableNames } from './placeholders.ts';
import { type Angle, angles, type Source, sources, type TemplateVariant } from './templates.ts';

/** One source × angle as the editor shows it: the variants in use, and whether they are the assistant's own. */
export type TemplateEntry = {
  source: Source;
  step: Angle;
  custom: boolean;
  updatedAt: Date | null;
  variants: (TemplateVariant & { variant: number })[];
  /** The built-in wording, always, so an editor can show it beside the assistant's own. */
  builtIn: (TemplateVariant & { variant: number })[];
};

/** Every placeholder a template may use (plus `{custom.<column>}` for an import's extra columns). */
export const placeholderList = [...variableNames.map((n) => `{${n}}`), '{custom.<column>}'];

const limits = { variants: 10, body: 2000, subject: 150, proofPoints: 20, proofPoint: 280 } as const;

/**
 * The assistant's templates for every source and angle: its own where it has
 * them, the built-ins elsewhere, marked which. Any user of the org may read them.
 */
export async function listTemplates(ctx: Ctx, actor: Actor, assistantId: string): Promise<TemplateEntry[]> {
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  const rows = await ctx.db
    .select()
    .from(assistantTemplates)
    .where(eq(assistantTemplates.assistantId, assistant.id))
    .orderBy(asc(assistantTemplates.variant));
  return sources.flatMap((source) =>
    angles.map((step) =>
      entryOf(
        source,
        step,
        rows.filter((r) => r.source === source && r.step === step),
      ),
    ),
  );
}

function entryOf(
  source: Source,
  step: Angle,
  own: { subject: string | null; body: string; updatedAt: Date }[],
): TemplateEntry {
  const numbered = (vs: readonly TemplateVariant[]) =>
    vs.map((v, variant) => ({ variant, subject: v.subject, body: v.body }));
  const builtIn = builtInVariants(source, step);
  return {
    source,
    step,
    custom: own.length > 0,
    updatedAt: own.length ? new Date(Math.max(...own.map((o) => o.updatedAt.getTime()))) : null,
    variants: numbered(own.length ? own : builtIn),
    builtIn: numbered(builtIn),
  };
}

/**
 * Replace the variants of one source × angle with the assistant's own
 * (admins). Refused, naming the field and every unknown placeholder, when a
 * variant could leave something unfilled.
 */
export async function saveTemplate(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  source: Source,
  step: Angle,
  input: { subject?: string | null | undefined; body: string }[],
): Promise<TemplateEntry> {
  requireAdmin(actor, "change an assistant's templates");
  const variants = validateVariants(step, input);
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(assistantTemplates).where(pairOf(assistant.id, source, step));
    await tx.insert(assistantTemplates).values(
      variants.map((v, variant) => ({
        assistantId: assistant.id,
        source,
        step,
        variant,
        subject: v.subject,
        body: v.body,
        updatedAt: now,
      })),
    );
  });
  ctx.log.info('assistant template saved', { assistantId, source, step, variants: variants.length });
  return entryOf(
    source,
    step,
    variants.map((v) => ({ ...v, updatedAt: now })),
  );
}

/** Back to the built-in wording for one source × angle (admins). */
export async function resetTemplate(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  source: Source,
  step: Angle,
): Promise<TemplateEntry> {
  requireAdmin(actor, "change an assistant's templates");
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  await ctx.db.delete(assistantTemplates).where(pairOf(assistant.id, source, step));
  return entryOf(source, step, []);
}

const pairOf = (assistantId: string, source: Source, step: Angle) =>
  and(
    eq(assistantTemplates.assistantId, assistantId),
    eq(assistantTemplates.source, source),
    eq(assistantTemplates.step, step),
  );

/**
 * The rules for a set of variants, here rather than only in the HTTP schema
 * so every caller (and the preview's unsaved draft) gets them.
 */
export function validateVariants(
  step: Angle,
  input: { subject?: string | null | undefined; body: string }[],
  field = 'variants',
): TemplateVariant[] {
  if (!input.length || input.length > limits.variants)
    throw new AppError('VALIDATION', `${field}: 1 to ${limits.variants} variants`, { field });
  const problems: { field: string; message: string; unknown: string[] }[] = [];
  const out = input.map((v, i) => {
    const body = v.body.replace(/\r\n?/g, '\n').trim();
    const subject = v.subject == null ? null : v.subject.trim();
    const at = (part: string) =>
      input.length === 1 && field !== 'variants' ? `${field}.${part}` : `${field}.${i}.${part}`;
    if (!body || body.length > limits.body)
      problems.push({ field: at('body'), message: `1 to ${limits.body} characters`, unknown: [] });
    if (step === 'introduction') {
      if (!subject)
        problems.push({ field: at('subject'), message: 'the introduction needs a subject', unknown: [] });
      else if (subject.length > limits.subject || /[\r\n]/.test(subject))
        problems.push({
          field: at('subject'),
          message: `one line of at most ${limits.subject} characters`,
          unknown: [],
        });
    } else if (subject)
      problems.push({
        field: at('subject'),
        message: 'only the introduction has a subject; follow-ups answer it with "Re:"',
        unknown: [],
      });
    for (const [part, text] of [
      ['subject', subject ?? ''],
      ['body', body],
    ] as const) {
      const found = checkTemplate(text);
      if (!found.length) continue;
      const unknown = found.filter((p) => p.kind === 'unknown').map((p) => p.text);
      const other = found.filter((p) => p.kind !== 'unknown').map((p) => p.text);
      const message = [
        unknown.length ? `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
        other.length ? `not a placeholder: ${other.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      problems.push({ field: at(part), message, unknown });
    }
    return { subject: step === 'introduction' ? subject : null, body };
  });
  if (problems.length)
    throw new AppError(
      'VALIDATION',
      `${problems.map((p) => `${p.field}: ${p.message}`).join('; ')} (placeholders: ${placeholderList.join(', ')}; a default goes after "|", e.g. {custom.segment|your sector})`,
      {
        field: problems[0]!.field,
        details: {
          issues: problems.map(({ field: f, message }) => ({ field: f, message })),
          unknownPlaceholders: [...new Set(problems.flatMap((p) => p.unknown))],
        },
      },
    );
  return out;
}

/** The assistant's proof points, in the order they rotate through (admins). */
export async function setProofPoints(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  input: string[],
): Promise<{ proofPoints: string[] }> {
  requireAdmin(actor, "change an assistant's templates");
  if (input.length > limits.proofPoints)
    throw new AppError('VALIDATION', `proofPoints: at most ${limits.proofPoints}`, { field: 'proofPoints' });
  const points = input.map((p, i) => {
    const text = oneLine(p).replace(/^p\.?s\.?\s*[:-]?\s*/i, '');
    const field = `proofPoints.${i}`;
    if (!text || text.length > limits.proofPoint)
      throw new AppError('VALIDATION', `${field}: 1 to ${limits.proofPoint} characters on one line`, {
        field,
      });
    const ph = findPlaceholders(text);
    if (ph.length)
      throw new AppError(
        'VALIDATION',
        `${field}: proof points are sent as written: no placeholders (${ph[0]})`,
        {
          field,
        },
      );
    return text;
  });
  if (new Set(points.map((p) => p.toLowerCase())).size !== points.length)
    throw new AppError(
      'VALIDATION',
      'proofPoints: each one only once (a lead never gets the same one twice)',
      {
        field: 'proofPoints',
      },
    );
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  await ctx.db.update(assistants).set({ proofPoints: points }).where(eq(assistants.id, assistant.id));
  return { proofPoints: points };
}

/** Whether follow-ups quote the first email under them (admins). */
export async function setQuoteFirstEmail(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  on: boolean,
): Promise<{ quoteFirstEmail: boolean }> {
  requireAdmin(actor, "change an assistant's templates");
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  await ctx.db.update(assistants).set({ quoteFirstEmail: on }).where(eq(assistants.id, assistant.id));
  return { quoteFirstEmail: on };
}
