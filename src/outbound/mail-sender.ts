/**
 * The narrow edge between Nurture and a mail provider. Anything that can send
 * an RFC 5322 message and (optionally) confirm a delivery by Message-ID fits:
 * an SMTP relay, the sandbox, a provider API later.
 */
export type OutgoingMail = {
  from: { name: string; address: string };
  to: { name: string; address: string };
  /** Copied recipients (an introduction copies its user); absent or empty: none. */
  cc?: { name: string; address: string }[];
  /** Where answers go when not to `from` (an introduction: the assistant and its user). */
  replyTo?: { name: string; address: string }[];
  subject: string;
  text: string;
  /** An HTML alternative to `text` (open tracking); absent: a plain-text message. */
  html?: string;
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  headers: Record<string, string>;
  /** DKIM-sign with this key (deliverability/dkim-keys.ts); absent: unsigned. */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
};

export type SendOutcome =
  | { ok: true; response: string }
  | { ok: false; permanent: boolean; code: number | null; error: string };

export type MailSender = {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  /**
   * After a worker died mid-send: did this message reach the provider?
   * 'unknown' when the transport cannot tell; such a send is then never
   * repeated automatically (at most once) but listed for a human to retry.
   */
  wasDelivered(messageId: string): Promise<boolean | 'unknown'>;
  close(): Promise<void>;
};
