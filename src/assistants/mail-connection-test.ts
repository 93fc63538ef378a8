import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { openSecret, requireSecretKey } from '../platform/secret-box.ts';
import { type MailboxSettings, validateMailbox } from './assistant-mailbox.ts';
import { getAssistantRow } from './assistant-queries.ts';
import { type SmtpSettings, validateSmtp } from './assistant-smtp.ts';
import { checkMailHost } from './mail-host-guard.ts';

/** What "Test connection" reports: whether it worked, in the server's own words where it said any. */
export type ConnectionTest = { ok: boolean; message: string };

/** A test never holds a request longer than this, whatever the server does. */
export const connectionTestTimeoutMs = 15_000;

/** Settings to try instead of the saved ones; a password left out is the saved one. */
export type MailboxTestInput = Partial<Omit<MailboxSettings, 'password'>> & { password?: string | null };

type Row = Awaited<ReturnType<typeof getAssistantRow>>;

const saved = (ctx: Ctx, sealed: string | null): string | null =>
  sealed ? openSecret(requireSecretKey(ctx.config), sealed) : null;

/** The settings in the body, else the saved ones; a password left out of the body is the saved one. */
function imapSettings(ctx: Ctx, row: Row, body: MailboxTestInput | undefined) {
  if (body?.host !== undefined) {
    const password = body.password || saved(ctx, row.imapPasswordEnc);
    if (!password)
      throw new AppError('VALIDATION', 'password: required (none is saved)', { field: 'password' });
    return validateMailbox({
      host: body.host,
      port: body.port ?? 993,
      tls: body.tls ?? true,
      user: body.user ?? '',
      password,
      mailbox: body.mailbox,
    });
  }
  if (!row.imapHost || !row.imapPort || !row.imapUser || !row.imapPasswordEnc)
    throw new AppError('VALIDATION', 'host: no mailbox is set; send the settings to test', { field: 'host' });
  return {
    host: row.imapHost,
    port: row.imapPort,
    tls: row.imapTls,
    user: row.imapUser,
    password: saved(ctx, row.imapPasswordEnc)!,
    mailbox: row.imapMailbox,
  };
}

function smtpSettings(ctx: Ctx, row: Row, body: Partial<SmtpSettings> | undefined) {
  if (body?.host !== undefined) {
    const user = body.user?.trim() || null;
    const password =
      body.password || (user && user === row.smtpUser ? saved(ctx, row.smtpPasswordEnc) : null);
    return validateSmtp({ host: body.host, port: body.port ?? 587, tls: body.tls ?? false, user, password });
  }
  if (!row.smtpHost || !row.smtpPort)
    throw new AppError('VALIDATION', 'host: no SMTP server is set; send the settings to test', {
      field: 'host',
    });
  return {
    host: row.smtpHost,
    port: row.smtpPort,
    tls: row.smtpTls,
    user: row.smtpUser,
    password: saved(ctx, row.smtpPasswordEnc),
  };
}

/** The server's words from a failure: its response line where it sent one, else the client's error. */
function serverWords(e: unknown): string {
  const err = e as { responseText?: string; response?: string; message?: string; code?: string };
  const words = err.responseText || err.response || err.message || String(e);
  return err.code && !words.includes(err.code) ? `${words} (${err.code})` : words;
}

async function bounded<T>(work: Promise<T>, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`no answer within ${connectionTestTimeoutMs / 1000} s`));
    }, connectionTestTimeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sign in to the IMAP mailbox and open its folder (admins), with the saved
 * settings or those given; nothing is saved or read. The host passes the
 * SSRF guard first (a 400 naming `host`).
 */
export async function testImapConnection(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  body?: MailboxTestInput,
): Promise<ConnectionTest> {
  requireAdmin(actor, "test an assistant's mailbox");
  const row = await getAssistantRow(ctx, actor, assistantId);
  const s = imapSettings(ctx, row, body);
  await checkMailHost(ctx.config, s.host, 'host');
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.tls,
    auth: { user: s.user, pass: s.password },
    logger: false,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: connectionTestTimeoutMs,
    clientInfo: { name: 'Nurture' },
  });
  client.on('error', () => {}); // reported through the awaited calls below
  try {
    const message = await bounded(
      (async () => {
        await client.connect();
        const greeting = (client as unknown as { greeting?: string }).greeting ?? '';
        const box = await client.status(s.mailbox ?? 'INBOX', { messages: true });
        return `Signed in as ${s.user}; ${s.mailbox ?? 'INBOX'} holds ${box ? (box.messages ?? 0) : 0} message(s).${greeting ? ` The server said: ${greeting}` : ''}`;
      })(),
      () => client.close(),
    );
    await client.logout().catch(() => {});
    return { ok: true, message };
  } catch (e) {
    client.close();
    return { ok: false, message: serverWords(e) };
  }
}

/**
 * Connect to the SMTP server and sign in (admins), with the saved settings or
 * those given; nothing is sent or saved. The host passes the SSRF guard first.
 */
export async function testSmtpConnection(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  body?: Partial<SmtpSettings>,
): Promise<ConnectionTest> {
  requireAdmin(actor, "test an assistant's SMTP server");
  const row = await getAssistantRow(ctx, actor, assistantId);
  const s = smtpSettings(ctx, row, body);
  await checkMailHost(ctx.config, s.host, 'host');
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.tls,
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: connectionTestTimeoutMs,
  });
  try {
    await bounded(transport.verify(), () => transport.close());
    return {
      ok: true,
      // nodemailer signs in only where the server offers AUTH; either way the server took us.
      message: s.user
        ? `Connected to ${s.host}:${s.port} as ${s.user}; the server accepted`
        : `Connected to ${s.host}:${s.port}; the server accepted without a sign-in`,
    };
  } catch (e) {
    return { ok: false, message: serverWords(e) };
  } finally {
    transport.close();
  }
}
