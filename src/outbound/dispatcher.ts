import { composeForSend, loadCompositionData } from '../compose/sequence-composer.ts';
import { publicUrl } from '../config/config.ts';
import { anyUuid } from '../db/bulk-params.ts';
import { assistants, leads } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { trackingKey, trackingLinks } from '../tracking/tracking-tokens.ts';
import { claimDueMessages, type MessageRow } from './claim-due.ts';
import { flushHeldOutcomes, recordOrHold, takeInHand } from './held-outcomes.ts';
import { buildOutgoingMail, unsubscribeUrl } from './outgoing-mail.ts';
import type { Verdict } from './record-outcomes.ts';
import type { Batch, Candidate } from './send-rules/send-rule.ts';
import { sendRules } from './send-rules/send-rules.ts';
import type { SenderRegistry } from './sender-registry.ts';
import { transmitInGroups } from './transmit.ts';

/**
 * One dispatcher round: claim due messages, ask the send rules
 * (send-rules/send-rules.ts) whether each may go now, send those that may,
 * and record every outcome — including each decision not to send — on the
 * lead's timeline. Returns how many messages were claimed (0 = nothing due).
 */
export async function dispatchOnce(ctx: Ctx, senders: SenderRegistry, workerId: string): Promise<number> {
  // Outcomes a database outage kept in memory go first: until they are written, nothing new is claimed.
  await flushHeldOutcomes(ctx, workerId);
  const now = ctx.now();
  const claimed = await claimDueMessages(ctx.db, workerId, now, ctx.config.DISPATCH_BATCH_SIZE);
  if (!claimed.length) return 0;
  takeInHand(
    workerId,
    claimed.map((m) => m.id),
  );
  try {
    await workClaimed(ctx, senders, workerId, claimed, now);
  } catch (e) {
    // Failed before anything was handed to the mail server (the database went away mid-round):
    // the claims go back to due, now or once the database answers.
    await recordOrHold(
      ctx,
      workerId,
      claimed.map((message) => ({ kind: 'unsent', message })),
      now,
    );
    throw e;
  }
  return claimed.length;
}

async function workClaimed(
  ctx: Ctx,
  senders: SenderRegistry,
  workerId: string,
  claimed: MessageRow[],
  now: Date,
): Promise<void> {
  const [leadRows, assistantRows, composition] = await Promise.all([
    ctx.db
      .select()
      .from(leads)
      .where(anyUuid(leads.id, [...new Set(claimed.map((m) => m.leadId))])),
    ctx.db
      .select()
      .from(assistants)
      .where(anyUuid(assistants.id, [...new Set(claimed.map((m) => m.assistantId))])),
    loadCompositionData(ctx.db, claimed),
  ]);
  const batch: Batch = {
    now,
    messages: claimed,
    leads: new Map(leadRows.map((l) => [l.id, l])),
    assistants: new Map(assistantRows.map((a) => [a.id, a])),
    usesSandbox: (a) => senders.usesSandbox(a),
  };
  const prepared = await Promise.all(sendRules.map((r) => r.prepare?.(ctx, batch)));
  const tracking = trackingLinks(publicUrl(ctx.config), await trackingKey(ctx.db, ctx.config));

  const verdicts: Verdict[] = [];
  const ready: { candidate: Candidate; note: Record<string, unknown> }[] = [];
  for (const message of claimed) {
    const candidate: Candidate = {
      message,
      lead: batch.leads.get(message.leadId)!,
      assistant: batch.assistants.get(message.assistantId)!,
    };
    let note: Record<string, unknown> = {};
    let decided = false;
    for (const [i, rule] of sendRules.entries()) {
      const r = rule.check(candidate, prepared[i], batch, ctx);
      if (!r) continue;
      if (r.kind === 'note') {
        note = { ...note, ...r.evidence };
        continue;
      }
      const evidence = { rule: rule.name, ...r.evidence };
      verdicts.push(
        r.kind === 'skip'
          ? { kind: 'skip', message, lead: candidate.lead, reason: r.reason, evidence, stopLead: r.stopLead }
          : { kind: 'defer', message, lead: candidate.lead, until: r.until, reason: r.reason, evidence },
      );
      decided = true;
      break;
    }
    if (decided) continue;
    ready.push({ candidate, note });
  }

  // Sequence emails are composed now, at send time (an LLM may write them, with
  // the templates as fallback); text written ahead goes as written.
  const base = publicUrl(ctx.config);
  const toCompose = ready.filter((r) => !(r.candidate.message.subject && r.candidate.message.textBody));
  const composed = await composeForSend(
    ctx,
    composition,
    toCompose.map((r) => ({ ...r.candidate, unsubscribeUrl: unsubscribeUrl(base, r.candidate.lead) })),
  );
  const written = new Map(toCompose.map((r, i) => [r.candidate.message.id, composed[i]!]));
  const toSend = ready.map(({ candidate, note }) => {
    const c = written.get(candidate.message.id);
    const message = c ? { ...candidate.message, subject: c.subject, textBody: c.text } : candidate.message;
    return {
      candidate,
      note: c ? { ...note, ...c.evidence } : note,
      mail: buildOutgoingMail(base, candidate.lead, candidate.assistant, message, tracking),
    };
  });

  const { outcomes, markError } = await transmitInGroups(
    ctx.db,
    workerId,
    toSend.map((s) => ({
      id: s.candidate.message.id,
      attempts: s.candidate.message.attempts,
      send: () => senders.senderFor(s.candidate.assistant).send(s.mail),
    })),
    ctx.config.SMTP_MAX_CONNECTIONS,
  );
  if (markError) ctx.log.warn('stopped handing emails to the mail server', { error: markError, workerId });
  toSend.forEach((s, i) => {
    const outcome = outcomes[i];
    const { message, lead, assistant } = s.candidate;
    verdicts.push(
      outcome
        ? {
            kind: 'sent',
            message,
            lead,
            mail: s.mail,
            outcome,
            note: s.note,
            window: {
              days: assistant.sendDays,
              startMinute: assistant.sendStartMinute,
              endMinute: assistant.sendEndMinute,
            },
          }
        : { kind: 'unsent', message },
    );
  });
  await recordOrHold(ctx, workerId, verdicts, now);
}
