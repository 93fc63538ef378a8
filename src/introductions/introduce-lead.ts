import { and, eq } from 'drizzle-orm';
import { findVisibleLead } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { headerSafe } from '../compose/render-email.ts';
import { exchangeEntries } from '../conversation/conversation.ts';
import { loadExchange } from '../conversation/lead-exchange.ts';
import { replyPlace } from '../conversation/thread-headers.ts';
import type { Db } from '../db/database.ts';
import { assistants, leads, type MailAddress, messages, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { changeLeadState, type LeadRow } from '../leads/lead-state-change.ts';
import { statePairOf, transition } from '../leads/lead-states.ts';
import type { Ctx } from '../platform/context.ts';
import { newMessageId } from '../sequences/plan-sequence.ts';
import { recordEvent } from '../timeline/record-event.ts';
import {
  checkIntroductionText,
  defaultIntroductionText,
  type IntroducedUser,
  introductionBody,
  userDisplayName,
} from './introduction-text.ts';

type MessageRow = typeof messages.$inferSelect;

/** The email an introduction is, before it is sent (also what the preview shows). */
export type IntroductionDraft = {
  to: MailAddress;
  cc: MailAddress[];
  replyTo: MailAddress[];
  subject: string;
  text: string;
  inReplyTo: string | null;
  references: string[];
  /** Where the text came from: this request, the user's own, or the default. */
  textFrom: 'request' | 'profile' | 'default';
};

type Parts = { lead: LeadRow; assistant: typeof assistants.$inferSelect; user: IntroducedUser };

/**
 * Introduce Me (SPEC §6.3): the assistant emails the lead, copying the user
 * who introduces themselves, in the lead's thread (under its latest message,
 * "Re:" its subject), from the user's introduction text (or `text`, for this
 * one email). Replies go to both the assistant and the user (Reply-To), so a
 * lead who presses Reply reaches the user and the timeline still records it.
 * One transaction: the state machine's `introduce` (the sequence stops:
 * hot, or responded, sub-state `Introduced`), the email queued to go now
 * (through the send rules: suppression, exclusions, breakers still apply),
 * the lead marked introduced (the assistant stays out of its replies from
 * now on: inbound/introduced-thread.ts), no longer at risk, and an
 * `introduced` event by the user. The dispatcher is woken.
 */
export async function introduceLead(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  input: { text?: string | null },
): Promise<{ lead: LeadRow; message: MessageRow; draft: IntroductionDraft }> {
  const result = await ctx.db.transaction(async (tx) => {
    const parts = await partsOf(tx, actor, leadId, true);
    // The state machine speaks first: an unsubscribed lead is refused before the text is judged.
    transition(statePairOf(parts.lead), { type: 'introduce' });
    const draft = await draftFor(tx, actor, parts, input);
    const by = { actorType: 'user' as const, actorId: actor.userId };
    const reason = `Introduced ${userDisplayName(parts.user)} to the lead: the assistant emails them copying the user, who takes it from here`;
    const moved = await changeLeadState(
      tx,
      parts.lead,
      { type: 'introduce' },
      { ...by, reason },
      { strict: true },
    );
    const [message] = await tx
      .insert(messages)
      .values({
        orgId: parts.lead.orgId,
        leadId: parts.lead.id,
        assistantId: parts.assistant.id,
        kind: 'manual',
        step: null,
        status: 'scheduled',
        dueAt: ctx.now(),
        // A user's own email goes now, not at the next send-window opening.
        explicitTime: true,
        messageId: newMessageId(parts.lead.replyToken, parts.assistant.email),
        subject: draft.subject,
        textBody: draft.text,
        inReplyTo: draft.inReplyTo,
        references: draft.references,
        cc: draft.cc,
        replyTo: draft.replyTo,
      })
      .returning();
    // "At risk" is cleared by the `introduced` event below (a user's action), with its own event.
    await tx
      .update(leads)
      .set({ introducedAt: ctx.now(), introducedBy: actor.userId })
      .where(eq(leads.id, parts.lead.id));
    await recordEvent(tx, {
      orgId: parts.lead.orgId,
      leadId: parts.lead.id,
      type: 'introduced',
      ...by,
      reason: `${userDisplayName(parts.user)} introduced by the assistant, copied on the email; their replies in this thread are theirs (the assistant stays out)`,
      messageId: message!.id,
      evidence: {
        cc: draft.cc.map((a) => a.address),
        subject: draft.subject,
        inReplyTo: draft.inReplyTo,
        textFrom: draft.textFrom,
        wasAtRisk: parts.lead.atRisk,
        state: { from: parts.lead.state, to: moved?.state ?? parts.lead.state },
      },
    });
    const [lead] = await tx.select().from(leads).where(eq(leads.id, parts.lead.id));
    return { lead: lead!, message: message!, draft };
  });
  ctx.wake.dispatcher();
  return result;
}

/** The introduction as it would go now, nothing written (the form's preview). */
export async function previewIntroduction(
  ctx: Ctx,
  actor: Actor,
  leadId: string,
  input: { text?: string | null },
): Promise<IntroductionDraft> {
  const parts = await partsOf(ctx.db, actor, leadId, false);
  return draftFor(ctx.db, actor, parts, input);
}

async function partsOf(db: Db, actor: Actor, leadId: string, forUpdate: boolean): Promise<Parts> {
  const lead = await findVisibleLead(db, actor, leadId, { forUpdate });
  const [assistant] = await db.select().from(assistants).where(eq(assistants.id, lead.assistantId));
  const [user] = await db
    .select({ name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.orgId, actor.orgId)));
  if (!assistant || !user)
    throw new AppError('NOT_FOUND', `Lead ${leadId} has no assistant or user to introduce`);
  return { lead, assistant, user };
}

async function draftFor(
  db: Db,
  actor: Actor,
  { lead, assistant, user }: Parts,
  input: { text?: string | null },
): Promise<IntroductionDraft> {
  const given = input.text?.trim() ? input.text : null;
  if (input.text != null && !given)
    throw new AppError('VALIDATION', 'text: empty; leave it out to use your introduction text', {
      field: 'text',
    });
  if (given) checkIntroductionText(given, 'text');
  const [own] = given
    ? []
    : await db
        .select({ text: users.introductionText })
        .from(users)
        .where(and(eq(users.id, actor.userId), eq(users.orgId, actor.orgId)));
  const template = given ?? own?.text ?? defaultIntroductionText;
  // The lead's thread, placed as a message written as the assistant is (one rule for both).
  const thread = replyPlace(exchangeEntries(await loadExchange(db, lead), assistant));
  const userAddress = { name: userDisplayName(user), address: user.email };
  const assistantAddress = { name: assistant.name, address: assistant.email };
  return {
    to: { name: [lead.firstName, lead.lastName].filter(Boolean).join(' '), address: lead.email },
    cc: [userAddress],
    replyTo: [assistantAddress, userAddress],
    subject: headerSafe(thread?.subject ?? `Introducing ${userDisplayName(user)}`),
    text: introductionBody(template, { lead, assistant, user }),
    inReplyTo: thread?.inReplyTo ?? null,
    references: thread?.references ?? [],
    textFrom: given ? 'request' : own?.text ? 'profile' : 'default',
  };
}
