// SCRATCH (not to commit): where does a dispatcher round spend its time at N=100k?
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
if (!isMainThread) {
  const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, _s, cb) { stream.on('data', () => {}); stream.on('end', () => cb()); } });
  server.listen(0, '127.0.0.1', () => parentPort!.postMessage((server.server.address() as { port: number }).port));
} else {
const N = Number(process.argv[2] ?? 100000);
const { openDatabase } = await import('../src/db/database.ts');
const { migrate } = await import('../src/db/migrate.ts');
const { createOrgWithAdmin } = await import('../src/accounts/org-setup.ts');
const { loadConfig, publicUrl } = await import('../src/config/config.ts');
const { createLogger } = await import('../src/platform/logger.ts');
const { createSenderRegistry } = await import('../src/outbound/sender-registry.ts');
const { claimDueMessages } = await import('../src/outbound/claim-due.ts');
const { sendRules } = await import('../src/outbound/send-rules/send-rules.ts');
const { recordOutcomes } = await import('../src/outbound/record-outcomes.ts');
const { composeForSend, loadCompositionData } = await import('../src/compose/sequence-composer.ts');
const { trackingKey, trackingLinks } = await import('../src/tracking/tracking-tokens.ts');
const { buildOutgoingMail, unsubscribeUrl } = await import('../src/outbound/outgoing-mail.ts');
const { assistants, leads } = await import('../src/db/schema.ts');
const sink = new Worker(new URL(import.meta.url));
const port: number = await new Promise((r) => sink.once('message', r));
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `nurture_prof_${randomBytes(4).toString('hex')}`;
const a = new pg.Client({ connectionString: adminUrl }); await a.connect(); await a.query(`CREATE DATABASE ${dbName}`); await a.end();
const dbUrl = `postgres://postgres@127.0.0.1:5432/${dbName}`;
const database = await openDatabase({ databaseUrl: dbUrl });
try {
await migrate(database);
const { db } = database;
const org = await createOrgWithAdmin(db, { orgName: 'Bench', email: 'admin@bench.test', password: 'bench-password' });
await db.execute(`UPDATE assistants SET daily_cap = 10000000, send_days = '[0,1,2,3,4,5,6]', send_start_minute = 0, send_end_minute = 1440 WHERE id = '${org.assistantId}'`);
const config = loadConfig({ DATABASE_URL: dbUrl, SMTP_URL: `smtp://127.0.0.1:${port}`, LOG_LEVEL: 'warn' });
const ctx = { db, config, log: createLogger('warn'), now: () => new Date(), wake: { dispatcher() {}, inbound() {} } };
const senders = createSenderRegistry(db, config);
await db.execute(`INSERT INTO leads (org_id, assistant_id, owner_id, schedule_id, email, first_name, last_name, company, source, state, reply_token, unsubscribe_token)
  SELECT o.org_id, o.id, '${org.userId}', o.default_schedule_id, 'lead' || i || '@x.example.test', 'Lead', i::text, 'Bench Co', 'api', 'cold', md5(random()::text) || i, md5(random()::text) || i
  FROM assistants o, generate_series(1, ${N}) i WHERE o.id = '${org.assistantId}'`);
await db.execute(`INSERT INTO messages (org_id, lead_id, assistant_id, kind, step, status, due_at, explicit_time, message_id)
  SELECT org_id, id, assistant_id, 'sequence', 0, 'scheduled', now() - interval '1 minute', true, '<' || gen_random_uuid() || '@x.bench.test>' FROM leads`);
await db.execute('ANALYZE');
await db.execute(`INSERT INTO workers (id, pid, host) VALUES ('p1', ${process.pid}, '${hostname()}')`);
const phases = ['claim', 'load', ...sendRules.map((r) => `prepare:${r.name}`), 'tracking', 'check', 'compose', 'build', 'send', 'record'];
let acc = Object.fromEntries(phases.map((p) => [p, 0])) as Record<string, number>;
let done = 0; let t0 = performance.now();
const T = async <X>(k: string, f: () => Promise<X> | X): Promise<X> => { const s = performance.now(); try { return await f(); } finally { acc[k]! += performance.now() - s; } };
for (;;) {
  const now = ctx.now();
  const claimed = await T('claim', () => claimDueMessages(db, 'p1', now, 100));
  if (!claimed.length) break;
  const [leadRows, assistantRows, composition] = await T('load', () => Promise.all([
    db.select().from(leads).where(inArray(leads.id, claimed.map((m) => m.leadId))),
    db.select().from(assistants).where(inArray(assistants.id, [...new Set(claimed.map((m) => m.assistantId))])),
    loadCompositionData(db, claimed)]));
  const batch = { now, messages: claimed, leads: new Map(leadRows.map((l) => [l.id, l])), assistants: new Map(assistantRows.map((x) => [x.id, x])), usesSandbox: () => false };
  const prepared = [];
  for (const r of sendRules) prepared.push(await T(`prepare:${r.name}`, () => r.prepare?.(ctx as never, batch as never)));
  const tracking = await T('tracking', async () => trackingLinks(publicUrl(config), await trackingKey(db, config)));
  const verdicts: never[] = []; const ready: { candidate: any; note: any }[] = [];
  await T('check', () => { for (const message of claimed) { const candidate = { message, lead: batch.leads.get(message.leadId)!, assistant: batch.assistants.get(message.assistantId)! };
    let decided = false; for (const [i, rule] of sendRules.entries()) { const r = rule.check(candidate as never, prepared[i], batch as never, ctx as never); if (r && r.kind !== 'note') { decided = true; break; } }
    if (!decided) ready.push({ candidate, note: {} }); } });
  const base = publicUrl(config);
  const composed = await T('compose', () => composeForSend(ctx as never, composition, ready.map((r) => ({ ...r.candidate, unsubscribeUrl: unsubscribeUrl(base, r.candidate.lead) }))));
  const toSend = await T('build', () => ready.map(({ candidate, note }, i) => { const c = composed[i]!; const message = { ...candidate.message, subject: c.subject, textBody: c.text };
    return { candidate, note: { ...note, ...c.evidence }, mail: buildOutgoingMail(base, candidate.lead, candidate.assistant, message, tracking) }; }));
  const outcomes = await T('send', () => Promise.all(toSend.map((s) => senders.senderFor(s.candidate.assistant).send(s.mail))));
  const vs = toSend.map((s, i) => ({ kind: 'sent', message: s.candidate.message, lead: s.candidate.lead, mail: s.mail, outcome: outcomes[i]!, note: s.note }));
  await T('record', () => recordOutcomes(ctx as never, [...verdicts, ...vs] as never, now));
  done += claimed.length;
  if (done % 10000 === 0) {
    const ms = performance.now() - t0;
    console.log(`${done}: ${Math.round(10000 / ms * 1000)} msg/s | ` + phases.map((p) => `${p} ${(acc[p]! / 100).toFixed(1)}`).join(' | ') + ' (ms per batch)');
    acc = Object.fromEntries(phases.map((p) => [p, 0])); t0 = performance.now();
  }
}
await senders.closeAll();
} finally {
  await database.close(); await sink.terminate();
  const c = new pg.Client({ connectionString: adminUrl }); await c.connect(); await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`); await c.end();
}
}
