import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { checkNewPassword } from '../accounts/password-rules.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { hashToken, newSecretToken } from '../accounts/secret-tokens.ts';
import { publicUrl } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { invitations, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { enqueueAccountEmail, orgName } from '../notify/account-emails.ts';
import { invitationNotice } from '../notify/account-notice.ts';
import type { Ctx } from '../platform/context.ts';

/**
 * Invitations (issue 9, SPEC §10.1 "Team"): an admin invites an address with
 * a role; the invitee gets an email with a one-time link that works until it
 * expires (INVITATION_TTL_HOURS); accepting it sets their name and password,
 * makes them a user of the org and signs them in. Resending makes a new
 * token (the old link dies); cancelling kills it. Only the token's hash is
 * stored.
 */
export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationView = {
  id: string;
  email: string;
  role: 'admin' | 'member';
  invitedBy: string | null;
  createdAt: Date;
  sentAt: Date;
  expiresAt: Date;
  expired: boolean;
};

const view = (r: InvitationRow, now: Date): InvitationView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  invitedBy: r.invitedBy,
  createdAt: r.createdAt,
  sentAt: r.sentAt,
  expiresAt: r.expiresAt,
  expired: r.expiresAt <= now,
});

const open = and(isNull(invitations.acceptedAt), isNull(invitations.cancelledAt));

/** The link the email carries: the token after `#`, so it reaches no server log or Referer. */
const acceptLink = (ctx: Ctx, token: string) => `${publicUrl(ctx.config)}/accept-invitation#token=${token}`;

/** A one-time token and its expiry, counted from now. */
function freshToken(ctx: Ctx): { token: string; hash: string; sentAt: Date; expiresAt: Date } {
  const sentAt = ctx.now();
  const { token, hash } = newSecretToken('ni');
  return {
    token,
    hash,
    sentAt,
    expiresAt: new Date(sentAt.getTime() + ctx.config.INVITATION_TTL_HOURS * 3_600_000),
  };
}

/** The invitation email with the token's link, in the caller's transaction. */
async function sendInvitationEmail(
  ctx: Ctx,
  tx: Db,
  actor: Actor,
  row: InvitationRow,
  token: string,
): Promise<void> {
  const [inviter] = await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId));
  const text = invitationNotice({
    orgName: await orgName(tx, actor.orgId),
    inviterName: inviter?.name || inviter?.email || '',
    role: row.role,
    link: acceptLink(ctx, token),
    expiresAt: row.expiresAt,
  });
  await enqueueAccountEmail(
    tx,
    {
      orgId: actor.orgId,
      kind: 'invitation',
      sourceId: `${row.id}:${row.tokenHash.slice(0, 16)}`,
      to: row.email,
      ...text,
    },
    ctx.now(),
  );
}

/**
 * Invite an address. One already a user of the org is a 409 naming `email`;
 * one with an open invitation gets a fresh one in its place (the old link dies).
 */
export async function inviteUser(
  ctx: Ctx,
  actor: Actor,
  input: { email: string; role: 'admin' | 'member' },
): Promise<InvitationView> {
  const email = input.email.trim();
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), sql`lower(${users.email}) = lower(${email})`));
    if (member)
      throw new AppError('CONFLICT', `email: ${email} is already a user of this organisation`, {
        field: 'email',
      });
    await tx
      .update(invitations)
      .set({ cancelledAt: ctx.now() })
      .where(
        and(eq(invitations.orgId, actor.orgId), sql`lower(${invitations.email}) = lower(${email})`, open),
      );
    const t = freshToken(ctx);
    let created: InvitationRow | undefined;
    try {
      [created] = await tx
        .insert(invitations)
        .values({
          orgId: actor.orgId,
          email,
          role: input.role,
          invitedBy: actor.userId,
          tokenHash: t.hash,
          sentAt: t.sentAt,
          expiresAt: t.expiresAt,
        })
        .returning();
    } catch (e) {
      // Another admin invited the same address at the same moment: theirs stands.
      if (isUniqueViolation(e))
        throw new AppError('CONFLICT', `email: ${email} is being invited right now`, { field: 'email' });
      throw e;
    }
    await sendInvitationEmail(ctx, tx, actor, created!, t.token);
    return view(created!, ctx.now());
  });
}

/** The org's open invitations (expired ones too, marked: an admin resends or cancels them). */
export async function listInvitations(ctx: Ctx, actor: Actor): Promise<InvitationView[]> {
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, actor.orgId), open))
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
  const now = ctx.now();
  return rows.map((r) => view(r, now));
}

/** A new link for an open invitation (expired or not): the old one dies, the expiry starts again. */
export async function resendInvitation(ctx: Ctx, actor: Actor, id: string): Promise<InvitationView> {
  return ctx.db.transaction(async (tx) => {
    const t = freshToken(ctx);
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash: t.hash, sentAt: t.sentAt, expiresAt: t.expiresAt })
      .where(and(eq(invitations.id, id), eq(invitations.orgId, actor.orgId), open))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', `No open invitation ${id}`);
    await sendInvitationEmail(ctx, tx, actor, row, t.token);
    return view(row, ctx.now());
  });
}

export async function cancelInvitation(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const [row] = await ctx.db
    .update(invitations)
    .set({ cancelledAt: ctx.now() })
    .where(and(eq(invitations.id, id), eq(invitations.orgId, actor.orgId), open))
    .returning({ id: invitations.id });
  if (!row) throw new AppError('NOT_FOUND', `No open invitation ${id}`);
}

/** Why a link does not work, said the same for a used, cancelled, replaced or made-up token. */
const deadLink = () =>
  new AppError(
    'NOT_FOUND',
    'token: this invitation link is not valid any more (used, cancelled or replaced)',
    {
      field: 'token',
    },
  );
const expiredLink = () =>
  new AppError(
    'CONFLICT',
    'token: this invitation has expired; ask an admin of the organisation to resend it',
    {
      field: 'token',
    },
  );

async function openByToken(db: Db, token: string, now: Date, lock: boolean): Promise<InvitationRow> {
  const q = db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashToken(token)), open));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw deadLink();
  if (row.expiresAt <= now) throw expiredLink();
  return row;
}

/** What the accept page shows before the invitee sets a password: the org, the address, the role. */
export async function describeInvitation(
  ctx: Ctx,
  token: string,
): Promise<{ email: string; orgName: string; role: 'admin' | 'member'; expiresAt: Date }> {
  const row = await openByToken(ctx.db, token, ctx.now(), false);
  return {
    email: row.email,
    orgName: await orgName(ctx.db, row.orgId),
    role: row.role,
    expiresAt: row.expiresAt,
  };
}

/**
 * Accept: the invitation is used up and the user made in one transaction, so
 * a link works once even when clicked twice at the same moment (the second
 * waits on the row lock, then finds it accepted).
 */
export async function acceptInvitation(
  ctx: Ctx,
  input: { token: string; name: string; password: string },
): Promise<Actor> {
  checkNewPassword(input.password);
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION', 'name: required', { field: 'name' });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const inv = await openByToken(tx, input.token, ctx.now(), true);
    let user: { id: string } | undefined;
    try {
      [user] = await tx
        .insert(users)
        .values({ orgId: inv.orgId, email: inv.email, name, role: inv.role, passwordHash })
        .returning({ id: users.id });
    } catch (e) {
      // Sign-in is by email alone, so an address has one account on the instance.
      if (isUniqueViolation(e))
        throw new AppError('CONFLICT', `email: ${inv.email} already has a Nurture account; sign in with it`, {
          field: 'email',
        });
      throw e;
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: ctx.now(), acceptedUserId: user!.id })
      .where(eq(invitations.id, inv.id));
    return { orgId: inv.orgId, userId: user!.id, role: inv.role };
  });
}
