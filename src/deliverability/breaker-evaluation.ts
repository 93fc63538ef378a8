import { and, asc, eq, exists, gte, inArray, ne, or, sql } from 'drizzle-orm';
import { type Config, publicUrl } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { assistants, breakers, deliverabilityAlerts, messages } from '../db/schema.ts';
import { enqueueNotifications, type NewNotification, notificationMessageId } from '../notify/outbox.ts';
import { assistantUsers } from '../notify/recipients.ts';
import type { Ctx } from '../platform/context.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { breakerNotice } from './breaker-notice.ts';
import {
  alertReason,
  breakerWindowMs,
  judge,
  percent,
  thresholdsFor,
  type WindowCounts,
  windowStart,
} from './breaker-policy.ts';
import { assistantSetKey, countWindow, type ScopeRef, scopesFor } from './breaker-scopes.ts';

export type BreakerRow = typeof breakers.$inferSelect;
const kinds = ['hard_bounce', 'complaint'] as const;

/** A breaker that warned or tripped during this evaluation. */
type Change = {
  row: BreakerRow;
  ref: ScopeRef;
  counts: WindowCounts;
  verdict: 'warn' | 'pause';
};

/**
 * Re-evaluate the breakers of the scopes touched by `assistantIds` (all of
 * the org's when absent), inside the caller's transaction: count the window,
 * judge, store the rate, and on a new warning or trip tell the assistants'
 * users (a deliverability alert each, and a note on the lead whose bounce or
 * complaint tipped it). Rows are created on first sight and locked in one
 * order, so concurrent evaluations queue instead of alerting twice.
 */
export async function evaluateBreakers(
  tx: Db,
  config: Config,
  opts: { orgId: string; assistantIds?: string[]; now: Date; triggerLeadId?: string | null },
): Promise<BreakerRow[]> {
  const refs = await scopesFor(tx, opts.orgId, opts.assistantIds);
  if (!refs.length) return [];
  const keys = refs.flatMap((ref) => kinds.map((kind) => ({ ref, kind })));
  await tx
    .insert(breakers)
    .values(
      keys.map(({ ref, kind }) => ({ orgId: opts.orgId, scope: ref.scope, scopeId: ref.scopeId, kind })),
    )
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(breakers)
    .where(
      and(
        eq(breakers.orgId, opts.orgId),
        or(...refs.map((r) => and(eq(breakers.scope, r.scope), eq(breakers.scopeId, r.scopeId)))),
      ),
    )
    .orderBy(asc(breakers.id))
    .for('update');

  const changes: Change[] = [];
  const out: BreakerRow[] = [];
  for (const row of rows) {
    const ref = refs.find((r) => r.scope === row.scope && r.scopeId === row.scopeId)!;
    const from = windowStart(opts.now, row.resumedAt);
    const counts = await countWindow(tx, opts.orgId, ref, row.kind, from, opts.now);
    const t = thresholdsFor(config, row.kind);
    const j = judge(row.state, counts, t);
    const entering = j.state !== row.state && (j.verdict === 'warn' || j.verdict === 'pause');
    const [updated] = await tx
      .update(breakers)
      .set({
        state: j.state,
        rate: j.rate,
        windowSends: counts.sends,
        windowEvents: counts.events,
        windowFrom: from,
        evaluatedAt: opts.now,
        ...(entering && j.verdict === 'warn' ? { warnedAt: opts.now } : {}),
        ...(entering && j.verdict === 'pause'
          ? {
              trippedAt: opts.now,
              evidence: {
                rate: j.rate,
                sends: counts.sends,
                events: counts.events,
                windowFrom: from.toISOString(),
                pauseRate: t.pause,
                ...(opts.triggerLeadId ? { trippedByLead: opts.triggerLeadId } : {}),
              },
            }
          : {}),
      })
      .where(eq(breakers.id, row.id))
      .returning();
    out.push(updated!);
    if (entering) changes.push({ row: updated!, ref, counts, verdict: j.verdict as 'warn' | 'pause' });
  }
  await tellUsers(tx, config, opts, changes);
  return out;
}

/**
 * One alert per assistant concerned, and per group of breakers that changed
 * together over the same assistants (an org with one assistant has three
 * identical breakers: its users hear about it once). Each of the assistants'
 * users gets an email about it (notify/ delivers it), written here, in the
 * same transaction as the alert.
 */
async function tellUsers(
  tx: Db,
  config: Config,
  opts: { orgId: string; now: Date; triggerLeadId?: string | null },
  changes: Change[],
): Promise<void> {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = `${c.row.kind}|${c.verdict}|${assistantSetKey(c.ref.assistantIds)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const order = { assistant: 0, mailbox: 1, org: 2 } as const;
  for (const group of groups.values()) {
    const [main] = [...group].sort((a, b) => order[a.ref.scope] - order[b.ref.scope]);
    const c = main!;
    const t = thresholdsFor(config, c.row.kind);
    const reason = alertReason(c.row.kind, c.ref.scope, c.ref.label, c.counts, t, c.verdict);
    const evidence = {
      breakerIds: group.map((g) => g.row.id),
      scopes: group.map((g) => `${g.ref.scope}:${g.ref.label}`),
      kind: c.row.kind,
      rate: c.row.rate,
      sends: c.counts.sends,
      events: c.counts.events,
      windowFrom: c.row.windowFrom?.toISOString(),
      warnRate: t.warn,
      pauseRate: t.pause,
    };
    const alerts = await tx
      .insert(deliverabilityAlerts)
      .values(
        c.ref.assistantIds.map((assistantId) => ({
          orgId: opts.orgId,
          assistantId,
          leadId: opts.triggerLeadId ?? null,
          kind: c.verdict === 'pause' ? ('breaker_tripped' as const) : ('breaker_warn' as const),
          reason,
          evidence,
          breakerId: c.row.id,
        })),
      )
      .returning({ id: deliverabilityAlerts.id, assistantId: deliverabilityAlerts.assistantId });
    const notified = await notifyUsers(tx, config, opts, group, c, alerts, reason);
    if (opts.triggerLeadId)
      await recordEvent(tx, {
        orgId: opts.orgId,
        leadId: opts.triggerLeadId,
        type: 'deliverability_alert',
        actorType: 'system',
        reason: `This ${c.row.kind === 'hard_bounce' ? 'bounce' : 'complaint'} brought the rate to ${percent(c.row.rate)}. ${reason}`,
        evidence: { ...evidence, notifiedUserIds: notified },
      });
  }
}

/**
 * Each user of the group's assistants (notify/recipients.ts: the org's
 * admins and the users who own leads on them) is emailed once per group,
 * about the alert of the first of those assistants they are a user of, from
 * that assistant's mailbox. An org breaker over five assistants is one email
 * to an admin, not five. Returns the users told.
 */
async function notifyUsers(
  tx: Db,
  config: Config,
  opts: { orgId: string; now: Date; triggerLeadId?: string | null },
  group: Change[],
  c: Change,
  alerts: { id: string; assistantId: string }[],
  reason: string,
): Promise<string[]> {
  const ids = c.ref.assistantIds;
  const [named, recipients] = await Promise.all([
    tx
      .select({ id: assistants.id, name: assistants.name, email: assistants.email })
      .from(assistants)
      .where(inArray(assistants.id, ids)),
    assistantUsers(tx, opts.orgId, ids),
  ]);
  const byId = new Map(named.map((a) => [a.id, a]));
  const told = new Set<string>();
  const rows: NewNotification[] = [];
  for (const alert of alerts) {
    const assistant = byId.get(alert.assistantId);
    if (!assistant) continue;
    for (const user of recipients.get(alert.assistantId) ?? []) {
      if (told.has(user.id)) continue;
      told.add(user.id);
      const notice = breakerNotice({
        kind: c.row.kind,
        verdict: c.verdict,
        scope: c.ref.scope,
        label: c.ref.label,
        breakerId: c.row.id,
        scopes: group.map((g) => `${g.ref.scope} ${g.ref.label}`),
        assistantNames: ids.map((id) => byId.get(id)?.name ?? id),
        assistantId: assistant.id,
        reason,
        rate: c.row.rate,
        counts: c.counts,
        thresholds: thresholdsFor(config, c.row.kind),
        windowFrom: c.row.windowFrom,
        leadId: opts.triggerLeadId ?? null,
        userName: user.name,
        baseUrl: publicUrl(config),
      });
      rows.push({
        orgId: opts.orgId,
        userId: user.id,
        assistantId: assistant.id,
        leadId: opts.triggerLeadId ?? null,
        kind: 'deliverability_alert',
        channel: 'email',
        sourceId: alert.id,
        destination: user.email,
        messageId: notificationMessageId(assistant.email),
        subject: notice.subject,
        body: notice.body,
      });
    }
  }
  await enqueueNotifications(tx, rows, opts.now);
  return [...told];
}

/**
 * The periodic pass (worker): rates move as emails age out of the window
 * even when nothing bounces. Every org that sent in the last 7 days, or has a
 * breaker that is not armed, is evaluated in its own transaction.
 */
export async function sweepBreakers(ctx: Ctx): Promise<number> {
  const now = ctx.now();
  const since = new Date(now.getTime() - breakerWindowMs);
  const sending = await ctx.db
    .selectDistinct({ orgId: assistants.orgId })
    .from(assistants)
    .where(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(messages)
          .where(
            and(
              eq(messages.assistantId, assistants.id),
              eq(messages.status, 'sent'),
              gte(messages.sentAt, since),
            ),
          ),
      ),
    );
  const raised = await ctx.db
    .selectDistinct({ orgId: breakers.orgId })
    .from(breakers)
    .where(ne(breakers.state, 'armed'));
  const orgIds = [...new Set([...sending, ...raised].map((r) => r.orgId))];
  for (const orgId of orgIds) {
    try {
      await ctx.db.transaction((tx) => evaluateBreakers(tx, ctx.config, { orgId, now }));
    } catch (e) {
      // One org's failure must not stop the others' (nor the worker's sending).
      ctx.log.error('breaker sweep failed for an org', { orgId, error: e });
    }
  }
  return orgIds.length;
}

/** The org's tripped breakers (the send rule asks once per batch). */
export async function trippedBreakers(db: Db, orgIds: string[]): Promise<BreakerRow[]> {
  if (!orgIds.length) return [];
  return db
    .select()
    .from(breakers)
    .where(and(inArray(breakers.orgId, orgIds), eq(breakers.state, 'tripped')));
}
