import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';

/**
 * One worker at a time reads an assistant's mailbox: it holds a lease in the
 * assistant's row (`imap_leased_by`, `imap_lease_until`) and keeps renewing
 * it. A lease that was not renewed in time (its worker died) may be taken by
 * anyone. Times are the database's `now()`, so workers' clocks need not agree.
 */

/** The settings a reader was started with; writes are guarded by them so a changed mailbox is never written with an old one's cursor. */
export type MailboxIdentity = { host: string; user: string; mailbox: string };

/** Take (or renew) the lease; false when another worker holds a live one or the mailbox is gone. */
export async function takeMailboxLease(
  db: Db,
  assistantId: string,
  workerId: string,
  leaseMs: number,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE assistants
        SET imap_leased_by = ${workerId},
            imap_lease_until = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
        WHERE id = ${assistantId}
          AND imap_host IS NOT NULL
          AND (imap_leased_by IS NULL OR imap_lease_until < now() OR imap_leased_by = ${workerId})
        RETURNING id`,
  );
  return rows.length > 0;
}

/** Let the mailbox go at once (clean stop), so another worker need not wait for it to expire. */
export async function releaseMailboxLease(db: Db, assistantId: string, workerId: string): Promise<void> {
  await db.execute(
    sql`UPDATE assistants SET imap_leased_by = NULL, imap_lease_until = NULL
        WHERE id = ${assistantId} AND imap_leased_by = ${workerId}`,
  );
}

/**
 * Record how far the mailbox has been handed to the inbound pipeline (and
 * clear any error). Only while this worker still holds the lease and the
 * mailbox is the one it reads; false otherwise, and the reader stops.
 */
export async function advanceMailboxCursor(
  db: Db,
  assistantId: string,
  workerId: string,
  who: MailboxIdentity,
  cursor: { uidValidity: string; lastUid: number },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE assistants
        SET imap_uid_validity = ${cursor.uidValidity}, imap_last_uid = ${cursor.lastUid}, imap_error = NULL
        WHERE id = ${assistantId} AND imap_leased_by = ${workerId}
          AND imap_host = ${who.host} AND imap_user = ${who.user} AND imap_mailbox = ${who.mailbox}
        RETURNING id`,
  );
  return rows.length > 0;
}

/** Show what went wrong (or null: it works again) on the assistant, for its admins. */
export async function recordMailboxError(
  db: Db,
  assistantId: string,
  workerId: string,
  error: string | null,
): Promise<void> {
  await db.execute(
    sql`UPDATE assistants SET imap_error = ${error}
        WHERE id = ${assistantId} AND imap_leased_by = ${workerId}
          AND imap_error IS DISTINCT FROM ${error}`,
  );
}
