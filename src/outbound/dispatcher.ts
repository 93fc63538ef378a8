import { and, count, eq, gt, inArray, min, notInArray, or } from 'drizzle-orm';
import { publicUrl } from '../config/config.ts';
import { assistants, leads, messages } from '../db/schema.ts';
import { isRunning } from '../leads/lead-states.ts';
import type { Ctx } from '../platform/context.ts';
import { nextWindowOpening } from '../sequences/send-window.ts';
import { suppressedAmong, suppressionKey } from '../suppression/suppression.ts';
import { claimDueMessages, type MessageRow } from './claim-due.ts';
import type { OutgoingMail, SendOutcome } from './mail-sender.ts';
import { buildOutgoingMail } from './outgoing-mail.ts';
import { recordOutcomes, type Verdict } from './record-outcomes.ts';
import type { SenderRegistry } from './sender-registry.ts';

type Lead = typeof leads.$inferSelect;
type Assistant = typeof assistants.$inferSelect;

/**
 * One dispatcher round: claim due messages, decide for each whether it may go
 * now (lead still running, address not suppressed, inside the send window,
 * under the daily cap), send those that may, and record every outcome —
 * including each decision not to send — on the lead's timeline.
 * Returns how many messages were claimed (0 = nothing due).
 */
export async function dispatchOnce(ctx: Ctx, senders: SenderRegistry, workerId: string): Promise<number> {
  const now = ctx.now();
  const claimed = await claimDueMessages(ctx.db, workerId, now, ctx.config.DISPATCH_BATCH_SIZE);
  if (!claimed.length) return 0;

  const leadIds = [...new Set(claimed.map((m) => m.leadId))];
  const assistantIds = [...new Set(claimed.map((m) => m.assistantId))];
  const [leadRows, assistantRows, usage] = await Promise.all([
    ctx.db.select().from(leads).where(inArray(leads.id, leadIds)),
    ctx.db.select().from(assistants).where(inArray(assistants.id, assistantIds)),
    sentInLastDay(
      ctx,
      assistantIds,
      claimed.map((m) => m.id),
      now,
    ),
  ]);
  const leadById = new Map(leadRows.map((l) => [l.id, l]));
  const assistantById = new Map(assistantRows.map((a) => [a.id, a]));
  const suppressed = await suppressedByOrg(ctx, leadRows);

  const verdicts: Verdict[] = [];
  const toSend: {
    message: MessageRow;
    lead: Lead;
    assistant: Assistant;
    mail: OutgoingMail;
    note: Record<string, unknown>;
  }[] = [];
  for (const message of claimed) {
    const lead = leadById.get(message.leadId)!;
    const assistant = assistantById.get(message.assistantId)!;
    const skip = (reason: string, evidence: Record<string, unknown> = {}) =>
      verdicts.push({ kind: 'skip', message, lead, reason, evidence });
    const defer = (until: Date, reason: string, evidence: Record<string, unknown> = {}) =>
      verdicts.push({ kind: 'defer', message, lead, until, reason, evidence });

    if (message.kind === 'sequence' && lead.state === 'out_of_office') {
      const until =
        lead.resumeAt && lead.resumeAt > now ? lead.resumeAt : new Date(now.getTime() + 3_600_000);
      defer(until, 'The lead is out of office; the sequence is paused until they are back', {
        resumeAt: lead.resumeAt?.toISOString(),
      });
      continue;
    }
    // Sequence steps go only to running leads; a one-off message (an answer, a
    // check-in the lead asked for) to anyone who has not asked to stop.
    const allowed =
      message.kind === 'sequence'
        ? isRunning(lead.state)
        : !['deactivated', 'unsubscribed'].includes(lead.state);
    if (!allowed) {
      const what = message.kind === 'sequence' ? 'its sequence does not run' : 'it is not emailed';
      skip(`The lead is ${lead.state}${lead.subState ? ` (${lead.subState})` : ''}; ${what}`, {
        state: lead.state,
      });
      continue;
    }
    if (suppressed.get(lead.orgId)?.has(suppressionKey(lead.email))) {
      skip(`${lead.email} is on the organisation's suppression list`, { email: lead.email });
      continue;
    }
    const zone = lead.timeZone ?? 'UTC';
    const window = {
      days: assistant.sendDays,
      startMinute: assistant.sendStartMinute,
      endMinute: assistant.sendEndMinute,
    };
    let note: Record<string, unknown> = {};
    if (!message.explicitTime) {
      const opening = nextWindowOpening(now, window, zone);
      if (opening.getTime() > now.getTime()) {
        const evidence = {
          window: describeWindow(window),
          timeZone: zone,
          wouldWaitUntil: opening.toISOString(),
        };
        if (ctx.config.SANDBOX_SENDS_ANYTIME && senders.usesSandbox(assistant)) {
          note = { sandbox: 'sent outside the send window: sandbox mail is not held back', ...evidence };
        } else {
          defer(
            opening,
            `Outside the send window in the lead's time zone (${zone}); waits for the next opening`,
            evidence,
          );
          continue;
        }
      }
    }
    const use = usage.get(assistant.id) ?? { sent: 0, oldest: null };
    if (use.sent >= assistant.dailyCap) {
      const slot = new Date(
        Math.max(now.getTime() + 60_000, (use.oldest?.getTime() ?? now.getTime()) + 86_400_000),
      );
      defer(
        slot,
        `Daily cap of ${assistant.dailyCap} emails for ${assistant.email} reached; waits for a free slot`,
        {
          cap: assistant.dailyCap,
          sentInLast24h: use.sent,
        },
      );
      continue;
    }
    use.sent++;
    usage.set(assistant.id, use);
    toSend.push({
      message,
      lead,
      assistant,
      note,
      mail: buildOutgoingMail(publicUrl(ctx.config), lead, assistant, message),
    });
  }

  const outcomes = await Promise.all(
    toSend.map(async (s): Promise<SendOutcome> => {
      try {
        return await senders.senderFor(s.assistant).send(s.mail);
      } catch (e) {
        return { ok: false, permanent: false, code: null, error: (e as Error).message };
      }
    }),
  );
  toSend.forEach((s, i) => {
    verdicts.push({
      kind: 'sent',
      message: s.message,
      lead: s.lead,
      mail: s.mail,
      outcome: outcomes[i]!,
      note: s.note,
    });
  });
  await recordOutcomes(ctx, verdicts, now);
  return claimed.length;
}

/**
 * Per assistant: emails sent in the last 24 h, plus those other rounds are
 * sending right now (so concurrent loops and workers don't overshoot the cap).
 */
async function sentInLastDay(ctx: Ctx, assistantIds: string[], batchIds: string[], now: Date) {
  const since = new Date(now.getTime() - 86_400_000);
  const rows = await ctx.db
    .select({ assistantId: messages.assistantId, sent: count(), oldest: min(messages.sentAt) })
    .from(messages)
    .where(
      and(
        inArray(messages.assistantId, assistantIds),
        or(
          and(eq(messages.status, 'sent'), gt(messages.sentAt, since)),
          and(eq(messages.status, 'sending'), notInArray(messages.id, batchIds)),
        ),
      ),
    )
    .groupBy(messages.assistantId);
  return new Map(
    rows.map((r) => [r.assistantId, { sent: Number(r.sent), oldest: r.oldest ? new Date(r.oldest) : null }]),
  );
}

async function suppressedByOrg(ctx: Ctx, leadRows: Lead[]) {
  const byOrg = new Map<string, string[]>();
  for (const l of leadRows) byOrg.set(l.orgId, [...(byOrg.get(l.orgId) ?? []), l.email]);
  const out = new Map<string, Set<string>>();
  for (const [orgId, emails] of byOrg) out.set(orgId, await suppressedAmong(ctx.db, orgId, emails));
  return out;
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
function describeWindow(w: { days: number[]; startMinute: number; endMinute: number }): string {
  return `${w.days.map((d) => dayNames[d]).join(',')} ${hhmm(w.startMinute)}–${hhmm(w.endMinute)}`;
}
