/**
 * Lead import throughput on a fresh throwaway PostgreSQL database (dropped at
 * the end, even on failure): an N-row CSV uploaded (read, stored) and run to
 * the end by the import worker round, beside calling `addLead` N times
 * directly in the same run, so the ratio shows what the import machinery
 * (reading, mapping, the per-row report) costs on top of adding the leads.
 *
 *   node bench/import-throughput.ts [--n 5000]
 *
 * Rows: 90 % new leads, 5 % invalid addresses, 5 % repeats of an earlier row
 * (refused as duplicates). Exits non-zero if any row is left without an
 * outcome or the counts are off.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/accounts/actor.ts';
import { createOrgWithAdmin } from '../src/accounts/org-setup.ts';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase, queryRows } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { startImport, uploadImport } from '../src/imports/lead-imports.ts';
import { runImportsOnce } from '../src/imports/run-imports.ts';
import { addLead } from '../src/leads/add-lead.ts';
import type { Ctx } from '../src/platform/context.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createThrowawayDatabase } from './throwaway-database.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '5000' } } });
const N = Number(values.n);

const throwaway = await createThrowawayDatabase();
const { url: dbUrl, pgVersion } = throwaway;

let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
const cleanup = async () => {
  await database?.close().catch(() => {});
  await throwaway.drop();
};
process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

const failures: string[] = [];
const rows: [string, number][] = [];
try {
  database = await openDatabase({ databaseUrl: dbUrl });
  await migrate(database);
  const { db } = database;
  const org = await createOrgWithAdmin(db, {
    orgName: 'Bench',
    email: 'admin@bench.test',
    password: 'bench-password',
  });
  const ctx: Ctx = {
    db,
    config: loadConfig({
      ...process.env,
      DATABASE_URL: dbUrl,
      LOG_LEVEL: 'warn',
      IMPORT_MAX_ROWS: String(N),
    }),
    log: createLogger('warn'),
    now: () => new Date(),
    wake: { dispatcher: () => {}, inbound: () => {} },
  };
  const actor: Actor = { orgId: org.orgId, userId: org.userId, role: 'admin' };
  const lead = (tag: string, i: number) => ({
    email: i % 20 === 7 ? `not-an-address-${i}` : `lead${i % 20 === 13 ? i - 1 : i}@${tag}.example`,
    firstName: `Lead${i}`,
    lastName: 'Bench',
    company: `Company ${i % 300}`,
    title: 'Head of Operations',
  });
  const expectAdded = Array.from({ length: N }, (_, i) => i).filter(
    (i) => i % 20 !== 7 && i % 20 !== 13,
  ).length;

  // Baseline: addLead per row, directly (what an import must do at least).
  let t0 = performance.now();
  let added = 0;
  for (let i = 0; i < N; i++) {
    const l = lead('direct', i);
    if (!/^[^@\s]+@[^@\s]+$/.test(l.email)) continue;
    try {
      await addLead(ctx, actor, { ...l, source: 'import' });
      added++;
    } catch {}
  }
  rows.push(['addLead × N, directly', (N / (performance.now() - t0)) * 1000]);
  if (added !== expectAdded) failures.push(`direct: ${added}/${expectAdded} added`);

  // The import: CSV bytes in, every row with an outcome.
  const csv = Buffer.from(
    `Email,First name,Last name,Company,Job title\r\n${Array.from({ length: N }, (_, i) => {
      const l = lead('imported', i);
      return [l.email, l.firstName, l.lastName, l.company, l.title].join(',');
    }).join('\r\n')}\r\n`,
  );
  t0 = performance.now();
  const up = await uploadImport(ctx, actor, { name: 'bench.csv', bytes: csv });
  const uploadMs = performance.now() - t0;
  await startImport(ctx, actor, up.id, { mapping: up.suggestedMapping, options: { source: 'import' } });
  await db.execute(sql`INSERT INTO workers (id, pid, host) VALUES ('bench', ${process.pid}, 'bench')`);
  while ((await runImportsOnce(ctx, 'bench')) > 0) {}
  const importMs = performance.now() - t0;
  rows.push([`import (upload ${uploadMs.toFixed(0)} ms)`, (N / importMs) * 1000]);
  const [done] = await queryRows<{ status: string; added: number; refused: number }>(
    db,
    sql`SELECT status, added, refused FROM lead_imports WHERE id = ${up.id}`,
  );
  if (done?.status !== 'done' || done.added !== expectAdded || done.added + done.refused !== N)
    failures.push(`import: ${JSON.stringify(done)}, expected ${expectAdded} added of ${N}`);
} finally {
  await cleanup();
}

console.log(`\nPostgreSQL ${pgVersion} · Node ${process.versions.node} · N=${N} rows\n`);
console.log(`${'run'.padEnd(32)}${'rows/s'.padStart(10)}${'ratio'.padStart(8)}`);
for (const [label, rate] of rows)
  console.log(
    `${label.padEnd(32)}${rate.toFixed(0).padStart(10)}${(rate / rows[0]![1]).toFixed(2).padStart(8)}`,
  );
if (failures.length) {
  console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
}
