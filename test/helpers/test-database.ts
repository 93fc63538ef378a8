import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

/** Which database this test project runs on (see vitest.config.ts). */
export const testDbKind = (process.env.NURTURE_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, migrated, empty database for one test file: an in-memory PGlite, or
 * a new PostgreSQL database (dropped by `drop`).
 */
export async function freshDatabaseUrl(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  if (testDbKind === 'pglite') return { url: undefined, drop: async () => {} };
  const name = `nurture_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect().catch((e: Error) => {
    throw new Error(`PostgreSQL tests need a server at ${adminUrl} (set TEST_DATABASE_URL): ${e.message}`);
  });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function freshDatabase(): Promise<{
  database: Database;
  url: string | undefined;
  drop(): Promise<void>;
}> {
  const fresh = await freshDatabaseUrl();
  const database = await openDatabase(fresh.url ? { databaseUrl: fresh.url } : { dataDir: 'memory://' });
  await migrate(database);
  return {
    database,
    url: fresh.url,
    async drop() {
      await database.close();
      await fresh.drop();
    },
  };
}
