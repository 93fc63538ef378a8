import { eq } from 'drizzle-orm';
import { canSeeLead } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Db } from '../db/database.ts';
import { leadLinkUses, leads, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { applyLeadAction } from '../leads/lead-actions.ts';
import type { Ctx } from '../platform/context.ts';
import {
  type LeadLink,
  type LeadLinkAction,
  leadLinkKey,
  leadLinkLabels,
  readLeadLink,
} from './lead-link-tokens.ts';

/**
 * What a signed one-click link of a notification email may do (SPEC §8):
 * its one action on its one lead, as the user it was sent to, once, before
 * it expires — nothing else, and no sign-in. The page shows what the link
 * would do (`previewLeadLink`, which changes nothing, so a link scanner
 * fetching it acts on nothing); the user's button posts `useLeadLink`. Every
 * refusal says the same "not valid" for a forged or altered token, one for
 * another lead, or one whose user can no longer see the lead, so a link
 * tells nobody anything but what it was made for.
 */
export type LeadLinkView = {
  action: LeadLinkAction;
  label: string;
  expiresAt: Date;
  lead: {
    id: string;
    name: string;
    company: string | null;
    state: string;
    subState: string | null;
    atRisk: boolean;
  };
  user: { name: string; email: string };
};

const notValid = () => new AppError('NOT_FOUND', 'This link is not valid', { field: 'token' });

type Checked = { link: LeadLink; actor: Actor; view: LeadLinkView };

async function check(ctx: Ctx, db: Db, leadId: string, token: string): Promise<Checked> {
  const link = readLeadLink(await leadLinkKey(db, ctx.config), token);
  if (!link || link.leadId !== leadId) throw notValid();
  if (link.expiresAt <= ctx.now())
    throw new AppError('REFUSED', 'This link has expired; open the lead in Nurture instead', {
      field: 'token',
    });
  const [used] = await db.select().from(leadLinkUses).where(eq(leadLinkUses.tokenId, link.tokenId));
  if (used)
    throw new AppError(
      'CONFLICT',
      `This link was already used (${used.usedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC); each works once`,
      {
        field: 'token',
      },
    );
  const [user] = await db.select().from(users).where(eq(users.id, link.userId));
  const [lead] = await db.select().from(leads).where(eq(leads.id, leadId));
  if (!user || !lead) throw notValid();
  const actor: Actor = { orgId: user.orgId, userId: user.id, role: user.role };
  // The link acts as its user: it does no more than they may do now (a lead handed to someone else, a removed user).
  if (!(await canSeeLead(db, actor, lead))) throw notValid();
  return { link, actor, view: viewOf(link, lead, user) };
}

function viewOf(
  link: LeadLink,
  lead: typeof leads.$inferSelect,
  user: typeof users.$inferSelect,
): LeadLinkView {
  return {
    action: link.action,
    label: leadLinkLabels[link.action],
    expiresAt: link.expiresAt,
    lead: {
      id: lead.id,
      name: [lead.firstName, lead.lastName].filter(Boolean).join(' ').trim() || lead.email,
      company: lead.company,
      state: lead.state,
      subState: lead.subState,
      atRisk: lead.atRisk,
    },
    user: { name: user.name, email: user.email },
  };
}

/** What the link would do, and to which lead. Changes nothing. */
export async function previewLeadLink(ctx: Ctx, leadId: string, token: string): Promise<LeadLinkView> {
  return (await check(ctx, ctx.db, leadId, token)).view;
}

/**
 * Do what the link says, once: its id is recorded in the transaction of the
 * action (a second use, even at the same moment, finds it and is refused),
 * and a refused action (the lead is hot already) leaves the link unused.
 */
export async function useLeadLink(ctx: Ctx, leadId: string, token: string): Promise<LeadLinkView> {
  return ctx.db.transaction(async (tx) => {
    const { link, actor } = await check(ctx, tx, leadId, token);
    const recorded = await tx
      .insert(leadLinkUses)
      .values({
        tokenId: link.tokenId,
        orgId: actor.orgId,
        leadId,
        userId: actor.userId,
        action: link.action,
        usedAt: ctx.now(),
        expiresAt: link.expiresAt,
      })
      .onConflictDoNothing()
      .returning({ id: leadLinkUses.tokenId });
    if (!recorded.length)
      throw new AppError('CONFLICT', 'This link was already used; each works once', { field: 'token' });
    const after = await applyLeadAction({ ...ctx, db: tx }, actor, leadId, link.action, {
      via: 'signed-link',
    });
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
    return viewOf(link, after, user!);
  });
}
