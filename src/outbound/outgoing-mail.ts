import { composeFromRows } from '../compose/compose.ts';
import { displayName, footerLead, headerName } from '../compose/render-email.ts';
import type { assistants, leads, messages } from '../db/schema.ts';
import { addTracking } from '../tracking/tracked-content.ts';
import type { TrackingLinks } from '../tracking/tracking-tokens.ts';
import type { OutgoingMail } from './mail-sender.ts';

type Lead = typeof leads.$inferSelect;
type Assistant = typeof assistants.$inferSelect;
type Message = typeof messages.$inferSelect;

export const unsubscribeUrl = (publicUrl: string, lead: Pick<Lead, 'unsubscribeToken'>): string =>
  `${publicUrl}/u/${lead.unsubscribeToken}`;

/**
 * The email for a planned message: composed text, threading headers, the
 * RFC 8058 one-click unsubscribe pair on every message, and the open pixel
 * and tracked links the assistant asks for (given `tracking`; the unsubscribe
 * link and headers always stay direct).
 */
export function buildOutgoingMail(
  publicUrl: string,
  lead: Lead,
  assistant: Assistant,
  message: Message,
  tracking?: TrackingLinks,
): OutgoingMail {
  const unsubscribe = unsubscribeUrl(publicUrl, lead);
  // Text written ahead (a manual message, or composed by the dispatcher at send time) goes as written.
  const written =
    message.subject && message.textBody
      ? { subject: message.subject, text: message.textBody }
      : composeFromRows(lead, assistant, message, unsubscribe);
  // SPEC §5.4: every message carries an unsubscribe link, one-off answers too.
  const composed = written.text.includes(unsubscribe)
    ? written
    : { ...written, text: `${written.text.trimEnd()}\n\n--\n${footerLead}${unsubscribe}\n` };
  const body =
    tracking && (assistant.trackOpens || assistant.trackClicks)
      ? addTracking(
          composed.text,
          message.id,
          tracking,
          { opens: assistant.trackOpens, clicks: assistant.trackClicks },
          (url) => url === unsubscribe,
        )
      : { text: composed.text };
  return {
    from: { name: headerName(assistant.name), address: assistant.email },
    // nodemailer encodes a non-ASCII display name (RFC 2047) and quotes specials.
    to: { name: displayName(lead), address: lead.email },
    ...(message.cc?.length ? { cc: message.cc.map((a) => ({ ...a, name: headerName(a.name) })) } : {}),
    ...(message.replyTo?.length
      ? { replyTo: message.replyTo.map((a) => ({ ...a, name: headerName(a.name) })) }
      : {}),
    subject: composed.subject,
    text: body.text,
    ...(body.html ? { html: body.html } : {}),
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
