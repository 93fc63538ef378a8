import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { type EventInput, recordEvents } from '../timeline/record-event.ts';

/**
 * SPEC §2: "every new address is validated before anything is sent to it".
 * A lead waiting for that is `pending/Unverified`; its steps are planned as
 * for any lead, and the dispatcher's lead-state rule holds each one that
 * comes due, marking the deferral `hold: 'validation'`. When the address
 * proves good, `releaseHeld` makes what was held due at once (it was due
 * already; the send window still applies). The hold is re-checked hourly in
 * case a release was missed.
 */
export const validationHoldMs = 3_600_000;
export const validationHold = 'validation';

export const awaitsValidation = (lead: { state: string; subState: string | null }): boolean =>
  lead.state === 'pending' && lead.subState === 'Unverified';

/**
 * Make the lead's held emails due `now`, each with a timeline event saying so.
 * `sending` counts the lead's emails a dispatcher holds claimed right now: one
 * may be on its way to being held (the dispatcher read the lead as pending and
 * records its deferral after this release), so the caller releases again a
 * moment later.
 */
export async function releaseHeld(
  tx: Db,
  lead: { id: string; orgId: string },
  now: Date,
): Promise<{ released: number; sending: number }> {
  const at = now.toISOString();
  // Lock the lead's emails first: a dispatcher claiming one right now either finished its claim (we
  // see it `sending` below) or skips it (SKIP LOCKED) until this transaction is over.
  const open = await queryRows<{ status: string }>(
    tx,
    sql`SELECT status FROM messages WHERE lead_id = ${lead.id} AND status IN ('scheduled', 'sending') FOR UPDATE`,
  );
  const sending = open.filter((m) => m.status === 'sending').length;
  const rows = await queryRows<{ id: string; step: number | null }>(
    tx,
    sql`WITH latest AS (
          SELECT DISTINCT ON (t.message_id) t.message_id, t.evidence
          FROM timeline_events t
          WHERE t.lead_id = ${lead.id} AND t.type = 'send_deferred' AND t.message_id IS NOT NULL
          ORDER BY t.message_id, t.id DESC)
        UPDATE messages m SET due_at = ${at}::timestamptz
        FROM latest
        WHERE m.id = latest.message_id AND m.lead_id = ${lead.id} AND m.status = 'scheduled'
          AND m.due_at > ${at}::timestamptz AND latest.evidence->>'hold' = ${validationHold}
        RETURNING m.id, m.step`,
  );
  const events: EventInput[] = rows.map((r) => ({
    orgId: lead.orgId,
    leadId: lead.id,
    type: 'send_deferred',
    actorType: 'system',
    messageId: String(r.id),
    reason: 'The address is validated: the email held for it goes now',
    evidence: { released: validationHold, step: r.step, until: at },
  }));
  await recordEvents(tx, events);
  return { released: rows.length, sending };
}
