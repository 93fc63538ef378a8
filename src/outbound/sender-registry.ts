import { eq } from 'drizzle-orm';
import { checkMailHost } from '../assistants/mail-host-guard.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { sandboxMessages } from '../db/schema.ts';
import { dkimFor } from '../deliverability/dkim-keys.ts';
import { isAppError } from '../errors/app-error.ts';
import { openSecret } from '../platform/secret-box.ts';
import type { MailSender } from './mail-sender.ts';
import { createSmtpSender } from './smtp-sender.ts';

/**
 * Which sender an assistant's mail goes through: its own SMTP server (set in
 * the settings screen), else its SMTP URL, else the instance's SMTP_URL, else
 * the built-in sandbox. One pooled sender per URL.
 */
export type SenderRegistry = {
  /** With the DKIM columns and sending address given, mail is signed (deliverability/dkim-keys.ts). */
  senderFor(assistant: SenderAssistant): MailSender;
  /** True when this assistant's mail goes to the built-in sandbox, not to a real provider. */
  usesSandbox(assistant: SandboxCheck): boolean;
  closeAll(): Promise<void>;
};

/** An assistant's own SMTP server columns (migration 0020); absent on older callers' selections. */
export type OwnSmtp = {
  smtpHost?: string | null;
  smtpPort?: number | null;
  smtpTls?: boolean;
  smtpUser?: string | null;
  smtpPasswordEnc?: string | null;
};
type SandboxCheck = { smtpUrl: string | null } & OwnSmtp;

/** True when the assistant sends through an SMTP server of its own (settings screen or smtp_url). */
export const hasOwnSmtp = (a: SandboxCheck): boolean => Boolean((a.smtpHost && a.smtpPort) || a.smtpUrl);

type SenderAssistant = OwnSmtp & {
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
  /**
   * The assistant's own server as a URL (the password opened from its seal),
   * the SSRF guard asked before each send: DNS answers change after the save.
   */
  const ownServer = (a: SenderAssistant): { url: string; host: string } | null => {
    if (!a.smtpHost || !a.smtpPort) return null;
    const auth =
      a.smtpUser && a.smtpPasswordEnc && config.SECRET_KEY
        ? `${encodeURIComponent(a.smtpUser)}:${encodeURIComponent(openSecret(config.SECRET_KEY, a.smtpPasswordEnc))}@`
        : '';
    const host = a.smtpHost.includes(':') ? `[${a.smtpHost}]` : a.smtpHost;
    return { url: `${a.smtpTls ? 'smtps' : 'smtp'}://${auth}${host}:${a.smtpPort}`, host: a.smtpHost };
  };
  // A host found public stays trusted this long: a dispatch round of a hundred emails asks DNS once.
  const checkedUntil = new Map<string, number>();
  const guarded = (sender: MailSender, host: string): MailSender => ({
    ...sender,
    async send(mail) {
      try {
        if ((checkedUntil.get(host) ?? 0) < Date.now()) {
          await checkMailHost(config, host, 'smtp.host');
          checkedUntil.set(host, Date.now() + 60_000);
        }
      } catch (e) {
        if (!isAppError(e)) throw e;
        // Transient: an admin can fix the settings and the email goes then.
        return { ok: false, permanent: false, code: null, error: `Not sent: ${e.message}` };
      }
      return sender.send(mail);
    },
  });
  return {
    senderFor(assistant) {
      const own = ownServer(assistant);
      if (own) {
        let sender = cache.get(own.url);
        if (!sender) {
          sender = guarded(
            createSmtpSender(own.url, { maxConnections: config.SMTP_MAX_CONNECTIONS }),
            own.host,
          );
          cache.set(own.url, sender);
        }
        return withDkim(sender, own.url, assistant);
      }
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
      return !hasOwnSmtp(assistant) && !config.SMTP_URL;
    },
    async closeAll() {
      signing.clear();
      checkedUntil.clear();
      await Promise.all([...cache.values()].map((s) => s.close()));
      cache.clear();
    },
  };
}
