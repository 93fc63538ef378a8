/**
 * Inbound pipeline throughput on a fresh throwaway PostgreSQL database (dropped
 * at the end, even on failure): ingestRaw (store the raw bytes) and
 * processInboundOnce (parse → classify → match → act), beside the offline
 * classifier on the same messages in the same run, so the ratio shows what the
 * database costs.
 *
 *   node bench/inbound-throughput.ts [--n 2000] [--seconds 3]
 *
 * Each of N leads has a sent first email and a scheduled second step (a lead
 * mid-sequence, whose steps a reply cancels or an absence moves) and gets one
 * message back: 80 % human replies from the intent hold-out texts, 10 %
 * out-of-office notices, 10 % Postfix bounces quoting the sent Message-ID.
 * Exits non-zero if any message was lost, ingested twice or not `processed`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, hostname, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { createOrgWithAdmin } from '../src/accounts/org-setup.ts';
import { classifyMessage } from '../src/classify/classify-message.ts';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase, queryRows } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createAnalysisPool } from '../src/inbound/analysis-pool.ts';
import { ingestRaw } from '../src/inbound/ingest.ts';
import { poolOptions, processInboundOnce } from '../src/inbound/process-inbound.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { postfixBounce } from '../test/helpers/mail-builders.ts';
import { createThrowawayDatabase } from './throwaway-database.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '3' } },
});
const N = Number(values.n);
const minMs = Number(values.seconds) * 1000;
// Messages for extra leads, ingested and processed before timing: JIT, plan cache, pool.
const W = 100;
const rowsOf = <T>(db: Ctx['db'], text: string) => queryRows<T>(db, sql.raw(text));

const throwaway = await createThrowawayDatabase();
const { url: dbUrl, pgVersion } = throwaway;

let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
let cleaned = false;
const cleanup = async () => {
  if (cleaned) return;
  cleaned = true;
  await database?.close().catch(() => {});
  await throwaway.drop();
};
process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

// A stage's wall time and this process's CPU time over it (all its threads, so
// GC helpers can take it past 100 %): the gap is time spent waiting on PostgreSQL.
type Span = { ms: number; cpuMs: number };
const clock = () => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return (): Span => {
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
  };
};
const stats = (count: number, { ms, cpuMs }: Span, lat?: number[]) => {
  const s = lat?.sort((a, b) => a - b);
  const q = (p: number) => s?.[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { rate: (count / ms) * 1000, cpu: cpuMs / ms, p50: q(0.5), p99: q(0.99) };
};
const timed = async (lat: number[], f: () => Promise<unknown>) => {
  const s = performance.now();
  await f();
  lat.push(performance.now() - s);
};

const failures: string[] = [];
const rows: [string, ReturnType<typeof stats>][] = [];
let breakdown: Record<string, unknown>[] = [];
try {
  database = await openDatabase({ databaseUrl: dbUrl });
  await migrate(database);
  const { db } = database;
  const owner = { orgName: 'Bench', email: 'admin@bench.test', password: 'bench-pw' };
  const org = await createOrgWithAdmin(db, owner);
  const ctx: Ctx = {
    db,
    config: loadConfig({ ...process.env, DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' }),
    log: createLogger('warn'),
    now: () => new Date(),
    wake: { dispatcher: () => {}, inbound: () => {} },
  };

  // Seeding is set-based SQL in one round trip (not measured). The intended kind
  // is in the address, so the final tally can set it beside what the pipeline decided.
  await db.execute(
    `INSERT INTO leads (org_id, assistant_id, owner_id, schedule_id, email, first_name, last_name, company,
      source, state, time_zone, first_send_at, reply_token, unsubscribe_token)
    SELECT o.org_id, o.id, '${org.userId}', o.default_schedule_id,
      (CASE i % 10 WHEN 8 THEN 'ooo' WHEN 9 THEN 'bounce' ELSE 'reply' END) || '-' || i || '@lead.example.test',
      'Lead', i::text, 'Bench Co', 'api', 'cold', 'Europe/Berlin', now() - interval '1 day',
      md5(random()::text) || i, md5(random()::text) || i
    FROM assistants o, generate_series(1, ${N + W}) i WHERE o.id = '${org.assistantId}';
    INSERT INTO messages (org_id, lead_id, assistant_id, kind, step, status, due_at, explicit_time, message_id,
      subject, sent_at, smtp_response)
    SELECT org_id, id, assistant_id, 'sequence', s, CASE s WHEN 0 THEN 'sent' ELSE 'scheduled' END,
      now() + (CASE s WHEN 0 THEN interval '-1 day' ELSE interval '3 days' END), s = 0,
      '<' || gen_random_uuid() || '.' || reply_token || '@bench.test>', 'A quick idea',
      CASE s WHEN 0 THEN now() - interval '1 day' END, CASE s WHEN 0 THEN '250 2.0.0 Ok' END
    FROM leads, generate_series(0, 1) s;
    INSERT INTO workers (id, pid, host) VALUES ('bench-inbound', ${process.pid}, '${hostname()}');
    ANALYZE`,
  );
  const sent = await rowsOf<{ email: string; message_id: string; assistant: string }>(
    db,
    `SELECT l.email, m.message_id, a.email AS assistant FROM leads l
      JOIN messages m ON m.lead_id = l.id AND m.step = 0 JOIN assistants a ON a.id = l.assistant_id
      ORDER BY split_part(split_part(l.email, '-', 2), '@', 1)::int`,
  );

  // ---- The messages. Human replies much as in bench/classify-throughput.ts (the
  // corpus's local offset kept in Date, half quoting our email under an English
  // attribution line, a quarter with HTML), each threaded to its lead's sent email.
  const intentDir = new URL('../corpus/intent/', import.meta.url).pathname;
  const texts = readdirSync(intentDir)
    .filter((f) => f.endsWith('.holdout.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(intentDir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as { text: string; sentAt: string });
  const rfcDate = (iso: string) =>
    new Date(`${iso.slice(0, 19)}Z`).toUTCString().replace('GMT', iso.slice(19).replace(':', ''));
  const quote =
    '> Hi,\n>\n> I noticed your team is growing. Would a 15-minute call next week be useful?\n>\n> Alex';
  // Out-of-office notices as Exchange, German and French clients word them, back in 3–22 days.
  const day = (d: number, locale: string) =>
    new Date(Date.now() + d * 86_400_000).toLocaleDateString(locale, { day: 'numeric', month: 'long' });
  const ooo: [string, (d: number) => string][] = [
    ['Automatic reply', (d) => `I am out of the office until ${day(d, 'en-GB')}, with no email.`],
    ['Abwesenheitsnotiz', (d) => `Ich bin bis zum ${day(d, 'de-DE')} nicht im Büro.`],
    ['Réponse automatique', (d) => `Je suis absent du bureau jusqu'au ${day(d, 'fr-FR')} inclus.`],
  ];
  const compose = (o: ConstructorParameters<typeof MailComposer>[0]) => new MailComposer(o).compile().build();
  const messages = await Promise.all(
    sent.map((s, i) => {
      const kind = s.email.split('-')[0];
      const base = { from: s.email, to: s.assistant, inReplyTo: s.message_id, references: s.message_id };
      if (kind === 'bounce')
        return postfixBounce({ messageId: s.message_id, fromAddress: s.assistant }, s.email);
      if (kind === 'ooo') {
        const [prefix, text] = ooo[i % ooo.length]!;
        const headers = { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' };
        return compose({ ...base, subject: `${prefix}: A quick idea`, text: text(3 + (i % 20)), headers });
      }
      const r = texts[i % texts.length]!;
      const history = `\n\nOn Mon, 1 Dec 2026 at 09:00, Alex <${s.assistant}> wrote:\n${quote}`;
      const html = i % 4 === 1 ? `<div dir="ltr">${r.text.replace(/[&<>]/g, ' ')}</div>` : undefined;
      const text = i % 2 ? r.text : r.text + history;
      return compose({ ...base, subject: 'Re: A quick idea', date: rfcDate(r.sentAt), text, html });
    }),
  );
  const warm = messages.slice(0, W);
  const timedSet = messages.slice(W);

  // ---- Offline: the classifier alone, and parse + classify as processOne does
  // it (it parses once for addresses and hands the result in). Passes alternate
  // so that both see the same machine.
  const parseOpts = { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 2_000_000 };
  const offline = [
    { label: 'classifyMessage alone', fn: (raw: Buffer) => classifyMessage(raw) },
    {
      label: 'simpleParser + classifyMessage',
      fn: async (raw: Buffer) => classifyMessage(raw, { parsed: await simpleParser(raw, parseOpts) }),
    },
  ].map((o) => ({ ...o, lat: [] as number[], ms: 0, cpuMs: 0, passes: 0 }));
  for (const o of offline) for (const raw of [...warm, ...timedSet.slice(0, 500)]) await o.fn(raw);
  while (offline.some((o) => o.passes < 2 || o.ms < minMs))
    for (const o of offline) {
      const stop = clock();
      for (const raw of timedSet) await timed(o.lat, () => o.fn(raw));
      const { ms, cpuMs } = stop();
      Object.assign(o, { ms: o.ms + ms, cpuMs: o.cpuMs + cpuMs, passes: o.passes + 1 });
    }
  for (const o of offline) rows.push([o.label, stats(o.lat.length, o, o.lat)]);

  // ---- Warm-up of the database path, then the timed runs.
  // The worker's own pool of analysis threads, as in production.
  const pool = createAnalysisPool(poolOptions(ctx));
  const drain = async () => {
    while ((await processInboundOnce(ctx, 'bench-inbound', pool, 50)) > 0) {}
  };
  for (const raw of warm) await ingestRaw(ctx, 'http', raw, { orgId: org.orgId });
  await drain();

  // Sequential is one ingesting loop: the same code as concurrency 8 with one.
  let duplicates = 0;
  const ingestAll = async (label: string, loops: number) => {
    const lat: number[] = [];
    let next = 0;
    const stop = clock();
    const one = async () => {
      if ((await ingestRaw(ctx, 'http', timedSet[next++]!, { orgId: org.orgId })).duplicate) duplicates++;
    };
    await Promise.all(
      Array.from({ length: loops }, async () => {
        while (next < N) await timed(lat, one);
      }),
    );
    const span = stop();
    rows.push([label, stats(N, span, lat)]);
    return span;
  };
  await ingestAll('ingest, sequential', 1);
  // The same messages again at concurrency 8: the sequential run's rows go first,
  // else all would be deduplicated by Message-ID.
  await db.execute(`DELETE FROM inbound_messages WHERE status = 'received'`);
  await db.execute('VACUUM ANALYZE inbound_messages');
  const ingested = await ingestAll('ingest, concurrency 8', 8);
  const stop = clock();
  await drain();
  const processed = stop();
  rows.push(['processing, 1 loop × 50', stats(N, processed)]);
  const both = { ms: ingested.ms + processed.ms, cpuMs: ingested.cpuMs + processed.cpuMs };
  rows.push(['end to end (ingest c8 + proc.)', stats(N, both)]);

  // ---- Checks and the tally by intended kind.
  const status = await rowsOf<{ status: string; n: number }>(
    db,
    'SELECT status, count(*)::int AS n FROM inbound_messages GROUP BY 1',
  );
  const done = status.find((r) => r.status === 'processed')?.n ?? 0;
  const tally = status.map((r) => `${r.n} ${r.status}`).join(', ');
  if (done !== N + W) failures.push(`${done}/${N + W} inbound rows processed (${tally})`);
  if (duplicates) failures.push(`${duplicates} messages ingested as duplicates`);
  breakdown = await rowsOf<Record<string, unknown>>(
    db,
    `SELECT split_part(l.email, '-', 1) AS sent, i.kind, i.matched_by AS "matched by",
      l.state || coalesce(' / ' || l.sub_state, '') AS "lead state", count(*)::int AS n
    FROM leads l LEFT JOIN inbound_messages i ON i.lead_id = l.id GROUP BY 1, 2, 3, 4 ORDER BY 1, 5 DESC`,
  );
} finally {
  await cleanup();
}

const base = rows[0]![1].rate;
console.log(
  `\nPostgreSQL ${pgVersion} · Node ${process.versions.node} · N=${N} (+${W} warm-up) · 80 % replies, 10 % OOO, 10 % bounces · load avg ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores\n`,
);
const head = ['msgs/s', 'ratio', 'node CPU', 'p50 ms', 'p99 ms'].map((h) => h.padStart(9)).join('');
console.log(`${'stage'.padEnd(32)}${head}`);
const ms = (v?: number) => (v === undefined ? '—' : v.toFixed(2)).padStart(9);
for (const [label, s] of rows)
  console.log(
    `${label.padEnd(32)}${s.rate.toFixed(0).padStart(9)}${(s.rate / base).toFixed(2).padStart(9)}${`${(s.cpu * 100).toFixed(0)} %`.padStart(9)}${ms(s.p50)}${ms(s.p99)}`,
  );
console.log('\nratio = msgs/s ÷ classifyMessage alone; p50/p99 per message (ingest: per ingestRaw call).\n');
console.table(breakdown);
if (failures.length) {
  console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
}
