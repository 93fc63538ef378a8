import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/accounts/actor.ts';
import { createOrgWithAdmin } from '../src/accounts/org-setup.ts';
import { loadConfig } from '../src/config/config.ts';
import { queryRows } from '../src/db/database.ts';
import { assistants, leads, messages, suppressions, workers } from '../src/db/schema.ts';
import { isAppError } from '../src/errors/app-error.ts';
import { createHttpApp } from '../src/http/app.ts';
import { startImport, uploadImport } from '../src/imports/lead-imports.ts';
import { runImportsOnce } from '../src/imports/run-imports.ts';
import { ingestRaw } from '../src/inbound/ingest.ts';
import { processInboundOnce } from '../src/inbound/process-inbound.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { type ActionResult, applyLeadAction, applyLeadActionToMany } from '../src/leads/lead-actions.ts';
import { isRunning } from '../src/leads/lead-states.ts';
import { resumeReturnedLeads } from '../src/leads/out-of-office.ts';
import { dispatchOnce } from '../src/outbound/dispatcher.ts';
import { reconcileInterrupted } from '../src/outbound/reconcile-interrupted.ts';
import { createSenderRegistry, type SenderRegistry } from '../src/outbound/sender-registry.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { startSandboxSmtp } from '../src/sandbox/sandbox-smtp-server.ts';
import { keepGapsSlackMs } from '../src/sequences/keep-step-gaps.ts';
import { addLocalDays } from '../src/sequences/send-window.ts';
import { arfComplaint, clockedCtx } from './helpers/deliverability.ts';
import { crashMidSend } from './helpers/dying-worker.ts';
import { deliveryReport, replyTo } from './helpers/mail-builders.ts';
import {
  type AddressKind,
  addressOf,
  bounces,
  type Command,
  command,
  examples,
  replies,
} from './helpers/safety-commands.ts';
import { freshDatabase } from './helpers/test-database.ts';

/**
 * Sending safety as a property (model-based): random histories of leads —
 * added, replying with every intent, bouncing (hard, soft, sender-side),
 * complaining, unsubscribing three ways, away with and without a return date,
 * stopped or marked hot by a user — interleaved with time passing (the worker
 * running, or every worker down), dispatcher rounds into the real sandbox
 * SMTP server, workers dying mid-send and restarts that reconcile what they
 * left (commands: helpers/safety-commands.ts). After every command, and after
 * every worker round inside one:
 *   - the command did to the lead what the product promises (the model);
 *   - nothing reached a lead that was, before the command, suppressed,
 *     unsubscribed or deactivated; no sequence email reached one that was
 *     hot, responded, away or otherwise not running (an answer the lead asked
 *     for — the brochure, a requested check-in — may still reach a responded
 *     lead);
 *   - no Message-ID reached the server twice, and each (lead, run, step) at most once;
 *   - nothing ever reached an address validation found invalid (added so, or
 *     hard-bounced), whatever users did to the lead afterwards (hot, continue,
 *     restart, one by one or in bulk), and nothing reached one still waiting
 *     for validation; continuing or restarting such a lead is refused, naming
 *     the verdict;
 *   - the steps of a lead keep the schedule's gaps (checkGaps below).
 * Sends happen only in worker rounds (and in a dying worker's round), never
 * during a state change, so "before the round" orders every send against
 * every change. The org is fresh per history; the database is shared.
 */
const numRuns = 25;
const maxCommands = 30;

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let sandbox: Awaited<ReturnType<typeof startSandboxSmtp>>;
let ctx: Ctx;
let senders: SenderRegistry;
let http: ReturnType<typeof createHttpApp>;
const clock = { now: new Date() };
const counts = { runs: 0, commands: 0, rounds: 0, sent: 0, crashes: 0, reconciled: 0 };

beforeAll(async () => {
  fresh = await freshDatabase();
  sandbox = await startSandboxSmtp(fresh.database.db, createLogger('error'), 0);
  // The sandbox, but with the send window applied (it is what these histories exercise).
  const config = loadConfig({
    SANDBOX_SMTP_PORT: String(sandbox.port),
    SANDBOX_SENDS_ANYTIME: 'false',
    LOG_LEVEL: 'error',
  });
  ctx = clockedCtx(fresh.database.db, config, clock);
  senders = createSenderRegistry(ctx.db, config);
  http = createHttpApp(ctx);
});
afterAll(async () => {
  await senders?.closeAll();
  await sandbox?.close();
  await fresh?.drop();
});

type Snapshot = {
  state: Map<string, string>;
  suppressed: Set<string>;
  model: Map<string, { anyStop: boolean; seqStop: boolean; invalid: boolean; held: boolean }>;
};
type Tracked = {
  id: string;
  email: string;
  token: string;
  anyStop: boolean;
  seqStop: boolean;
  /** Validation found the address invalid (or it hard-bounced): nothing may ever reach it. */
  invalid: boolean;
  /** Still waiting for validation (no worker of these histories checks DNS): nothing may reach it. */
  held: boolean;
};

async function runHistory(cmds: Command[]): Promise<void> {
  const run = ++counts.runs;
  clock.now = new Date('2026-12-07T06:30:00Z'); // a Monday morning somewhere, night elsewhere
  const org = await createOrgWithAdmin(ctx.db, {
    orgName: `Run ${run}`,
    email: `admin@run${run}.test`,
    password: 'password123',
  });
  const actor: Actor = { orgId: org.orgId, userId: org.userId, role: 'admin' };
  const [assistant] = await ctx.db
    .update(assistants)
    .set({ brochureUrl: 'https://acme.example/deck.pdf' })
    .where(eq(assistants.id, org.assistantId))
    .returning();
  let workerId = `run${run}-w0`;
  await ctx.db.insert(workers).values({ id: workerId, pid: process.pid, host: 'test' });
  const tracked: Tracked[] = [];
  const seen = new Set<string>();
  const perStep = new Set<string>();
  const pick = (n: number) => (tracked.length ? tracked[n % tracked.length]! : null);
  const receive = async (raw: Buffer) => {
    await ingestRaw(ctx, 'http', raw, { assistantId: org.assistantId });
    while ((await processInboundOnce(ctx, workerId)) > 0);
  };
  const about = async (l: Tracked) => {
    const rows = await ctx.db.select().from(messages).where(eq(messages.leadId, l.id));
    const sent = rows
      .filter((m) => m.status === 'sent')
      .sort((a, b) => b.sentAt!.getTime() - a.sentAt!.getTime());
    const m = sent[0] ?? rows.sort((a, b) => (a.step ?? 99) - (b.step ?? 99))[0];
    // A lead whose address was refused at once has no email: its mail matches by sender address.
    if (!m) return { messageId: `<none.${l.id}@run.test>`, subject: 'Hello', fromAddress: assistant!.email };
    return {
      messageId: m.messageId,
      subject: m.subject ?? 'Great to connect',
      fromAddress: assistant!.email,
    };
  };
  const snapshot = async (): Promise<Snapshot> => {
    const rows = await ctx.db
      .select({ id: leads.id, state: leads.state })
      .from(leads)
      .where(eq(leads.orgId, org.orgId));
    const sup = await ctx.db
      .select({ email: suppressions.email })
      .from(suppressions)
      .where(eq(suppressions.orgId, org.orgId));
    return {
      state: new Map(rows.map((r) => [r.id, r.state])),
      suppressed: new Set(sup.flatMap((s) => (s.email ? [s.email] : []))),
      model: new Map(
        tracked.map((t) => [
          t.id,
          { anyStop: t.anyStop, seqStop: t.seqStop, invalid: t.invalid, held: t.held },
        ]),
      ),
    };
  };
  const stateOf = async (l: Tracked) => (await ctx.db.select().from(leads).where(eq(leads.id, l.id)))[0]!;

  /** What reached the SMTP server since the last look, judged against the world as it was before. */
  const checkArrivals = async (before: Snapshot, fail: (what: string) => never) => {
    const arrived = await queryRows<{
      message_id: string;
      received_count: number;
      lead_id: string;
      kind: string;
      step: number | null;
      run: string;
    }>(
      ctx.db,
      sql`SELECT s.message_id, s.received_count, m.lead_id, m.kind, m.step, coalesce(m.in_reply_to, m.message_id) AS run
          FROM sandbox_messages s JOIN messages m ON m.message_id = s.message_id
          WHERE m.org_id = ${org.orgId}`,
    );
    for (const a of arrived) {
      const count = Number(a.received_count);
      if (count > 1) fail(`${a.message_id} reached the server ${count} times`);
      if (seen.has(a.message_id)) continue;
      seen.add(a.message_id);
      counts.sent++;
      const leadId = String(a.lead_id);
      if (a.kind === 'sequence') {
        // A restart begins a new run (a new thread) from step 1: once per run.
        const key = `${leadId}:${a.run}:${a.step}`;
        if (perStep.has(key)) fail(`step ${a.step} of lead ${leadId} was sent twice in one run`);
        perStep.add(key);
      }
      const l = tracked.find((t) => t.id === leadId)!;
      const state = before.state.get(leadId)!;
      const model = before.model.get(leadId)!;
      const what = `${a.kind} email ${a.message_id} reached ${l.email}`;
      if (model.invalid) fail(`${what}, an address validation found invalid`);
      if (model.held) fail(`${what} before its address was validated`);
      if (before.suppressed.has(l.email)) fail(`${what}, a suppressed address`);
      if (state === 'deactivated' || state === 'unsubscribed' || model.anyStop)
        fail(`${what} after it was ${state}`);
      if (a.kind === 'sequence' && (!isRunning(state) || model.seqStop)) fail(`${what} while ${state}`);
    }
    await checkGaps(fail);
  };
  /**
   * No two sent steps of one run of a lead's sequence (a restart begins a new
   * run, in a new thread) closer than the schedule's gap between them:
   * for consecutive sent steps j < k, sent(k) ≥ addLocalDays(sent(j),
   * day(k) − day(j), zone) − slack. Why this is exact:
   * - steps are planned in local days from the run's base (plan-sequence.ts),
   *   so the gap is measured the same way — across a DST change a "day" is
   *   23 or 25 hours, as the lead sees it;
   * - every rule that moves a step (send window, holiday, Send Time
   *   Optimization, spacing, cap, out of office, validation hold, retry) only
   *   ever moves it later: a step goes at or after its due time, never before;
   * - when a step goes late, the steps after it are moved to keep their gaps
   *   from when it really went (keep-step-gaps.ts), unless it was less than
   *   the slack late (a dispatcher's ordinary delay is not worth a move and a
   *   timeline event per email): that slack is the only allowance;
   * - and a step never goes before the one ahead of it has (the step-gap send
   *   rule holds it, whatever path made it due).
   * The send window cannot bring two steps closer than this: it moves each
   * one later, and the step after a moved one is re-based on the real time.
   */
  const checkGaps = async (fail: (what: string) => never) => {
    const rows = await queryRows<{
      lead_id: string;
      run: string;
      step: number;
      sent_at: string | Date;
      time_zone: string | null;
      steps: number[] | string;
    }>(
      ctx.db,
      sql`SELECT m.lead_id, coalesce(m.in_reply_to, m.message_id) AS run, m.step, m.sent_at, l.time_zone, s.steps
          FROM messages m JOIN leads l ON l.id = m.lead_id JOIN schedules s ON s.id = l.schedule_id
          WHERE m.org_id = ${org.orgId} AND m.kind = 'sequence' AND m.status = 'sent'
          ORDER BY m.lead_id, run, m.step`,
    );
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (a.lead_id !== b.lead_id || a.run !== b.run) continue;
      const days = (typeof b.steps === 'string' ? JSON.parse(b.steps) : b.steps) as number[];
      const gap = days[Number(b.step)]! - days[Number(a.step)]!;
      const sentA = new Date(a.sent_at);
      const sentB = new Date(b.sent_at);
      const earliest = addLocalDays(sentA, gap, a.time_zone ?? 'UTC');
      if (sentB.getTime() < earliest.getTime() - keepGapsSlackMs)
        fail(
          `steps ${Number(a.step) + 1} and ${Number(b.step) + 1} of lead ${a.lead_id} went ${sentA.toISOString()} and ${sentB.toISOString()}: closer than the schedule's ${gap} day(s)`,
        );
    }
  };
  /** What a user's resume (continue, restart) must do to the model; `refused` is its error. */
  const resumed = (l: Tracked, how: string, refused: { code: string; message: string } | null) => {
    if (l.invalid) {
      if (!refused) fail0(`${how} of ${l.email}, an address validation found invalid, must be refused`);
      else if (!/found \w+ on \d{4}-\d{2}-\d{2}/.test(refused.message))
        fail0(`${how} of ${l.email} was refused without naming the verdict: ${refused.message}`);
      return;
    }
    if (!refused) l.seqStop = l.anyStop = false;
  };
  let fail0: (what: string) => never = (what) => {
    throw new Error(what);
  };
  /** The next moment something of this org falls due: a step, or a return from holiday. */
  const nextDue = async (): Promise<Date | null> => {
    const [next] = await queryRows<{ at: string | null }>(
      ctx.db,
      sql`SELECT least(
            (SELECT min(due_at) FROM messages WHERE org_id = ${org.orgId} AND status = 'scheduled'),
            (SELECT min(resume_at) FROM leads WHERE org_id = ${org.orgId} AND state = 'out_of_office')) AS at`,
    );
    return next?.at ? new Date(next.at) : null;
  };
  /**
   * The worker running while `hours` pass: at each moment something of this
   * org falls due (a step, a return from holiday), it resumes returned leads
   * and dispatches — and each round is judged against the world just before it.
   */
  const runWorker = async (hours: number, fail: (what: string) => never) => {
    const until = new Date(clock.now.getTime() + hours * 3_600_000);
    for (let rounds = 0; ; rounds++) {
      const at = await nextDue();
      const last = !at || at > until || rounds > 200;
      clock.now = last ? until : new Date(Math.max(clock.now.getTime(), at.getTime()));
      await resumeReturnedLeads(ctx);
      const before = await snapshot();
      while ((await dispatchOnce(ctx, senders, workerId)) > 0);
      await checkArrivals(before, fail);
      counts.rounds++;
      if (last) return;
    }
  };

  for (const [k, cmd] of cmds.entries()) {
    counts.commands++;
    const before = await snapshot();
    const target = 'lead' in cmd ? pick(cmd.lead) : null;
    const was = target ? before.state.get(target.id)! : null;
    const fail = (what: string): never => {
      throw new Error(`run ${run}, command ${k} ${JSON.stringify(cmd)}: ${what}`);
    };
    const expectState = async (ok: (s: string) => boolean, what: string) => {
      const now = (await stateOf(target!)).state;
      if (!ok(now)) fail(`${what}; the lead went from ${was} to ${now}`);
    };

    fail0 = fail;
    if (cmd.t === 'add') {
      const l = await addLead(ctx, actor, {
        email: addressOf('valid', tracked.length, run),
        firstName: 'Kim',
        source: cmd.source,
        context: 'Expo',
        timeZone: cmd.zone,
        country: cmd.country,
        firstSendAt:
          cmd.firstSendInHours === null
            ? null
            : new Date(clock.now.getTime() + cmd.firstSendInHours * 3_600_000),
      });
      tracked.push({
        id: l.id,
        email: l.email,
        token: l.unsubscribeToken,
        anyStop: false,
        seqStop: false,
        invalid: false,
        held: false,
      });
    } else if (cmd.t === 'addInvalid') {
      const l = await addLead(ctx, actor, {
        email: addressOf(cmd.kind, tracked.length, run),
        firstName: 'Kim',
        source: 'event',
      });
      tracked.push(trackedOf(l, cmd.kind));
      const want = cmd.kind === 'unchecked' ? 'pending' : 'deactivated';
      if (l.state !== want) fail(`a ${cmd.kind} address must leave the lead ${want}, not ${l.state}`);
    } else if (cmd.t === 'import') {
      const kinds = cmd.rows;
      const emails = kinds.map((k, i) => addressOf(k, tracked.length + i, run));
      const csv = `email,first_name\n${emails.map((e) => `${e},Kim`).join('\n')}\n`;
      const up = await uploadImport(ctx, actor, { name: 'leads.csv', bytes: Buffer.from(csv) });
      await startImport(ctx, actor, up.id, {
        mapping: up.suggestedMapping,
        options: { source: 'import' },
      });
      while ((await runImportsOnce(ctx, workerId)) > 0);
      const added = await ctx.db.select().from(leads).where(eq(leads.orgId, org.orgId));
      for (const [i, email] of emails.entries()) {
        const l = added.find((a) => a.email === email) ?? fail(`import row ${email} was not added`);
        tracked.push(trackedOf(l, kinds[i]!));
      }
    } else if (cmd.t === 'cap') {
      await ctx.db.update(assistants).set({ dailyCap: cmd.cap }).where(eq(assistants.id, org.assistantId));
    } else if (cmd.t === 'resume' && target) {
      const refused = await applyLeadAction(ctx, actor, target.id, cmd.how).then(
        () => null,
        (e: unknown) => refusal(e),
      );
      resumed(target, cmd.how, refused);
    } else if (cmd.t === 'bulk' && tracked.length) {
      const targets = [...new Set(cmd.leads.map((n) => pick(n)!))];
      const results: ActionResult[] = await applyLeadActionToMany(
        ctx,
        actor,
        targets.map((t) => t.id),
        cmd.action,
      );
      for (const r of results) {
        const t = targets.find((x) => x.id === r.leadId)!;
        if (cmd.action === 'hot') {
          if (r.ok) t.seqStop = true;
        } else resumed(t, `bulk ${cmd.action}`, r.ok ? null : r.error);
      }
    } else if (cmd.t === 'reply' && target) {
      await receive(
        await replyTo(await about(target), target.email, replies[cmd.intent], { date: clock.now }),
      );
      target.seqStop = true; // any human reply stops the sequence (SPEC §6.3)
      await expectState(
        (s) => !isRunning(s) && s !== 'out_of_office',
        'a human reply must stop the sequence',
      );
      if (cmd.intent === 'stop') {
        target.anyStop = true;
        await expectState((s) => s === 'deactivated' || s === 'unsubscribed', '"stop" must deactivate');
      }
    } else if (cmd.t === 'bounce' && target) {
      const [status, diagnostic] = bounces[cmd.kind];
      await receive(deliveryReport(await about(target), target.email, status, diagnostic));
      if (cmd.kind === 'hard' && (isRunning(was!) || was === 'out_of_office' || was === 'new')) {
        target.anyStop = target.seqStop = target.invalid = true;
        await expectState((s) => s === 'deactivated', 'a hard bounce must deactivate a lead being emailed');
      } else await expectState((s) => s === was, 'a soft or sender-side bounce must keep the lead as it was');
    } else if (cmd.t === 'complaint' && target && !(await about(target)).messageId.startsWith('<none.')) {
      // (Only a lead that was emailed can complain.)
      await receive(arfComplaint(await about(target), target.email));
      target.anyStop = target.seqStop = true;
      await expectState((s) => s === 'unsubscribed', 'a spam complaint must unsubscribe');
    } else if (cmd.t === 'ooo' && target) {
      const back =
        cmd.backInDays === null ? null : new Date(clock.now.getTime() + cmd.backInDays * 86_400_000);
      const body = back
        ? `I am out of the office until ${back.toUTCString().slice(0, 16)} with limited access to email.`
        : 'I am currently out of the office with limited access to email. I will reply when I am back.';
      const orig = await about(target);
      await receive(
        await new MailComposer({
          from: target.email,
          to: orig.fromAddress,
          subject: `Automatic reply: ${orig.subject}`,
          inReplyTo: orig.messageId,
          date: clock.now,
          text: body,
          headers: { 'Auto-Submitted': 'auto-replied' },
        })
          .compile()
          .build(),
      );
      if (isRunning(was!))
        await expectState((s) => s === 'out_of_office', 'an out-of-office reply must pause');
      else await expectState((s) => s === was, 'an out-of-office reply moves only a running lead');
    } else if (cmd.t === 'unsubscribe' && target) {
      if (cmd.via === 'user')
        await applyLeadAction(ctx, actor, target.id, 'unsubscribe').catch(ignoreRefusal);
      else {
        const res = await http.request(`/u/${target.token}`, {
          method: 'POST',
          body:
            cmd.via === 'one-click'
              ? new URLSearchParams({ 'List-Unsubscribe': 'One-Click' })
              : new URLSearchParams(),
        });
        if (res.status !== 200) fail(`the unsubscribe link answered ${res.status}`);
      }
      target.anyStop = target.seqStop = true;
      await expectState((s) => s === 'unsubscribed', 'unsubscribing must unsubscribe');
      if (!(await snapshot()).suppressed.has(target.email))
        fail('an unsubscribed address must be suppressed');
    } else if (cmd.t === 'action' && target) {
      await applyLeadAction(ctx, actor, target.id, cmd.action).catch(ignoreRefusal);
      target.seqStop = true;
      if (cmd.action === 'deactivate') target.anyStop = true;
      const want = cmd.action === 'deactivate' ? 'deactivated' : 'hot';
      await expectState(
        (s) => s === want || s === 'unsubscribed' || (want === 'hot' && was === 'hot'),
        `${cmd.action} must take`,
      );
    } else if (cmd.t === 'advance') {
      await runWorker(cmd.hours, fail);
    } else if (cmd.t === 'idle') {
      clock.now = new Date(clock.now.getTime() + cmd.hours * 3_600_000); // every worker is down
    } else if (cmd.t === 'dispatch') {
      while ((await dispatchOnce(ctx, senders, workerId)) > 0);
    } else if (cmd.t === 'crash') {
      // The worker runs until something falls due, and dies in that round.
      const at = await nextDue();
      if (at && at.getTime() - clock.now.getTime() < 72 * 3_600_000 && at > clock.now) clock.now = at;
      await resumeReturnedLeads(ctx);
      const atCrash = await snapshot();
      counts.crashes += await crashMidSend(ctx, senders, `run${run}-doomed${k}`, cmd.deliver);
      await checkArrivals(atCrash, fail);
    } else if (cmd.t === 'restart') {
      await ctx.db.delete(workers).where(eq(workers.id, workerId));
      workerId = `run${run}-w${k}`;
      await ctx.db.insert(workers).values({ id: workerId, pid: process.pid, host: 'test' });
      counts.reconciled += await reconcileInterrupted(ctx, senders, workerId);
    }

    await checkArrivals(before, fail);
  }
  // Leave nothing due for the next history (they share the database and the clock).
  await ctx.db
    .update(messages)
    .set({ status: 'cancelled' })
    .where(sql`${messages.orgId} = ${org.orgId} AND ${messages.status} IN ('scheduled', 'sending')`);
  await ctx.db.delete(workers).where(sql`${workers.id} LIKE ${`run${run}-%`}`);
}

const trackedOf = (
  l: { id: string; email: string; unsubscribeToken: string },
  kind: AddressKind | 'valid',
): Tracked => ({
  id: l.id,
  email: l.email,
  token: l.unsubscribeToken,
  anyStop: false,
  seqStop: false,
  invalid: kind !== 'valid' && kind !== 'unchecked',
  held: kind === 'unchecked',
});

/** A refused user action's error (the state machine, a business rule, a duplicate); anything else is a bug. */
const refusal = (e: unknown): { code: string; message: string } => {
  if (isAppError(e) && ['INVALID_TRANSITION', 'REFUSED', 'CONFLICT'].includes(e.code))
    return { code: e.code, message: e.message };
  throw e;
};

const ignoreRefusal = (e: unknown) => {
  // A user action the state machine refuses (e.g. deactivating an unsubscribed lead) changes nothing.
  if (!(isAppError(e) && e.code === 'INVALID_TRANSITION')) throw e;
};

describe('sending safety', () => {
  it('never emails a stopped lead after it stopped, and sends each step at most once', {
    // ~30 s alone; a machine busy with other suites can make it ten times that.
    timeout: 900_000,
  }, async () => {
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: maxCommands - 10, maxLength: maxCommands - 1 }),
        async (cmds) => {
          await runHistory([
            { t: 'add', source: 'event', zone: 'UTC', country: null, firstSendInHours: null },
            ...cmds,
          ]);
        },
      ),
      // The first failing history is reported with its seed, unshrunk: shrinking a history that runs a
      // database and worker rounds can outlast the test's timeout and hide the failure it found.
      { numRuns, examples, endOnFailure: true },
    );
    const ms = Math.round(performance.now() - t0);
    console.log(
      `sending safety: ${counts.runs} runs, ${counts.commands} commands, ${counts.rounds} worker rounds, ${counts.sent} emails, ${counts.crashes} crashes mid-send, ${counts.reconciled} reconciled, ${ms} ms`,
    );
    expect(counts.sent).toBeGreaterThan(0);
  });
});
