import { sql } from 'drizzle-orm';
import { leadsVisibleTo } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { queryRows } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { type EventInput, recordEvents } from '../timeline/record-event.ts';

/**
 * SPEC §12, "a list of failed sends with one-click retry": the emails that
 * did not go and will not go by themselves — `uncertain` (a worker stopped
 * while the mail server had it, and the server cannot say whether it
 * arrived) and `failed` (refused for good, or temporary failures for longer
 * than SEND_GIVE_UP_AFTER_MS). Lead visibility applies (SPEC §10.2): an
 * admin sees and retries the org's, a member those of their own leads.
 */
export const unsentStatuses = ['uncertain', 'failed'] as const;
export type UnsentStatus = (typeof unsentStatuses)[number];

export type UnsentEmail = {
  id: string;
  leadId: string;
  lead: {
    email: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    state: string;
  };
  step: number | null;
  status: UnsentStatus;
  error: string | null;
  /** When it was last tried (its claim), else when it was due. */
  at: Date;
  attempts: number;
  subject: string | null;
};

type Raw = {
  id: string;
  lead_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  state: string;
  step: number | null;
  status: UnsentStatus;
  last_error: string | null;
  at: string | Date;
  attempts: number;
  subject: string | null;
  created_at: string | Date;
};

// The messages' leads are joined as `leads` (not aliased), so access/'s condition applies as is.
const visible = (actor: Actor) => leadsVisibleTo(actor);
const statusIn = (statuses: readonly UnsentStatus[]) =>
  sql`m.status = ANY(${`{${statuses.join(',')}}`}::text[])`;

/** Newest first; `cursor` (from the previous page's `nextCursor`) pages on. */
export async function listUnsentEmails(
  ctx: Ctx,
  actor: Actor,
  opts: { statuses?: readonly UnsentStatus[]; limit?: number; cursor?: string } = {},
): Promise<{ items: UnsentEmail[]; nextCursor: string | null }> {
  const limit = opts.limit ?? 100;
  const after = opts.cursor ? parseCursor(opts.cursor) : null;
  const rows = await queryRows<Raw>(
    ctx.db,
    sql`SELECT m.id, m.lead_id, leads.email, leads.first_name, leads.last_name, leads.company, leads.state, m.step, m.status,
          m.last_error, COALESCE(m.claimed_at, m.due_at) AS at, m.attempts, m.subject, m.created_at
        FROM messages m JOIN leads ON leads.id = m.lead_id
        WHERE m.org_id = ${actor.orgId}::uuid AND ${statusIn(opts.statuses ?? unsentStatuses)} AND ${visible(actor)}
          ${after ? sql`AND (m.created_at, m.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : sql``}
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page[page.length - 1] : undefined;
  return {
    items: page.map((r) => ({
      id: String(r.id),
      leadId: String(r.lead_id),
      lead: {
        email: r.email,
        firstName: r.first_name,
        lastName: r.last_name,
        company: r.company,
        state: r.state,
      },
      step: r.step == null ? null : Number(r.step),
      status: r.status,
      error: r.last_error,
      at: new Date(r.at),
      attempts: Number(r.attempts),
      subject: r.subject,
    })),
    nextCursor: last
      ? Buffer.from(`${new Date(last.created_at).toISOString()}|${last.id}`).toString('base64url')
      : null,
  };
}

function parseCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    !createdAt ||
    Number.isNaN(Date.parse(createdAt)) ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id ?? '')
  )
    throw new AppError('VALIDATION', 'cursor: not one this list gave', { field: 'cursor' });
  return { createdAt, id: id! };
}

/**
 * Put unsent emails back to due now (one by id, or every visible one of the
 * given statuses), each with a `send_retried` event on its lead's timeline
 * naming the user and what had gone wrong. They then go through the send
 * rules like any due email: a lead stopped, suppressed or found invalid
 * since is not emailed (the rule says why on the timeline).
 */
export async function retryUnsentEmails(
  ctx: Ctx,
  actor: Actor,
  which: { id: string } | { statuses: readonly UnsentStatus[] },
): Promise<{ retried: { id: string; leadId: string; was: UnsentStatus }[] }> {
  if ('id' in which && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(which.id))
    throw new AppError('NOT_FOUND', `No unsent email ${which.id}`, { field: 'id' });
  const now = ctx.now().toISOString();
  const retried = await ctx.db.transaction(async (tx) => {
    const rows = await queryRows<{
      id: string;
      lead_id: string;
      org_id: string;
      step: number | null;
      was: UnsentStatus;
      error: string | null;
    }>(
      tx,
      sql`WITH old AS (
            SELECT m.id, m.status, m.last_error FROM messages m JOIN leads ON leads.id = m.lead_id
            WHERE m.org_id = ${actor.orgId}::uuid AND ${visible(actor)}
              AND ${'id' in which ? sql`m.id = ${which.id}::uuid AND ${statusIn(unsentStatuses)}` : statusIn(which.statuses)}
            FOR UPDATE OF m)
          UPDATE messages m SET status = 'scheduled', due_at = ${now}::timestamptz, claimed_by = NULL,
            transmission = NULL, retrying_since = NULL, last_error = NULL
          FROM old WHERE m.id = old.id
          RETURNING m.id, m.lead_id, m.org_id, m.step, old.status AS was, old.last_error AS error`,
    );
    await recordEvents(
      tx,
      rows.map(
        (r): EventInput => ({
          orgId: String(r.org_id),
          leadId: String(r.lead_id),
          type: 'send_retried',
          actorType: 'user',
          actorId: actor.userId,
          reason: `Retried by a user: ${r.step == null ? 'the message' : `step ${Number(r.step) + 1}`} ${
            r.was === 'uncertain' ? 'may not have reached the mail server' : 'had failed'
          } (${r.error ?? 'no error kept'}); it goes again through the send rules`,
          evidence: { was: r.was, error: r.error, step: r.step },
          messageId: String(r.id),
        }),
      ),
    );
    return rows.map((r) => ({ id: String(r.id), leadId: String(r.lead_id), was: r.was }));
  });
  if ('id' in which && !retried.length) {
    const [exists] = await queryRows<{ status: string }>(
      ctx.db,
      sql`SELECT m.status FROM messages m JOIN leads ON leads.id = m.lead_id
          WHERE m.id = ${which.id}::uuid AND m.org_id = ${actor.orgId}::uuid AND ${visible(actor)}`,
    );
    if (!exists) throw new AppError('NOT_FOUND', `No unsent email ${which.id}`, { field: 'id' });
    throw new AppError(
      'CONFLICT',
      `This email is ${exists.status}, not uncertain or failed: there is nothing to retry`,
    );
  }
  if (retried.length) ctx.wake.dispatcher();
  return { retried };
}
