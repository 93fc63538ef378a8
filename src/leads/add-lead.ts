import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { checkLeadOwner } from '../access/lead-owners.ts';
import type { Actor } from '../accounts/actor.ts';
import { randomToken } from '../accounts/secret-tokens.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { assistants, leads } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { activationJob, capacityEvidence, nextActivationAt } from '../plans/activation.ts';
import { fullPlanText, lockPlan, type Room, roomFor } from '../plans/capacity.ts';
import { hasRun, utcDay } from '../plans/scheduled-runs.ts';
import type { Ctx } from '../platform/context.ts';
import { getSchedule } from '../schedules/schedules.ts';
import { isValidTimeZone } from '../sequences/send-window.ts';
import { guessTimeZone } from '../sequences/time-zone-guess.ts';
import { recordUsersFirstEmail, type UsersFirstEmail } from '../sequences/users-first-email.ts';
import { findExclusion } from '../suppression/exclusions.ts';
import { findSuppression } from '../suppression/suppression.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { LeadRow } from './lead-state-change.ts';
import { finishedStates } from './lead-states.ts';
import { normaliseEmail } from './normalise-email.ts';
import { startLead } from './start-lead.ts';

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
  /** EmailCC (SPEC §6.5): the user's email that created the lead, kept as its first email (step 0). */
  usersFirstEmail?: UsersFirstEmail;
};

/**
 * Add one lead (SPEC §2): refuse what must be refused (suppressed, excluded,
 * duplicate, unknown assistant/schedule) before writing anything, then store
 * it, activate it if the plan has room, and plan its sequence — all in one
 * transaction, each step on the timeline.
 */
export async function addLead(ctx: Ctx, actor: Actor, input: NewLead): Promise<LeadRow> {
  const email = normaliseEmail(input.email);
  const byEmail = input.usersFirstEmail;
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
        // An erased person's entry is a hash only: the answer does not repeat the address either.
        suppressed.reason === 'erased'
          ? "email: this person's data was erased on request; the address stays on the organisation's suppression list (as a hash) and is never emailed again"
          : `email: ${email} is on the organisation's suppression list (${suppressed.reason}) and is never emailed again`,
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
      reason: `Added with source ${row.source}${row.context ? ` (${row.context})` : ''}${input.origin ? `, from ${input.origin.fileName} row ${input.origin.row + 1}` : ''}${byEmail ? `, by EmailCC: ${byEmail.from} emailed the lead copying the assistant` : ''}`,
      ...(byEmail ? { inboundMessageId: byEmail.inboundMessageId } : {}),
      evidence: {
        ...(input.origin ? { import: input.origin } : {}),
        ...(byEmail
          ? { emailcc: { from: byEmail.from, messageId: byEmail.messageId, subject: byEmail.subject } }
          : {}),
        timeZone: row.timeZone,
        timeZoneBasis: tz.basis,
        scheduleId: schedule.id,
        schedule: schedule.name,
      },
    });

    // Recorded whether or not the lead can start now: whenever it does, it goes on in this thread.
    if (byEmail) await recordUsersFirstEmail(tx, row, byEmail);

    // §9: beyond the plan's cap the lead waits as `new`, and its timeline says why and until when.
    const room = roomFor(await lockPlan(tx, actor.orgId), row.source, assistant.emailccReservePercent);
    if (!room.ok) {
      await recordWaiting(tx, ctx, row, room, assistant.autoActivate);
      return row;
    }
    // §7: cold, deactivated (invalid address) or pending until the worker has checked its domain.
    const active = await startLead(tx, ctx, row, assistant, {
      justAdded: true,
      room: room.cap == null ? {} : { evidence: { capacity: capacityEvidence(room) } },
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

/** The `waiting_for_capacity` event of a lead added beyond the cap (SPEC §9). */
async function recordWaiting(tx: Db, ctx: Ctx, lead: LeadRow, room: Room, autoActivate: boolean) {
  const next = nextActivationAt(ctx.now(), await hasRun(tx, activationJob, utcDay(ctx.now())));
  await recordEvent(tx, {
    orgId: lead.orgId,
    leadId: lead.id,
    type: 'waiting_for_capacity',
    actorType: 'system',
    reason: `Waits as new: ${fullPlanText(room)}. ${
      autoActivate
        ? `The daily activation (${next.toISOString()}) starts it when a place is free`
        : 'Its assistant does not auto-activate: an admin activates it by hand when a place is free'
    }`,
    evidence: { ...capacityEvidence(room), nextActivationAt: next.toISOString(), autoActivate },
  });
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
