import { and, eq } from 'drizzle-orm';
import { findVisibleLead } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { headerSafe } from '../compose/render-email.ts';
import { composePreviews } from '../compose/sequence-composer.ts';
import { publicUrl } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { assistants, messages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { unsubscribeUrl } from '../outbound/outgoing-mail.ts';
import { completeFinishedSequences } from '../outbound/record-outcomes.ts';
import type { Ctx } from '../platform/context.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { OutgoingRow } from './lead-exchange.ts';
import { authorOf, checkSendAt } from './write-message.ts';

export type EditInput = { text?: string | null; subject?: string | null; sendAt?: Date | null };

/** What the evidence keeps of a text replaced: enough to see what changed, not a second copy of a long email. */
const evidenceTextChars = 2000;
const clip = (s: string | null) =>
  s && s.length > evidenceTextChars ? `${s.slice(0, evidenceTextChars - 1)}…` : s;

const what = (m: OutgoingRow) => (m.step === null ? 'The message' : `Step ${m.step + 1}`);

/**
 * Change a scheduled email before it goes (SPEC §6.4): its text, its subject
 * or its time. The text is written now, so the dispatcher sends it as it
 * stands (a sequence step no longer gets its words at send time). Only a
 * `scheduled` email can change: the update is conditional on that status,
 * so an email a worker has claimed (or sent, or that was skipped) is a 409,
 * however close the race.
 */
export async function editScheduledEmail(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  messageId: string,
  input: EditInput,
): Promise<OutgoingRow> {
  if (input.text == null && input.subject == null && input.sendAt == null)
    throw new AppError('VALIDATION', 'text: give a new text, subject or sendAt', { field: 'text' });
  checkSendAt(input.sendAt ?? null, ctx.now());
  const row = await ctx.db.transaction(async (tx) => {
    const { lead, message } = await findScheduled(tx, actor, leadId, messageId);
    const author = await authorOf(tx, actor);
    let subject = message.subject;
    let text = message.textBody;
    if ((input.text != null || input.subject != null) && !(subject && text)) {
      // A step not written yet: the edit starts from the words it would get now, as the user saw them.
      const [assistant] = await tx.select().from(assistants).where(eq(assistants.id, lead.assistantId));
      const all = await tx.select().from(messages).where(eq(messages.leadId, lead.id));
      const preview = (
        await composePreviews(
          { ...ctx, db: tx },
          lead,
          assistant!,
          all,
          unsubscribeUrl(publicUrl(ctx.config), lead),
        )
      ).get(message.id);
      subject ??= preview?.subject ?? null;
      text ??= preview?.text ?? null;
    }
    const newSubject = input.subject != null ? headerSafe(input.subject) : subject;
    const newText = input.text != null ? input.text.replace(/\r\n?/g, '\n') : text;
    const changes: Partial<typeof messages.$inferInsert> = {};
    if (input.text != null || input.subject != null) {
      if (!newSubject?.trim())
        throw new AppError('VALIDATION', 'subject: an email needs a subject', { field: 'subject' });
      changes.subject = newSubject;
      changes.textBody = newText;
    }
    if (input.sendAt) {
      changes.dueAt = input.sendAt;
      changes.explicitTime = true;
    }
    const [updated] = await tx
      .update(messages)
      .set(changes)
      .where(and(eq(messages.id, message.id), eq(messages.status, 'scheduled')))
      .returning();
    if (!updated) throw goneAlready(message);
    const changed = [
      ...(input.subject != null && newSubject !== message.subject ? ['subject'] : []),
      ...(input.text != null && newText !== text ? ['text'] : []),
      ...(input.sendAt ? ['time'] : []),
    ];
    await recordEvent(tx, {
      orgId: lead.orgId,
      leadId: lead.id,
      type: 'message_edited',
      actorType: 'user',
      actorId: actor.userId,
      reason: `${what(message)} edited by ${author.name}${changed.length ? `: ${changed.join(', ')} changed` : ''}`,
      messageId: message.id,
      evidence: {
        oldSubject: subject,
        newSubject: updated.subject,
        ...(input.text != null ? { oldText: clip(text), newText: clip(updated.textBody) } : {}),
        ...(input.sendAt
          ? { oldSendAt: message.dueAt.toISOString(), newSendAt: input.sendAt.toISOString() }
          : {}),
      },
    });
    return updated;
  });
  if (input.sendAt) ctx.wake.dispatcher();
  return row;
}

/**
 * Skip a scheduled email: it will not be sent. A sequence left with nothing
 * to send is complete, as when its last step goes.
 */
export async function skipScheduledEmail(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  messageId: string,
): Promise<OutgoingRow> {
  return ctx.db.transaction(async (tx) => {
    const { lead, message } = await findScheduled(tx, actor, leadId, messageId);
    const author = await authorOf(tx, actor);
    const [updated] = await tx
      .update(messages)
      .set({ status: 'cancelled', lastError: `Skipped by ${author.name}` })
      .where(and(eq(messages.id, message.id), eq(messages.status, 'scheduled')))
      .returning();
    if (!updated) throw goneAlready(message);
    await recordEvent(tx, {
      orgId: lead.orgId,
      leadId: lead.id,
      type: 'message_skipped',
      actorType: 'user',
      actorId: actor.userId,
      reason: `${what(message)} skipped by ${author.name}: it will not be sent`,
      messageId: message.id,
      evidence: { subject: message.subject, dueAt: message.dueAt.toISOString(), step: message.step },
    });
    if (message.kind === 'sequence') await completeFinishedSequences(tx, [lead.id]);
    return updated;
  });
}

/** The lead (visible to the actor) and its email named in the path; another lead's email is not found. */
async function findScheduled(tx: Db, actor: Actor, leadId: string, messageId: string) {
  const lead = await findVisibleLead(tx, actor, leadId);
  // Locked: the check, the update and the event see one row, and a worker's claim waits or skips it.
  const [message] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.leadId, lead.id), eq(messages.orgId, lead.orgId)))
    .for('update');
  if (!message) throw new AppError('NOT_FOUND', `No email ${messageId} of this lead`, { field: 'messageId' });
  if (message.status !== 'scheduled') throw goneAlready(message);
  return { lead, message };
}

function goneAlready(m: OutgoingRow): AppError {
  const state: Record<string, string> = {
    sending: 'being sent',
    sent: 'sent',
    uncertain: 'sent (its delivery is uncertain)',
    failed: 'failed',
    cancelled: 'skipped or cancelled',
  };
  return new AppError(
    'CONFLICT',
    `${what(m)} is already ${state[m.status] ?? m.status}: it can no longer be changed`,
    { details: { status: m.status } },
  );
}
