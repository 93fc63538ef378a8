import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import { workers } from '../db/schema.ts';
import { sweepBreakers } from '../deliverability/breaker-evaluation.ts';
import { breakerSweepMs } from '../deliverability/breaker-policy.ts';
import { runImportsOnce } from '../imports/run-imports.ts';
import { createAnalysisPool } from '../inbound/analysis-pool.ts';
import { type MailboxReaders, startMailboxReaders } from '../inbound/imap-reader.ts';
import { poolOptions, processInboundOnce } from '../inbound/process-inbound.ts';
import { runAtRiskCheck } from '../lead-risk/at-risk-job.ts';
import { resumeReturnedLeads } from '../leads/out-of-office.ts';
import { deliverNotificationsOnce } from '../notify/deliver-notifications.ts';
import type { Notifier } from '../notify/notifier.ts';
import { runWarmDigest } from '../notify/warm-lead-digest.ts';
import { dispatchOnce } from '../outbound/dispatcher.ts';
import { reconcileInterrupted } from '../outbound/reconcile-interrupted.ts';
import type { SenderRegistry } from '../outbound/sender-registry.ts';
import { runDailyActivation } from '../plans/activation.ts';
import type { Ctx } from '../platform/context.ts';
import { createAddressValidator } from '../validation/validate-address.ts';
import { createValidationRounds } from '../validation/validate-pending.ts';

export type WorkerRuntime = {
  id: string;
  wake: Required<Ctx['wake']>;
  /** The assistants' IMAP mailboxes this worker reads (one worker per mailbox, by lease). */
  mailboxes: MailboxReaders;
  stop(): Promise<void>;
};

/**
 * The worker: heart-beats in the `workers` table (so peers can tell when it
 * dies), reconciles sends left by dead peers, and runs the dispatch and inbound
 * loops, and reads the assistants' IMAP mailboxes. Each loop sleeps DISPATCH_POLL_MS when idle, or less when woken by a
 * state change in the same process. A notification loop delivers the users'
 * notifications through `notifiers` (one per channel), every NOTIFY_POLL_MS.
 * Every ACTIVATION_POLL_MS it checks whether the daily activation of `new`
 * leads is due (plans/activation.ts; one worker of all runs it).
 */
export async function startWorker(
  ctx: Ctx,
  senders: SenderRegistry,
  notifiers: readonly Notifier[] = [],
): Promise<WorkerRuntime> {
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = ctx.log.child({ worker: id });
  await ctx.db.insert(workers).values({ id, pid: process.pid, host: hostname() });
  let stopping = false;
  const beat = setInterval(() => {
    ctx.db
      .update(workers)
      .set({ heartbeatAt: sql`now()` })
      .where(eq(workers.id, id))
      .catch((e: unknown) => log.warn('heartbeat failed', { error: e }));
  }, ctx.config.WORKER_HEARTBEAT_MS);

  const loop = (name: string, round: () => Promise<number>, idleMs = ctx.config.DISPATCH_POLL_MS) => {
    let wakeUp: (() => void) | null = null;
    let woken = false;
    const done = (async () => {
      while (!stopping) {
        let n = 0;
        try {
          n = await round();
        } catch (e) {
          log.error(`${name} round failed`, { error: e });
        }
        if (n > 0 || stopping) continue;
        if (woken) {
          woken = false;
          continue;
        }
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, idleMs);
          wakeUp = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wakeUp = null;
      }
    })();
    return {
      wake() {
        woken = true;
        wakeUp?.();
      },
      done,
    };
  };

  let lastReconcile = 0;
  let lastBreakerSweep = 0; // deliverability breakers: rates also move as emails age out of the window
  const dispatchers = Array.from({ length: ctx.config.DISPATCH_LOOPS }, (_, i) =>
    loop(`dispatch-${i}`, async () => {
      if (i === 0 && Date.now() - lastReconcile > ctx.config.WORKER_HEARTBEAT_MS) {
        lastReconcile = Date.now();
        await reconcileInterrupted(ctx, senders, id);
        await resumeReturnedLeads(ctx);
        if (Date.now() - lastBreakerSweep > breakerSweepMs) {
          lastBreakerSweep = Date.now();
          await sweepBreakers(ctx);
        }
      }
      return dispatchOnce(ctx, senders, id);
    }),
  );
  // Inbound messages are parsed and classified in worker threads, each under a time budget.
  const analysis = createAnalysisPool(poolOptions({ ...ctx, log }));
  const inbound = loop('inbound', () => processInboundOnce(ctx, id, analysis));
  const imports = loop('imports', () => runImportsOnce(ctx, id));
  // SPEC §7: addresses waiting for validation (woken by an added lead; DNS and the verifier built once).
  const validator = createAddressValidator(ctx.config, () => ctx.now().getTime());
  const validation = loop('validate', createValidationRounds(ctx, validator), ctx.config.VALIDATION_POLL_MS);
  const notify = loop(
    'notify',
    () => deliverNotificationsOnce(ctx, notifiers, id),
    ctx.config.NOTIFY_POLL_MS,
  );
  // SPEC §9: the 10:00 GMT activation of `new` leads, claimed once a day across all workers.
  const activation = loop(
    'activation',
    async () => {
      await runDailyActivation(ctx, id);
      return 0; // once a day at most: the loop only needs to look again at its next poll
    },
    ctx.config.ACTIVATION_POLL_MS,
  );
  // SPEC §4: leads at risk and their owners' reminders, one worker of all per AT_RISK_CHECK_MS period.
  const atRisk = loop(
    'at-risk',
    async () => {
      await runAtRiskCheck(ctx, id);
      // SPEC §8: the daily digest of warm leads, once a day across all workers, looked at as often.
      await runWarmDigest(ctx, id);
      return 0;
    },
    ctx.config.AT_RISK_CHECK_MS,
  );
  const mailboxes = startMailboxReaders(ctx, id);
  log.info('worker started');

  return {
    id,
    wake: {
      dispatcher: () => {
        for (const d of dispatchers) d.wake();
      },
      inbound: inbound.wake,
      validator: validation.wake,
    },
    mailboxes,
    async stop() {
      stopping = true;
      // First: a message read from a mailbox is stored before the loops stop.
      await mailboxes.stop();
      for (const d of dispatchers) d.wake();
      inbound.wake();
      notify.wake();
      imports.wake();
      validation.wake();
      activation.wake();
      atRisk.wake();
      await Promise.all([
        ...dispatchers.map((d) => d.done),
        inbound.done,
        notify.done,
        imports.done,
        validation.done,
        activation.done,
        atRisk.done,
      ]);
      clearInterval(beat);
      await analysis.close();
      await ctx.db.delete(workers).where(eq(workers.id, id));
      log.info('worker stopped');
    },
  };
}
