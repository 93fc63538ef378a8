import { and, desc, eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import { sandboxMessagesVisibleTo } from '../access/record-access.ts';
import type { Actor } from '../accounts/actor.ts';
import { messages, sandboxMessages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { ingestRaw } from '../inbound/ingest.ts';
import type { Ctx } from '../platform/context.ts';

type SandboxRow = typeof sandboxMessages.$inferSelect;

/**
 * What the sandbox caught for this org that the actor may read (their leads' mail, mail to them;
 * an admin all of it), newest first, with the lead each message went to.
 */
export async function listSandboxMessages(ctx: Ctx, actor: Actor, limit = 100) {
  const rows = await ctx.db
    .select({ s: sandboxMessages, leadId: messages.leadId, sentAt: messages.sentAt })
    .from(sandboxMessages)
    .leftJoin(messages, eq(messages.messageId, sandboxMessages.messageId))
    .where(sandboxMessagesVisibleTo(actor))
    .orderBy(desc(sandboxMessages.receivedAt))
    .limit(limit);
  return rows.map((r) => summary(r.s, r.leadId, r.sentAt));
}

export async function getSandboxMessage(ctx: Ctx, actor: Actor, id: string) {
  const r = await findOne(ctx, actor, id);
  return {
    ...summary(r.s, r.leadId, r.sentAt),
    headers: r.s.headers,
    raw: r.s.raw,
    receivedCount: r.s.receivedCount,
  };
}

/**
 * Answer a sandbox message as the lead would: a real RFC 5322 reply (threaded
 * by In-Reply-To/References, the original quoted below) into the same inbound
 * pipeline every other channel uses.
 */
export async function replyAsLead(ctx: Ctx, actor: Actor, id: string, text: string) {
  const { s } = await findOne(ctx, actor, id);
  const lead = s.envelopeTo[0] ?? s.toHeader ?? 'lead@example.com';
  const quoted = (s.textBody ?? '')
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  const raw = await new MailComposer({
    from: lead,
    to: s.envelopeFrom ?? s.fromHeader ?? undefined,
    subject: /^re:/i.test(s.subject ?? '') ? s.subject! : `Re: ${s.subject ?? ''}`,
    inReplyTo: s.messageId,
    references: [s.headers.references, s.messageId].filter(Boolean).join(' '),
    date: ctx.now(),
    text: `${text}\n\nOn ${s.receivedAt.toUTCString()}, ${s.fromHeader ?? 'the assistant'} wrote:\n${quoted}\n`,
  })
    .compile()
    .build();
  return ingestRaw(ctx, 'sandbox', raw, { orgId: actor.orgId });
}

async function findOne(ctx: Ctx, actor: Actor, id: string) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const [r] = uuid
    ? await ctx.db
        .select({ s: sandboxMessages, leadId: messages.leadId, sentAt: messages.sentAt })
        .from(sandboxMessages)
        .leftJoin(messages, eq(messages.messageId, sandboxMessages.messageId))
        .where(and(eq(sandboxMessages.id, id), sandboxMessagesVisibleTo(actor)))
    : [];
  if (!r) throw new AppError('NOT_FOUND', `No sandbox message ${id}`, { field: 'id' });
  return r;
}

function summary(s: SandboxRow, leadId: string | null, sentAt: Date | null) {
  return {
    id: s.id,
    to: s.toHeader ?? s.envelopeTo.join(', '),
    from: s.fromHeader ?? s.envelopeFrom ?? '',
    subject: s.subject ?? '',
    text: s.textBody ?? '',
    messageId: s.messageId,
    leadId,
    sentAt: (sentAt ?? s.receivedAt).toISOString(),
  };
}
