import type { NewNotification } from './outbox.ts';
import { notificationMessageId } from './outbox.ts';

/**
 * A copy of a user's lead email for each of their team addresses (SPEC §8,
 * notification settings): its own outbox row per address (delivered,
 * retried and recorded like any email; the source says whose copy it is, so
 * it is written once), its body without the one-click links — they act as
 * the user — and read from the start, so the user's unread count is theirs.
 */
export function teamCopyRows(
  email: NewNotification,
  addresses: readonly string[],
  copyBody: string,
  fromAddress: string,
  now: Date,
  ownerEmail: string,
): NewNotification[] {
  const body = `(A copy for the team of ${ownerEmail}, who chose to share these emails.)\n\n${copyBody}`;
  return [...new Set(addresses.map((a) => a.toLowerCase()))].map((address) => ({
    ...email,
    sourceId: `${email.sourceId}:copy:${address}`,
    destination: address,
    messageId: notificationMessageId(fromAddress),
    body,
    readAt: now,
  }));
}
