import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { assistants, orgs } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { enqueueNotifications, notificationMessageId } from './outbox.ts';

/**
 * Emails about a person's account (an invitation, a password reset link):
 * written to the notifications outbox in the caller's transaction like every
 * email to a person, and sent by the same worker from the org's first
 * assistant's mailbox (its SMTP, else SMTP_URL, else the sandbox). They have
 * no user (the invitee is not one yet), so no one's notifications list shows
 * them; their one-time link is blanked from the outbox once sent (outbox.ts).
 */
export type AccountEmail = {
  orgId: string;
  kind: 'invitation' | 'password_reset';
  /** What it is about (the invitation or reset id), for the outbox's record. */
  sourceId: string;
  to: string;
  subject: string;
  body: string;
};

export async function enqueueAccountEmail(tx: Db, email: AccountEmail, now: Date): Promise<void> {
  const [sender] = await tx
    .select({ id: assistants.id, email: assistants.email })
    .from(assistants)
    .where(eq(assistants.orgId, email.orgId))
    .orderBy(asc(assistants.createdAt), asc(assistants.id))
    .limit(1);
  if (!sender)
    throw new AppError('CONFLICT', 'The organisation has no assistant to send email from: add one first');
  await enqueueNotifications(
    tx,
    [
      {
        orgId: email.orgId,
        userId: null,
        assistantId: sender.id,
        kind: email.kind,
        channel: 'email',
        sourceId: email.sourceId,
        destination: email.to,
        messageId: notificationMessageId(sender.email),
        subject: email.subject,
        body: email.body,
      },
    ],
    now,
  );
}

/** The org's name, for the emails' words. */
export async function orgName(db: Db, orgId: string): Promise<string> {
  const [org] = await db
    .select({ name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.id, orgId)));
  return org?.name ?? 'your organisation';
}
