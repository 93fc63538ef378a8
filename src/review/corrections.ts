import { and, desc, eq, isNull } from 'drizzle-orm';
import { leadIdVisibleTo, leadsVisibleTo } from '../access/lead-visibility.ts';
import { correctionsVisibleTo } from '../access/record-access.ts';
import type { Actor } from '../accounts/actor.ts';
import { type Intent, intents } from '../classify/classification.ts';
import type { Db } from '../db/database.ts';
import { assistants, classificationCorrections, inboundMessages, leads, reviewItems } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { applyReplyIntent } from '../inbound/reply-actions.ts';
import { getVisibleLead } from '../leads/lead-queries.ts';
import { changeLeadState } from '../leads/lead-state-change.ts';
import type { Ctx } from '../platform/context.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { forgetOrgAdapter } from './org-classifier.ts';

const outcome: Record<Intent, { state: 'responded' | 'hot' | 'deactivated'; subState: string }> = {
  stop: { state: 'deactivated', subState: 'StopRequest' },
  meeting: { state: 'hot', subState: 'MeetingAccepted' },
  info_request: { state: 'responded', subState: 'InfoRequest' },
  connect_later: { state: 'responded', subState: 'ConnectLater' },
  not_interested: { state: 'responded', subState: 'NotInterested' },
  wrong_person: { state: 'responded', subState: 'WrongPerson' },
  other: { state: 'responded', subState: 'Other' },
};

/**
 * A user says what a reply really meant (SPEC §6.2, §12). It fixes the lead —
 * its state follows the corrected intent, with the assistant's follow-up
 * actions (brochure answer, check-in) — and it teaches the org's classifier:
 * the reply's text and intent join the org's corrections, from which its
 * adapter is rebuilt (review/org-classifier.ts). An open review item for the
 * same reply is resolved by it.
 */
export async function correctClassification(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  input: { inboundMessageId: string; intent: Intent },
) {
  if (!intents.includes(input.intent))
    throw new AppError('VALIDATION', `intent: one of ${intents.join(', ')}`, { field: 'intent' });
  const visible = await getVisibleLead(ctx, actor, leadId);
  return ctx.db
    .transaction(async (tx) => {
      const [inbound] = await tx
        .select()
        .from(inboundMessages)
        .where(and(eq(inboundMessages.id, input.inboundMessageId), eq(inboundMessages.leadId, visible.id)));
      if (!inbound)
        throw new AppError('NOT_FOUND', `inboundMessageId: no reply ${input.inboundMessageId} on this lead`, {
          field: 'inboundMessageId',
        });
      if (inbound.kind !== 'reply')
        throw new AppError('VALIDATION', 'inboundMessageId: only a human reply has an intent to correct', {
          field: 'inboundMessageId',
        });
      const predicted = (inbound.classification?.intent as string | undefined) ?? null;
      const [correction] = await tx
        .insert(classificationCorrections)
        .values({
          orgId: actor.orgId,
          leadId: visible.id,
          inboundMessageId: inbound.id,
          text: inbound.replyText ?? '',
          predictedIntent: predicted,
          intent: input.intent,
          createdBy: actor.userId,
        })
        .returning();
      const [lead] = await tx.select().from(leads).where(eq(leads.id, visible.id)).for('update');
      const [assistant] = await tx.select().from(assistants).where(eq(assistants.id, lead!.assistantId));
      const cause = {
        actorType: 'user' as const,
        actorId: actor.userId,
        reason: `Corrected by a user: the reply means ${input.intent}${predicted ? `, not ${predicted}` : ''}`,
        evidence: { predicted, corrected: input.intent, correctionId: correction!.id },
        inboundMessageId: inbound.id,
      };
      await recordEvent(tx, {
        orgId: actor.orgId,
        leadId: visible.id,
        type: 'classification_corrected',
        ...cause,
      });
      if (inbound.status === 'held') {
        // Held because its sender failed DMARC (it changed nothing): a user vouches for it, and
        // it now acts as the reply it is, the intent's follow-ups included.
        await tx
          .update(inboundMessages)
          .set({ status: 'processed' })
          .where(eq(inboundMessages.id, inbound.id));
        await applyReplyIntent(tx, input.intent, replyContext(ctx, lead!, assistant!, inbound), {
          ...cause,
          reason: `${cause.reason}; a user vouched for a reply held because its sender failed DMARC`,
        });
        await resolveItems(tx, ctx, actor, inbound.id, input.intent);
        const [after] = await tx.select().from(leads).where(eq(leads.id, visible.id));
        return { correction: correction!, lead: after! };
      }
      // The state a reply put the lead in is replaced by the corrected one; the
      // intent's own follow-ups (answer, check-in) then run as if classified so.
      const moved = await changeLeadState(
        tx,
        lead!,
        { type: 'reclassify', to: outcome[input.intent] },
        cause,
        { notify: ctx.config },
      );
      if (moved && (input.intent === 'info_request' || input.intent === 'connect_later')) {
        await applyReplyIntent(tx, input.intent, replyContext(ctx, moved, assistant!, inbound), cause);
      }
      await resolveItems(tx, ctx, actor, inbound.id, input.intent);
      const [after] = await tx.select().from(leads).where(eq(leads.id, visible.id));
      return { correction: correction!, lead: after! };
    })
    .finally(() => forgetOrgAdapter(actor.orgId));
}

function replyContext(
  ctx: Ctx,
  lead: typeof leads.$inferSelect,
  assistant: typeof assistants.$inferSelect,
  inbound: typeof inboundMessages.$inferSelect,
) {
  return {
    lead,
    assistant,
    inbound: { id: inbound.id, messageId: inbound.messageId, subject: inbound.subject },
    meeting: null,
    connectLaterDate: (inbound.classification?.connectLaterDate as string | null | undefined) ?? null,
    now: ctx.now(),
    notify: ctx.config,
  };
}

async function resolveItems(tx: Db, ctx: Ctx, actor: Actor, inboundId: string, intent: Intent) {
  await tx
    .update(reviewItems)
    .set({ status: 'resolved', resolvedIntent: intent, resolvedBy: actor.userId, resolvedAt: ctx.now() })
    .where(and(eq(reviewItems.inboundMessageId, inboundId), eq(reviewItems.status, 'open')));
}

/** Take a correction back (one of a lead the actor may see): it no longer shapes the org's classifier. The lead keeps its state (a user can act on it). */
export async function undoCorrection(ctx: Ctx, actor: Actor, correctionId: string) {
  const [c] = await ctx.db
    .select()
    .from(classificationCorrections)
    .where(and(eq(classificationCorrections.id, correctionId), correctionsVisibleTo(actor)));
  if (!c) throw new AppError('NOT_FOUND', `No correction ${correctionId}`, { field: 'id' });
  if (c.undoneAt) return c;
  const [undone] = await ctx.db
    .update(classificationCorrections)
    .set({ undoneAt: ctx.now() })
    .where(and(eq(classificationCorrections.id, c.id), isNull(classificationCorrections.undoneAt)))
    .returning();
  forgetOrgAdapter(actor.orgId);
  if (c.leadId)
    await recordEvent(ctx.db, {
      orgId: actor.orgId,
      leadId: c.leadId,
      type: 'classification_corrected',
      actorType: 'user',
      actorId: actor.userId,
      reason: `Correction to ${c.intent} undone: it no longer teaches the classifier`,
      evidence: { correctionId: c.id },
    });
  return undone ?? c;
}

/** The corrections of the leads the actor may see, newest first. */
export async function listCorrections(ctx: Ctx, actor: Actor) {
  return ctx.db
    .select()
    .from(classificationCorrections)
    .where(correctionsVisibleTo(actor))
    .orderBy(desc(classificationCorrections.createdAt))
    .limit(500);
}

/**
 * The review queue: replies the classifier was unsure of, oldest first, with
 * what it guessed and why (the classification's evidence), and who the lead
 * is and where it stands, so a human decides from the list.
 */
export async function listReviewItems(ctx: Ctx, actor: Actor) {
  const rows = await ctx.db
    .select({
      item: reviewItems,
      email: leads.email,
      firstName: leads.firstName,
      lastName: leads.lastName,
      company: leads.company,
      state: leads.state,
      subState: leads.subState,
      text: inboundMessages.replyText,
      subject: inboundMessages.subject,
      from: inboundMessages.fromAddress,
      receivedAt: inboundMessages.receivedAt,
      classification: inboundMessages.classification,
    })
    .from(reviewItems)
    .innerJoin(leads, eq(leads.id, reviewItems.leadId))
    .innerJoin(inboundMessages, eq(inboundMessages.id, reviewItems.inboundMessageId))
    .where(and(eq(reviewItems.orgId, actor.orgId), leadsVisibleTo(actor), eq(reviewItems.status, 'open')))
    .orderBy(reviewItems.createdAt);
  return rows.map((r) => ({
    ...r.item,
    leadEmail: r.email,
    lead: {
      email: r.email,
      firstName: r.firstName,
      lastName: r.lastName,
      company: r.company,
      state: r.state,
      subState: r.subState,
    },
    text: r.text,
    subject: r.subject,
    from: r.from,
    receivedAt: r.receivedAt,
    evidence: evidenceOf(r.classification),
  }));
}

/** The classifier's evidence as stored with the reply: the phrases and headers it went by. */
function evidenceOf(classification: Record<string, unknown> | null): string[] {
  const evidence = classification?.evidence;
  return Array.isArray(evidence) ? evidence.filter((e): e is string => typeof e === 'string') : [];
}

export async function resolveReviewItem(ctx: Ctx, actor: Actor, id: string, intent: Intent) {
  const [item] = await ctx.db
    .select()
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.id, id),
        eq(reviewItems.orgId, actor.orgId),
        leadIdVisibleTo(actor, reviewItems.leadId),
      ),
    );
  if (!item) throw new AppError('NOT_FOUND', `No review item ${id}`, { field: 'id' });
  if (item.status !== 'open') throw new AppError('CONFLICT', 'This review item is already resolved');
  return correctClassification(ctx, actor, item.leadId, { inboundMessageId: item.inboundMessageId, intent });
}
