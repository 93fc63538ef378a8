import { sql } from 'drizzle-orm';
import { anyUuid, jsonRows } from '../db/bulk-params.ts';
import { type Db, queryRows } from '../db/database.ts';
import type { EventInput } from '../timeline/record-event.ts';
import { addLocalDays } from './send-window.ts';

/**
 * A step that went less than this late leaves the steps after it where they
 * are: a dispatcher's ordinary delay (the poll, a busy round) is nothing a
 * lead notices, and moving for it would cost an update and a timeline event
 * per email. It is also the only allowance in "no two steps of a lead closer
 * than the schedule's gap" (test/sending-safety.property.test.ts).
 */
export const keepGapsSlackMs = 15 * 60_000;

/** DST makes a local day up to an hour longer: the query's rough cut keeps that much extra, the exact test is below. */
const dstMarginMs = 3_600_000;

type Later = {
  id: string;
  lead_id: string;
  org_id: string;
  assistant_id: string;
  step: number;
  due_at: string | Date;
  went_id: string;
  went_step: number;
  sent_at: string | Date;
  gap: number;
  time_zone: string | null;
  base_step: number | null;
  base_at: string | Date | null;
  base_day: number | null;
  went_day: number;
};

/**
 * SPEC §5.1: a schedule's days are gaps between emails. When a step goes
 * later than planned (the daily cap, the send window, a holiday, Send Time
 * Optimization, spacing, out of office, a validation hold, a retry), the
 * steps after it in its run keep their gaps from when it really went: each
 * becomes due `day(k) − day(j)` local days after the real send time, placed
 * as plan-sequence.ts places steps (same local time, addLocalDays), and the
 * send rules then apply the window, holidays and STO at dispatch as for any
 * step. A step is only ever moved later, never earlier (an out-of-office
 * pause or an explicit time keeps what it decided). The lead's plan base
 * becomes the step that went, so a schedule edit re-plans from it too
 * (schedules/replan-leads.ts).
 *
 * Set-based for a dispatcher round: one query finds the later steps that are
 * now too close (most rounds: none, cheaply), one statement moves them and
 * re-bases their leads. Call it in the transaction that marks `sentIds`
 * sent. Returns one `steps_scheduled` event per lead whose steps moved, for
 * the caller to insert with its own.
 */
export async function keepStepGaps(tx: Db, sentIds: readonly string[]): Promise<EventInput[]> {
  if (!sentIds.length) return [];
  const later = await queryRows<Later>(
    tx,
    sql`SELECT x.id, x.lead_id, x.org_id, x.assistant_id, x.step, x.due_at,
          s.id AS went_id, s.step AS went_step, s.sent_at,
          (sc.steps->>x.step)::int - (sc.steps->>s.step)::int AS gap,
          l.time_zone, l.plan_base_step AS base_step, l.plan_base_at AS base_at,
          (sc.steps->>l.plan_base_step)::int AS base_day, (sc.steps->>s.step)::int AS went_day
        FROM messages s
        JOIN leads l ON l.id = s.lead_id
        JOIN schedules sc ON sc.id = l.schedule_id
        JOIN messages x ON x.lead_id = s.lead_id AND x.kind = 'sequence' AND x.status = 'scheduled'
          AND x.step > s.step AND x.in_reply_to = coalesce(s.in_reply_to, s.message_id)
        WHERE ${anyUuid(sql`s.id`, sentIds)} AND s.kind = 'sequence' AND s.status = 'sent'
          AND s.step IS NOT NULL AND s.sent_at IS NOT NULL
          AND x.due_at < s.sent_at
            + make_interval(days => (sc.steps->>x.step)::int - (sc.steps->>s.step)::int)
            + ${`${(dstMarginMs - keepGapsSlackMs) / 1000} seconds`}::interval`,
  );
  if (!later.length) return [];

  const moves = new Map<string, { due: Date; was: Date; row: Later }>();
  for (const r of later) {
    const due = new Date(r.due_at);
    const target = addLocalDays(new Date(r.sent_at), Number(r.gap), r.time_zone ?? 'UTC');
    if (due.getTime() >= target.getTime() - keepGapsSlackMs) continue;
    const prior = moves.get(String(r.id));
    if (!prior || prior.due < target) moves.set(String(r.id), { due: target, was: due, row: r });
  }
  if (!moves.size) return [];

  const byLead = Map.groupBy(moves.values(), (m) => String(m.row.lead_id));
  const rebase = [...byLead.values()].map((ms) => {
    const went = ms.reduce((a, b) => (Number(b.row.went_step) > Number(a.row.went_step) ? b : a)).row;
    return {
      id: String(went.lead_id),
      step: Number(went.went_step),
      at: new Date(went.sent_at).toISOString(),
    };
  });
  await tx.execute(sql`
    WITH moved AS (
      UPDATE messages m SET due_at = v.due_at
      FROM jsonb_to_recordset(${jsonRows([...moves].map(([id, m]) => ({ id, due_at: m.due.toISOString() })))})
        AS v(id uuid, due_at timestamptz)
      WHERE m.id = v.id AND m.status = 'scheduled'
      RETURNING m.lead_id)
    UPDATE leads l SET plan_base_step = v.step, plan_base_at = v.at
    FROM jsonb_to_recordset(${jsonRows(rebase)}) AS v(id uuid, step integer, at timestamptz)
    WHERE l.id = v.id AND EXISTS (SELECT 1 FROM moved WHERE moved.lead_id = v.id)`);

  return [...byLead.values()].map((ms): EventInput => {
    const went = ms[0]!.row;
    const sentAt = new Date(went.sent_at);
    const planned =
      went.base_at != null && went.base_day != null
        ? addLocalDays(
            new Date(went.base_at),
            Math.max(0, Number(went.went_day) - Number(went.base_day)),
            went.time_zone ?? 'UTC',
          )
        : null;
    const late = planned ? ` ${describeDelay(sentAt.getTime() - planned.getTime())}` : '';
    const steps = ms.map((m) => Number(m.row.step)).sort((a, b) => a - b);
    return {
      orgId: String(went.org_id),
      leadId: String(went.lead_id),
      type: 'steps_scheduled',
      actorType: 'assistant',
      actorId: String(went.assistant_id),
      messageId: String(went.went_id),
      reason: `Step ${Number(went.went_step) + 1} went${late || ' later than planned'}; later steps keep their gaps from when it really went`,
      evidence: {
        step: Number(went.went_step),
        sentAt: sentAt.toISOString(),
        plannedAt: planned?.toISOString() ?? null,
        timeZone: went.time_zone ?? 'UTC',
        steps: steps.map((step) => {
          const m = ms.find((x) => Number(x.row.step) === step)!;
          return { step, dueAt: m.due.toISOString(), was: m.was.toISOString() };
        }),
      },
    };
  });
}

/** "a day late", "3 hours late", "40 minutes late" (rounded; never "0"). */
export function describeDelay(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 23.5) {
    const days = Math.round(hours / 24);
    return days === 1 ? 'a day late' : `${days} days late`;
  }
  if (hours >= 1) {
    const h = Math.round(hours);
    return h === 1 ? 'an hour late' : `${h} hours late`;
  }
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'} late`;
}
