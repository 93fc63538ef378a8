import { and, desc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { assistants, type BreakerKind, deliverabilityEvents, leads, messages } from '../db/schema.ts';
import { evaluateBreakers } from './breaker-evaluation.ts';
import { mailboxOf } from './breaker-scopes.ts';

/**
 * The two doors through which hard bounces and complaints reach the
 * breakers. A hard bounce is a lead deactivated as `BounceDeactivated` (by a
 * delivery report, or by a permanent refusal at send time); `CannotDetermine`
 * is not counted (the report said too little to blame the address). Each is
 * written once to `deliverability_events` (an address fails once; a report
 * counts once however often it arrives), then the breakers of the lead's
 * assistant, mailbox and org are evaluated, in the caller's transaction.
 */

/** After record-outcomes turned permanent SMTP refusals into bounces (refusal time = send time). */
export async function countSendTimeBounces(
  tx: Db,
  config: Config,
  leadIds: string[],
  now: Date,
): Promise<void> {
  if (!leadIds.length) return;
  const bounced = await tx
    .select({ id: leads.id, orgId: leads.orgId, assistantId: leads.assistantId, email: assistants.email })
    .from(leads)
    .innerJoin(assistants, eq(assistants.id, leads.assistantId))
    .where(
      and(
        inArray(leads.id, leadIds),
        eq(leads.state, 'deactivated'),
        eq(leads.subState, 'BounceDeactivated'),
      ),
    );
  const inserted = await insertEvents(
    tx,
    bounced.map((l) => ({
      orgId: l.orgId,
      assistantId: l.assistantId,
      mailbox: mailboxOf(l.email),
      leadId: l.id,
      kind: 'hard_bounce' as const,
      source: 'smtp' as const,
      sentAt: now,
      occurredAt: now,
    })),
  );
  await evaluateTouched(tx, config, inserted, now);
}

/**
 * After a delivery report or complaint was acted on (act-on-classification).
 * It is about the last email sent to the lead: that email's send time places
 * it in the window.
 */
export async function countReportedBounce(
  tx: Db,
  config: Config,
  m: { leadId: string; inboundMessageId: string; complaint: boolean; now: Date },
): Promise<void> {
  const [lead] = await tx
    .select({
      id: leads.id,
      orgId: leads.orgId,
      assistantId: leads.assistantId,
      state: leads.state,
      subState: leads.subState,
      email: assistants.email,
    })
    .from(leads)
    .innerJoin(assistants, eq(assistants.id, leads.assistantId))
    .where(eq(leads.id, m.leadId));
  if (!lead) return;
  const kind: BreakerKind | null = m.complaint
    ? 'complaint'
    : lead.state === 'deactivated' && lead.subState === 'BounceDeactivated'
      ? 'hard_bounce'
      : null;
  if (!kind) return;
  const [last] = await tx
    .select({ sentAt: messages.sentAt })
    .from(messages)
    .where(
      and(
        eq(messages.leadId, lead.id),
        eq(messages.status, 'sent'),
        isNotNull(messages.sentAt),
        lte(messages.sentAt, m.now),
      ),
    )
    .orderBy(desc(messages.sentAt))
    .limit(1);
  const inserted = await insertEvents(tx, [
    {
      orgId: lead.orgId,
      assistantId: lead.assistantId,
      mailbox: mailboxOf(lead.email),
      leadId: lead.id,
      kind,
      source: 'inbound',
      inboundMessageId: m.inboundMessageId,
      sentAt: last?.sentAt ?? m.now,
      occurredAt: m.now,
    },
  ]);
  await evaluateTouched(tx, config, inserted, m.now);
}

type EventRow = typeof deliverabilityEvents.$inferInsert;

async function insertEvents(tx: Db, rows: EventRow[]) {
  if (!rows.length) return [];
  // The partial unique indexes decide what is new; a duplicate is not an error.
  return tx.insert(deliverabilityEvents).values(rows).onConflictDoNothing().returning({
    orgId: deliverabilityEvents.orgId,
    assistantId: deliverabilityEvents.assistantId,
    leadId: deliverabilityEvents.leadId,
  });
}

async function evaluateTouched(
  tx: Db,
  config: Config,
  inserted: { orgId: string; assistantId: string; leadId: string | null }[],
  now: Date,
): Promise<void> {
  const byOrg = new Map<string, { assistantIds: Set<string>; lastLead: string | null }>();
  for (const e of inserted) {
    const o = byOrg.get(e.orgId) ?? { assistantIds: new Set<string>(), lastLead: null };
    o.assistantIds.add(e.assistantId);
    o.lastLead = e.leadId ?? o.lastLead;
    byOrg.set(e.orgId, o);
  }
  for (const [orgId, o] of byOrg)
    await evaluateBreakers(tx, config, {
      orgId,
      assistantIds: [...o.assistantIds],
      now,
      triggerLeadId: o.lastLead,
    });
}
