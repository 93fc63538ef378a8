import type { Classification } from '../classify/classify-message.ts';
import type { Db } from '../db/database.ts';
import { reviewItems } from '../db/schema.ts';
import type { LeadRow } from '../leads/lead-state-change.ts';
import { recordEvent } from '../timeline/record-event.ts';
import type { Inbound } from './act-on-classification.ts';
import type { SenderAuth } from './sender-auth.ts';

/** Why a message was held, as the inbound row and the timeline say it. */
export function heldReason(auth: SenderAuth): string {
  const where = auth.source === 'smtp-listener' ? 'checked on arrival' : 'per the receiving server';
  return `Not acted on: matched only by the sender's address, and the sender failed DMARC${
    auth.domain ? ` for ${auth.domain}` : ''
  }${auth.policy ? ` (policy ${auth.policy})` : ''}, ${where}; kept for review`;
}

/**
 * A message that names the lead only by an address it claims, from a sender
 * that fails DMARC, could be anyone's forgery: it changes no state. The lead's
 * timeline says so with the evidence, and a reply goes to the review queue
 * (reason `dmarc_fail`), where a human who knows it is genuine can apply it.
 */
export async function holdUnauthenticated(
  tx: Db,
  m: {
    lead: LeadRow;
    classification: Classification;
    inbound: Inbound;
    senderAuth: SenderAuth;
    from: string | null;
  },
): Promise<void> {
  const c = m.classification;
  await recordEvent(tx, {
    orgId: m.lead.orgId,
    leadId: m.lead.id,
    type: 'inbound_held',
    actorType: 'system',
    reason: heldReason(m.senderAuth),
    inboundMessageId: m.inbound.id,
    evidence: {
      from: m.from,
      subject: m.inbound.subject,
      matchedBy: m.inbound.matchedBy,
      kind: c.kind,
      intent: c.intent,
      senderAuth: m.senderAuth,
    },
  });
  if (c.kind !== 'reply') return;
  await tx.insert(reviewItems).values({
    orgId: m.lead.orgId,
    leadId: m.lead.id,
    inboundMessageId: m.inbound.id,
    suggestedIntent: c.intent ?? 'other',
    confidence: c.confidence,
    reason: 'dmarc_fail',
  });
}
