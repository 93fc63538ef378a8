import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { type Db, queryRows } from '../db/database.ts';
import {
  assistants,
  assistantUsers,
  breakers,
  classificationCorrections,
  inboundMessages,
  leadImports,
  leads,
  messages,
  notifications,
  reviewItems,
  sandboxMessages,
  schedules,
  users,
} from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { isManagerOf, isUuid, leadIdVisibleTo, leadsVisibleTo } from './lead-visibility.ts';
import type { RouteRule } from './route-rules.ts';

/**
 * The rules about one record (`lead`, `lead-record`, `assistant`,
 * `assistant-manager`), decided before the handler from the route's first
 * path parameter. The record is read scoped by the actor's org: one the
 * actor may not see is NOT_FOUND, the same answer as another org's id or no
 * record at all; one they may see but not act on (`assistant-manager` for
 * a plain user of the assistant) is FORBIDDEN.
 */

/** The records that belong to a lead, by the path they live under (the id is the segment after it). */
const leadRecordKinds = {
  '/api/v1/sandbox/messages/': 'sandbox message',
  '/api/v1/review-items/': 'review item',
  '/api/v1/corrections/': 'correction',
  '/api/v1/unsent-emails/': 'unsent email',
} as const;
type LeadRecordKind = (typeof leadRecordKinds)[keyof typeof leadRecordKinds];

/**
 * The caller's own records (`self` with an id) checked here: an import is
 * also its org's admins'. Other `self` records (an API key, a session) are
 * read by their user in the domain.
 */
const ownRecordKinds = {
  '/api/v1/notifications/': 'notification',
  '/api/v1/imports/': 'import',
} as const;

/**
 * Records that are the org's as a whole: a route of any other rule (`admin`,
 * `signed-in`) naming one by id reads it scoped by org first, so another
 * org's id is a 404 before its body is even looked at.
 */
const orgRecordTables = {
  '/api/v1/assistants/': assistants,
  '/api/v1/deliverability/dkim/': assistants,
  '/api/v1/schedules/': schedules,
  '/api/v1/deliverability/breakers/': breakers,
  '/api/v1/inbound-problems/': inboundMessages,
} as const;

const recordRules: ReadonlySet<RouteRule> = new Set([
  'lead',
  'lead-owner',
  'lead-record',
  'assistant',
  'assistant-manager',
  'self',
]);

/** Where a record rule finds its id: the template up to its first parameter. */
function recordOf(rule: RouteRule, template: string): { prefix: string; kind: string } | null {
  const at = template.indexOf('{');
  if (at < 0) return null;
  const prefix = template.slice(0, at);
  if (!recordRules.has(rule)) return prefix in orgRecordTables ? { prefix, kind: 'org record' } : null;
  if (rule === 'lead' && prefix === '/api/v1/leads/') return { prefix, kind: 'lead' };
  if (rule === 'lead-owner' && prefix === '/api/v1/leads/') return { prefix, kind: 'owned lead' };
  if (rule === 'lead-record' && prefix in leadRecordKinds)
    return { prefix, kind: leadRecordKinds[prefix as keyof typeof leadRecordKinds] };
  if (rule === 'self')
    return prefix in ownRecordKinds
      ? { prefix, kind: ownRecordKinds[prefix as keyof typeof ownRecordKinds] }
      : null;
  if (
    (rule === 'assistant' || rule === 'assistant-manager') &&
    (prefix === '/api/v1/assistants/' || prefix === '/api/v1/deliverability/dkim/')
  )
    return { prefix, kind: 'assistant' };
  return null;
}

/**
 * Checked at start: a record rule on a route whose path says nothing this
 * module can load would decide nothing. Returns the routes that are so.
 */
export function routesWithoutTheirRecord(rules: Record<string, RouteRule>): string[] {
  return Object.entries(rules)
    .filter(([key, rule]) => {
      const template = key.split(' ')[1]!;
      // `self` may name something only its user has (an API key, a session) that the domain reads by user.
      return recordRules.has(rule) && rule !== 'self' && template.includes('{') && !recordOf(rule, template);
    })
    .map(([key, rule]) => `${key} (${rule})`);
}

/** The record rule of a route, for the request's path; nothing to do for the other rules. */
export async function authoriseRecord(
  db: Db,
  actor: Actor,
  rule: RouteRule,
  template: string,
  path: string,
): Promise<void> {
  const record = recordOf(rule, template);
  if (!record) return;
  const id = decodeURIComponent(path.slice(record.prefix.length).split('/')[0] ?? '');
  if (record.kind === 'lead') {
    if (!(await exists(db, leads, and(eq(leads.id, id), leadsVisibleTo(actor))!, id)))
      throw new AppError('NOT_FOUND', `No lead ${id}`, { field: 'id' });
    return;
  }
  if (record.kind === 'owned lead') {
    const [lead] = isUuid(id)
      ? await db
          .select({ ownerId: leads.ownerId })
          .from(leads)
          .where(and(eq(leads.id, id), leadsVisibleTo(actor)))
      : [];
    if (!lead) throw new AppError('NOT_FOUND', `No lead ${id}`, { field: 'id' });
    if (actor.role !== 'admin' && lead.ownerId !== actor.userId)
      throw new AppError('FORBIDDEN', 'Only the lead’s owner or an admin may do this');
    return;
  }
  if (record.kind === 'assistant') return authoriseAssistant(db, actor, rule, id);
  if (record.kind === 'org record') {
    const table = orgRecordTables[record.prefix as keyof typeof orgRecordTables];
    const [row] = isUuid(id)
      ? await queryRows(
          db,
          sql`SELECT 1 FROM ${table} WHERE ${table.id} = ${id}::uuid AND ${table.orgId} = ${actor.orgId}::uuid`,
        )
      : [];
    if (!row) throw new AppError('NOT_FOUND', `No record ${id} in this organisation`, { field: 'id' });
    return;
  }
  if (record.kind === 'notification' || record.kind === 'import') {
    if (!(await ownRecordVisible(db, actor, record.kind, id)))
      throw new AppError('NOT_FOUND', `No ${record.kind} ${id}`, { field: 'id' });
    return;
  }
  if (!isUuid(id) || !(await leadRecordVisible(db, actor, record.kind as LeadRecordKind, id)))
    throw new AppError('NOT_FOUND', `No ${record.kind} ${id}`, { field: 'id' });
}

async function authoriseAssistant(db: Db, actor: Actor, rule: RouteRule, id: string): Promise<void> {
  if (!(await exists(db, assistants, and(eq(assistants.id, id), assistantsVisibleTo(actor))!, id)))
    throw new AppError('NOT_FOUND', `No assistant ${id}`, { field: 'id' });
  if (rule === 'assistant-manager' && actor.role !== 'admin' && !(await isManagerOf(db, actor, id)))
    throw new AppError('FORBIDDEN', 'Only an admin or a manager of this assistant may do this');
}

async function exists(db: Db, table: typeof leads | typeof assistants, where: SQL, id: string) {
  if (!isUuid(id)) return false;
  const [row] = await db.select({ one: sql`1` }).from(table).where(where);
  return Boolean(row);
}

async function leadRecordVisible(db: Db, actor: Actor, kind: LeadRecordKind, id: string): Promise<boolean> {
  const q =
    kind === 'sandbox message'
      ? db
          .select({ one: sql`1` })
          .from(sandboxMessages)
          .leftJoin(messages, eq(messages.messageId, sandboxMessages.messageId))
          .where(
            and(
              eq(sandboxMessages.id, id),
              eq(sandboxMessages.orgId, actor.orgId),
              sandboxMessagesVisibleTo(actor),
            ),
          )
      : kind === 'review item'
        ? db
            .select({ one: sql`1` })
            .from(reviewItems)
            .where(
              and(
                eq(reviewItems.id, id),
                eq(reviewItems.orgId, actor.orgId),
                leadIdVisibleTo(actor, reviewItems.leadId),
              ),
            )
        : kind === 'correction'
          ? db
              .select({ one: sql`1` })
              .from(classificationCorrections)
              .where(
                and(
                  eq(classificationCorrections.id, id),
                  eq(classificationCorrections.orgId, actor.orgId),
                  correctionsVisibleTo(actor),
                ),
              )
          : db
              .select({ one: sql`1` })
              .from(messages)
              .where(
                and(
                  eq(messages.id, id),
                  eq(messages.orgId, actor.orgId),
                  leadIdVisibleTo(actor, messages.leadId),
                ),
              );
  const [row] = await q.limit(1);
  return Boolean(row);
}

async function ownRecordVisible(db: Db, actor: Actor, kind: 'notification' | 'import', id: string) {
  if (!isUuid(id)) return false;
  const [row] =
    kind === 'notification'
      ? await db
          .select({ one: sql`1` })
          .from(notifications)
          .where(
            and(
              eq(notifications.id, id),
              eq(notifications.orgId, actor.orgId),
              eq(notifications.userId, actor.userId),
            ),
          )
      : await db
          .select({ one: sql`1` })
          .from(leadImports)
          .where(and(eq(leadImports.id, id), importsVisibleTo(actor)));
  return Boolean(row);
}

/** Lead lists uploaded by the actor; an admin sees the org's. */
export function importsVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') return eq(leadImports.orgId, actor.orgId);
  return and(eq(leadImports.orgId, actor.orgId), eq(leadImports.userId, actor.userId))!;
}

/**
 * Sandbox mail the actor may read (a query over `sandbox_messages` left-joined
 * to `messages` on the Message-ID): an email to a lead follows the lead's
 * visibility; one to nobody's lead (a notification to a user) is its
 * recipient's and the admins'.
 */
export function sandboxMessagesVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') return eq(sandboxMessages.orgId, actor.orgId);
  return and(
    eq(sandboxMessages.orgId, actor.orgId),
    sql`(CASE WHEN ${messages.leadId} IS NOT NULL THEN ${leadIdVisibleTo(actor, messages.leadId)}
      ELSE EXISTS (SELECT 1 FROM ${users}, jsonb_array_elements_text(${sandboxMessages.envelopeTo}) AS rcpt(address)
                   WHERE ${users.id} = ${actor.userId}::uuid AND lower(rcpt.address) = lower(${users.email})) END)`,
  )!;
}

/** Corrections follow their lead; one whose lead is gone is the admins'. */
export function correctionsVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') return eq(classificationCorrections.orgId, actor.orgId);
  return and(
    eq(classificationCorrections.orgId, actor.orgId),
    leadIdVisibleTo(actor, classificationCorrections.leadId),
  )!;
}

/**
 * The assistants the actor may open: an admin, all of the org's; a user,
 * those assigned to them (as user or manager) and those holding a lead they
 * own.
 */
export function assistantsVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') return eq(assistants.orgId, actor.orgId);
  return and(
    eq(assistants.orgId, actor.orgId),
    sql`(EXISTS (SELECT 1 FROM ${assistantUsers} WHERE ${assistantUsers.assistantId} = ${assistants.id}
                   AND ${assistantUsers.userId} = ${actor.userId}::uuid)
         OR EXISTS (SELECT 1 FROM ${leads} WHERE ${leads.assistantId} = ${assistants.id}
                   AND ${leads.ownerId} = ${actor.userId}::uuid AND ${leads.orgId} = ${actor.orgId}::uuid))`,
  )!;
}
