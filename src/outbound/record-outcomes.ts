import { eq, sql } from 'drizzle-orm';
import { anyUuid, jsonRows } from '../db/bulk-params.ts';
import { type Db, queryRows } from '../db/database.ts';
import { leads } from '../db/schema.ts';
import { countSendTimeBounces } from '../deliverability/bounce-signals.ts';
import { changeLeadState, type LeadRow } from '../leads/lead-state-change.ts';
import { decide, leadStates } from '../leads/lead-states.ts';
import type { Ctx } from '../platform/context.ts';
import { keepStepGaps } from '../sequences/keep-step-gaps.ts';
import type { SendWindow } from '../sequences/send-window.ts';
import { type EventInput, recordEvents } from '../timeline/record-event.ts';
import type { MessageRow } from './claim-due.ts';
import type { OutgoingMail, SendOutcome } from './mail-sender.ts';
import { decideRetry } from './retry-policy.ts';
import { countSends } from './send-counts.ts';
import type { StopLead } from './send-rules/send-rule.ts';

/** What the dispatcher decided (or what happened) for one claimed message. */
export type Verdict =
  | {
      kind: 'skip';
      message: MessageRow;
      lead: LeadRow;
      reason: string;
      evidence: Record<string, unknown>;
      stopLead?: StopLead;
    }
  | {
      kind: 'defer';
      message: MessageRow;
      lead: LeadRow;
      until: Date;
      reason: string;
      evidence: Record<string, unknown>;
    }
  | {
      kind: 'sent';
      message: MessageRow;
      lead: LeadRow;
      mail: OutgoingMail;
      outcome: SendOutcome;
      note?: Record<string, unknown>;
      /** The assistant's send window: a temporary failure's retry is placed inside it. */
      window: SendWindow;
    }
  | {
      /** Claimed but never handed to the mail server (the database went away first): back to due, unnoticed. */
      kind: 'unsent';
      message: MessageRow;
    };

type Row = {
  id: string;
  status: string;
  due_at?: string;
  last_error?: string | null;
  sent_at?: string;
  subject?: string;
  text_body?: string;
  smtp_response?: string;
  /** 1 when the claim was not an attempt to send (a rule held the message back). */
  not_an_attempt?: number;
  /** The claim this outcome belongs to (with the claimer, it fences a late write). */
  attempts: number;
  retrying_since?: string;
};

/**
 * Write a round's outcomes in one transaction: the messages' new status in one
 * statement, the timeline events in another, then the lead-level consequences
 * (a permanent failure is a bounce; the last step sent completes the sequence).
 * Updates are guarded by claimer, so a worker presumed dead cannot overwrite
 * what a reconciler decided.
 */
export async function recordOutcomes(ctx: Ctx, verdicts: Verdict[], now: Date): Promise<void> {
  const rows: Row[] = [];
  const events: EventInput[] = [];
  let bounced: { lead: LeadRow; message: MessageRow; outcome: Extract<SendOutcome, { ok: false }> }[] = [];
  const sentLeadIds = new Set<string>();
  const sends: { assistantId: string; at: Date; messageId: string }[] = [];
  const ev = (
    v: Exclude<Verdict, { kind: 'unsent' }>,
    type: EventInput['type'],
    reason: string,
    evidence: Record<string, unknown>,
  ) =>
    events.push({
      orgId: v.lead.orgId,
      leadId: v.lead.id,
      type,
      actorType: 'assistant',
      actorId: v.lead.assistantId,
      reason,
      evidence: { step: v.message.step, ...evidence },
      messageId: v.message.id,
    });

  for (const v of verdicts) {
    const claim = { id: v.message.id, attempts: v.message.attempts };
    if (v.kind === 'unsent') {
      rows.push({ ...claim, status: 'scheduled', last_error: v.message.lastError, not_an_attempt: 1 });
    } else if (v.kind === 'skip') {
      rows.push({ ...claim, status: 'cancelled', last_error: v.reason });
      ev(v, 'send_skipped', `Not sent: ${v.reason}`, v.evidence);
    } else if (v.kind === 'defer') {
      // Held back by a rule, not tried: the claim must not use up a retry.
      rows.push({
        ...claim,
        status: 'scheduled',
        due_at: v.until.toISOString(),
        last_error: null,
        not_an_attempt: 1,
      });
      // A deferral is not an attempt.
      ev(v, 'send_deferred', v.reason, { ...v.evidence, until: v.until.toISOString() });
    } else if (v.outcome.ok) {
      rows.push({
        ...claim,
        status: 'sent',
        sent_at: now.toISOString(),
        subject: v.mail.subject,
        text_body: v.mail.text,
        smtp_response: v.outcome.response,
      });
      sentLeadIds.add(v.lead.id);
      sends.push({ assistantId: v.message.assistantId, at: now, messageId: v.message.id });
      ev(
        v,
        'message_sent',
        `${v.message.step === null ? 'Message' : `Step ${v.message.step + 1}`} sent to ${v.lead.email}`,
        {
          subject: v.mail.subject,
          messageId: v.mail.messageId,
          smtp: v.outcome.response,
          ...v.note,
        },
      );
    } else if (v.outcome.permanent) {
      rows.push({ ...claim, status: 'failed', last_error: v.outcome.error });
      ev(v, 'send_failed', `The mail server refused the message permanently (${v.outcome.code})`, {
        code: v.outcome.code,
        error: v.outcome.error,
      });
      bounced.push({ lead: v.lead, message: v.message, outcome: v.outcome });
    } else {
      // Temporary (4xx, connection): retried over hours, inside the window, as mail servers do.
      const decision = decideRetry(ctx.config, {
        now,
        since: v.message.retryingSince,
        tries: v.message.attempts,
        window: v.window,
        timeZone: v.lead.timeZone ?? 'UTC',
      });
      const why = `${v.outcome.code ?? 'connection'}: ${v.outcome.error}`;
      if (decision.kind === 'give-up') {
        rows.push({ ...claim, status: 'failed', last_error: v.outcome.error });
        ev(
          v,
          'send_failed',
          `Gave up after ${decision.tries} tries since ${decision.since.toISOString()} (temporary failures only; the last: ${why})`,
          { code: v.outcome.code, error: v.outcome.error, attempts: decision.tries, since: decision.since },
        );
      } else {
        const until = decision.at.toISOString();
        rows.push({
          ...claim,
          status: 'scheduled',
          due_at: until,
          last_error: v.outcome.error,
          retrying_since: decision.since.toISOString(),
        });
        ev(
          v,
          'send_deferred',
          `Temporary failure (${v.outcome.code ?? 'connection'}): retry ${v.message.attempts + 1} at ${until}, inside the send window; given up after ${decision.giveUpAt.toISOString()}`,
          {
            error: v.outcome.error,
            attempt: v.message.attempts,
            until,
            retryingSince: decision.since.toISOString(),
            giveUpAt: decision.giveUpAt.toISOString(),
          },
        );
      }
    }
  }

  await ctx.db.transaction(async (tx) => {
    // Only what this claim still owns is written (a late write after an outage may find some taken over).
    const applied = await applyRows(tx, rows, verdicts[0]?.message.claimedBy ?? '');
    const ours = (v: { message: MessageRow }) => applied.has(v.message.id);
    // A peer called these uncertain while this worker was cut off; this worker knows they never left.
    for (const v of verdicts) {
      if (v.kind !== 'unsent' || applied.get(v.message.id) !== 'uncertain') continue;
      events.push({
        orgId: v.message.orgId,
        leadId: v.message.leadId,
        type: 'send_deferred',
        actorType: 'system',
        reason:
          'The worker that had this email lost the database before handing this email to the mail server; it was never sent and goes back to be sent',
        evidence: { step: v.message.step, worker: v.message.claimedBy, attempt: v.message.attempts },
        messageId: v.message.id,
      });
    }
    const sentIds = [...sentLeadIds].filter((id) =>
      verdicts.some((v) => v.kind === 'sent' && v.lead.id === id && ours(v)),
    );
    // Steps after one that went late keep the schedule's gaps from when it really went.
    const sentMessageIds = verdicts.flatMap((v) =>
      v.kind === 'sent' && v.outcome.ok && ours(v) ? [v.message.id] : [],
    );
    const regapped = await keepStepGaps(tx, sentMessageIds);
    // One insert for the round's events and the completions that follow from them.
    const completions = await completeFinishedSequences(tx, sentIds, { recordNow: false });
    await recordEvents(tx, [...events.filter((e) => applied.has(e.messageId!)), ...regapped, ...completions]);
    // A lead that can never be emailed again stops here, with why (its other steps are cancelled).
    const blocked = new Map(
      verdicts.flatMap((v) => (v.kind === 'skip' && v.stopLead && ours(v) ? [[v.lead.id, v] as const] : [])),
    );
    for (const v of blocked.values()) {
      const [lead] = await tx.select().from(leads).where(eq(leads.id, v.lead.id)).for('update');
      if (!lead || v.kind !== 'skip' || !v.stopLead) continue;
      await changeLeadState(
        tx,
        lead,
        { type: 'blocked', subState: v.stopLead },
        {
          actorType: 'system',
          reason: v.reason,
          evidence: { ...v.evidence, messageId: v.message.messageId },
        },
      );
    }
    bounced = bounced.filter(ours);
    for (const b of bounced) {
      const [lead] = await tx.select().from(leads).where(eq(leads.id, b.lead.id));
      if (!lead) continue;
      await changeLeadState(
        tx,
        lead,
        { type: 'bounce', subState: 'BounceDeactivated' },
        {
          actorType: 'system',
          reason: `The recipient's server refused ${lead.email} at send time`,
          evidence: { code: b.outcome.code, error: b.outcome.error, messageId: b.message.messageId },
        },
      );
    }
    // Deliverability breakers count these bounces (src/deliverability/bounce-signals.ts).
    await countSendTimeBounces(
      tx,
      ctx.config,
      bounced.map((b) => b.lead.id),
      now,
    );
    // Last: the count rows are shared by concurrent rounds; hold their locks briefly.
    await countSends(
      tx,
      sends.filter((x) => applied.has(x.messageId)),
    );
  });
}

/**
 * The round's rows in one statement, guarded by the claim (claimer and
 * attempt): a worker presumed dead cannot overwrite what a reconciler
 * decided, except an `uncertain` it left with this claim, which the claimer's
 * late write (after a database outage) settles with what really happened.
 * Returns the ids written, each with the status it had before.
 */
async function applyRows(tx: Db, rows: Row[], claimer: string): Promise<Map<string, string>> {
  if (!rows.length) return new Map();
  const written = await queryRows<{ id: string; was: string }>(
    tx,
    sql`
    UPDATE messages m SET
      status = v.status,
      due_at = COALESCE(v.due_at, m.due_at),
      last_error = v.last_error,
      sent_at = COALESCE(v.sent_at, m.sent_at),
      subject = COALESCE(v.subject, m.subject),
      text_body = COALESCE(v.text_body, m.text_body),
      smtp_response = COALESCE(v.smtp_response, m.smtp_response),
      attempts = m.attempts - COALESCE(v.not_an_attempt, 0),
      claimed_by = CASE WHEN v.status = 'scheduled' THEN NULL ELSE m.claimed_by END,
      transmission = CASE WHEN v.status = 'scheduled' THEN NULL ELSE m.transmission END,
      retrying_since = CASE WHEN v.status = 'sent' THEN NULL ELSE COALESCE(m.retrying_since, v.retrying_since) END
    FROM jsonb_to_recordset(${jsonRows(rows)})
      AS v(id uuid, status text, due_at timestamptz, last_error text, sent_at timestamptz, subject text, text_body text,
           smtp_response text, not_an_attempt integer, attempts integer, retrying_since timestamptz),
      -- The row as it was: the update's own lock makes this the status it replaces.
      LATERAL (SELECT status AS was FROM messages o WHERE o.id = v.id) o
    WHERE m.id = v.id AND m.status IN ('sending', 'uncertain') AND m.claimed_by = ${claimer}
      AND m.attempts = v.attempts
    RETURNING m.id, o.was`,
  );
  return new Map(written.map((r) => [String(r.id), String(r.was)]));
}

/**
 * What `complete` does from each state: the state machine decides (it looks
 * only at the state for this event), once, and SQL applies it in bulk.
 */
const completions = leadStates.flatMap((state) => {
  const d = decide({ state, subState: null }, { type: 'complete' });
  return d.ok
    ? [{ from: state, state: d.next.state, sub_state: d.next.subState, transition: d.transition }]
    : [];
});

/**
 * A running lead whose last step has gone, with no reply, is `processed` (§4).
 * Set-based and one round trip, because a round can finish hundreds of
 * sequences: lock the leads with nothing left to send, move each as the
 * state machine says for its current state. The timeline events are recorded
 * here, or returned for the caller to insert with its own (`recordNow: false`).
 */
export async function completeFinishedSequences(
  tx: Db,
  leadIds: string[],
  opts: { recordNow: boolean } = { recordNow: true },
): Promise<EventInput[]> {
  if (!leadIds.length) return [];
  const changed = await queryRows<{
    id: string;
    org_id: string;
    assistant_id: string;
    from_state: string;
    from_sub_state: string | null;
    state: string;
    sub_state: string | null;
    transition: string;
  }>(
    tx,
    sql`WITH done AS (
          SELECT l.id, l.state, l.sub_state FROM leads l
          WHERE ${anyUuid(sql`l.id`, leadIds)}
            AND NOT EXISTS (SELECT 1 FROM messages m
                            WHERE m.lead_id = l.id AND m.status IN ('scheduled', 'sending'))
          FOR UPDATE)
        UPDATE leads l SET state = t.state, sub_state = t.sub_state, state_changed_at = now(), updated_at = now()
        FROM done d
        JOIN jsonb_to_recordset(${jsonRows(completions)}) AS t("from" text, state text, sub_state text, transition text)
          ON t."from" = d.state
        WHERE l.id = d.id
        RETURNING l.id, l.org_id, l.assistant_id, d.state AS from_state, d.sub_state AS from_sub_state,
          t.state, t.sub_state, t.transition`,
  );
  const events = changed.map(
    (c): EventInput => ({
      orgId: String(c.org_id),
      leadId: String(c.id),
      type: 'state_changed',
      fromState: c.from_state,
      toState: c.state,
      fromSubState: c.from_sub_state,
      toSubState: c.sub_state,
      actorType: 'assistant',
      actorId: String(c.assistant_id),
      reason: 'The last step of the schedule was sent without a reply',
      evidence: { transition: c.transition },
    }),
  );
  if (opts.recordNow) await recordEvents(tx, events);
  return events;
}
