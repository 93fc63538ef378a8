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
import { ingestRaw } from '../src/inbound/ingest.ts';
import { processInboundOnce } from '../src/inbound/process-inbound.ts';
import { addLead } from '../src/leads/add-lead.ts';
import { applyLeadAction } from '../src/leads/lead-actions.ts';
import { isRunning } from '../src/leads/lead-states.ts';
import { resumeReturnedLeads } from '../src/leads/out-of-office.ts';
import { dispatchOnce } from '../src/outbound/dispatcher.ts';
import { reconcileInterrupted } from '../src/outbound/reconcile-interrupted.ts';
import { createSenderRegistry, type SenderRegistry } from '../src/outbound/sender-registry.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { startSandboxSmtp } from '../src/sandbox/sandbox-smtp-server.ts';
import { arfComplaint, clockedCtx } from './helpers/deliverability.ts';
import { crashMidSend } from './helpers/dying-worker.ts';
import { deliveryReport, replyTo } from './helpers/mail-builders.ts';
import { bounces, type Command, command, examples, replies } from './helpers/safety-commands.ts';
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
 *   - no Message-ID reached the server twice, and each (lead, step) at most once.
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
  model: Map<string, { anyStop: boolean; seqStop: boolean }>;
};
type Tracked = { id: string; email: string; token: string; anyStop: boolean; seqStop: boolean };

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
    const m = sent[0] ?? rows.sort((a, b) => (a.step ?? 99) - (b.step ?? 99))[0]!;
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
      suppressed: new Set(sup.map((s) => s.email)),
      model: new Map(tracked.map((t) => [t.id, { anyStop: t.anyStop, seqStop: t.seqStop }])),
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
    }>(
      ctx.db,
      sql`SELECT s.message_id, s.received_count, m.lead_id, m.kind, m.step
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
        const key = `${leadId}:${a.step}`;
        if (perStep.has(key)) fail(`step ${a.step} of lead ${leadId} was sent twice`);
        perStep.add(key);
      }
      const l = tracked.find((t) => t.id === leadId)!;
      const state = before.state.get(leadId)!;
      const model = before.model.get(leadId)!;
      const what = `${a.kind} email ${a.message_id} reached ${l.email}`;
      if (before.suppressed.has(l.email)) fail(`${what}, a suppressed address`);
      if (state === 'deactivated' || state === 'unsubscribed' || model.anyStop)
        fail(`${what} after it was ${state}`);
      if (a.kind === 'sequence' && (!isRunning(state) || model.seqStop)) fail(`${what} while ${state}`);
    }
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

    if (cmd.t === 'add') {
      const l = await addLead(ctx, actor, {
        email: `l${tracked.length}@r${run}.example.com`,
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
      tracked.push({ id: l.id, email: l.email, token: l.unsubscribeToken, anyStop: false, seqStop: false });
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
        target.anyStop = target.seqStop = true;
        await expectState((s) => s === 'deactivated', 'a hard bounce must deactivate a lead being emailed');
      } else await expectState((s) => s === was, 'a soft or sender-side bounce must keep the lead as it was');
    } else if (cmd.t === 'complaint' && target) {
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

const ignoreRefusal = (e: unknown) => {
  // A user action the state machine refuses (e.g. deactivating an unsubscribed lead) changes nothing.
  if (!(isAppError(e) && e.code === 'INVALID_TRANSITION')) throw e;
};

describe('sending safety', () => {
  it('never emails a stopped lead after it stopped, and sends each step at most once', {
    timeout: 300_000,
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
      { numRuns, examples },
    );
    const ms = Math.round(performance.now() - t0);
    console.log(
      `sending safety: ${counts.runs} runs, ${counts.commands} commands, ${counts.rounds} worker rounds, ${counts.sent} emails, ${counts.crashes} crashes mid-send, ${counts.reconciled} reconciled, ${ms} ms`,
    );
    expect(counts.sent).toBeGreaterThan(0);
  });
});
