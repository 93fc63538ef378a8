import { and, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import {
  assistants,
  type BreakerKind,
  type BreakerScope,
  deliverabilityEvents,
  messages,
  orgs,
} from '../db/schema.ts';
import type { WindowCounts } from './breaker-policy.ts';

/**
 * What a breaker watches: the emails of a set of assistants. A mailbox is a
 * sending address (lower case): assistants that share one share its
 * reputation with the receiving providers, whatever relay carries the mail.
 */
export type ScopeRef = { scope: BreakerScope; scopeId: string; label: string; assistantIds: string[] };

export const mailboxOf = (email: string): string => email.trim().toLowerCase();

/** Two scopes over the same assistants see the same emails: they trip together and resume together. */
export const assistantSetKey = (ids: string[]): string => [...ids].sort().join(',');

type AssistantLite = { id: string; name: string; email: string };

export async function orgAssistants(db: Db, orgId: string): Promise<AssistantLite[]> {
  return db
    .select({ id: assistants.id, name: assistants.name, email: assistants.email })
    .from(assistants)
    .where(eq(assistants.orgId, orgId));
}

/**
 * The scopes touched by the given assistants (or all of the org's): each
 * assistant, each of their mailboxes, and the org. Sorted, so that every
 * evaluation locks breaker rows in the same order.
 */
export async function scopesFor(db: Db, orgId: string, only?: string[]): Promise<ScopeRef[]> {
  const [all, [org]] = await Promise.all([
    orgAssistants(db, orgId),
    db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)),
  ]);
  const picked = only ? all.filter((a) => only.includes(a.id)) : all;
  const out = new Map<string, ScopeRef>();
  for (const a of picked) {
    out.set(`assistant:${a.id}`, {
      scope: 'assistant',
      scopeId: a.id,
      label: `${a.name} <${a.email}>`,
      assistantIds: [a.id],
    });
    const box = mailboxOf(a.email);
    out.set(`mailbox:${box}`, {
      scope: 'mailbox',
      scopeId: box,
      label: box,
      assistantIds: all.filter((x) => mailboxOf(x.email) === box).map((x) => x.id),
    });
  }
  if (picked.length)
    out.set(`org:${orgId}`, {
      scope: 'org',
      scopeId: orgId,
      label: org?.name ?? orgId,
      assistantIds: all.map((a) => a.id),
    });
  return [...out.values()].sort((a, b) => `${a.scope}:${a.scopeId}`.localeCompare(`${b.scope}:${b.scopeId}`));
}

/**
 * Emails the scope sent in [from, to] and how many of them failed. For hard
 * bounces a refusal at send time is both an email and a bounce (it never got
 * `sent`, but it was an attempt the provider saw); a complaint can only be
 * about an email that was delivered.
 */
export async function countWindow(
  db: Db,
  orgId: string,
  ref: ScopeRef,
  kind: BreakerKind,
  from: Date,
  to: Date,
): Promise<WindowCounts> {
  if (!ref.assistantIds.length) return { sends: 0, events: 0 };
  const scoped =
    ref.scope === 'org'
      ? undefined
      : ref.scope === 'assistant'
        ? eq(deliverabilityEvents.assistantId, ref.scopeId)
        : eq(deliverabilityEvents.mailbox, ref.scopeId);
  const [[sent], [failed]] = await Promise.all([
    db
      .select({ n: count() })
      .from(messages)
      .where(
        and(
          inArray(messages.assistantId, ref.assistantIds),
          eq(messages.status, 'sent'),
          gte(messages.sentAt, from),
          lte(messages.sentAt, to),
        ),
      ),
    db
      .select({
        events: count(),
        refused: sql<number>`count(*) FILTER (WHERE ${deliverabilityEvents.source} = 'smtp')`,
      })
      .from(deliverabilityEvents)
      .where(
        and(
          eq(deliverabilityEvents.orgId, orgId),
          eq(deliverabilityEvents.kind, kind),
          gte(deliverabilityEvents.sentAt, from),
          lte(deliverabilityEvents.sentAt, to),
          scoped,
        ),
      ),
  ]);
  const refused = kind === 'hard_bounce' ? Number(failed?.refused ?? 0) : 0;
  return { sends: Number(sent?.n ?? 0) + refused, events: Number(failed?.events ?? 0) };
}
