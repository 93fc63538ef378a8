import { sql } from 'drizzle-orm';
import { anyUuid } from '../db/bulk-params.ts';
import { type Db, queryRows } from '../db/database.ts';
import type { messages } from '../db/schema.ts';

export type MessageRow = typeof messages.$inferSelect;

type RawMessage = Record<string, unknown>;

/**
 * Claim up to `limit` due messages for this worker. FOR UPDATE SKIP LOCKED lets
 * any number of workers claim side by side without waiting on or taking each
 * other's rows; the claim commits before any email leaves, so a row is in
 * `sending` (with its claimer) for as long as its fate is undecided.
 */
export async function claimDueMessages(
  db: Db,
  workerId: string,
  now: Date,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await queryRows<RawMessage>(
    db,
    sql`UPDATE messages SET status = 'sending', claimed_by = ${workerId}, claimed_at = ${now.toISOString()}::timestamptz,
          attempts = attempts + 1, transmission = NULL
        WHERE id IN (
          SELECT id FROM messages
          WHERE status = 'scheduled' AND due_at <= ${now.toISOString()}::timestamptz
          ORDER BY due_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING *`,
  );
  // RETURNING does not keep the subquery's order; the batch is worked oldest first (caps, fairness).
  return rows
    .map(toMessageRow)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * Claim `sending` rows whose worker has stopped heart-beating, to reconcile
 * them, and this worker's own old claims it no longer holds (`inHand`: the
 * ids it is still working on); each comes with the worker that had claimed
 * it (`claimer`) and when.
 */
export async function claimOrphanedSends(
  db: Db,
  workerId: string,
  staleBefore: Date,
  limit: number,
  inHand: ReadonlySet<string>,
): Promise<(MessageRow & { claimer: string | null; claimerAt: Date | null })[]> {
  const rows = await queryRows<RawMessage>(
    db,
    sql`WITH orphan AS (
          SELECT m.id, m.claimed_by, m.claimed_at FROM messages m
          WHERE m.status = 'sending' AND (
            ((m.claimed_by IS NULL OR m.claimed_by <> ${workerId})
              AND NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = m.claimed_by
                              AND w.heartbeat_at > ${staleBefore.toISOString()}::timestamptz))
            -- Its own claims this worker has lost track of: a claim whose answer an outage cut off.
            OR (m.claimed_by = ${workerId} AND m.claimed_at < ${staleBefore.toISOString()}::timestamptz
                AND NOT ${anyUuid(sql`m.id`, [...inHand])}))
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        UPDATE messages m SET claimed_by = ${workerId}, claimed_at = now()
        FROM orphan o WHERE m.id = o.id
        RETURNING m.*, o.claimed_by AS claimer, o.claimed_at AS claimer_at`,
  );
  return rows.map((r) => ({
    ...toMessageRow(r),
    claimer: (r.claimer as string | null) ?? null,
    claimerAt: date(r.claimer_at),
  }));
}

const date = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

const jsonList = (v: unknown): MessageRow['cc'] =>
  (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as MessageRow['cc'];

/** Raw rows come back snake_case (and PGlite/pg differ on jsonb and dates): map to the Drizzle shape. */
function toMessageRow(r: RawMessage): MessageRow {
  const refs = r.references;
  return {
    id: String(r.id),
    orgId: String(r.org_id),
    leadId: String(r.lead_id),
    assistantId: String(r.assistant_id),
    kind: r.kind as MessageRow['kind'],
    step: r.step == null ? null : Number(r.step),
    status: r.status as MessageRow['status'],
    dueAt: date(r.due_at)!,
    explicitTime: Boolean(r.explicit_time),
    messageId: String(r.message_id),
    subject: (r.subject as string | null) ?? null,
    textBody: (r.text_body as string | null) ?? null,
    inReplyTo: (r.in_reply_to as string | null) ?? null,
    references: (typeof refs === 'string' ? JSON.parse(refs) : (refs ?? [])) as string[],
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
    claimedBy: (r.claimed_by as string | null) ?? null,
    claimedAt: date(r.claimed_at),
    sentAt: date(r.sent_at),
    smtpResponse: (r.smtp_response as string | null) ?? null,
    createdAt: date(r.created_at)!,
    transmission: (r.transmission as MessageRow['transmission']) ?? null,
    retryingSince: date(r.retrying_since),
    writtenBy: (r.written_by as string | null) ?? null,
    cc: jsonList(r.cc),
    replyTo: jsonList(r.reply_to),
  };
}
