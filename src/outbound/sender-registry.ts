import { eq } from 'drizzle-orm';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { sandboxMessages } from '../db/schema.ts';
import type { MailSender } from './mail-sender.ts';
import { createSmtpSender } from './smtp-sender.ts';

/**
 * Which sender an assistant's mail goes through: its own SMTP URL, else the
 * instance's SMTP_URL, else the built-in sandbox. One pooled sender per URL.
 */
export type SenderRegistry = {
  senderFor(assistant: { smtpUrl: string | null }): MailSender;
  /** True when this assistant's mail goes to the built-in sandbox, not to a real provider. */
  usesSandbox(assistant: { smtpUrl: string | null }): boolean;
  closeAll(): Promise<void>;
};

export function createSenderRegistry(db: Db, config: Config): SenderRegistry {
  const cache = new Map<string, MailSender>();
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
      return sender;
    },
    usesSandbox(assistant) {
      return !assistant.smtpUrl && !config.SMTP_URL;
    },
    async closeAll() {
      await Promise.all([...cache.values()].map((s) => s.close()));
      cache.clear();
    },
  };
}
