import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { leads, messageClicks, messageOpens, messages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { changeLeadState, type LeadRow } from '../leads/lead-state-change.ts';
import type { LeadEvent } from '../leads/lead-states.ts';
import type { LeadNotifyConfig } from '../notify/lead-notifications.ts';
import type { Ctx } from '../platform/context.ts';
import { preferredSendMinute, READING_SAMPLE } from '../sequences/send-time-optimization.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { classifyFetch, type MachineVerdict } from './machine-opens.ts';

/** One fetch of a tracking URL, as the HTTP edge saw it. `at` is explicit so callers own the clock. */
export type EngagementInput = {
  /** messages.id (from a verified token). */
  messageId: string;
  userAgent: string | null;
  ip: string | null;
  method?: string;
  at: Date;
};

export type EngagementResult =
  | { recorded: false }
  | { recorded: true; verdict: MachineVerdict; leadState: string; humanOpens: number; humanClicks: number };

type MessageInfo = {
  id: string;
  orgId: string;
  leadId: string;
  step: number | null;
  subject: string | null;
  rfcMessageId: string;
  sentAt: Date | null;
};

/**
 * An open pixel was fetched. Every fetch is stored with the machine filter's
 * verdict; a human one counts on the lead (SPEC §8: one human open makes a
 * running lead `engaged`, three make it `warm`), goes on the timeline, and
 * refreshes the lead's preferred send minute (Send Time Optimization).
 */
export function recordOpen(ctx: Ctx, input: EngagementInput): Promise<EngagementResult> {
  return record(ctx, { kind: 'open' }, input);
}

/** A tracked link was followed. A human click makes a running lead `warm`. */
export function recordClick(ctx: Ctx, input: EngagementInput & { url: string }): Promise<EngagementResult> {
  return record(ctx, { kind: 'click', url: input.url }, input);
}

async function record(
  ctx: Ctx,
  what: { kind: 'open' } | { kind: 'click'; url: string },
  input: EngagementInput,
): Promise<EngagementResult> {
  const [message] = await ctx.db
    .select({
      id: messages.id,
      orgId: messages.orgId,
      leadId: messages.leadId,
      step: messages.step,
      subject: messages.subject,
      rfcMessageId: messages.messageId,
      sentAt: messages.sentAt,
    })
    .from(messages)
    .where(eq(messages.id, input.messageId));
  // A genuine token for a message since erased: nothing to record on.
  if (!message) return { recorded: false };
  const verdict = classifyFetch(
    {
      kind: what.kind,
      userAgent: input.userAgent,
      ip: input.ip,
      method: input.method,
      at: input.at,
      sentAt: message.sentAt,
    },
    {
      openSeconds: ctx.config.MACHINE_OPEN_WINDOW_SECONDS,
      clickSeconds: ctx.config.MACHINE_CLICK_WINDOW_SECONDS,
    },
  );
  const row = {
    orgId: message.orgId,
    messageId: message.id,
    leadId: message.leadId,
    userAgent: input.userAgent?.slice(0, 1000) ?? null,
    ip: input.ip,
    isMachine: verdict.isMachine,
    machineReason: verdict.reason,
  };
  const lead = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(leads).where(eq(leads.id, message.leadId)).for('update');
    if (!locked) throw new AppError('NOT_FOUND', `Lead ${message.leadId} no longer exists`);
    if (what.kind === 'open') await tx.insert(messageOpens).values({ ...row, openedAt: input.at });
    else await tx.insert(messageClicks).values({ ...row, url: what.url, clickedAt: input.at });
    // Machine fetches are kept for inspection but never move a lead.
    if (verdict.isMachine) return locked;
    return what.kind === 'open'
      ? humanOpen(tx, ctx.config, locked, message, input, verdict)
      : humanClick(tx, ctx.config, locked, message, input, verdict, what.url);
  });
  return {
    recorded: true,
    verdict,
    leadState: lead.state,
    humanOpens: lead.humanOpens,
    humanClicks: lead.humanClicks,
  };
}

const stepName = (m: MessageInfo) => (m.step === null ? 'a message' : `step ${m.step + 1}`);

async function humanOpen(
  tx: Db,
  notify: LeadNotifyConfig,
  lead: LeadRow,
  message: MessageInfo,
  input: EngagementInput,
  verdict: MachineVerdict,
): Promise<LeadRow> {
  const latest = await tx
    .select({ openedAt: messageOpens.openedAt })
    .from(messageOpens)
    .where(and(eq(messageOpens.leadId, lead.id), eq(messageOpens.isMachine, false)))
    .orderBy(desc(messageOpens.openedAt))
    .limit(READING_SAMPLE);
  const minute = preferredSendMinute(
    lead.id,
    latest.map((o) => o.openedAt),
    lead.timeZone ?? 'UTC',
  );
  const [counted] = await tx
    .update(leads)
    .set({
      humanOpens: sql`${leads.humanOpens} + 1`,
      lastHumanOpenAt: sql`GREATEST(COALESCE(${leads.lastHumanOpenAt}, ${input.at.toISOString()}::timestamptz), ${input.at.toISOString()}::timestamptz)`,
      preferredSendMinute: minute,
    })
    .where(eq(leads.id, lead.id))
    .returning();
  const evidence = engagementEvidence(message, input, verdict, { humanOpens: counted!.humanOpens });
  await recordEvent(tx, {
    orgId: lead.orgId,
    leadId: lead.id,
    type: 'message_opened',
    actorType: 'lead',
    reason: `Opened ${stepName(message)} (human open ${counted!.humanOpens})`,
    evidence,
    messageId: message.id,
  });
  return moveLead(
    tx,
    notify,
    counted!,
    { type: 'human_open', humanOpens: counted!.humanOpens },
    {
      reason: `${counted!.humanOpens === 1 ? 'Opened an email' : `Opened emails ${counted!.humanOpens} times`} (human opens, machine ones filtered)`,
      evidence,
    },
  );
}

async function humanClick(
  tx: Db,
  notify: LeadNotifyConfig,
  lead: LeadRow,
  message: MessageInfo,
  input: EngagementInput,
  verdict: MachineVerdict,
  url: string,
): Promise<LeadRow> {
  const [counted] = await tx
    .update(leads)
    .set({ humanClicks: sql`${leads.humanClicks} + 1` })
    .where(eq(leads.id, lead.id))
    .returning();
  const evidence = engagementEvidence(message, input, verdict, { url, humanClicks: counted!.humanClicks });
  await recordEvent(tx, {
    orgId: lead.orgId,
    leadId: lead.id,
    type: 'link_clicked',
    actorType: 'lead',
    reason: `Clicked a link in ${stepName(message)}: ${url}`,
    evidence,
    messageId: message.id,
  });
  return moveLead(tx, notify, counted!, { type: 'human_click' }, { reason: `Clicked ${url}`, evidence });
}

/** The state machine decides; a lead it won't move (already warm, replied) stays as it is. */
async function moveLead(
  tx: Db,
  notify: LeadNotifyConfig,
  lead: LeadRow,
  event: LeadEvent,
  cause: { reason: string; evidence: Record<string, unknown> },
): Promise<LeadRow> {
  const moved = await changeLeadState(tx, lead, event, { actorType: 'lead', ...cause }, { notify });
  return moved ?? lead;
}

function engagementEvidence(
  message: MessageInfo,
  input: EngagementInput,
  verdict: MachineVerdict,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return {
    messageId: message.rfcMessageId,
    step: message.step,
    subject: message.subject,
    at: input.at.toISOString(),
    userAgent: input.userAgent,
    machineFilter: { verdict: 'human', detail: verdict.detail },
    ...extra,
  };
}
