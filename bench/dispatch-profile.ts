/**
 * TEMPORARY profiling copy of dispatchOnce/recordOutcomes with per-phase timers
 * and a per-phase count of PostgreSQL round trips. Same seed as
 * dispatch-throughput.ts; --future-step also gives every lead a step 1 due in
 * three days, so sending step 0 does not complete the sequence (the common case).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { and, count, eq, gt, inArray, min, sql } from 'drizzle-orm';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '100' },
    connections: { type: 'string', default: '5' },
    'future-step': { type: 'boolean', default: false },
    'batched-complete': { type: 'boolean', default: false },
  },
});
const N = Number(values.n);

let queries = 0;
const origQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries++;
  return (origQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof origQuery;

const { openDatabase } = await import('../src/db/database.ts');
const { migrate } = await import('../src/db/migrate.ts');
const { createOrgWithAdmin } = await import('../src/accounts/org-setup.ts');
const { loadConfig, publicUrl } = await import('../src/config/config.ts');
const { createSenderRegistry } = await import('../src/outbound/sender-registry.ts');
const { claimDueMessages } = await import('../src/outbound/claim-due.ts');
const { buildOutgoingMail } = await import('../src/outbound/outgoing-mail.ts');
const { completeFinishedSequences } = await import('../src/outbound/record-outcomes.ts');
const { recordEvents } = await import('../src/timeline/record-event.ts');
const { suppressedAmong } = await import('../src/suppression/suppression.ts');
const { leads, assistants, messages } = await import('../src/db/schema.ts');

const sink = new Worker(new URL('./dispatch-throughput.ts', import.meta.url));
const port = await new Promise<number>((r) => sink.once('message', (m: { port: number }) => r(m.port)));

const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `nurture_bench_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const dbUrl = `postgres://postgres@127.0.0.1:5432/${dbName}`;
const database = await openDatabase({ databaseUrl: dbUrl });
const config = loadConfig({
  SMTP_URL: `smtp://127.0.0.1:${port}`,
  DISPATCH_BATCH_SIZE: values.batch,
  SMTP_MAX_CONNECTIONS: values.connections,
});
const senders = createSenderRegistry(database.db, config);
const phases: Record<string, { ms: number; q: number }> = {};
const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const q = queries;
  try {
    return await f();
  } finally {
    const p = phases[name] ?? { ms: 0, q: 0 };
    phases[name] = p;
    p.ms += performance.now() - t;
    p.q += queries - q;
  }
};
try {
  await migrate(database);
  const db = database.db;
  const org = await createOrgWithAdmin(db, {
    orgName: 'Bench',
    email: 'admin@bench.test',
    password: 'bench-password',
  });
  await db.execute(
    sql.raw(`UPDATE assistants SET daily_cap = 10000000, send_days = '[0,1,2,3,4,5,6]',
    send_start_minute = 0, send_end_minute = 1440`),
  );
  await db.execute(
    sql.raw(`INSERT INTO leads (org_id, assistant_id, owner_id, schedule_id, email, first_name,
      last_name, company, source, state, reply_token, unsubscribe_token)
    SELECT o.org_id, o.id, '${org.userId}', o.default_schedule_id, 'lead' || i || '@x.example.test',
      'Lead', i::text, 'Bench Co', 'api', 'cold', md5(random()::text) || i, md5(random()::text) || i
    FROM assistants o, generate_series(1, ${N}) i`),
  );
  for (const [step, due] of values['future-step']
    ? [
        [0, '-1 minute'],
        [1, '3 days'],
      ]
    : [[0, '-1 minute']])
    await db.execute(
      sql.raw(`INSERT INTO messages (org_id, lead_id, assistant_id, kind, step, status, due_at, explicit_time, message_id)
      SELECT org_id, id, assistant_id, 'sequence', ${step}, 'scheduled', now() + interval '${due}', true,
        '<' || gen_random_uuid() || '@x.bench.test>' FROM leads`),
    );
  await db.execute(sql.raw('ANALYZE'));
  await db.execute(sql.raw(`INSERT INTO workers (id, pid, host) VALUES ('w1', 1, 'h')`));

  // Set-based sketch of completeFinishedSequences: lock the finished running
  // leads, decide() each in JS, one guarded UPDATE, one events INSERT.
  const { decide } = await import('../src/leads/lead-states.ts');
  type Tx = typeof db;
  const completeSetBased = async (tx: Tx, ids: string[]) => {
    const r = (await tx.execute(sql`SELECT id, org_id, assistant_id, state, sub_state FROM leads l
      WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.lead_id = l.id
        AND m.status IN ('scheduled', 'sending')) FOR UPDATE`)) as unknown as {
      rows: Record<string, string>[];
    };
    const moves = r.rows.flatMap((l) => {
      const d = decide({ state: l.state as 'cold', subState: l.sub_state ?? null }, { type: 'complete' });
      return d.ok ? [{ l, d }] : [];
    });
    if (!moves.length) return;
    await tx.execute(sql`UPDATE leads SET state = v.state, sub_state = v.sub_state, state_changed_at = now(), updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(moves.map(({ l, d }) => ({ id: l.id, state: d.next.state, sub_state: d.next.subState })))}::jsonb)
        AS v(id uuid, state text, sub_state text) WHERE leads.id = v.id`);
    await recordEvents(
      tx,
      moves.map(({ l, d }) => ({
        orgId: l.org_id!,
        leadId: l.id!,
        type: 'state_changed' as const,
        fromState: l.state,
        toState: d.next.state,
        fromSubState: l.sub_state ?? null,
        toSubState: d.next.subState,
        actorType: 'assistant' as const,
        actorId: l.assistant_id,
        reason: 'The last step of the schedule was sent without a reply',
        evidence: { transition: d.transition },
      })),
    );
  };
  let rounds = 0;
  const t0 = performance.now();
  for (;;) {
    const now = new Date();
    const claimed = await time('claim', () => claimDueMessages(db, 'w1', now, config.DISPATCH_BATCH_SIZE));
    if (!claimed.length) break;
    rounds++;
    const leadIds = [...new Set(claimed.map((m) => m.leadId))];
    const [leadRows, assistantRows] = await time('lookups', async () => {
      const r = await Promise.all([
        db.select().from(leads).where(inArray(leads.id, leadIds)),
        db
          .select()
          .from(assistants)
          .where(inArray(assistants.id, [claimed[0]!.assistantId])),
        db
          .select({ a: messages.assistantId, sent: count(), oldest: min(messages.sentAt) })
          .from(messages)
          .where(
            and(
              inArray(messages.assistantId, [claimed[0]!.assistantId]),
              eq(messages.status, 'sent'),
              gt(messages.sentAt, new Date(now.getTime() - 86_400_000)),
            ),
          )
          .groupBy(messages.assistantId),
      ]);
      await suppressedAmong(
        db,
        org.orgId,
        r[0].map((l) => l.email),
      );
      return r;
    });
    const leadById = new Map(leadRows.map((l) => [l.id, l]));
    const toSend = await time('compose', async () =>
      claimed.map((m) => ({
        m,
        lead: leadById.get(m.leadId)!,
        mail: buildOutgoingMail(publicUrl(config), leadById.get(m.leadId)!, assistantRows[0]!, m),
      })),
    );
    const outcomes = await time('send', () =>
      Promise.all(toSend.map((s) => senders.senderFor(assistantRows[0]!).send(s.mail))),
    );
    await time('record', () =>
      db.transaction(async (tx) => {
        const rows = toSend.map((s, i) => ({
          id: s.m.id,
          status: 'sent',
          sent_at: now.toISOString(),
          subject: s.mail.subject,
          text_body: s.mail.text,
          smtp_response: (outcomes[i] as { response: string }).response,
        }));
        await time('record.applyRows', () =>
          tx.execute(sql`UPDATE messages m SET status = v.status,
            sent_at = v.sent_at, subject = v.subject, text_body = v.text_body, smtp_response = v.smtp_response
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            AS v(id uuid, status text, sent_at timestamptz, subject text, text_body text, smtp_response text)
          WHERE m.id = v.id AND m.status = 'sending' AND m.claimed_by = 'w1'`),
        );
        await time('record.events', () =>
          recordEvents(
            tx,
            toSend.map((s) => ({
              orgId: s.lead.orgId,
              leadId: s.lead.id,
              type: 'message_sent' as const,
              actorType: 'assistant' as const,
              actorId: s.lead.assistantId,
              reason: `Step 1 sent to ${s.lead.email}`,
              evidence: { subject: s.mail.subject },
              messageId: s.m.id,
            })),
          ),
        );
        await time('record.completeFinished', () =>
          values['batched-complete'] ? completeSetBased(tx, leadIds) : completeFinishedSequences(tx, leadIds),
        );
      }),
    );
  }
  const total = performance.now() - t0;
  console.log(
    `N=${N} batch=${values.batch} conns=${values.connections} future-step=${values['future-step']} batched-complete=${values['batched-complete']}`,
  );
  console.log(
    `${((N / total) * 1000).toFixed(0)} msgs/s over ${rounds} rounds, ${(total / rounds).toFixed(1)} ms/round`,
  );
  for (const [k, p] of Object.entries(phases))
    console.log(
      `${k.padEnd(26)}${(p.ms / rounds).toFixed(1).padStart(8)} ms/round ${((100 * p.ms) / total).toFixed(0).padStart(4)}%  ${(p.q / rounds).toFixed(1).padStart(7)} queries/round`,
    );
} finally {
  await senders.closeAll();
  await database.close();
  await sink.terminate();
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await c.end();
}
