import { count, eq, inArray, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin, type InitResult } from '../src/accounts/org-setup.ts';
import { messages, sandboxMessages, timelineEvents } from '../src/db/schema.ts';
import { storeSandboxMessage } from '../src/sandbox/sandbox-smtp-server.ts';
import { startProcess, stopProcess } from './helpers/processes.ts';
import { openAssistantWindow, seedDueMessages } from './helpers/seed.ts';
import { freshDatabase } from './helpers/test-database.ts';
import { waitFor } from './helpers/test-nurture.ts';

// Several worker processes on one PostgreSQL database, sending into a real SMTP
// server that stores like the sandbox (and counts every delivery it accepts).

type Fresh = Awaited<ReturnType<typeof freshDatabase>>;

async function startSink(fresh: Fresh, delayMs: number) {
  const deliveries = new Map<string, number>();
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
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  server.on('error', () => {}); // a SIGKILLed client resets its connections: expected here
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return { port, deliveries, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const workerEnv = (fresh: Fresh, sinkPort: number): Record<string, string> => ({
  DATABASE_URL: fresh.url!,
  SANDBOX_SMTP_PORT: String(sinkPort),
  DISPATCH_BATCH_SIZE: '25',
  DISPATCH_POLL_MS: '50',
  WORKER_HEARTBEAT_MS: '200',
  WORKER_STALE_AFTER_MS: '1500',
  SEND_RETRY_BASE_MS: '100',
});

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
    fresh = await freshDatabase();
    org = await createOrgWithAdmin(fresh.database.db, {
      orgName: 'Acme',
      email: 'ops@acme.test',
      password: 'password123',
    });
    await openAssistantWindow(fresh.database.db, org.assistantId);
  });
  afterAll(async () => fresh?.drop());

  it('two workers share 400 due messages: each is delivered once, and both did work', async () => {
    const sink = await startSink(fresh, 2);
    const leadIds = await seedDueMessages(fresh.database.db, org, 400);
    const workers = [
      startProcess('src/worker.ts', workerEnv(fresh, sink.port)),
      startProcess('src/worker.ts', workerEnv(fresh, sink.port)),
    ];
    try {
      await waitFor(async () => (await statusCounts(fresh, leadIds)).sent === 400, 'all 400 sent', 60_000);
    } finally {
      for (const w of workers) await stopProcess(w);
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
  }, 90_000);

  it('a worker killed with SIGKILL mid-batch: after a restart none is sent twice and none is lost', async () => {
    const sink = await startSink(fresh, 40);
    const leadIds = await seedDueMessages(fresh.database.db, org, 300);
    const first = startProcess('src/worker.ts', workerEnv(fresh, sink.port));
    await waitFor(async () => sink.deliveries.size >= 60, '60 deliveries before the kill', 60_000);
    process.kill(-first.pid!, 'SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await statusCounts(fresh, leadIds);
    expect(atKill.sending ?? 0).toBeGreaterThan(0); // the kill really landed mid-send
    expect(atKill.sent ?? 0).toBeLessThan(300);

    const second = startProcess('src/worker.ts', workerEnv(fresh, sink.port));
    try {
      await waitFor(
        async () => (await statusCounts(fresh, leadIds)).sent === 300,
        'all 300 sent after restart',
        60_000,
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
  }, 120_000);
});
