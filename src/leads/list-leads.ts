import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { leadsVisibleTo } from '../access/lead-visibility.ts';
import type { Actor } from '../accounts/actor.ts';
import { leads, messages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import type { LeadRow } from './lead-state-change.ts';

export type LeadFilter = {
  state?: string[];
  subState?: string;
  source?: string;
  assistantId?: string;
  ownerId?: string;
  atRisk?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  /** Leads with an email scheduled in this period (the dashboard's Active Leads). */
  scheduledFrom?: Date;
  scheduledTo?: Date;
  /** Having every one of these tags; having none of `notTags`. */
  tags?: string[];
  notTags?: string[];
  /** Text in the email, name or company. */
  q?: string;
  cursor?: string;
  limit?: number;
};

export const defaultPageSize = 50;
export const maxPageSize = 200;

type Cursor = { createdAt: string; id: string };

// created_at keeps microseconds; a JS Date only milliseconds. The cursor
// carries the database's own text so that no lead of the same millisecond is
// skipped or repeated.
const createdAtText = sql<string>`to_char(${leads.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');

function decodeCursor(cursor: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(createdAt) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    )
      return { createdAt, id };
  } catch {}
  throw new AppError('VALIDATION', 'cursor: not a cursor this list gave out', { field: 'cursor' });
}

/** LIKE treats % and _ as wildcards; a search for "50%" means the text. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The lead list (SPEC §10.1): newest first, filtered, in keyset pages (a page
 * costs the same however deep). Only the leads the actor may see (§10.2, access/lead-visibility.ts).
 */
export async function listLeads(
  ctx: Ctx,
  actor: Actor,
  filter: LeadFilter,
): Promise<{ items: LeadRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? defaultPageSize, 1), maxPageSize);
  const where: (SQL | undefined)[] = [leadsVisibleTo(actor)];
  if (filter.state?.length) where.push(inArray(leads.state, filter.state));
  if (filter.subState) where.push(eq(leads.subState, filter.subState));
  if (filter.source) where.push(eq(leads.source, filter.source));
  if (filter.assistantId) where.push(eq(leads.assistantId, filter.assistantId));
  if (filter.ownerId) where.push(eq(leads.ownerId, filter.ownerId));
  if (filter.atRisk !== undefined) where.push(eq(leads.atRisk, filter.atRisk));
  if (filter.createdFrom) where.push(gte(leads.createdAt, filter.createdFrom));
  if (filter.createdTo) where.push(lt(leads.createdAt, filter.createdTo));
  if (filter.scheduledFrom || filter.scheduledTo)
    where.push(
      sql`EXISTS (SELECT 1 FROM ${messages} WHERE ${messages.leadId} = ${leads.id} AND ${messages.status} = 'scheduled'
        ${filter.scheduledFrom ? sql`AND ${messages.dueAt} >= ${filter.scheduledFrom.toISOString()}::timestamptz` : sql``}
        ${filter.scheduledTo ? sql`AND ${messages.dueAt} < ${filter.scheduledTo.toISOString()}::timestamptz` : sql``})`,
    );
  // jsonb containment: the GIN index on tags serves both (migration 0024).
  for (const t of filter.tags ?? []) where.push(sql`${leads.tags} @> ${JSON.stringify([t])}::jsonb`);
  for (const t of filter.notTags ?? []) where.push(sql`NOT (${leads.tags} @> ${JSON.stringify([t])}::jsonb)`);
  const q = filter.q?.trim();
  if (q) {
    const pattern = likeText(q);
    where.push(
      sql`(${leads.email} ILIKE ${pattern} OR ${leads.company} ILIKE ${pattern}
        OR concat_ws(' ', ${leads.firstName}, ${leads.lastName}) ILIKE ${pattern})`,
    );
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    where.push(sql`(${leads.createdAt}, ${leads.id}) < (${c.createdAt}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await ctx.db
    .select({ lead: leads, createdAtText })
    .from(leads)
    .where(and(...where))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => r.lead),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.createdAtText, id: last.lead.id }) : null,
  };
}
