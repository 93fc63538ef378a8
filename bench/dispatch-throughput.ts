/**
 * Dispatcher throughput: Nurture's claim → decide → send → record loop against
 * raw pooled nodemailer, both sending to the same local SMTP sink, on a fresh
 * throwaway PostgreSQL database (dropped at the end, even on failure).
 *
 *   node bench/dispatch-throughput.ts [--n 5000] [--batch 100] [--connections 5] [--future-step] [--no-tracking]
 *
 * Like for like: the baseline sends the same shape of email Nurture sends — a
 * plain-text body plus, with tracking on (the default), the HTML alternative
 * with the open pixel and tracked links, built by Nurture's own tracking code
 * before the clock starts. --no-tracking turns tracking off on the assistant
 * and sends text-only baseline mail.
 *
 * Each lead has one due step, so every send also completes the lead's sequence
 * (the worst case for recordOutcomes); --future-step adds a step 1 due in three
 * days per lead, as in a real multi-step sequence.
 * Exits non-zero if any message was not sent, or reached the sink twice.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

// The sink runs in its own thread so that parsing SMTP does not steal the
// event loop from the code under test (a real relay is another machine).
if (!isMainThread) runSink();
else await main();

type SinkStats = { messages: number; distinct: number; duplicates: number; bytes: number; foreign: number };

function runSink() {
  const seen = new Map<string, number>();
  let messages = 0;
  let bytes = 0;
  let suffix = '';
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // Not advertising STARTTLS keeps nodemailer on plain text even for a URL
    // transport (it only upgrades opportunistically when offered).
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const head = raw.toString('latin1', 0, Math.max(0, raw.indexOf('\r\n\r\n')));
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '(none)';
        messages++;
        bytes += raw.length;
        seen.set(id, (seen.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => {
    const a = server.server.address();
    parentPort!.postMessage({ port: typeof a === 'object' && a ? a.port : 0 });
  });
  parentPort!.on('message', (m: { cmd: 'reset' | 'stats'; suffix?: string }) => {
    if (m.cmd === 'reset') {
      seen.clear();
      messages = bytes = 0;
      suffix = m.suffix ?? '';
      parentPort!.postMessage({ ok: true });
    } else {
      // "foreign": an id from another run leaking into this one's count.
      const foreign = [...seen.keys()].filter((id) => !id.endsWith(suffix)).length;
      const distinct = seen.size;
      parentPort!.postMessage({ messages, distinct, duplicates: messages - distinct, bytes, foreign });
    }
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '5000' },
      batch: { type: 'string', default: '100' },
      connections: { type: 'string', default: '5' },
      'future-step': { type: 'boolean', default: false },
      'no-tracking': { type: 'boolean', default: false },
    },
  });
  const N = Number(values.n);
  const batch = Number(values.batch);
  const connections = Number(values.connections);
  const tracked = !values['no-tracking'];

  // src/ is imported lazily so the sink thread never loads it.
  const { openDatabase } = await import('../src/db/database.ts');
  const { migrate } = await import('../src/db/migrate.ts');
  const { createOrgWithAdmin } = await import('../src/accounts/org-setup.ts');
  const { loadConfig } = await import('../src/config/config.ts');
  const { createLogger } = await import('../src/platform/logger.ts');
  const { createSenderRegistry } = await import('../src/outbound/sender-registry.ts');
  const { dispatchOnce } = await import('../src/outbound/dispatcher.ts');
  const { addTracking } = await import('../src/tracking/tracked-content.ts');
  const { trackingLinks } = await import('../src/tracking/tracking-tokens.ts');
  type Ctx = import('../src/platform/context.ts').Ctx;

  const sink = new Worker(new URL(import.meta.url));
  const ask = <T>(msg: object) =>
    new Promise<T>((resolve) => {
      sink.once('message', resolve);
      if (Object.keys(msg).length) sink.postMessage(msg);
    });
  const { port } = await ask<{ port: number }>({});

  const { createThrowawayDatabase } = await import('./throwaway-database.ts');
  const throwaway = await createThrowawayDatabase();
  const { url: dbUrl, pgVersion } = throwaway;

  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  let senders: ReturnType<typeof createSenderRegistry> | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await senders?.closeAll().catch(() => {});
    await database?.close().catch(() => {});
    await sink.terminate();
    await throwaway.drop();
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  const failures: string[] = [];
  const check = (what: string, s: SinkStats, sent: number) => {
    if (sent !== N) failures.push(`${what}: ${sent}/${N} messages sent`);
    if (s.distinct !== N || s.foreign)
      failures.push(`${what}: sink got ${s.distinct} distinct ids (${s.foreign} foreign)`);
    if (s.duplicates) failures.push(`${what}: ${s.duplicates} duplicate deliveries`);
  };
  const rows: [string, number, SinkStats][] = [];

  try {
    // ---- Baseline: raw pooled nodemailer, everything in flight at once.
    const transport = nodemailer.createTransport({
      pool: true,
      maxConnections: connections,
      maxMessages: Number.POSITIVE_INFINITY,
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
    });
    const body = `Hi Lead,\n\n${'I noticed your team is growing and wanted to share how we help companies like yours. '.repeat(2)}\n\nBest regards,\nAlex\nSales Assistant, Bench\n\n--\nDon't want to hear from me again? Unsubscribe: http://localhost:3000/u/`;
    const links = trackingLinks('http://localhost:3000', randomBytes(32));
    const mails = Array.from({ length: N }, (_, i) => {
      const token = randomBytes(16).toString('hex');
      const content = tracked
        ? addTracking(`${body}${token}\n`, randomUUID(), links, { opens: true, clicks: true }, (u) =>
            u.includes('/u/'),
          )
        : { text: `${body}${token}\n` };
      return {
        from: { name: 'Alex', address: 'alex@bench.test' },
        to: { name: `Lead ${i}`, address: `lead${i}@example.test` },
        subject: 'A quick idea for Bench Co',
        ...content,
        messageId: `<${randomUUID()}.${token.slice(0, 8)}@baseline.bench.test>`,
        headers: {
          'List-Unsubscribe': `<http://localhost:3000/u/${token}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        disableFileAccess: true,
        disableUrlAccess: true,
      };
    });
    // Warm the pool and the JIT first: Nurture's runs come after this one.
    await Promise.all(
      mails.slice(0, 200).map((m) => transport.sendMail({ ...m, messageId: `<${randomUUID()}@warm>` })),
    );
    await ask({ cmd: 'reset', suffix: '@baseline.bench.test>' });
    let t0 = performance.now();
    const infos = await Promise.allSettled(mails.map((m) => transport.sendMail(m)));
    const baselineMs = performance.now() - t0;
    transport.close();
    const baseStats = await ask<SinkStats>({ cmd: 'stats' });
    check('baseline', baseStats, infos.filter((r) => r.status === 'fulfilled').length);
    rows.push(['nodemailer baseline', (N / baselineMs) * 1000, baseStats]);

    // ---- Nurture: a real org/assistant, N due messages, the real dispatcher.
    database = await openDatabase({ databaseUrl: dbUrl });
    await migrate(database);
    const { db } = database;
    const org = await createOrgWithAdmin(db, {
      orgName: 'Bench',
      email: 'admin@bench.test',
      password: 'bench-password',
    });
    await db.execute(`UPDATE assistants SET daily_cap = 10000000, send_days = '[0,1,2,3,4,5,6]',
      send_start_minute = 0, send_end_minute = 1440, track_opens = ${tracked}, track_clicks = ${tracked} WHERE id = '${org.assistantId}'`);
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: dbUrl,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      DISPATCH_BATCH_SIZE: String(batch),
      SMTP_MAX_CONNECTIONS: String(connections),
      LOG_LEVEL: 'warn',
    });
    const ctx: Ctx = {
      db,
      config,
      log: createLogger('warn'),
      now: () => new Date(),
      wake: { dispatcher: () => {}, inbound: () => {} },
    };
    senders = createSenderRegistry(db, config);

    // Seeding is set-based SQL (not measured): N cold leads, one due step each.
    const seed = async (tag: string) => {
      await db.execute(`INSERT INTO leads (org_id, assistant_id, owner_id, schedule_id, email, first_name,
          last_name, company, source, state, reply_token, unsubscribe_token)
        SELECT o.org_id, o.id, '${org.userId}', o.default_schedule_id, 'lead' || i || '@${tag}.example.test',
          'Lead', i::text, 'Bench Co', 'api', 'cold', md5(random()::text) || i, md5(random()::text) || i
        FROM assistants o, generate_series(1, ${N}) i WHERE o.id = '${org.assistantId}'`);
      await db.execute(`INSERT INTO messages (org_id, lead_id, assistant_id, kind, step, status, due_at,
          explicit_time, message_id)
        SELECT org_id, id, assistant_id, 'sequence', 0, 'scheduled', now() - interval '1 minute', true,
          '<' || gen_random_uuid() || '.' || left(md5(random()::text), 8) || '@${tag}.bench.test>'
        FROM leads WHERE email LIKE '%@${tag}.example.test'`);
      if (values['future-step'])
        await db.execute(`INSERT INTO messages (org_id, lead_id, assistant_id, kind, step, status, due_at, message_id)
          SELECT org_id, id, assistant_id, 'sequence', 1, 'scheduled', now() + interval '3 days',
            '<' || gen_random_uuid() || '.1@${tag}.bench.test>' FROM leads WHERE email LIKE '%@${tag}.example.test'`);
      await db.execute('ANALYZE');
      await ask({ cmd: 'reset', suffix: `@${tag}.bench.test>` });
    };
    const loop = async (workerId: string) => {
      while ((await dispatchOnce(ctx, senders!, workerId)) > 0) {}
    };
    const run = async (label: string, tag: string, workerCount: number) => {
      await seed(tag);
      const ids = Array.from({ length: workerCount }, (_, i) => `bench-${tag}-${i}`);
      const workerRows = ids.map((id) => `('${id}', ${process.pid}, '${hostname()}')`).join(', ');
      await db.execute(`INSERT INTO workers (id, pid, host) VALUES ${workerRows}`);
      t0 = performance.now();
      await Promise.all(ids.map(loop));
      const ms = performance.now() - t0;
      const res = (await db.execute(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM messages WHERE message_id LIKE '%@${tag}.bench.test>'`,
      )) as unknown as { rows: { sent: number }[] };
      const stats = await ask<SinkStats>({ cmd: 'stats' });
      check(label, stats, res.rows[0]!.sent);
      rows.push([label, (N / ms) * 1000, stats]);
    };
    await run('Nurture, 1 dispatch loop', 'one', 1);
    // Two loops in one process share the SMTP pool: one loop's DB work can
    // overlap the other's sending, which a single loop serialises.
    await run('Nurture, 2 dispatch loops', 'two', 2);
  } finally {
    await cleanup();
  }

  const base = rows[0]![1];
  console.log(
    `\nPostgreSQL ${pgVersion} · Node ${process.versions.node} · N=${N} batch=${batch} connections=${connections}${values['future-step'] ? ' future-step' : ''}${tracked ? '' : ' no-tracking'}\n`,
  );
  console.log(
    `${'run'.padEnd(28)}${'msgs/s'.padStart(10)}${'ratio'.padStart(8)}${'avg bytes'.padStart(11)}${'dups'.padStart(6)}`,
  );
  for (const [label, rate, s] of rows)
    console.log(
      `${label.padEnd(28)}${rate.toFixed(0).padStart(10)}${(rate / base).toFixed(2).padStart(8)}${(s.messages ? s.bytes / s.messages : 0).toFixed(0).padStart(11)}${String(s.duplicates).padStart(6)}`,
    );
  if (failures.length) {
    console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}
