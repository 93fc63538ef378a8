import { eq } from 'drizzle-orm';
import { leads } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { changeLeadState } from '../leads/lead-state-change.ts';
import type { Ctx } from '../platform/context.ts';
import { suppress } from './suppression.ts';

/**
 * The lead used the unsubscribe link or the RFC 8058 one-click POST: the lead
 * is unsubscribed and the address joins the org's suppression list forever.
 * Idempotent: a second click changes nothing and still succeeds.
 */
export async function unsubscribeByToken(
  ctx: Ctx,
  token: string,
  via: 'one-click' | 'page',
): Promise<{ email: string }> {
  return ctx.db.transaction(async (tx) => {
    const [lead] = await tx.select().from(leads).where(eq(leads.unsubscribeToken, token)).for('update');
    if (!lead) throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid');
    await changeLeadState(
      tx,
      lead,
      { type: 'unsubscribe', by: 'lead' },
      {
        actorType: 'lead',
        reason:
          via === 'one-click'
            ? 'One-click unsubscribe from the mail client (RFC 8058)'
            : 'Unsubscribe link in the email',
        evidence: { via },
      },
    );
    await suppress(tx, lead.orgId, lead.email, 'LinkClicked', lead.id);
    return { email: lead.email };
  });
}

export async function leadEmailForToken(ctx: Ctx, token: string): Promise<string> {
  const [lead] = await ctx.db
    .select({ email: leads.email })
    .from(leads)
    .where(eq(leads.unsubscribeToken, token));
  if (!lead) throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid');
  return lead.email;
}
