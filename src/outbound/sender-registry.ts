import { eq } from 'drizzle-orm';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { sandboxMessages } from '../db/schema.ts';
import { dkimFor } from '../deliverability/dkim-keys.ts';
import type { MailSender } from './mail-sender.ts';
import { createSmtpSender } from './smtp-sender.ts';

/**
 * Which sender an assistant's mail goes through: its own SMTP URL, else the
 * instance's SMTP_URL, else the built-in sandbox. One pooled sender per URL.
 */
export type SenderRegistry = {
  /** With the DKIM columns and sending address given, mail is signed (deliverability/dkim-keys.ts). */
  senderFor(assistant: SenderAssistant): MailSender;
  /** True when this assistant's mail goes to the built-in sandbox, not to a real provider. */
  usesSandbox(assistant: { smtpUrl: string | null }): boolean;
  closeAll(): Promise<void>;
};

type SenderAssistant = {
  smtpUrl: string | null;
  email?: string;
  dkimSelector?: string | null;
  dkimPrivateKeyEnc?: string | null;
};

export function createSenderRegistry(db: Db, config: Config): SenderRegistry {
  const cache = new Map<string, MailSender>();
  const signing = new Map<string, MailSender>();
  const sandboxUrl = `smtp://127.0.0.1:${config.SANDBOX_SMTP_PORT}`;
  // The sandbox stores what it accepts before it answers 250, so its table is
  // the truth about what was delivered.
  const sandboxLookup = async (messageId: string) => {
    const [row] = await db
      .select({ id: sandboxMessages.id })
      .from(sandboxMessages)
      .where(eq(sandboxMessages.messageId, messageId));
    return Boolean(row);
  };
  // The same pooled transport, each message signed with the assistant's key
  // (opened once per key, not per message).
  const withDkim = (sender: MailSender, url: string, a: SenderAssistant): MailSender => {
    if (!a.email || !((a.dkimSelector && a.dkimPrivateKeyEnc) || config.DKIM_SELECTOR)) return sender;
    const key = [url, a.email, a.dkimSelector, a.dkimPrivateKeyEnc].join('\n');
    let signed = signing.get(key);
    if (!signed) {
      const dkim = dkimFor(config, { ...a, email: a.email });
      if (!dkim) return sender;
      signed = { ...sender, send: (mail) => sender.send({ ...mail, dkim }) };
      signing.set(key, signed);
    }
    return signed;
  };
  return {
    senderFor(assistant) {
      const url = assistant.smtpUrl ?? config.SMTP_URL ?? sandboxUrl;
      let sender = cache.get(url);
      if (!sender) {
        sender = createSmtpSender(url, {
          maxConnections: config.SMTP_MAX_CONNECTIONS,
          wasDelivered: url === sandboxUrl ? sandboxLookup : undefined,
        });
        cache.set(url, sender);
      }
      return withDkim(sender, url, assistant);
    },
    usesSandbox(assistant) {
      return !assistant.smtpUrl && !config.SMTP_URL;
    },
    async closeAll() {
      signing.clear();
      await Promise.all([...cache.values()].map((s) => s.close()));
      cache.clear();
    },
  };
}
