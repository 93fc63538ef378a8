import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh PostgreSQL database for one benchmark run, on BENCH_DATABASE_URL's
 * server (default: this machine's). `drop` removes it, even while clients
 * are still connected; call it on every way out.
 */
export async function createThrowawayDatabase(): Promise<{
  url: string;
  pgVersion: string;
  drop(): Promise<void>;
}> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `nurture_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.end();
  return {
    url: Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString(),
    pgVersion,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
