import { sql } from 'drizzle-orm';
import { anyUuid, jsonRows } from '../db/bulk-params.ts';
import { type Db, queryRows } from '../db/database.ts';
import { assistantSendCounts } from '../db/schema.ts';

const minuteMs = 60_000;
const dayMs = 86_400_000;
/** Counts older than this can no longer matter to a 24-hour cap. */
const keepMs = 2 * dayMs;

/**
 * Add sent emails to their assistant's per-minute counts (what the daily cap
 * reads). Called in the transaction that marks them sent, so the counts and
 * the messages never disagree. The oldest counts are dropped as it goes.
 */
export async function countSends(tx: Db, sends: { assistantId: string; at: Date }[]): Promise<void> {
  if (!sends.length) return;
  const perMinute = new Map<string, { assistant_id: string; minute: string; sent: number }>();
  for (const s of sends) {
    const minute = new Date(Math.floor(s.at.getTime() / minuteMs) * minuteMs).toISOString();
    const key = `${s.assistantId}|${minute}`;
    const row = perMinute.get(key) ?? { assistant_id: s.assistantId, minute, sent: 0 };
    row.sent++;
    perMinute.set(key, row);
  }
  const rows = [...perMinute.values()];
  await tx.execute(sql`
    INSERT INTO assistant_send_counts AS c (assistant_id, minute, sent)
    SELECT assistant_id, minute, sent FROM jsonb_to_recordset(${jsonRows(rows)})
      AS v(assistant_id uuid, minute timestamptz, sent integer)
    ON CONFLICT (assistant_id, minute) DO UPDATE SET sent = c.sent + excluded.sent`);
  const oldest = new Date(Math.min(...sends.map((s) => s.at.getTime())) - keepMs);
  const ids = [...new Set(rows.map((r) => r.assistant_id))];
  await tx.delete(assistantSendCounts).where(sql`${anyUuid(assistantSendCounts.assistantId, ids)}
    AND ${assistantSendCounts.minute} < ${oldest.toISOString()}::timestamptz`);
}

export type DayUsage = { sent: number; oldestMinute: Date | null };

/**
 * Emails each assistant sent in the 24 hours before `now`, counted by the
 * minute and rounded up: a minute that overlaps the window counts whole, so
 * the cap is never exceeded; the cost is waiting up to a minute longer.
 */
export async function sentInLastDay(
  db: Db,
  assistantIds: string[],
  now: Date,
): Promise<Map<string, DayUsage>> {
  if (!assistantIds.length) return new Map();
  const since = new Date(now.getTime() - dayMs - minuteMs);
  const rows = await queryRows<{ assistant_id: string; sent: number | string; oldest: string | Date | null }>(
    db,
    sql`SELECT assistant_id, sum(sent) AS sent, min(minute) AS oldest FROM assistant_send_counts
        WHERE ${anyUuid(sql`assistant_id`, assistantIds)} AND minute > ${since.toISOString()}::timestamptz
        GROUP BY assistant_id`,
  );
  return new Map(
    rows.map((r) => [
      String(r.assistant_id),
      { sent: Number(r.sent), oldestMinute: r.oldest == null ? null : new Date(r.oldest) },
    ]),
  );
}

/**
 * The per-minute counts of the last 24 hours, oldest first, for the
 * assistants given: when each of those sends leaves the window, a slot frees.
 */
export async function sendMinutes(
  db: Db,
  assistantIds: string[],
  now: Date,
): Promise<Map<string, { minute: Date; sent: number }[]>> {
  const out = new Map<string, { minute: Date; sent: number }[]>();
  if (!assistantIds.length) return out;
  const since = new Date(now.getTime() - dayMs - minuteMs);
  const rows = await queryRows<{ assistant_id: string; minute: string | Date; sent: number | string }>(
    db,
    sql`SELECT assistant_id, minute, sent FROM assistant_send_counts
        WHERE ${anyUuid(sql`assistant_id`, assistantIds)} AND minute > ${since.toISOString()}::timestamptz
        ORDER BY assistant_id, minute`,
  );
  for (const r of rows) {
    const list = out.get(String(r.assistant_id)) ?? [];
    list.push({ minute: new Date(r.minute), sent: Number(r.sent) });
    out.set(String(r.assistant_id), list);
  }
  return out;
}

/** When a slot frees up: the oldest counted minute leaves the 24-hour window. */
export const slotFreedAt = (oldestMinute: Date): Date => new Date(oldestMinute.getTime() + minuteMs + dayMs);
