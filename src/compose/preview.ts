import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { getAssistantRow } from '../assistants/assistant-queries.ts';
import { publicUrl } from '../config/config.ts';
import { messages, schedules } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { getVisibleLead } from '../leads/lead-queries.ts';
import { unsubscribeUrl } from '../outbound/outgoing-mail.ts';
import type { Ctx } from '../platform/context.ts';
import { validateVariants } from './assistant-templates.ts';
import { type LeadFields, type RenderInput, renderEmail } from './render-email.ts';
import { loadOverrides, threadRootOf } from './sequence-composer.ts';
import { type Angle, angleOf, asSource, type Source, stepOfAngle, templateKey } from './templates.ts';

export type PreviewInput = {
  leadId?: string | undefined;
  lead?: Partial<Omit<LeadFields, 'id' | 'source' | 'customFields'>> & {
    customFields?: Record<string, string> | undefined;
  };
  source?: Source | undefined;
  /** A step of the schedule (0 = first email) or an angle. */
  step: number | Angle;
  variant?: number | undefined;
  /** An unsaved template for this source and angle, as the editor has it now. */
  template?: { subject?: string | null | undefined; body: string } | undefined;
};

export type Preview = {
  subject: string;
  text: string;
  source: Source;
  step: number;
  angle: Angle;
  variant: number;
  template: 'built_in' | 'custom' | 'draft';
  proofPoint: number | null;
  composer: 'template';
};

/**
 * An email exactly as the dispatcher's template path would send it (SPEC
 * §5.2 "live preview"): for a real lead (`leadId`) with its own variants,
 * unsubscribe link, schedule and, for a follow-up, its first email as sent;
 * or for lead fields typed into the editor. With an LLM configured the words
 * sent may differ; the templates remain its fallback, which this shows.
 */
export async function previewEmail(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  input: PreviewInput,
): Promise<Preview> {
  const assistant = await getAssistantRow(ctx, actor, assistantId);
  const base = publicUrl(ctx.config);
  let lead: LeadFields;
  let unsubscribe: string;
  let outgoing: (typeof messages.$inferSelect)[] = [];
  let scheduleId: string | null;
  if (input.leadId) {
    const row = await getVisibleLead(ctx, actor, input.leadId).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND'
        ? new AppError('NOT_FOUND', `No lead ${input.leadId}`, { field: 'leadId' })
        : e;
    });
    if (row.assistantId !== assistant.id)
      throw new AppError('VALIDATION', 'leadId: that lead is worked by another assistant', {
        field: 'leadId',
      });
    lead = { ...row, source: input.source ?? row.source };
    unsubscribe = unsubscribeUrl(base, row);
    scheduleId = row.scheduleId;
    outgoing = await ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.leadId, row.id), eq(messages.kind, 'sequence')))
      .orderBy(asc(messages.createdAt));
  } else {
    if (!input.source)
      throw new AppError('VALIDATION', 'source: required without a leadId', { field: 'source' });
    const l = input.lead ?? {};
    lead = {
      id: `preview:${[l.firstName, l.lastName, l.company].join('|')}`,
      firstName: l.firstName ?? null,
      lastName: l.lastName ?? null,
      company: l.company ?? null,
      title: l.title ?? null,
      industry: l.industry ?? null,
      country: l.country ?? null,
      source: input.source,
      context: l.context ?? assistant.moreContext,
      additionalInformation: l.additionalInformation ?? assistant.moreInformation,
      customFields: l.customFields ?? {},
      timeZone: l.timeZone ?? null,
    };
    unsubscribe = `${base}/u/preview`;
    scheduleId =
      (input.source === 'emailcc' ? assistant.defaultEmailccScheduleId : assistant.defaultScheduleId) ??
      assistant.defaultScheduleId;
  }
  const [schedule] = scheduleId
    ? await ctx.db
        .select({ steps: schedules.steps, startsAt: schedules.startsAtStep })
        .from(schedules)
        .where(eq(schedules.id, scheduleId))
    : [];
  const scheduleLength = schedule?.steps.length ?? null;
  const startsAt = schedule?.startsAt ?? 0;
  const step = typeof input.step === 'number' ? input.step : stepOfAngle(input.step, scheduleLength);

  // The message planned for that step, if the lead has one (the latest run), and its thread's first email.
  const message = outgoing.filter((m) => m.step === step).at(-1);
  const root = message
    ? outgoing.find((m) => m.messageId === message.inReplyTo)
    : outgoing.filter((m) => !m.inReplyTo).at(-1);
  const isFirst = message ? !message.inReplyTo : step === startsAt;
  const overrides = new Map((await loadOverrides(ctx.db, [assistant.id])).get(assistant.id) ?? []);
  const { angle } = angleOf(step, scheduleLength);
  if (input.template) {
    overrides.set(
      templateKey(asSource(lead.source), angle),
      validateVariants(angle, [input.template], 'template'),
    );
  }
  const rootInfo = root ? threadRootOf(root) : undefined;
  const renderInput: RenderInput = {
    lead,
    assistant,
    step,
    firstStep: isFirst ? step : (rootInfo?.step ?? startsAt),
    scheduleLength,
    isFirst,
    firstEmail: isFirst ? null : (rootInfo?.first ?? null),
    overrides,
    unsubscribeUrl: unsubscribe,
    ...(input.variant === undefined ? {} : { variant: input.variant }),
  };
  const r = renderEmail(renderInput);
  return {
    subject: r.subject,
    text: r.text,
    source: asSource(lead.source),
    step,
    angle: r.angle,
    variant: r.variant,
    template: input.template ? 'draft' : r.template,
    proofPoint: r.proofPoint,
    composer: 'template',
  };
}
