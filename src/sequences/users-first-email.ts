import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { messages } from '../db/schema.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';

/**
 * A user's own email to the lead that started it (EmailCC, SPEC §6.5: "the
 * user's email counts as the first"). It is kept as the lead's step-0
 * message, `sent`, with the user's Message-ID, subject and text, so the
 * sequence goes on from the schedule's next step in the same thread: the
 * follow-ups answer it (In-Reply-To/References, "Re: <subject>"), are timed
 * from it, and quote it. Nurture never sends it (it has no transmission).
 */
export type UsersFirstEmail = {
  /** The user's Message-ID, as written (with its angle brackets). */
  messageId: string;
  subject: string | null;
  text: string | null;
  /** When it reached Nurture: the day-0 of the schedule. */
  sentAt: Date;
  /** Who wrote it (the sending user's address), for the timeline. */
  from: string;
  /** As a quote of it names them: `Name <address>`. */
  fromHeader: string;
  /** The stored inbound message it came in as. */
  inboundMessageId: string;
};

/** Record the user's email as the lead's first message (step 0). */
export async function recordUsersFirstEmail(tx: Db, lead: LeadRow, email: UsersFirstEmail): Promise<void> {
  await tx.insert(messages).values({
    orgId: lead.orgId,
    leadId: lead.id,
    assistantId: lead.assistantId,
    kind: 'sequence',
    step: 0,
    status: 'sent',
    dueAt: email.sentAt,
    sentAt: email.sentAt,
    messageId: email.messageId,
    // Blank, it would not count as sent words (sequence-composer's threadRootOf): the follow-ups would
    // quote a first email the assistant never wrote.
    subject: email.subject?.trim() ? email.subject : '(no subject)',
    textBody: email.text?.trim() ? email.text : ' ',
    writtenBy: email.fromHeader,
    smtpResponse: `sent by ${email.from}, copying the assistant (EmailCC); not sent by Nurture`,
  });
}

/**
 * The user's email a lead's sequence starts after, if any: a sent sequence
 * message before the schedule's first step, planned by nobody (only
 * `recordUsersFirstEmail` writes one).
 */
export async function usersFirstEmailOf(
  tx: Db,
  leadId: string,
  beforeStep: number,
): Promise<{ messageId: string; step: number; sentAt: Date } | null> {
  const [m] = await tx
    .select({ messageId: messages.messageId, step: messages.step, sentAt: messages.sentAt })
    .from(messages)
    .where(
      and(
        eq(messages.leadId, leadId),
        eq(messages.kind, 'sequence'),
        eq(messages.status, 'sent'),
        lt(messages.step, beforeStep),
      ),
    )
    .orderBy(asc(messages.step))
    .limit(1);
  return m?.sentAt ? { messageId: m.messageId, step: m.step ?? 0, sentAt: m.sentAt } : null;
}
