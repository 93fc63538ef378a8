import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { withTurnsBetweenStatements } from './pglite-turns.ts';
import { schema } from './schema.ts';

/** A Drizzle handle, or a transaction on one: domain functions accept either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Run a multi-statement script in one transaction holding `lockKey` (migrations). */
  runLockedScript(
    lockKey: string,
    body: (exec: (script: string) => Promise<void>, query: QueryFn) => Promise<void>,
  ): Promise<void>;
  close(): Promise<void>;
};

type QueryFn = <T>(text: string, params?: unknown[]) => Promise<T[]>;

export type OpenOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number };

/** PostgreSQL when a URL is given; otherwise PGlite in `dataDir` (`memory://` for throwaway). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? './data');
}

const connectTimeoutMs = 5_000;

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // While the database is unreachable a request waits this long for a connection, then fails
    // (503 with Retry-After, http/error-response.ts) instead of hanging; the pool reconnects by itself.
    connectionTimeoutMillis: connectTimeoutMs,
    // A connection cut without a FIN (a dead network) is noticed and dropped instead of kept for ever.
    keepAlive: true,
  });
  // An idle client's error (server restart, outage) must not crash the process; the pool drops that client.
  pool.on('error', () => {});
  // Nor may a checked-out client's: a connection that dies between two queries of a transaction (an
  // outage while a worker round holds it) emits 'error' on the client, which the pool only listens
  // for while the client is idle. Unheard, that event killed the worker. The transaction's next query
  // fails instead (the caller handles that), and the pool drops the broken client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async runLockedScript(lockKey, body) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
        await body(
          async (script) => {
            await client.query(script);
          },
          async (text, params) => (await client.query(text, params as unknown[])).rows,
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : dataDir);
  } catch (e) {
    unlock();
    throw e;
  }
  const db = drizzlePglite(withTurnsBetweenStatements(client), { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async runLockedScript(lockKey, body) {
      await client.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
        await body(
          async (script) => {
            await tx.exec(script);
          },
          async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        );
      });
    },
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Rows of a raw SQL query on either driver (both results carry `.rows`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
