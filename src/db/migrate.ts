import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The committed migrations, in order. Names are descriptive and never edited once landed. */
export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(migrationsDir + name, 'utf8') }));
}

/**
 * Apply pending migrations, forward only, in one transaction under an advisory
 * lock so that several processes starting together apply each exactly once.
 * Returns the names applied now.
 */
export async function migrate(database: Database): Promise<string[]> {
  const applied: string[] = [];
  await database.runLockedScript('nurture-migrations', async (exec, query) => {
    await exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    for (const m of listMigrations()) {
      if (done.has(m.name)) continue;
      await exec(m.sql);
      await query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
      applied.push(m.name);
    }
  });
  return applied;
}
