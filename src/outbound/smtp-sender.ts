import nodemailer from 'nodemailer';
import type { MailSender, OutgoingMail, SendOutcome } from './mail-sender.ts';

/**
 * nodemailer over a pooled SMTP connection. A 5xx reply is permanent (it will
 * become a bounce); 4xx and connection failures are transient and retried.
 */
export function createSmtpSender(
  url: string,
  opts: { maxConnections: number; wasDelivered?: (messageId: string) => Promise<boolean | 'unknown'> },
): MailSender {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: opts.maxConnections,
    maxMessages: Number.POSITIVE_INFINITY,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail: OutgoingMail): Promise<SendOutcome> {
      try {
        const info = await transport.sendMail({
          from: mail.from,
          to: mail.to,
          cc: mail.cc?.length ? mail.cc : undefined,
          replyTo: mail.replyTo?.length ? mail.replyTo : undefined,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          inReplyTo: mail.inReplyTo ?? undefined,
          references: mail.references?.length ? mail.references : undefined,
          headers: mail.headers,
          dkim: mail.dkim,
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        return { ok: true, response: String(info.response ?? '') };
      } catch (e) {
        const err = e as { responseCode?: number; code?: string; message?: string; response?: string };
        const code = typeof err.responseCode === 'number' ? err.responseCode : null;
        return {
          ok: false,
          permanent: code !== null && code >= 500,
          code,
          error: err.response ?? err.message ?? String(e),
        };
      }
    },
    wasDelivered: opts.wasDelivered ?? (async () => 'unknown'),
    async close() {
      transport.close();
    },
  };
}
