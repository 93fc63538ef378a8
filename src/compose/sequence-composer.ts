import { and, asc, eq, sql } from 'drizzle-orm';
import { anyText, anyUuid } from '../db/bulk-params.ts';
import type { Db } from '../db/database.ts';
import { type assistants, assistantTemplates, leads, messages, schedules } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { type EmailWriter, type WriteInput, writerFromConfig } from './llm-writer.ts';
import {
  assembleText,
  type Draft,
  draftEmail,
  type FirstEmail,
  headerSafe,
  type RenderInput,
  renderEmail,
  valuesFor,
} from './render-email.ts';
import { asSource, type TemplateOverrides, type TemplateVariant } from './templates.ts';

type LeadRow = typeof leads.$inferSelect;
type AssistantRow = typeof assistants.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

export type ComposeCandidate = { lead: LeadRow; assistant: AssistantRow; message: MessageRow };

/** A composed email and the evidence for the timeline: who wrote it (template or LLM) and why. */
export type ComposedEmail = { subject: string; text: string; evidence: Record<string, unknown> };

type ThreadRoot = { step: number | null; first: FirstEmail | null };

/** What composing a batch needs beyond the lead and assistant rows, loaded once per batch. */
export type CompositionData = {
  overrides: Map<string, TemplateOverrides>;
  schedules: Map<string, { length: number; startsAt: number }>;
  threadRoots: Map<string, ThreadRoot>;
};

const noOverrides: TemplateOverrides = new Map();

/**
 * Load, in parallel, the assistants' own templates, the leads' schedule
 * lengths (the last step is the last try) and, for follow-ups, the first email
 * of their thread as it was sent (its subject and text). `known`: messages
 * already at hand (the timeline has them all), saving that query.
 */
export async function loadCompositionData(
  db: Db,
  batch: Pick<MessageRow, 'leadId' | 'assistantId' | 'inReplyTo'>[],
  known?: MessageRow[],
): Promise<CompositionData> {
  const assistantIds = [...new Set(batch.map((m) => m.assistantId))];
  const leadIds = [...new Set(batch.map((m) => m.leadId))];
  const followUps = batch.filter((m) => m.inReplyTo);
  const [overrides, scheduleRows, rootRows] = await Promise.all([
    loadOverrides(db, assistantIds),
    leadIds.length
      ? db
          .select({
            leadId: leads.id,
            length: sql<number>`jsonb_array_length(${schedules.steps})`.mapWith(Number),
            startsAt: schedules.startsAtStep,
          })
          .from(leads)
          .innerJoin(schedules, eq(schedules.id, leads.scheduleId))
          .where(anyUuid(leads.id, leadIds))
      : [],
    known
      ? known
      : followUps.length
        ? db
            .select()
            .from(messages)
            .where(
              and(
                anyUuid(messages.leadId, [...new Set(followUps.map((m) => m.leadId))]),
                anyText(messages.messageId, [...new Set(followUps.map((m) => m.inReplyTo!))]),
              ),
            )
        : [],
  ]);
  return {
    overrides,
    schedules: new Map(scheduleRows.map((s) => [s.leadId, { length: s.length, startsAt: s.startsAt }])),
    threadRoots: new Map(rootRows.map((m) => [m.messageId, threadRootOf(m)])),
  };
}

/** The assistants' own templates, by assistant, keyed `${source}/${angle}`. */
export async function loadOverrides(db: Db, assistantIds: string[]): Promise<Map<string, TemplateOverrides>> {
  const rows = assistantIds.length
    ? await db
        .select()
        .from(assistantTemplates)
        .where(anyUuid(assistantTemplates.assistantId, assistantIds))
        .orderBy(asc(assistantTemplates.variant))
    : [];
  const overrides = new Map<string, Map<string, TemplateVariant[]>>();
  for (const r of rows) {
    const byKey = overrides.get(r.assistantId) ?? new Map<string, TemplateVariant[]>();
    const key = `${r.source}/${r.step}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { subject: r.subject, body: r.body }]);
    overrides.set(r.assistantId, byKey);
  }
  return overrides;
}

/** A thread's first message: its step, and its subject and text once sent. */
export function threadRootOf(m: MessageRow): ThreadRoot {
  const sent = m.status === 'sent' && m.subject && m.textBody;
  return {
    step: m.step,
    first: sent ? { subject: m.subject!, text: m.textBody!, at: m.sentAt, by: m.writtenBy } : null,
  };
}

/** The renderer's input for one message of a lead's sequence. */
export function renderInputFor(
  c: ComposeCandidate,
  data: CompositionData,
  unsubscribeUrl: string,
): RenderInput {
  const schedule = data.schedules.get(c.lead.id);
  const root = c.message.inReplyTo ? data.threadRoots.get(c.message.inReplyTo) : undefined;
  const step = c.message.step ?? 0;
  return {
    lead: c.lead,
    assistant: c.assistant,
    step,
    firstStep: c.message.inReplyTo ? (root?.step ?? schedule?.startsAt ?? 0) : step,
    scheduleLength: schedule?.length ?? null,
    isFirst: !c.message.inReplyTo,
    firstEmail: root?.first ?? null,
    overrides: data.overrides.get(c.assistant.id) ?? noOverrides,
    unsubscribeUrl,
  };
}

/** The template path: synchronous, no I/O. */
export function composeWithTemplates(input: RenderInput, reason: string): ComposedEmail {
  const r = renderEmail(input);
  return { subject: r.subject, text: r.text, evidence: templateEvidence(r, reason) };
}

const templateEvidence = (d: Draft, reason: string) => ({
  composer: 'template',
  composerReason: reason,
  angle: d.angle,
  variant: d.variant,
  template: d.template,
  proofPoint: d.proofPoint,
});

/**
 * The LLM path for one email: the writer gets the template's draft and the
 * same fields; its body is checked (llm-output.ts) and framed by our own
 * sign-off, PS, quote and unsubscribe line. Any failure falls back to the
 * template, and the evidence says why.
 */
export async function composeWithWriter(
  writer: EmailWriter,
  input: RenderInput,
): Promise<ComposedEmail & { timedOut: boolean }> {
  const draft = draftEmail(input);
  try {
    const w = await writer.write(writeInputFor(input, draft));
    return {
      subject: input.isFirst ? headerSafe(w.subject) : draft.subject,
      text: assembleText(input, { body: w.text, ps: draft.ps }),
      evidence: {
        composer: 'llm',
        composerReason: `written by ${writer.model}`,
        angle: draft.angle,
        proofPoint: draft.proofPoint,
      },
      timedOut: false,
    };
  } catch (e) {
    const why = e instanceof AppError ? e.message : `the LLM call failed (${(e as Error).message})`;
    return {
      subject: draft.subject,
      text: assembleText(input, draft),
      evidence: templateEvidence(draft, `LLM not used: ${why}`),
      timedOut: e instanceof AppError && e.details?.timeout === true,
    };
  }
}

/** LLM calls in flight at once per dispatch round. */
const llmConcurrency = 8;

/**
 * Compose a round's emails at send time. Without LLM_BASE_URL this is the
 * template path, synchronous inside. With it, calls run `llmConcurrency` at a
 * time, each bounded by LLM_TIMEOUT_MS; once one has timed out, the rest of
 * the round goes by template, so a hung provider costs one timeout per round,
 * not one per email.
 */
export async function composeForSend(
  ctx: Ctx,
  data: CompositionData,
  items: (ComposeCandidate & { unsubscribeUrl: string })[],
): Promise<ComposedEmail[]> {
  const inputs = items.map((c) => renderInputFor(c, data, c.unsubscribeUrl));
  const writer = writerFromConfig(ctx.config);
  if (!writer) return inputs.map((i) => composeWithTemplates(i, 'no LLM configured'));
  const out: ComposedEmail[] = new Array(inputs.length);
  let next = 0;
  let timedOut = false;
  const lane = async () => {
    while (next < inputs.length) {
      const i = next++;
      if (timedOut) {
        out[i] = composeWithTemplates(inputs[i]!, 'LLM not used: an earlier call in this round timed out');
        continue;
      }
      const r = await composeWithWriter(writer, inputs[i]!);
      if (r.timedOut) timedOut = true;
      out[i] = { subject: r.subject, text: r.text, evidence: r.evidence };
    }
  };
  await Promise.all(Array.from({ length: Math.min(llmConcurrency, inputs.length) }, lane));
  const fallbacks = out.filter((o) => o.evidence.composer === 'template').length;
  if (fallbacks) ctx.log.warn('LLM composition fell back to templates', { fallbacks, of: out.length });
  return out;
}

function writeInputFor(input: RenderInput, draft: Draft): WriteInput {
  const v = valuesFor(input);
  const get = (name: string) => v.get(name) ?? '';
  return {
    source: asSource(input.lead.source),
    angle: draft.angle,
    step: input.step,
    isFirst: input.isFirst,
    lead: {
      firstName: get('firstName'),
      lastName: get('lastName'),
      company: get('company'),
      title: get('title'),
      industry: get('industry'),
      country: get('country'),
      context: get('context'),
      additionalInformation: get('additionalInformation'),
      customFields: Object.fromEntries(
        Object.keys(input.lead.customFields ?? {}).map((k) => [k, get(`custom.${k}`)]),
      ),
    },
    assistant: {
      name: get('assistantName'),
      brochureUrl: input.assistant.brochureUrl,
      calendarUrl: input.assistant.calendarUrl,
    },
    threadSubject: draft.subject.replace(/^re:\s*/i, ''),
    draft: { subject: draft.subject, body: draft.body },
  };
}

/**
 * The text of a lead's scheduled messages, for the timeline (SPEC §5.2: "the
 * text the assistant will send"): the templates as the dispatcher would use
 * them now. With an LLM configured the words sent may differ; the frame
 * (subject, signature, PS, quote, unsubscribe line) does not.
 */
export async function composePreviews(
  ctx: Ctx,
  lead: LeadRow,
  assistant: AssistantRow,
  outgoing: MessageRow[],
  unsubscribeUrl: string,
): Promise<Map<string, ComposedEmail>> {
  const pending = outgoing.filter((m) => m.kind === 'sequence' && m.status === 'scheduled' && !m.textBody);
  if (!pending.length) return new Map();
  const data = await loadCompositionData(ctx.db, pending, outgoing);
  return new Map(
    pending.map((m) => [
      m.id,
      composeWithTemplates(renderInputFor({ lead, assistant, message: m }, data, unsubscribeUrl), 'preview'),
    ]),
  );
}
