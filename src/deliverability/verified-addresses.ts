import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';

/**
 * How long an accepted email must go without a bounce before it proves the
 * address. Most hard bounces are refusals at send time or reports within
 * minutes; a report after a relay's retries can take days, rarely more than 3.
 */
export const deliveredQuietMs = 3 * 86_400_000;

/**
 * Which of these addresses (lower case) are *verified* in the org, for the
 * hard-bounce breaker: an address proven to reach a mailbox, which a tripped
 * breaker keeps emailing. Proof, on any of the org's leads with the address:
 *   - a human reply or an auto-reply came from it (a mailbox answered);
 *   - the lead is `engaged` or `warm` (a human open or click, machine opens
 *     filtered, SPEC §8);
 *   - an email to it was accepted at least 3 days ago and no bounce report of
 *     any kind has ever come back for that lead.
 * And never an address that any lead of the org has bounced on
 * (`BounceDeactivated`, `CannotDetermine`). Not proof: `cold` (syntax and MX
 * checks say a domain takes mail, not that the person exists), or an email
 * accepted by our relay moments ago. Silence proves only as much as the
 * bounce channel hears: without a mailbox read for bounces, a refusal at send
 * time is all Nurture can see.
 */
export async function verifiedAmong(
  db: Db,
  orgId: string,
  emails: string[],
  now: Date,
): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const quietBefore = new Date(now.getTime() - deliveredQuietMs).toISOString();
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  const rows = await queryRows<{ email: string; bounced: boolean | null; proven: boolean }>(
    db,
    sql`SELECT lower(l.email) AS email,
          l.sub_state IN ('BounceDeactivated', 'CannotDetermine') AS bounced,
          (l.state IN ('engaged', 'warm')
           OR EXISTS (SELECT 1 FROM inbound_messages i
                      WHERE i.lead_id = l.id AND i.kind IN ('reply', 'auto_reply'))
           OR (EXISTS (SELECT 1 FROM messages m
                       WHERE m.lead_id = l.id AND m.status = 'sent'
                         AND m.sent_at <= ${quietBefore}::timestamptz)
               AND NOT EXISTS (SELECT 1 FROM inbound_messages b
                               WHERE b.lead_id = l.id AND b.kind = 'bounce'))) AS proven
        FROM leads l
        WHERE l.org_id = ${orgId} AND lower(l.email) IN (${sql.join(
          wanted.map((e) => sql`${e}`),
          sql`, `,
        )})`,
  );
  const proven = new Set<string>();
  const poisoned = new Set<string>();
  for (const r of rows) {
    if (r.bounced) poisoned.add(r.email);
    else if (r.proven) proven.add(r.email);
  }
  return new Set([...proven].filter((e) => !poisoned.has(e)));
}
