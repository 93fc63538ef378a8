import { isIP } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { assistants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { requireSecretKey, sealSecret } from '../platform/secret-box.ts';
import { type AssistantView, assistantView, getAssistantRow } from './assistant-queries.ts';
import { checkMailHost } from './mail-host-guard.ts';

export type MailboxSettings = {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
  mailbox?: string | null | undefined;
};

const hostname =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
// Control characters in a user or folder name would break the IMAP command line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const controlChars = /[\u0000-\u001f\u007f]/;

/**
 * Point an assistant at the mailbox its replies arrive in (SPEC §6.1, IMAP).
 * Admins only. The password is sealed with SECRET_KEY before it touches the
 * database. Moving to another server, account or folder resets the read
 * cursor, so the reader starts that mailbox afresh; a new password alone keeps
 * it. A worker's reader notices the change on its next scan.
 */
export async function setAssistantMailbox(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  input: MailboxSettings,
): Promise<AssistantView> {
  requireAdmin(actor, "change an assistant's mailbox");
  const s = validateMailbox(input);
  const current = await getAssistantRow(ctx, actor, assistantId);
  await checkMailHost(ctx.config, s.host, 'host');
  const sealed = sealSecret(requireSecretKey(ctx.config), s.password);
  const moved =
    current.imapHost?.toLowerCase() !== s.host.toLowerCase() ||
    current.imapUser !== s.user ||
    current.imapMailbox !== s.mailbox;
  const [row] = await ctx.db
    .update(assistants)
    .set({
      imapHost: s.host,
      imapPort: s.port,
      imapTls: s.tls,
      imapUser: s.user,
      imapPasswordEnc: sealed,
      imapMailbox: s.mailbox,
      imapError: null,
      ...(moved ? { imapUidValidity: null, imapLastUid: 0 } : {}),
    })
    .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
    .returning();
  ctx.log.info('assistant mailbox set', { assistantId, host: s.host, user: s.user, moved });
  return assistantView(row!, ctx.now());
}

/** Stop reading the assistant's mailbox and forget its settings and password. Admins only. */
export async function clearAssistantMailbox(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
): Promise<AssistantView> {
  requireAdmin(actor, "change an assistant's mailbox");
  const current = await getAssistantRow(ctx, actor, assistantId);
  const [row] = await ctx.db
    .update(assistants)
    .set({
      imapHost: null,
      imapPort: null,
      imapTls: true,
      imapUser: null,
      imapPasswordEnc: null,
      imapMailbox: 'INBOX',
      imapUidValidity: null,
      imapLastUid: 0,
      imapError: null,
    })
    .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
    .returning();
  ctx.log.info('assistant mailbox cleared', { assistantId });
  return assistantView(row!, ctx.now());
}

/** A mail server's host: a name or an IP address, nothing else (no scheme, port or path). */
export function checkHostSyntax(input: string, field: string): string {
  const host = input.trim();
  if (!(hostname.test(host) || isIP(host)))
    throw new AppError('VALIDATION', `${field}: a host name or IP address, without scheme or port`, {
      field,
    });
  return host;
}

/** The rules, here rather than only in the HTTP schema, so every caller gets them. */
export function validateMailbox(input: MailboxSettings): MailboxSettings & { mailbox: string } {
  const host = checkHostSyntax(input.host, 'host');
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65_535)
    throw new AppError('VALIDATION', 'port: an integer from 1 to 65535', { field: 'port' });
  const user = input.user.trim();
  if (!user || user.length > 320 || controlChars.test(user))
    throw new AppError('VALIDATION', 'user: 1 to 320 characters, no control characters', { field: 'user' });
  if (!input.password || input.password.length > 1024 || /[\r\n\0]/.test(input.password))
    throw new AppError('VALIDATION', 'password: 1 to 1024 characters, no line breaks', { field: 'password' });
  const mailbox = (input.mailbox ?? 'INBOX').trim() || 'INBOX';
  if (mailbox.length > 200 || controlChars.test(mailbox))
    throw new AppError('VALIDATION', 'mailbox: up to 200 characters, no control characters', {
      field: 'mailbox',
    });
  return { host, port: input.port, tls: input.tls, user, password: input.password, mailbox };
}
