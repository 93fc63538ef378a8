import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';

// PGlite answers in the thread that answers HTTP: a chain of statements must
// let other work (a /health request, the SMTP listener) run between them.
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
});
afterAll(async () => database?.close());

it('runs other work of the event loop between two statements of a chain', async () => {
  const ran: number[] = [];
  let statements = 0;
  const timer = setImmediate(() => ran.push(statements));
  for (let i = 0; i < 20; i++) {
    await database.db.execute(sql`SELECT ${i}::int AS n`);
    statements += 1;
  }
  clearImmediate(timer);
  // The other work ran before the chain ended, not after it.
  expect(ran).toHaveLength(1);
  expect(ran[0]).toBeLessThan(20);
});

it('does the same inside a transaction', async () => {
  const ran: number[] = [];
  let statements = 0;
  await database.db.transaction(async (tx) => {
    const timer = setImmediate(() => ran.push(statements));
    for (let i = 0; i < 20; i++) {
      await tx.execute(sql`SELECT ${i}::int AS n`);
      statements += 1;
    }
    clearImmediate(timer);
  });
  expect(ran).toHaveLength(1);
  expect(ran[0]).toBeLessThan(20);
});
