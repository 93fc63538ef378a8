import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { findVisibleLead } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { headerSafe } from '../compose/render-email.ts';
import type { Db } from '../db/database.ts';
import { assistants, messages, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { exchangeEntries } from './conversation.ts';
import { loadExchange, type OutgoingRow } from './lead-exchange.ts';
import { messageAsAssistant } from './message-text.ts';
import { replyPlace } from './thread-headers.ts';

export type WriteMessageInput = { text: string; sendAt?: Date | null; subject?: string | null };

/** How far ahead a message may be timed: further than this is more likely a typo than a plan. */
export const maxSendAheadDays = 366;

/** The states in which the lead is not emailed at all (the lead-state send rule says the same at send time). */
const notEmailed = new Set(['deactivated', 'unsubscribed']);

/**
 * A user writes to the lead as the assistant (SPEC §6.4): an email from the
 * assistant's mailbox, signed as the assistant signs, in the lead's thread
 * (answering its latest message, sent or received), due now or at the time
 * chosen. It is a `manual` message: the dispatcher sends its text as written,
 * through every send rule (suppression, a lead stopped meanwhile, the caps),
 * with an explicit time, so the assistant's send window does not hold it.
 */
export async function writeMessage(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  input: WriteMessageInput,
): Promise<OutgoingRow> {
  const now = ctx.now();
  checkSendAt(input.sendAt ?? null, now);
  const row = await ctx.db.transaction(async (tx) => {
    const lead = await findVisibleLead(tx, actor, leadId);
    if (notEmailed.has(lead.state))
      throw new AppError(
        'CONFLICT',
        `The lead is ${lead.state}${lead.subState ? ` (${lead.subState})` : ''}: it is not emailed`,
      );
    // SPEC §7: nothing goes to an address before it is checked, and a waiting lead's is checked when it starts.
    if (lead.state === 'new')
      throw new AppError(
        'CONFLICT',
        'The lead waits for plan capacity: its address is checked when it starts, so activate it first',
      );
    const [assistant] = await tx.select().from(assistants).where(eq(assistants.id, lead.assistantId));
    const author = await authorOf(tx, actor);
    const place = replyPlace(exchangeEntries(await loadExchange(tx, lead), assistant!));
    const subject = place?.subject ?? input.subject?.trim();
    if (!subject)
      throw new AppError('VALIDATION', 'subject: nothing has been sent to this lead yet, so give a subject', {
        field: 'subject',
      });
    const domain = assistant!.email.split('@')[1] ?? 'nurture.local';
    const dueAt = input.sendAt ?? now;
    const [message] = await tx
      .insert(messages)
      .values({
        orgId: lead.orgId,
        leadId: lead.id,
        assistantId: assistant!.id,
        kind: 'manual',
        step: null,
        status: 'scheduled',
        dueAt,
        // The user chose the moment: the send window and send-time optimisation do not move it.
        explicitTime: true,
        // The reply token in the Message-ID matches an answer to it even when a client drops the headers.
        messageId: `<${randomUUID()}.${lead.replyToken}@${domain}>`,
        subject: headerSafe(subject),
        textBody: messageAsAssistant(input.text, assistant!, place?.answering ?? null),
        inReplyTo: place?.inReplyTo ?? null,
        references: place?.references ?? [],
        writtenBy: author.header,
      })
      .returning();
    await recordEvent(tx, {
      orgId: lead.orgId,
      leadId: lead.id,
      type: 'message_written',
      actorType: 'user',
      actorId: actor.userId,
      reason: input.sendAt
        ? `${author.name} wrote a message as ${assistant!.name}, to go at ${dueAt.toISOString()}`
        : `${author.name} wrote a message as ${assistant!.name}, sent now`,
      messageId: message!.id,
      evidence: {
        subject: message!.subject,
        sendAt: dueAt.toISOString(),
        inReplyTo: message!.inReplyTo,
      },
    });
    return message!;
  });
  ctx.wake.dispatcher();
  return row;
}

/** A chosen send time must still be ahead (a past one is a mistake, not "now") and not absurdly far. */
export function checkSendAt(sendAt: Date | null, now: Date): void {
  if (!sendAt) return;
  if (Number.isNaN(sendAt.getTime()))
    throw new AppError('VALIDATION', 'sendAt: not a valid date and time', { field: 'sendAt' });
  if (sendAt.getTime() < now.getTime())
    throw new AppError('VALIDATION', `sendAt: ${sendAt.toISOString()} is in the past`, { field: 'sendAt' });
  if (sendAt.getTime() > now.getTime() + maxSendAheadDays * 86_400_000)
    throw new AppError('VALIDATION', `sendAt: at most ${maxSendAheadDays} days ahead`, { field: 'sendAt' });
}

/** The user as the timeline names them, and as `written_by` records who wrote an email. */
export async function authorOf(db: Db, actor: Actor): Promise<{ name: string; header: string }> {
  const [u] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.orgId, actor.orgId)));
  const name = u?.name.trim() || u?.email || 'A user';
  return { name, header: u ? (u.name.trim() ? `${u.name.trim()} <${u.email}>` : u.email) : name };
}
