import { and, eq, ne, notInArray, sql } from 'drizzle-orm';
import { checkLeadOwner } from '../access/lead-owners.ts';
import { findVisibleLead } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireOrgUser } from '../accounts/org-user.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { assistants, leads, messages } from '../db/schema.ts';
import { AppError, type ErrorCode, isAppError } from '../errors/app-error.ts';
import { activateByHand } from '../plans/activation.ts';
import type { Ctx } from '../platform/context.ts';
import { getSchedule } from '../schedules/schedules.ts';
import { goneStatuses, planSequence, runMessages } from '../sequences/plan-sequence.ts';
import { addLocalDays } from '../sequences/send-window.ts';
import { findSuppression } from '../suppression/suppression.ts';
import { type Cause, recordEvent } from '../timeline/record-event.ts';
import { changeLeadState, type LeadRow } from './lead-state-change.ts';
import { finishedStates, type LeadEvent, statePairOf, transition } from './lead-states.ts';

/** What a user can do to a lead (SPEC §5.1, §6.4), one lead or many at once. */
export const leadActions = [
  'deactivate',
  'hot',
  'unsubscribe',
  'continue',
  'restart',
  'note',
  'handled-outside',
  'not-at-risk',
  'change-owner',
  'activate',
  'force-send',
] as const;
export type LeadAction = (typeof leadActions)[number];
export type ActionInput = {
  text?: string | null;
  ownerId?: string | null;
  /** How the user acted when not through the app or API: a signed one-click link of an email (lead-links/). */
  via?: 'signed-link';
};

export type ActionResult =
  | { leadId: string; ok: true; lead: LeadRow }
  | { leadId: string; ok: false; error: { code: ErrorCode; message: string } };

/** Bulk requests stay bounded: one request, at most this many leads. */
export const maxBulkLeads = 1000;

const stateEvents: Partial<Record<LeadAction, { event: LeadEvent; reason: string }>> = {
  deactivate: { event: { type: 'deactivate' }, reason: 'Stopped by a user' },
  hot: { event: { type: 'mark_hot' }, reason: 'Marked hot by a user' },
  unsubscribe: {
    event: { type: 'unsubscribe', by: 'user' },
    reason: "Unsubscribed by a user: the address is on the organisation's suppression list for good",
  },
  'force-send': {
    event: { type: 'vouch' },
    reason:
      'Force send: a user vouches for an address validation could not verify; it is emailed at the normal rate',
  },
};

/** Actions after which there is something new to send. */
const wakesDispatcher = new Set<LeadAction>(['continue', 'restart', 'activate', 'force-send']);

/** One action on one visible lead, in one transaction; the lead as it is afterwards. */
export async function applyLeadAction(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  action: LeadAction,
  input: ActionInput = {},
): Promise<LeadRow> {
  await checkInput(ctx.db, actor, action, input);
  const lead = await actOn(ctx, actor, leadId, action, input);
  if (wakesDispatcher.has(action)) ctx.wake.dispatcher();
  if (lead.state === 'pending' && action === 'activate') ctx.wake.validator?.();
  return lead;
}

/**
 * The same action on many leads. A bad request (a missing note text, a
 * member changing owners) fails as a whole; a lead that can't take the action
 * (not visible, refused by the state machine) fails alone, with its reason,
 * and the others go ahead — each lead in its own transaction.
 */
export async function applyLeadActionToMany(
  ctx: Ctx,
  actor: Actor,
  leadIds: string[],
  action: LeadAction,
  input: ActionInput = {},
): Promise<ActionResult[]> {
  if (leadIds.length > maxBulkLeads)
    throw new AppError('VALIDATION', `leadIds: at most ${maxBulkLeads} leads at once`, { field: 'leadIds' });
  await checkInput(ctx.db, actor, action, input);
  const results: ActionResult[] = [];
  for (const leadId of new Set(leadIds)) {
    try {
      results.push({ leadId, ok: true, lead: await actOn(ctx, actor, leadId, action, input) });
    } catch (e) {
      if (!isAppError(e)) ctx.log.error('lead action failed', { error: e, leadId, action });
      const error = isAppError(e)
        ? { code: e.code, message: e.message }
        : { code: 'INTERNAL' as const, message: 'Internal error; it has been logged' };
      results.push({ leadId, ok: false, error });
    }
  }
  if (wakesDispatcher.has(action)) ctx.wake.dispatcher();
  if (action === 'activate') ctx.wake.validator?.();
  return results;
}

async function checkInput(db: Db, actor: Actor, action: LeadAction, input: ActionInput): Promise<void> {
  if (action === 'note' && !input.text?.trim())
    throw new AppError('VALIDATION', 'text: required for a note', { field: 'text' });
  // SPEC §9: what takes a place on the plan is an admin's call (checked again per lead in activateByHand).
  if (action === 'activate' && actor.role !== 'admin')
    throw new AppError('FORBIDDEN', 'Only admins activate a lead by hand');
  if (action !== 'change-owner') return;
  if (!input.ownerId) throw new AppError('VALIDATION', 'ownerId: required', { field: 'ownerId' });
  // Who may be given the lead depends on its assistant (access/lead-owners.ts), checked per lead;
  // a user of no org fails the whole request here.
  await requireOrgUser(db, actor.orgId, input.ownerId, 'ownerId');
}

async function actOn(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  action: LeadAction,
  input: ActionInput,
): Promise<LeadRow> {
  return ctx.db.transaction(async (tx) => {
    const lead = await findVisibleLead(tx, actor, leadId, { forUpdate: true });
    if (action === 'change-owner') await checkLeadOwner(tx, actor, input.ownerId!, lead.assistantId);
    const cause = (reason: string, evidence?: Record<string, unknown>): Cause => ({
      actorType: 'user',
      actorId: actor.userId,
      reason,
      evidence: input.via ? { ...evidence, via: input.via } : evidence,
    });
    const state = stateEvents[action];
    if (state)
      await changeLeadState(
        tx,
        lead,
        state.event,
        cause(
          state.reason,
          action === 'force-send'
            ? { vouchedBy: actor.userId, addressVerdict: lead.addressVerdict }
            : undefined,
        ),
        { strict: true, notify: ctx.config },
      );
    if (action === 'force-send') await bringNextStepForward(ctx, tx, lead.id);
    else if (action === 'activate') await activateByHand(tx, ctx, actor, lead);
    else if (action === 'continue' || action === 'restart') await resume(ctx, tx, lead, action, actor);
    else if (action === 'note')
      await recordEvent(tx, {
        orgId: lead.orgId,
        leadId: lead.id,
        type: 'note',
        ...cause(input.text!.trim()),
      });
    else if (action === 'handled-outside') {
      await tx.update(leads).set({ handledOutsideAt: ctx.now() }).where(eq(leads.id, lead.id));
      await recordEvent(tx, {
        orgId: lead.orgId,
        leadId: lead.id,
        type: 'handled_outside',
        ...cause('Handled outside Nurture: no at-risk reminders for this lead'),
      });
    } else if (action === 'not-at-risk')
      // SPEC §4: the owner says the lead is in hand; recording it clears the mark (timeline/record-event.ts).
      await recordEvent(tx, {
        orgId: lead.orgId,
        leadId: lead.id,
        type: 'not_at_risk',
        ...cause(
          lead.atRisk
            ? 'Not at risk, said a user: no more reminders for it'
            : 'Not at risk, said a user: it will not be marked at risk for this state',
        ),
      });
    else if (action === 'change-owner' && input.ownerId !== lead.ownerId) {
      await tx
        .update(leads)
        .set({ ownerId: input.ownerId!, updatedAt: sql`now()` })
        .where(eq(leads.id, lead.id));
      await recordEvent(tx, {
        orgId: lead.orgId,
        leadId: lead.id,
        type: 'owner_changed',
        ...cause(
          actor.role === 'admin'
            ? 'Owner changed by an admin'
            : 'Owner changed by a manager of its assistant',
          { from: lead.ownerId, to: input.ownerId },
        ),
      });
    }
    // SPEC §4: any action of a user on the lead clears "at risk": recording its event does (record-event.ts).
    const [after] = await tx.select().from(leads).where(eq(leads.id, lead.id));
    return after!;
  });
}

/**
 * Continue (from the step after the last one that went) or restart (from the
 * schedule's first step, in a new thread) a stopped lead's sequence, planned
 * from now on the lead's current schedule.
 */
async function resume(
  ctx: Ctx,
  tx: Db,
  lead: LeadRow,
  action: 'continue' | 'restart',
  actor: Actor,
): Promise<void> {
  const by = { actorType: 'user' as const, actorId: actor.userId };
  // The state machine speaks first: its refusal (an address found invalid…) is the reason the user needs.
  transition(statePairOf(lead), { type: action });
  const schedule = await getSchedule(tx, lead.orgId, lead.scheduleId);
  const run = runMessages(
    lead,
    await tx
      .select()
      .from(messages)
      .where(and(eq(messages.leadId, lead.id), eq(messages.kind, 'sequence'))),
  );
  const gone = run.filter((m) => goneStatuses.has(m.status));
  const threadRoot = lead.planThreadRoot ?? gone.find((m) => m.inReplyTo === null)?.messageId ?? null;
  const lastGone = Math.max(-1, ...gone.map((m) => m.step ?? -1));
  const fromIndex =
    action === 'restart'
      ? schedule.startsAtStep
      : Math.max(lastGone + 1, lead.planBaseStep ?? schedule.startsAtStep);
  if (fromIndex >= schedule.steps.length)
    throw new AppError(
      'CONFLICT',
      `Every step of schedule "${schedule.name}" has gone to this lead; restart it to begin again from step 1`,
    );
  const suppressed = await findSuppression(tx, lead.orgId, lead.email);
  if (suppressed)
    throw new AppError(
      'REFUSED',
      `${lead.email} is on the organisation's suppression list (${suppressed.reason}); it is never emailed again`,
    );
  // A finished lead may have been added again meanwhile: two open leads for one address and assistant is a duplicate.
  const [twin] = await tx
    .select({ id: leads.id, state: leads.state })
    .from(leads)
    .where(
      and(
        eq(leads.assistantId, lead.assistantId),
        sql`lower(${leads.email}) = lower(${lead.email})`,
        ne(leads.id, lead.id),
        notInArray(leads.state, [...finishedStates]),
      ),
    );
  if (twin) throw duplicateOf(lead, twin.id);
  const reason =
    action === 'restart'
      ? 'Restarted by a user: the sequence begins again from its first step'
      : `Continued by a user from step ${fromIndex + 1}`;
  let resumed: LeadRow | null;
  try {
    resumed = await changeLeadState(tx, lead, { type: action }, { ...by, reason }, { strict: true });
  } catch (e) {
    if (isUniqueViolation(e, 'leads_open_email_key')) throw duplicateOf(lead, undefined);
    throw e;
  }
  const [assistant] = await tx
    .select({ email: assistants.email })
    .from(assistants)
    .where(eq(assistants.id, lead.assistantId));
  // The user hands the lead back to the assistant: it answers the lead's replies again (Introduce Me).
  if (lead.introducedAt)
    await tx.update(leads).set({ introducedAt: null, introducedBy: null }).where(eq(leads.id, lead.id));
  // An address not validated yet resumes waiting for it (pending/Unverified): the worker checks it now.
  if (resumed!.state === 'pending')
    await tx.update(leads).set({ validationDueAt: ctx.now() }).where(eq(leads.id, lead.id));
  // Continuing keeps the schedule's gap after the last step that went (SPEC §5.1: not two emails in a row).
  const last = action === 'continue' ? gone.find((m) => m.step === lastGone) : undefined;
  const lastWent = last?.sentAt ?? last?.claimedAt;
  const lastDay = last?.step != null ? schedule.steps[last.step] : undefined;
  const gapFromLast =
    lastWent && lastDay !== undefined
      ? addLocalDays(lastWent, Math.max(0, schedule.steps[fromIndex]! - lastDay), lead.timeZone ?? 'UTC')
      : null;
  const base = gapFromLast && gapFromLast > ctx.now() ? gapFromLast : ctx.now();
  await planSequence(tx, resumed!, schedule, {
    base,
    explicitFirst: false,
    fromIndex,
    senderAddress: assistant?.email ?? '',
    // Continued steps stay in the thread the lead has already seen.
    threadRoot: action === 'continue' && gone.length ? threadRoot : null,
    reason: `${reason}: ${schedule.steps.length - fromIndex} step(s) planned as the send window allows`,
    cause: by,
  });
}

/**
 * Force send: the step the slow rate held back for a day goes as soon as the
 * send rules allow (window, the gap after the step before still apply).
 */
async function bringNextStepForward(ctx: Ctx, tx: Db, leadId: string): Promise<void> {
  const now = ctx.now();
  await tx.execute(sql`
    UPDATE messages SET due_at = ${now.toISOString()}::timestamptz
    WHERE id = (SELECT id FROM messages
                WHERE lead_id = ${leadId} AND status = 'scheduled' AND kind = 'sequence'
                ORDER BY due_at, step LIMIT 1)
      AND due_at > ${now.toISOString()}::timestamptz`);
}

const duplicateOf = (lead: LeadRow, otherId: string | undefined) =>
  new AppError('CONFLICT', `${lead.email} is already an open lead of this assistant; resume that one`, {
    details: otherId ? { leadId: otherId } : undefined,
  });
