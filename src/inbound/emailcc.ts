import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { publicUrl } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { inboundMessages, leads, messages } from '../db/schema.ts';
import { isAppError } from '../errors/app-error.ts';
import { addLead } from '../leads/add-lead.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import { finishedStates } from '../leads/lead-states.ts';
import { type EmailCcOutcome, emailCcNotice } from '../notify/emailcc-notice.ts';
import { enqueueNotifications, notificationMessageId } from '../notify/outbox.ts';
import type { Ctx } from '../platform/context.ts';
import type { UsersFirstEmail } from '../sequences/users-first-email.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { Analysis } from './analyse-message.ts';
import { emailCcLeadName } from './emailcc-lead-name.ts';
import type { EmailCc } from './emailcc-recognise.ts';
import { failsDmarc, type SenderAuth } from './sender-auth.ts';

/** What processing already worked out of the stored message. */
export type EmailCcMessage = {
  id: string;
  receivedAt: Date;
  analysis: Analysis;
  senderAuth: SenderAuth | null;
  /** The columns every processed inbound row gets (from, subject, classification…). */
  summary: Partial<typeof inboundMessages.$inferInsert>;
};

/**
 * Act on an EmailCC (SPEC §6.5; recognised by emailcc-recognise.ts). A
 * sender failing DMARC where it can be checked creates nothing and is told
 * nothing: the message is `held` with the reason. Otherwise each `To`
 * recipient becomes a lead through `addLead` (owner the sender, source
 * `emailcc`, the assistant's default EmailCC schedule from its second step,
 * in the thread of the user's email, which is kept as its first), or, when it
 * is already a lead of the assistant, the email counts as the user's action
 * on it (at risk no more). The sender is then told, once, what came of each.
 * Each lead is added in its own transaction (as addLead does); a message
 * retried after a crash finds the leads it made already there.
 */
export async function actOnEmailCc(ctx: Ctx, m: EmailCcMessage, cc: EmailCc): Promise<void> {
  if (failsDmarc(m.senderAuth)) {
    const auth = m.senderAuth!;
    await finish(ctx.db, ctx.now(), m, {
      status: 'held',
      error: `EmailCC not acted on: the sender ${cc.user.email} failed DMARC${auth.domain ? ` for ${auth.domain}` : ''}${
        auth.policy ? ` (policy ${auth.policy})` : ''
      }, ${auth.source === 'smtp-listener' ? 'checked on arrival' : 'per the receiving server'}; nothing was created and nobody was told`,
    });
    ctx.log.warn('EmailCC from a sender failing DMARC: nothing done', { id: m.id, from: cc.user.email });
    return;
  }
  const a = m.analysis;
  const actor = { orgId: cc.assistant.orgId, userId: cc.user.id, role: cc.user.role };
  const firstEmail: UsersFirstEmail = {
    // Without a Message-ID the follow-ups can't answer it: they thread under one of ours, named after it.
    messageId: a.messageId ?? `<emailcc.${m.id}@nurture.invalid>`,
    subject: a.subject,
    text: a.text,
    sentAt: m.receivedAt,
    from: cc.user.email,
    fromHeader: cc.user.name.trim() ? `${cc.user.name.trim()} <${cc.user.email}>` : cc.user.email,
    inboundMessageId: m.id,
  };
  const outcomes: EmailCcOutcome[] = [];
  for (const r of cc.recipients) {
    const name = emailCcLeadName(r.name, r.address, cc.assistant.defaultLeadName);
    try {
      const lead = await addLead(ctx, actor, {
        email: r.address,
        ...name,
        source: 'emailcc',
        assistantId: cc.assistant.id,
        usersFirstEmail: firstEmail,
      });
      outcomes.push(await createdOutcome(ctx, lead, r.name.trim()));
    } catch (e) {
      if (!isAppError(e)) throw e;
      const existing = e.code === 'CONFLICT' ? await openLead(ctx, cc.assistant.id, r.address) : null;
      if (existing) {
        const wasAtRisk = await countAsAction(ctx, existing, cc, m);
        outcomes.push({ kind: 'existing', email: existing.email, leadId: existing.id, wasAtRisk });
      } else outcomes.push({ kind: 'refused', email: r.address, why: e.message.replace(/^email: /, '') });
    }
  }
  await ctx.db.transaction(async (tx) => {
    await finish(tx, ctx.now(), m, { status: 'processed', error: null, matchedBy: 'emailcc' });
    const notice = emailCcNotice({
      assistantName: cc.assistant.name,
      subject: a.subject,
      receivedAt: m.receivedAt,
      baseUrl: publicUrl(ctx.config),
      outcomes,
    });
    // Keyed by the inbound message: told once, however often the message is processed.
    await enqueueNotifications(
      tx,
      [
        {
          orgId: cc.assistant.orgId,
          userId: cc.user.id,
          assistantId: cc.assistant.id,
          leadId: null,
          kind: 'emailcc_result',
          channel: 'email',
          sourceId: m.id,
          destination: cc.user.email,
          messageId: notificationMessageId(cc.assistant.email),
          subject: notice.subject,
          body: notice.body,
        },
      ],
      ctx.now(),
    );
  });
  ctx.log.info('EmailCC processed', {
    id: m.id,
    from: cc.user.email,
    assistantId: cc.assistant.id,
    outcomes: outcomes.map((o) => o.kind),
  });
}

async function finish(
  db: Db,
  now: Date,
  m: EmailCcMessage,
  set: Pick<typeof inboundMessages.$inferInsert, 'status' | 'error' | 'matchedBy'>,
): Promise<void> {
  await db
    .update(inboundMessages)
    .set({ ...m.summary, ...set, processedAt: now, nextAttemptAt: null })
    .where(eq(inboundMessages.id, m.id));
}

/** `name`: as the user wrote it (a default name is no name to show them). */
async function createdOutcome(ctx: Ctx, lead: LeadRow, name: string): Promise<EmailCcOutcome> {
  const base = { email: lead.email, name, leadId: lead.id };
  if (lead.state === 'new') return { kind: 'waiting', ...base };
  if (lead.state === 'deactivated')
    return { kind: 'invalid', ...base, why: `the address was found invalid (${lead.subState ?? 'invalid'})` };
  const [next] = await ctx.db
    .select({ dueAt: messages.dueAt })
    .from(messages)
    .where(and(eq(messages.leadId, lead.id), eq(messages.status, 'scheduled')))
    .orderBy(asc(messages.step))
    .limit(1);
  return {
    kind: lead.state === 'pending' ? 'checking' : 'created',
    ...base,
    firstFollowUpAt: next?.dueAt ?? null,
  };
}

/** The assistant's lead at this address still being worked (what addLead refused to double). */
async function openLead(ctx: Ctx, assistantId: string, email: string): Promise<LeadRow | null> {
  const [lead] = await ctx.db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.assistantId, assistantId),
        sql`lower(${leads.email}) = lower(${email.trim()})`,
        notInArray(leads.state, [...finishedStates]),
      ),
    )
    .limit(1);
  return lead ?? null;
}

/**
 * SPEC §4: the user's email to a lead is an action on it (a message): it is
 * no longer at risk. On its timeline, with the email's evidence. Returns
 * whether it was at risk.
 */
async function countAsAction(ctx: Ctx, lead: LeadRow, cc: EmailCc, m: EmailCcMessage): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [now] = await tx.select().from(leads).where(eq(leads.id, lead.id)).for('update');
    const wasAtRisk = Boolean(now?.atRisk);
    // Recording the user's event clears "at risk" (timeline/record-event.ts, with an at_risk_cleared event).
    await recordEvent(tx, {
      orgId: lead.orgId,
      leadId: lead.id,
      type: 'user_emailed',
      actorType: 'user',
      actorId: cc.user.id,
      reason: `${cc.user.email} emailed the lead, copying the assistant (EmailCC): counted as their action on it${
        wasAtRisk ? '; no longer at risk' : ''
      }; no duplicate lead`,
      inboundMessageId: m.id,
      evidence: {
        messageId: m.analysis.messageId,
        subject: m.analysis.subject,
        copiedBy: cc.copiedBy,
        wasAtRisk,
      },
    });
    return wasAtRisk;
  });
}
