import { compose } from '../compose/compose.ts';
import type { assistants, leads, messages } from '../db/schema.ts';
import type { OutgoingMail } from './mail-sender.ts';

type Lead = typeof leads.$inferSelect;
type Assistant = typeof assistants.$inferSelect;
type Message = typeof messages.$inferSelect;

export const unsubscribeUrl = (publicUrl: string, lead: Pick<Lead, 'unsubscribeToken'>): string =>
  `${publicUrl}/u/${lead.unsubscribeToken}`;

/**
 * The email for a planned message: composed text, threading headers, and the
 * RFC 8058 one-click unsubscribe pair on every message.
 */
export function buildOutgoingMail(
  publicUrl: string,
  lead: Lead,
  assistant: Assistant,
  message: Message,
): OutgoingMail {
  const unsubscribe = unsubscribeUrl(publicUrl, lead);
  const composed =
    message.kind === 'manual' && message.subject && message.textBody
      ? { subject: message.subject, text: message.textBody }
      : compose({
          lead,
          assistant,
          position: message.step ?? 0,
          unsubscribeUrl: unsubscribe,
        });
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  return {
    from: { name: assistant.name, address: assistant.email },
    // nodemailer encodes a non-ASCII display name (RFC 2047) and quotes specials.
    to: { name: name.replace(/[\r\n]+/g, ' '), address: lead.email },
    subject: composed.subject,
    text: composed.text,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
