import { and, inArray, like, lt, sql } from 'drizzle-orm';
import { publicUrl, whatsappConfigured } from '../config/config.ts';
import { type Db, queryRows } from '../db/database.ts';
import { assistants, type NotificationChannel, scheduledRuns, users } from '../db/schema.ts';
import { type LeadLinkAction, leadLinkKey, leadLinksFor } from '../lead-links/lead-link-tokens.ts';
import { inAppDestination } from '../notify/lead-notifications.ts';
import { channelOn } from '../notify/notification-preferences.ts';
import { enqueueNotifications, type NewNotification, notificationMessageId } from '../notify/outbox.ts';
import { ownerForNotice } from '../notify/recipients.ts';
import { teamCopyRows } from '../notify/team-copies.ts';
import { claimRun, finishRun, utcDay } from '../plans/scheduled-runs.ts';
import type { Ctx } from '../platform/context.ts';
import { type EventInput, recordEvents } from '../timeline/record-event.ts';
import { riskReminderEmail, riskReminderShort } from './risk-reminder-notice.ts';

/**
 * SPEC §4, §3: a lead that became hot or responded and that nobody acted on
 * for 24 hours is marked at risk; its owner is reminded every N days, M
 * times (the assistant's `risk_reminder_every_days` and `_times`, 2 and 5 by
 * default), reminder k due k·N days after the lead became hot or responded.
 * "Acted on" is any timeline event a user is the actor of (but a change of
 * owner) since the lead entered its state; recording one clears the mark
 * (timeline/record-event.ts). A lead handled outside Nurture is never marked.
 *
 * Every AT_RISK_CHECK_MS one worker of all runs the check: each period's run
 * is claimed in `scheduled_runs` (plans/scheduled-runs.ts) under the job
 * name and the period's start. Each step is a few set-based statements over
 * a batch of leads, each of which re-checks its condition on the rows it
 * locks, so even a run taken over from a dead worker marks or reminds a lead
 * once.
 */
export const atRiskJob = 'lead-at-risk';
export const atRiskAfterMs = 24 * 3_600_000;
const batchSize = 500;
/** Runs of this job are kept this long, for operators; then deleted by a later run. */
const keepRunsDays = 3;

export type AtRiskResult = { run: string; marked: number; reminded: number; cleared: number };

/** The period's run key: `lead-at-risk@HH:MM` of its UTC start, on its UTC day. */
export function atRiskRunOf(now: Date, everyMs: number): { job: string; day: string } {
  const start = new Date(Math.floor(now.getTime() / everyMs) * everyMs);
  return { job: `${atRiskJob}@${start.toISOString().slice(11, 16)}`, day: utcDay(start) };
}

/** The worker's check: claim this period's run (null when another worker has it), then do it. */
export async function runAtRiskCheck(ctx: Ctx, workerId: string): Promise<AtRiskResult | null> {
  const now = ctx.now();
  const { job, day } = atRiskRunOf(now, ctx.config.AT_RISK_CHECK_MS);
  if (!(await claimRun(ctx.db, job, day, workerId, now))) return null;
  const result = await checkLeadsAtRisk(ctx, `${day} ${job}`);
  await finishRun(ctx.db, job, day, workerId, ctx.now(), result);
  await ctx.db
    .delete(scheduledRuns)
    .where(
      and(
        like(scheduledRuns.job, `${atRiskJob}@%`),
        lt(scheduledRuns.runOn, utcDay(new Date(now.getTime() - keepRunsDays * 86_400_000))),
      ),
    );
  if (result.marked || result.reminded || result.cleared) ctx.log.info('leads at risk checked', result);
  return result;
}

/** One pass: clear what left hot/responded, mark what is newly at risk, send the reminders due. */
export async function checkLeadsAtRisk(ctx: Ctx, run: string): Promise<AtRiskResult> {
  const result: AtRiskResult = { run, marked: 0, reminded: 0, cleared: 0 };
  for (;;) {
    const n = await ctx.db.transaction((tx) => clearLeftState(tx));
    result.cleared += n;
    if (n < batchSize) break;
  }
  for (;;) {
    const n = await ctx.db.transaction((tx) => markBatch(tx, ctx.now()));
    result.marked += n;
    if (n < batchSize) break;
  }
  const key = await leadLinkKey(ctx.db, ctx.config);
  for (;;) {
    const n = await ctx.db.transaction((tx) => remindBatch(ctx, tx, key));
    result.reminded += n;
    if (n < batchSize) break;
  }
  return result;
}

type Marked = { id: string; org_id: string; state: string; sub_state: string | null; since: string | Date };

/** A lead no longer hot or responded (it unsubscribed, a reply moved it on) is no longer at risk. */
async function clearLeftState(tx: Db): Promise<number> {
  const rows = await queryRows<Marked>(
    tx,
    sql`
    UPDATE leads l SET at_risk = false, at_risk_since = NULL, at_risk_reminders = 0
    WHERE l.id IN (SELECT id FROM leads WHERE at_risk AND state NOT IN ('hot', 'responded')
                   LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
    RETURNING l.id, l.org_id, l.state, l.sub_state, l.state_changed_at AS since`,
  );
  await recordEvents(
    tx,
    rows.map((r) => ({
      orgId: r.org_id,
      leadId: r.id,
      type: 'at_risk_cleared',
      actorType: 'system',
      reason: `No longer at risk: the lead is ${r.state} now, no longer hot or responded`,
      evidence: { state: r.state, subState: r.sub_state },
    })),
  );
  return rows.length;
}

async function markBatch(tx: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - atRiskAfterMs).toISOString();
  // The 24 hours run from the state change, and "acted" is judged by the database's clock on both
  // sides (timeline created_at, state_changed_at); only the cutoff is the job's clock.
  const rows = await queryRows<Marked>(
    tx,
    sql`
    UPDATE leads l SET at_risk = true, at_risk_since = l.state_changed_at, at_risk_reminders = 0
    WHERE l.id IN (
        SELECT c.id FROM leads c
        WHERE c.state IN ('hot', 'responded') AND NOT c.at_risk AND c.handled_outside_at IS NULL
          AND c.state_changed_at <= ${cutoff}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM timeline_events t
                          WHERE t.lead_id = c.id AND t.actor_type = 'user' AND t.type <> 'owner_changed'
                            AND t.created_at >= c.state_changed_at)
        ORDER BY c.state_changed_at
        LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
    RETURNING l.id, l.org_id, l.state, l.sub_state, l.state_changed_at AS since`,
  );
  await recordEvents(
    tx,
    rows.map((r) => {
      const since = new Date(r.since);
      return {
        orgId: r.org_id,
        leadId: r.id,
        type: 'at_risk_marked',
        actorType: 'system',
        reason: `At risk: ${r.state === 'hot' ? 'hot' : 'responded'} since ${since.toISOString().slice(0, 16).replace('T', ' ')} UTC and nobody has acted on it for 24 hours`,
        evidence: {
          state: r.state,
          subState: r.sub_state,
          since: since.toISOString(),
          checkedAt: now.toISOString(),
          userActionsSince: 0,
        },
      } satisfies EventInput;
    }),
  );
  return rows.length;
}

type Due = {
  id: string;
  org_id: string;
  assistant_id: string;
  owner_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  phone: string | null;
  state: string;
  sub_state: string | null;
  since: string | Date;
  slot: number;
  every: number;
  times: number;
};

/**
 * Reminder k (1..M) is due k·N days after `at_risk_since`. A run sends the
 * latest one due (a worker down for days sends one, not a burst) and only
 * while it is its slot's turn (before the next slot would have come), so a
 * lead at risk long before it was noticed is marked but not nagged.
 */
async function remindBatch(ctx: Ctx, tx: Db, key: Buffer): Promise<number> {
  const now = ctx.now();
  const at = now.toISOString();
  const slot = sql`LEAST(a.risk_reminder_times,
    floor(extract(epoch FROM (${at}::timestamptz - l.at_risk_since)) / (a.risk_reminder_every_days * 86400))::int)`;
  const rows = await queryRows<Due>(
    tx,
    sql`
    WITH due AS (
      SELECT l.id, ${slot} AS slot, a.risk_reminder_every_days AS every, a.risk_reminder_times AS times
      FROM leads l JOIN assistants a ON a.id = l.assistant_id
      WHERE l.at_risk AND l.state IN ('hot', 'responded') AND l.at_risk_since IS NOT NULL
        AND ${slot} > l.at_risk_reminders
        AND ${at}::timestamptz < l.at_risk_since
              + make_interval(days => a.risk_reminder_every_days * (${slot} + 1))
      LIMIT ${batchSize} FOR UPDATE OF l SKIP LOCKED)
    UPDATE leads l SET at_risk_reminders = d.slot
    FROM due d WHERE l.id = d.id
    RETURNING l.id, l.org_id, l.assistant_id, l.owner_id, l.email, l.first_name, l.last_name, l.company,
              l.phone, l.state, l.sub_state, l.at_risk_since AS since, d.slot, d.every, d.times`,
  );
  if (!rows.length) return 0;
  const owners = new Map(
    (
      await tx
        .select(ownerForNotice)
        .from(users)
        .where(inArray(users.id, [...new Set(rows.map((r) => r.owner_id))]))
    ).map((u) => [u.id, u]),
  );
  const helpers = new Map(
    (
      await tx
        .select({
          id: assistants.id,
          name: assistants.name,
          email: assistants.email,
          phone: assistants.phone,
        })
        .from(assistants)
        .where(inArray(assistants.id, [...new Set(rows.map((r) => r.assistant_id))]))
    ).map((a) => [a.id, a]),
  );
  const baseUrl = publicUrl(ctx.config);
  const whatsapp = whatsappConfigured(ctx.config);
  const ttlDays = ctx.config.LEAD_LINK_TTL_DAYS;
  const notes: NewNotification[] = [];
  const told = new Map<string, NotificationChannel[]>();
  for (const r of rows) {
    const owner = owners.get(r.owner_id);
    const assistant = helpers.get(r.assistant_id);
    if (!owner || !assistant) continue;
    const whatsappTo = whatsapp ? (owner.phone ?? assistant.phone) : null;
    const channels = (['email', 'whatsapp', 'in_app'] as const).filter(
      (c) => channelOn(owner.prefs, 'lead_at_risk', c) && (c !== 'whatsapp' || whatsappTo),
    );
    told.set(r.id, channels);
    const actions: LeadLinkAction[] =
      r.state === 'hot' ? ['not-at-risk', 'handled-outside'] : ['not-at-risk', 'handled-outside', 'hot'];
    const input = {
      lead: {
        id: r.id,
        email: r.email,
        firstName: r.first_name,
        lastName: r.last_name,
        company: r.company,
        phone: r.phone,
        state: r.state,
        subState: r.sub_state,
      },
      ownerName: owner.name,
      assistantName: assistant.name,
      since: new Date(r.since),
      now,
      reminder: r.slot,
      of: r.times,
      everyDays: r.every,
      links: leadLinksFor(key, baseUrl, { leadId: r.id, userId: owner.id, now, ttlDays, actions }),
      linkTtlDays: ttlDays,
      baseUrl,
    };
    const email = riskReminderEmail(input);
    const base = {
      orgId: r.org_id,
      userId: owner.id,
      assistantId: r.assistant_id,
      leadId: r.id,
      kind: 'lead_at_risk' as const,
      sourceId: `${r.id}@${new Date(r.since).toISOString()}#${r.slot}`,
      subject: email.subject,
    };
    for (const channel of channels) {
      const messageId = notificationMessageId(assistant.email);
      if (channel === 'whatsapp') {
        const short = riskReminderShort(input);
        notes.push({
          ...base,
          channel,
          destination: whatsappTo!,
          messageId,
          body: short.text,
          params: short.params,
        });
      } else if (channel === 'in_app')
        notes.push({ ...base, channel, destination: inAppDestination, messageId, body: email.body });
      else {
        const row = { ...base, channel, destination: owner.email, messageId, body: email.body };
        notes.push(row);
        if (owner.copyTo.length)
          notes.push(
            ...teamCopyRows(
              row,
              owner.copyTo,
              riskReminderEmail({ ...input, links: [] }).body,
              assistant.email,
              now,
              owner.email,
            ),
          );
      }
    }
  }
  await enqueueNotifications(tx, notes, now);
  await recordEvents(
    tx,
    rows.map((r) => ({
      orgId: r.org_id,
      leadId: r.id,
      type: 'at_risk_reminder_sent',
      actorType: 'system',
      reason: `Reminder ${r.slot} of ${r.times} to the owner: the lead has been at risk since ${new Date(r.since).toISOString().slice(0, 16).replace('T', ' ')} UTC (every ${r.every} day${r.every === 1 ? '' : 's'})`,
      evidence: {
        reminder: r.slot,
        of: r.times,
        everyDays: r.every,
        ownerId: r.owner_id,
        channels: told.get(r.id) ?? [],
      },
    })),
  );
  return rows.length;
}
