import { and, asc, count, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { checkLeadOwner } from '../access/lead-owners.ts';
import type { Actor } from '../accounts/actor.ts';
import { randomToken } from '../accounts/secret-tokens.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { assistants, leads, orgs } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { getSchedule } from '../schedules/schedules.ts';
import { planSequence } from '../sequences/plan-sequence.ts';
import { isValidTimeZone } from '../sequences/send-window.ts';
import { guessTimeZone } from '../sequences/time-zone-guess.ts';
import { findExclusion } from '../suppression/exclusions.ts';
import { findSuppression } from '../suppression/suppression.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { admitLead } from '../validation/admit-lead.ts';
import type { LeadRow } from './lead-state-change.ts';
import { activeStates, finishedStates } from './lead-states.ts';
import { normaliseEmail } from './normalise-email.ts';

export type NewLead = {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  title?: string | null;
  industry?: string | null;
  phone?: string | null;
  country?: string | null;
  timeZone?: string | null;
  source: string;
  context?: string | null;
  additionalInformation?: string | null;
  tags?: string[];
  customFields?: Record<string, string>;
  assistantId?: string | null;
  ownerId?: string | null;
  scheduleId?: string | null;
  firstSendAt?: Date | null;
  /** Where the lead came in from, for its timeline: an import's file and row. */
  origin?: { importId: string; fileName: string; row: number };
};

/**
 * Add one lead (SPEC §2): refuse what must be refused (suppressed, excluded,
 * duplicate, unknown assistant/schedule) before writing anything, then store
 * it, activate it if the plan has room, and plan its sequence — all in one
 * transaction, each step on the timeline.
 */
export async function addLead(ctx: Ctx, actor: Actor, input: NewLead): Promise<LeadRow> {
  const email = normaliseEmail(input.email);
  if (input.timeZone && !isValidTimeZone(input.timeZone))
    throw new AppError('VALIDATION', `timeZone: unknown IANA time zone "${input.timeZone}"`, {
      field: 'timeZone',
    });

  const lead = await ctx.db.transaction(async (tx) => {
    const assistant = await resolveAssistant(tx, actor.orgId, input.assistantId);
    const scheduleId =
      input.scheduleId ??
      (input.source === 'emailcc' ? assistant.defaultEmailccScheduleId : assistant.defaultScheduleId) ??
      assistant.defaultScheduleId;
    if (!scheduleId)
      throw new AppError('VALIDATION', 'scheduleId: the assistant has no default schedule; give one', {
        field: 'scheduleId',
      });
    const schedule = await getSchedule(tx, actor.orgId, scheduleId);
    if (input.ownerId) await checkLeadOwner(tx, actor, input.ownerId, assistant.id);

    const suppressed = await findSuppression(tx, actor.orgId, email);
    if (suppressed)
      throw new AppError(
        'REFUSED',
        `email: ${email} is on the organisation's suppression list (${suppressed.reason}) and is never emailed again`,
        {
          field: 'email',
        },
      );
    const excluded = await findExclusion(tx, assistant.id, email);
    if (excluded)
      throw new AppError(
        'REFUSED',
        `email: ${email} matches the assistant's exclusion list entry "${excluded}"`,
        { field: 'email' },
      );

    const guessed = input.timeZone
      ? { timeZone: input.timeZone, basis: 'given' }
      : guessTimeZone({ phone: input.phone, country: input.country, email });
    // Nothing about the lead tells its zone: the assistant's own zone beats UTC.
    const tz =
      guessed.basis === 'default' && assistant.timeZone
        ? { timeZone: assistant.timeZone, basis: 'assistant' }
        : guessed;

    const [existing] = await tx
      .select({ id: leads.id, state: leads.state })
      .from(leads)
      .where(
        and(
          eq(leads.assistantId, assistant.id),
          sql`lower(${leads.email}) = lower(${email})`,
          notInArray(leads.state, [...finishedStates]),
        ),
      );
    if (existing) throw duplicate(email, existing);

    let row: LeadRow;
    try {
      [row] = (await tx
        .insert(leads)
        .values({
          orgId: actor.orgId,
          assistantId: assistant.id,
          ownerId: input.ownerId ?? actor.userId,
          scheduleId: schedule.id,
          email,
          firstName: clean(input.firstName),
          lastName: clean(input.lastName),
          company: clean(input.company),
          title: clean(input.title),
          industry: clean(input.industry),
          phone: clean(input.phone),
          country: clean(input.country),
          timeZone: tz.timeZone,
          source: input.source,
          context: clean(input.context) ?? assistant.moreContext,
          additionalInformation: clean(input.additionalInformation) ?? assistant.moreInformation,
          tags: input.tags ?? [],
          customFields: input.customFields ?? {},
          state: 'new',
          firstSendAt: input.firstSendAt ?? null,
          replyToken: randomToken(9),
          unsubscribeToken: randomToken(18),
        })
        .returning()) as [LeadRow];
    } catch (e) {
      // A concurrent add of the same address won the race (the partial unique index).
      if (isUniqueViolation(e, 'leads_open_email_key')) throw duplicate(email, undefined);
      throw e;
    }
    await recordEvent(tx, {
      orgId: row.orgId,
      leadId: row.id,
      type: 'lead_added',
      actorType: 'user',
      actorId: actor.userId,
      reason: `Added with source ${row.source}${row.context ? ` (${row.context})` : ''}${input.origin ? `, from ${input.origin.fileName} row ${input.origin.row + 1}` : ''}`,
      evidence: {
        ...(input.origin ? { import: input.origin } : {}),
        timeZone: row.timeZone,
        timeZoneBasis: tz.basis,
        scheduleId: schedule.id,
        schedule: schedule.name,
      },
    });

    if (!(await hasCapacity(tx, actor.orgId, input.source, assistant.emailccReservePercent))) return row; // waits as `new` (§9)
    // §7: cold, deactivated (invalid address) or pending until the worker has checked its domain.
    const active = await admitLead(tx, ctx, row, assistant);
    if (active.state === 'deactivated') return active;
    const now = ctx.now();
    const base = input.firstSendAt && input.firstSendAt > now ? input.firstSendAt : now;
    await planSequence(tx, active, schedule, {
      base,
      explicitFirst: Boolean(input.firstSendAt),
      senderAddress: assistant.email,
      reason: input.firstSendAt
        ? `First email at the chosen time ${input.firstSendAt.toISOString()}`
        : 'First email as soon as the send window allows',
    });
    return active;
  });
  ctx.wake.dispatcher();
  if (lead.state === 'pending') ctx.wake.validator?.();
  return lead;
}

async function resolveAssistant(tx: Ctx['db'], orgId: string, assistantId: string | null | undefined) {
  const q = tx
    .select()
    .from(assistants)
    .where(and(eq(assistants.orgId, orgId), isNull(assistants.archivedAt)))
    .orderBy(asc(assistants.createdAt))
    .limit(1);
  const [assistant] = assistantId
    ? await tx
        .select()
        .from(assistants)
        .where(and(eq(assistants.orgId, orgId), eq(assistants.id, assistantId)))
    : await q;
  if (!assistant)
    throw new AppError(
      'NOT_FOUND',
      assistantId
        ? `assistantId: no assistant ${assistantId} in this organisation`
        : 'assistantId: the organisation has no assistant',
      {
        field: 'assistantId',
      },
    );
  // An archived assistant takes no new lead (assistants/assistant-archive.ts).
  if (assistant.archivedAt)
    throw new AppError(
      'CONFLICT',
      `assistantId: the assistant ${assistant.name} is archived and takes no new lead`,
      {
        field: 'assistantId',
      },
    );
  return assistant;
}

/** §9: active leads are capped by the plan; a share is reserved for EmailCC leads. */
async function hasCapacity(
  tx: Ctx['db'],
  orgId: string,
  source: string,
  reservePercent: number,
): Promise<boolean> {
  const [org] = await tx.select({ cap: orgs.activeLeadCap }).from(orgs).where(eq(orgs.id, orgId));
  if (org?.cap == null) return true;
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(leads)
    .where(and(eq(leads.orgId, orgId), inArray(leads.state, [...activeStates])));
  const usable = source === 'emailcc' ? org.cap : Math.floor((org.cap * (100 - reservePercent)) / 100);
  return n < usable;
}

function duplicate(email: string, existing: { id: string; state: string } | undefined): AppError {
  return new AppError(
    'CONFLICT',
    `email: ${email} is already a lead of this assistant${existing ? ` (state ${existing.state})` : ''}`,
    {
      field: 'email',
      details: existing ? { leadId: existing.id } : undefined,
    },
  );
}

const clean = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};
