import { sql } from 'drizzle-orm';
import { jsonRows } from '../db/bulk-params.ts';
import { type Db, queryRows } from '../db/database.ts';
import type { SendOutcome } from './mail-sender.ts';

/** One claimed email ready to go: its row, the claim it belongs to, and how to send it. */
export type Transmission = { id: string; attempts: number; send: () => Promise<SendOutcome> };

type Progress = { id: string; attempts: number; t: 'started' | 'accepted' | 'refused'; r?: string };

/**
 * Hands a round's emails to the mail server a group at a time (`groupSize`,
 * about the SMTP connections), so a worker that dies leaves only the emails
 * really in flight unknown. Before a group leaves, one UPDATE marks it
 * `transmission = 'started'` and, in the same statement, writes the answers
 * of the emails that finished since ('accepted' with the server's reply, or
 * 'refused'). At most two groups are started and unanswered at once: while
 * one is on the wire the next is marked, so the pool never waits on the
 * database. An email whose mark did not commit (the database is unreachable,
 * or the claim was taken over) is never handed over: its outcome is null.
 */
export async function transmitInGroups(
  db: Db,
  workerId: string,
  items: readonly Transmission[],
  groupSize: number,
): Promise<{ outcomes: (SendOutcome | null)[]; markError: unknown }> {
  const outcomes: (SendOutcome | null)[] = items.map(() => null);
  let answered: Progress[] = [];
  const onTheWire: Promise<unknown>[] = [];
  let markError: unknown = null;
  for (let start = 0; start < items.length; start += groupSize) {
    if (onTheWire.length >= 2) await onTheWire.shift();
    const group = items.slice(start, start + groupSize).map((item, i) => ({ item, index: start + i }));
    const progress: Progress[] = [
      ...answered,
      ...group.map(({ item }) => ({ id: item.id, attempts: item.attempts, t: 'started' as const })),
    ];
    answered = [];
    let started: Set<string>;
    try {
      started = await markProgress(db, workerId, progress);
    } catch (e) {
      markError = e;
      break;
    }
    onTheWire.push(
      Promise.all(
        group
          .filter(({ item }) => started.has(item.id))
          .map(async ({ item, index }) => {
            let outcome: SendOutcome;
            try {
              outcome = await item.send();
            } catch (e) {
              outcome = { ok: false, permanent: false, code: null, error: (e as Error).message };
            }
            outcomes[index] = outcome;
            answered.push(
              outcome.ok
                ? { id: item.id, attempts: item.attempts, t: 'accepted', r: outcome.response }
                : { id: item.id, attempts: item.attempts, t: 'refused' },
            );
          }),
      ),
    );
  }
  await Promise.all(onTheWire);
  return { outcomes, markError };
}

/** Returns the ids now marked 'started' (the claim still ours); answers are written as they come. */
async function markProgress(db: Db, workerId: string, progress: Progress[]): Promise<Set<string>> {
  const rows = await queryRows<{ id: string; t: string }>(
    db,
    sql`UPDATE messages m SET transmission = v.t, smtp_response = COALESCE(v.r, m.smtp_response)
        FROM jsonb_to_recordset(${jsonRows(progress)}) AS v(id uuid, attempts integer, t text, r text)
        WHERE m.id = v.id AND m.status = 'sending' AND m.claimed_by = ${workerId} AND m.attempts = v.attempts
        RETURNING m.id, v.t`,
  );
  return new Set(rows.filter((r) => r.t === 'started').map((r) => String(r.id)));
}
