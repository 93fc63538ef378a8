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

/** An RFC 3464 delivery status notification for a message we sent, as Postfix writes it. */
export function postfixBounce(
  original: { messageId: string; fromAddress: string },
  recipient: string,
  status = '5.1.1',
): Buffer {
  const boundary = 'B0UNCE.1234/mx.example.net';
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
      `To: ${original.fromAddress}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Tue, 1 Dec 2026 10:00:00 +0000',
      `Message-ID: <bounce-${Math.random().toString(36).slice(2)}@mx.example.net>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is the mail system at host mx.example.net.',
      "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
      '',
      `<${recipient}>: host mx.example.net[192.0.2.1] said: 550 ${status} <${recipient}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)`,
      '',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      'Action: failed',
      `Status: ${status}`,
      `Diagnostic-Code: smtp; 550 ${status} <${recipient}>: Recipient address rejected: User unknown in virtual mailbox table`,
      '',
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      `From: Alex <${original.fromAddress}>`,
      `To: ${recipient}`,
      `Message-ID: ${original.messageId}`,
      'Subject: Great to connect',
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}
