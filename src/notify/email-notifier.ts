import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { assistants } from '../db/schema.ts';
import type { SenderRegistry } from '../outbound/sender-registry.ts';
import type { Notifier } from './notifier.ts';

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Email to the user's address, from the assistant's own mailbox, through the
 * same sender registry as its sequence emails (its SMTP URL, else SMTP_URL,
 * else the sandbox; DKIM-signed with its key). It is not lead mail: no
 * suppression list, send window, cap or unsubscribe line applies, and it is
 * not counted by the deliverability breakers (they count `messages`).
 */
export function createEmailNotifier(db: Db, senders: SenderRegistry): Notifier {
  return {
    channel: 'email',
    async deliver(n) {
      const [assistant] = await db
        .select({
          name: assistants.name,
          email: assistants.email,
          smtpUrl: assistants.smtpUrl,
          smtpHost: assistants.smtpHost,
          smtpPort: assistants.smtpPort,
          smtpTls: assistants.smtpTls,
          smtpUser: assistants.smtpUser,
          smtpPasswordEnc: assistants.smtpPasswordEnc,
          dkimSelector: assistants.dkimSelector,
          dkimPrivateKeyEnc: assistants.dkimPrivateKeyEnc,
        })
        .from(assistants)
        .where(eq(assistants.id, n.assistantId));
      if (!assistant)
        return { ok: false, permanent: true, error: `No assistant ${n.assistantId} to send from` };
      const outcome = await senders.senderFor(assistant).send({
        from: { name: oneLine(assistant.name), address: assistant.email },
        to: { name: '', address: n.destination },
        subject: oneLine(n.subject),
        text: n.body,
        messageId: n.messageId,
        headers: {
          // RFC 3834: made by a program; auto-responders must not answer it.
          'Auto-Submitted': 'auto-generated',
          'X-Nurture-Notification': n.kind,
        },
      });
      return outcome.ok
        ? { ok: true, detail: outcome.response }
        : { ok: false, permanent: outcome.permanent, error: outcome.error };
    },
  };
}
