import { and, eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { assistants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { requireSecretKey, sealSecret } from '../platform/secret-box.ts';
import { checkHostSyntax } from './assistant-mailbox.ts';
import { type AssistantView, assistantView, getAssistantRow } from './assistant-queries.ts';
import { checkMailHost } from './mail-host-guard.ts';

/** The assistant's own SMTP server (SPEC §3 Mailbox). No user: a relay that takes mail unauthenticated. */
export type SmtpSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (465); false: STARTTLS when the server offers it (587, 25). */
  tls: boolean;
  user?: string | null | undefined;
  password?: string | null | undefined;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const controlChars = /[\u0000-\u001f\u007f]/;

/** The rules, here rather than only in the HTTP schema, so every caller gets them. */
export function validateSmtp(
  input: SmtpSettings,
): SmtpSettings & { user: string | null; password: string | null } {
  const host = checkHostSyntax(input.host, 'host');
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65_535)
    throw new AppError('VALIDATION', 'port: an integer from 1 to 65535', { field: 'port' });
  if (typeof input.tls !== 'boolean')
    throw new AppError('VALIDATION', 'tls: true or false', { field: 'tls' });
  const user = input.user?.trim() || null;
  if (user && (user.length > 320 || controlChars.test(user)))
    throw new AppError('VALIDATION', 'user: up to 320 characters, no control characters', { field: 'user' });
  const password = input.password || null;
  if (password && (password.length > 1024 || /[\r\n\0]/.test(password)))
    throw new AppError('VALIDATION', 'password: up to 1024 characters, no line breaks', {
      field: 'password',
    });
  return { host, port: input.port, tls: input.tls, user, password };
}

/**
 * Send the assistant's mail through its own SMTP server (admins). The
 * password is sealed with SECRET_KEY and never returned; left out, the saved
 * one is kept (same user). The sender registry picks the change up at the
 * next send.
 */
export async function setAssistantSmtp(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  input: SmtpSettings,
): Promise<AssistantView> {
  requireAdmin(actor, "change an assistant's SMTP server");
  const s = validateSmtp(input);
  const current = await getAssistantRow(ctx, actor, assistantId);
  await checkMailHost(ctx.config, s.host, 'host');
  const keepSaved = !s.password && s.user && s.user === current.smtpUser && current.smtpPasswordEnc;
  if (s.user && !s.password && !keepSaved)
    throw new AppError('VALIDATION', 'password: required with a user', { field: 'password' });
  const passwordEnc = !s.user
    ? null
    : s.password
      ? sealSecret(requireSecretKey(ctx.config), s.password)
      : current.smtpPasswordEnc;
  const [row] = await ctx.db
    .update(assistants)
    .set({
      smtpHost: s.host,
      smtpPort: s.port,
      smtpTls: s.tls,
      smtpUser: s.user,
      smtpPasswordEnc: passwordEnc,
      updatedAt: sql`now()`,
    })
    .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
    .returning();
  ctx.log.info('assistant SMTP server set', { assistantId, host: s.host, port: s.port });
  return assistantView(row!, ctx.now());
}

/** Forget the assistant's own SMTP server: its mail goes through smtp_url, SMTP_URL or the sandbox again. */
export async function clearAssistantSmtp(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
): Promise<AssistantView> {
  requireAdmin(actor, "change an assistant's SMTP server");
  const current = await getAssistantRow(ctx, actor, assistantId);
  const [row] = await ctx.db
    .update(assistants)
    .set({
      smtpHost: null,
      smtpPort: null,
      smtpTls: false,
      smtpUser: null,
      smtpPasswordEnc: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
    .returning();
  ctx.log.info('assistant SMTP server cleared', { assistantId });
  return assistantView(row!, ctx.now());
}
