import { asc, eq } from 'drizzle-orm';
import { findVisibleLead } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { composePreviews } from '../compose/sequence-composer.ts';
import { publicUrl } from '../config/config.ts';
import { assistants, inboundMessages, messages, timelineEvents } from '../db/schema.ts';
import { unsubscribeUrl } from '../outbound/outgoing-mail.ts';
import type { Ctx } from '../platform/context.ts';
import type { LeadRow } from './lead-state-change.ts';

/**
 * A lead the actor may see (SPEC §10.2, decided by access/lead-visibility.ts).
 * Another org's id is indistinguishable from a missing one.
 */
export async function getVisibleLead(ctx: Ctx, actor: Actor, id: string): Promise<LeadRow> {
  return findVisibleLead(ctx.db, actor, id);
}

export type TimelineItem =
  | {
      kind: 'event';
      at: Date;
      type: string;
      actor: { type: string; id: string | null };
      reason: string;
      fromState: string | null;
      toState: string | null;
      fromSubState: string | null;
      toSubState: string | null;
      evidence: Record<string, unknown> | null;
      messageId: string | null;
    }
  | {
      kind: 'message';
      direction: 'out';
      at: Date;
      id: string;
      step: number | null;
      status: string;
      subject: string | null;
      text: string | null;
      messageId: string;
      preview: boolean;
    }
  | {
      kind: 'message';
      direction: 'in';
      at: Date;
      id: string;
      from: string | null;
      subject: string | null;
      text: string | null;
      status: string;
    };

/**
 * The lead's story, oldest first: every state change and decision, every
 * message out (scheduled ones with their date and the text the assistant will
 * send) and every message in.
 */
export async function leadTimeline(ctx: Ctx, actor: Actor, id: string): Promise<TimelineItem[]> {
  const lead = await getVisibleLead(ctx, actor, id);
  const [events, outgoing, incoming, [assistant]] = await Promise.all([
    ctx.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.leadId, lead.id))
      .orderBy(asc(timelineEvents.id)),
    ctx.db.select().from(messages).where(eq(messages.leadId, lead.id)).orderBy(asc(messages.dueAt)),
    ctx.db
      .select({
        id: inboundMessages.id,
        from: inboundMessages.fromAddress,
        subject: inboundMessages.subject,
        text: inboundMessages.replyText,
        status: inboundMessages.status,
        at: inboundMessages.receivedAt,
      })
      .from(inboundMessages)
      .where(eq(inboundMessages.leadId, lead.id)),
    ctx.db.select().from(assistants).where(eq(assistants.id, lead.assistantId)),
  ]);
  const previews = await composePreviews(
    ctx,
    lead,
    assistant!,
    outgoing,
    unsubscribeUrl(publicUrl(ctx.config), lead),
  );
  const items: TimelineItem[] = [
    ...events.map((e) => ({
      kind: 'event' as const,
      at: e.createdAt,
      type: e.type,
      actor: { type: e.actorType, id: e.actorId },
      reason: e.reason,
      fromState: e.fromState,
      toState: e.toState,
      fromSubState: e.fromSubState,
      toSubState: e.toSubState,
      evidence: e.evidence,
      messageId: e.messageId,
    })),
    ...outgoing.map((m) => {
      const text = previews.get(m.id);
      const preview = Boolean(text);
      return {
        kind: 'message' as const,
        direction: 'out' as const,
        at: m.sentAt ?? m.dueAt,
        id: m.id,
        step: m.step,
        status: m.status,
        subject: text?.subject ?? m.subject,
        text: text?.text ?? m.textBody,
        messageId: m.messageId,
        preview,
      };
    }),
    ...incoming.map((m) => ({ kind: 'message' as const, direction: 'in' as const, ...m })),
  ];
  // Stable: same-instant items keep their insertion order (events by id).
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => a.it.at.getTime() - b.it.at.getTime() || a.i - b.i)
    .map((x) => x.it);
}
