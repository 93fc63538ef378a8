import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { assistants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';

export type AssistantRow = typeof assistants.$inferSelect;

/** What the API shows of a mailbox: where and how it is read, never the password. */
export type MailboxView = {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  mailbox: string;
  passwordSet: boolean;
  lastUid: number;
  error: string | null;
  /** The worker reading it now (its lease is current), else null. */
  readBy: string | null;
};

/**
 * An assistant as the API shows it. Secrets stay out: the sealed IMAP
 * password, and the per-assistant SMTP URL (it carries a password) shown only
 * as a flag.
 */
export type AssistantView = Omit<
  AssistantRow,
  | 'orgId'
  | 'smtpUrl'
  | 'imapHost'
  | 'imapPort'
  | 'imapTls'
  | 'imapUser'
  | 'imapPasswordEnc'
  | 'imapMailbox'
  | 'imapUidValidity'
  | 'imapLastUid'
  | 'imapError'
  | 'imapLeasedBy'
  | 'imapLeaseUntil'
  | 'dkimPrivateKeyEnc'
  | 'smtpHost'
  | 'smtpPort'
  | 'smtpTls'
  | 'smtpUser'
  | 'smtpPasswordEnc'
> & { ownSmtp: boolean; mailbox: MailboxView | null; smtp: SmtpView | null };

/** What the API shows of the assistant's own SMTP server: never the password. */
export type SmtpView = {
  host: string;
  port: number;
  tls: boolean;
  user: string | null;
  passwordSet: boolean;
};

export function assistantView(row: AssistantRow, now: Date): AssistantView {
  const {
    orgId: _org,
    smtpUrl,
    imapHost,
    imapPort,
    imapTls,
    imapUser,
    imapPasswordEnc,
    imapMailbox,
    imapUidValidity: _validity,
    imapLastUid,
    imapError,
    imapLeasedBy,
    imapLeaseUntil,
    dkimPrivateKeyEnc: _dkimKey, // sealed, never shown (deliverability/dkim-keys.ts)
    smtpHost,
    smtpPort,
    smtpTls,
    smtpUser,
    smtpPasswordEnc,
    ...rest
  } = row;
  const mailbox: MailboxView | null =
    imapHost && imapPort && imapUser
      ? {
          host: imapHost,
          port: imapPort,
          tls: imapTls,
          user: imapUser,
          mailbox: imapMailbox,
          passwordSet: Boolean(imapPasswordEnc),
          lastUid: imapLastUid,
          error: imapError,
          readBy: imapLeasedBy && imapLeaseUntil && imapLeaseUntil > now ? imapLeasedBy : null,
        }
      : null;
  const smtp: SmtpView | null =
    smtpHost && smtpPort
      ? {
          host: smtpHost,
          port: smtpPort,
          tls: smtpTls,
          user: smtpUser,
          passwordSet: Boolean(smtpPasswordEnc),
        }
      : null;
  return { ...rest, ownSmtp: Boolean(smtpUrl || smtp), mailbox, smtp };
}

/**
 * The org's assistants, oldest first. Every user of the org may see them (they
 * pick one for a lead). Archived ones only when asked for (`archived`: only them).
 */
export async function listAssistants(
  ctx: Ctx,
  actor: Actor,
  opts: { archived?: boolean } = {},
): Promise<AssistantView[]> {
  const rows = await ctx.db
    .select()
    .from(assistants)
    .where(
      and(
        eq(assistants.orgId, actor.orgId),
        opts.archived ? isNotNull(assistants.archivedAt) : isNull(assistants.archivedAt),
      ),
    )
    .orderBy(asc(assistants.createdAt), asc(assistants.id));
  const now = ctx.now();
  return rows.map((r) => assistantView(r, now));
}

/** One assistant of the actor's org; another org's id reads as missing. */
export async function getAssistantRow(ctx: Ctx, actor: Actor, id: string): Promise<AssistantRow> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const [row] = uuid
    ? await ctx.db
        .select()
        .from(assistants)
        .where(and(eq(assistants.id, id), eq(assistants.orgId, actor.orgId)))
    : [];
  if (!row) throw new AppError('NOT_FOUND', `No assistant ${id}`, { field: 'id' });
  return row;
}

export async function getAssistant(ctx: Ctx, actor: Actor, id: string): Promise<AssistantView> {
  return assistantView(await getAssistantRow(ctx, actor, id), ctx.now());
}
