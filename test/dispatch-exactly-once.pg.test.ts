import { count, eq, inArray, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../src/accounts/org-setup.ts';
import { messages, sandboxMessages, timelineEvents, workers } from '../src/db/schema.ts';
import { storeSandboxMessage } from '../src/sandbox/sandbox-smtp-server.ts';
import { type FreshDatabase, orgOnFreshDatabase } from './helpers/org-database.ts';
import { startProcess, stopProcess } from './helpers/processes.ts';
import { seedDueMessages } from './helpers/seed.ts';
import { waitFor } from './helpers/test-nurture.ts';

// Several worker processes on one PostgreSQL database, sending into a real SMTP
// server that stores like the sandbox (and counts every delivery it accepts).

type Fresh = FreshDatabase;

async function startSink(fresh: Fresh, delayMs: number) {
  const deliveries = new Map<string, number>();
  // While held, a message is stored (delivered) but its 250 is not sent: the client is stuck mid-send.
  let held: (() => void)[] | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        await new Promise((r) => setTimeout(r, delayMs)); // a slow provider, so kills land mid-send
        const id = (await simpleParser(raw)).messageId!;
        try {
          await storeSandboxMessage(fresh.database.db, raw, {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
          if (held) held.push(() => callback());
          else callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  server.on('error', () => {}); // a SIGKILLed client resets its connections: expected here
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    deliveries,
    hold() {
      held ??= [];
    },
    heldCount: () => held?.length ?? 0,
    release() {
      const waiting = held ?? [];
      held = null;
      for (const answer of waiting) answer();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const workerEnv = (fresh: Fresh, sinkPort: number, staleAfterMs: number): Record<string, string> => ({
  DATABASE_URL: fresh.url!,
  SANDBOX_SMTP_PORT: String(sinkPort),
  DISPATCH_BATCH_SIZE: '25',
  DISPATCH_POLL_MS: '50',
  WORKER_HEARTBEAT_MS: '200',
  WORKER_STALE_AFTER_MS: String(staleAfterMs),
  SEND_RETRY_BASE_MS: '100',
});

/** Worker processes that have registered (started their loops) on this database. */
const liveWorkers = async (fresh: Fresh) =>
  Number((await fresh.database.db.select({ n: count() }).from(workers))[0]!.n);

async function statusCounts(fresh: Fresh, leadIds: string[]) {
  const rows = await fresh.database.db
    .select({ status: messages.status, n: count() })
    .from(messages)
    .where(inArray(messages.leadId, leadIds))
    .groupBy(messages.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

describe('sending is exactly once across worker processes', () => {
  let fresh: Fresh;
  let org: InitResult;
  beforeAll(async () => {
    ({ fresh, org } = await orgOnFreshDatabase());
  });
  afterAll(async () => fresh?.drop());

  it('two workers share 400 due messages: each is delivered once, and both did work', async () => {
    const sink = await startSink(fresh, 2);
    // Both alive for the whole run: on a busy machine a heartbeat can be seconds late, and a live
    // worker taken for dead would have its in-flight sends reconciled under it.
    const env = workerEnv(fresh, sink.port, 120_000);
    const procs = [startProcess('src/worker.ts', env), startProcess('src/worker.ts', env)];
    let leadIds: string[] = [];
    try {
      // The work is there only once both are running: one that starts late (a busy machine takes
      // seconds to load a process) would otherwise find it all done, and "both did work" would not hold.
      await waitFor(async () => (await liveWorkers(fresh)) === 2, 'both workers started', 120_000);
      leadIds = await seedDueMessages(fresh.database.db, org, 400);
      await waitFor(async () => (await statusCounts(fresh, leadIds)).sent === 400, 'all 400 sent', 120_000);
    } finally {
      for (const w of procs) await stopProcess(w);
      await sink.close();
    }
    expect(await statusCounts(fresh, leadIds)).toEqual({ sent: 400 });
    expect(sink.deliveries.size).toBe(400);
    expect([...sink.deliveries.values()].every((n) => n === 1)).toBe(true);
    const byWorker = await fresh.database.db
      .select({ worker: messages.claimedBy, n: count() })
      .from(messages)
      .where(inArray(messages.leadId, leadIds))
      .groupBy(messages.claimedBy);
    expect(byWorker).toHaveLength(2);
    for (const w of byWorker) expect(Number(w.n)).toBeGreaterThan(0);
  }, 300_000);

  it('a worker killed with SIGKILL mid-batch: after a restart none is sent twice and none is lost', async () => {
    const sink = await startSink(fresh, 40);
    // One worker at a time here: the restarted one must find the killed one's heartbeat stale.
    const env = workerEnv(fresh, sink.port, 1500);
    const leadIds = await seedDueMessages(fresh.database.db, org, 300);
    const first = startProcess('src/worker.ts', env);
    await waitFor(async () => sink.deliveries.size >= 60, '60 deliveries before the kill', 120_000);
    // From now on the server takes messages but does not answer: the worker is surely mid-send when
    // it dies, whatever the machine's speed (some of its emails delivered, none recorded).
    sink.hold();
    await waitFor(async () => sink.heldCount() > 0, 'a delivery left unanswered', 120_000);
    process.kill(-first.pid!, 'SIGKILL');
    await new Promise((r) => first.once('exit', r));
    sink.release();
    const atKill = await statusCounts(fresh, leadIds);
    expect(atKill.sending ?? 0).toBeGreaterThan(0); // the kill really landed mid-send
    expect(atKill.sent ?? 0).toBeLessThan(300);

    const second = startProcess('src/worker.ts', env);
    try {
      await waitFor(
        async () => (await statusCounts(fresh, leadIds)).sent === 300,
        'all 300 sent after restart',
        120_000,
      );
    } finally {
      await stopProcess(second);
      await sink.close();
    }
    expect(await statusCounts(fresh, leadIds)).toEqual({ sent: 300 });
    const ours = [...sink.deliveries.entries()].filter(([, n]) => n > 0);
    expect(ours.length).toBe(300);
    expect(ours.filter(([, n]) => n !== 1)).toEqual([]);
    const [stored] = await fresh.database.db
      .select({ n: count(), dup: sql<number>`count(*) FILTER (WHERE ${sandboxMessages.receivedCount} > 1)` })
      .from(sandboxMessages);
    expect(Number(stored!.dup)).toBe(0);
    // The restarted worker explained what it found: confirmed deliveries and re-sends.
    const reconciled = await fresh.database.db
      .select({ reason: timelineEvents.reason })
      .from(timelineEvents)
      .where(eq(timelineEvents.actorType, 'system'));
    expect(reconciled.length).toBe(atKill.sending);
    expect(reconciled.every((r) => /worker (stopped|that stopped)/i.test(r.reason))).toBe(true);
  }, 300_000);
});
