import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/test-database.ts';
import { leads } from '../db/schema.ts';
import { createLogger } from './logger.ts';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => fresh?.drop());

/** What the logger wrote to stderr while `fn` ran (the real stream, only listened to). */
async function stderrOf(fn: () => Promise<void>): Promise<string> {
  const write = process.stderr.write;
  let out = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    await fn();
  } finally {
    process.stderr.write = write;
  }
  return out;
}

const failure = async (query: Promise<unknown>) => {
  try {
    await query;
  } catch (e) {
    return e;
  }
  throw new Error('the query was meant to fail');
};

describe('logs carry no personal data', () => {
  it('a failed query is logged with its SQL and the count and types of its parameters, never their values', async () => {
    const e = await failure(
      fresh.database.db.insert(leads).values({
        orgId: '00000000-0000-4000-8000-000000000000', // no such org: a foreign-key failure
        assistantId: '00000000-0000-4000-8000-000000000000',
        ownerId: '00000000-0000-4000-8000-000000000000',
        scheduleId: '00000000-0000-4000-8000-000000000000',
        email: 'jane.doe@acme.example',
        firstName: 'Jane',
        source: 'event',
        timeZone: 'UTC',
        state: 'new',
        replyToken: 'r',
        unsubscribeToken: 'u',
      }),
    );
    expect(String((e as Error).message)).toContain('jane.doe@acme.example'); // what would have leaked
    for (const format of ['json', 'pretty'] as const) {
      const out = await stderrOf(async () => {
        const log = createLogger('info', format);
        log.error('lead insert failed', { error: e });
        log.warn('and as a message', { error: (e as Error).message, nested: { list: [e] } });
      });
      expect(out).toContain('insert into \\"leads\\"');
      expect(out).toMatch(/params: \[\d+ redacted: string/);
      expect(out).not.toContain('jane.doe@acme.example');
      expect(out).not.toContain('Jane');
    }
  });

  it('a value PostgreSQL echoes back in its error is left out too', async () => {
    const e = await failure(fresh.database.db.execute(sql`SELECT ${'jane.doe@acme.example'}::uuid`));
    const out = await stderrOf(async () => {
      createLogger('info', 'json').error('lookup failed', { error: e });
    });
    expect(out).toContain('22P02'); // the SQLSTATE stays: it says what went wrong
    expect(out).not.toContain('jane.doe');
  });
});
