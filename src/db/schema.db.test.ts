import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/test-database.ts';
import { queryRows } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';
import { schema } from './schema.ts';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => fresh?.drop());

describe('schema and migrations', () => {
  it('the Drizzle schema and the migrated database have the same tables and columns', async () => {
    const rows = await queryRows<{ table_name: string; column_name: string; is_nullable: string }>(
      fresh.database.db,
      sql`SELECT table_name, column_name, is_nullable FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    const inDb = new Set(
      rows.map((r) => `${r.table_name}.${r.column_name}:${r.is_nullable === 'NO' ? 'not null' : 'null'}`),
    );
    const inSchema = new Set(
      Object.values(schema).flatMap((t) => {
        const c = getTableConfig(t);
        return c.columns.map((col) => `${c.name}.${col.name}:${col.notNull ? 'not null' : 'null'}`);
      }),
    );
    expect([...inSchema].filter((x) => !inDb.has(x))).toEqual([]);
    expect([...inDb].filter((x) => !inSchema.has(x))).toEqual([]);
  });

  it('applies each migration once, however often it runs', async () => {
    expect(await migrate(fresh.database)).toEqual([]);
    const applied = await queryRows<{ name: string }>(
      fresh.database.db,
      sql`SELECT name FROM schema_migrations ORDER BY name`,
    );
    expect(applied.map((a) => a.name)).toEqual(listMigrations().map((m) => m.name));
  });
});
