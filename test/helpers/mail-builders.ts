import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

/** A lead's reply to one of our messages, as a mail client would send it. */
export async function replyTo(
  original: { messageId: string; subject: string; fromAddress: string },
  leadEmail: string,
  text: string,
  opts: { date?: Date; headers?: Record<string, string>; html?: string; quoted?: string } = {},
): Promise<Buffer> {
  return new MailComposer({
    from: leadEmail,
    to: original.fromAddress,
    subject: `Re: ${original.subject}`,
    inReplyTo: original.messageId,
    references: original.messageId,
    date: opts.date ?? new Date(),
    text: opts.quoted
      ? `${text}\n\nOn Mon, 1 Dec 2026 at 09:00, Alex <${original.fromAddress}> wrote:\n${opts.quoted}`
      : text,
    html: opts.html,
    headers: opts.headers,
  })
    .compile()
    .build();
}

/** An RFC 3464 delivery status notification for a message we sent, as Postfix writes it (user unknown by default). */
export function postfixBounce(
  original: { messageId: string; fromAddress: string },
  recipient: string,
  status = '5.1.1',
): Buffer {
  return deliveryReport(
    original,
    recipient,
    status,
    `550 ${status} <${recipient}>: Recipient address rejected: User unknown in virtual mailbox table`,
  );
}

/** An RFC 3464 report for one of our messages, with the status and diagnostic given (hard, soft, sender-side). */
export function deliveryReport(
  original: { messageId: string; fromAddress: string },
  recipient: string,
  status: string,
  diagnostic: string,
): Buffer {
  const b = `DSN.${randomUUID()}`;
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
      `To: ${original.fromAddress}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Tue, 1 Dec 2026 10:00:00 +0000',
      `Message-ID: <dsn-${randomUUID()}@mx.example.net>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
      '',
      `--${b}`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      `<${recipient}>: host mx.example.net[192.0.2.1] said: ${diagnostic}`,
      '',
      `--${b}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      `Action: ${status.startsWith('4') ? 'delayed' : 'failed'}`,
      `Status: ${status}`,
      `Diagnostic-Code: smtp; ${diagnostic}`,
      '',
      `--${b}`,
      'Content-Type: text/rfc822-headers',
      '',
      `From: Alex <${original.fromAddress}>`,
      `To: ${recipient}`,
      `Message-ID: ${original.messageId}`,
      'Subject: Great to connect',
      '',
      `--${b}--`,
      '',
    ].join('\r\n'),
  );
}
