import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/test-database.ts';
import { anyText, anyUuid, jsonRows } from './bulk-params.ts';
import { queryRows } from './database.ts';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => fresh?.drop());

describe('bulk parameters', () => {
  it('anyText matches values with quotes, commas, braces and backslashes exactly', async () => {
    const awkward = [
      `o'brien@x.test`,
      'a,b@x.test',
      '{x}@x.test',
      'back\\slash@x.test',
      '"q"@x.test',
      'null',
    ];
    const rows = await queryRows<{ v: string }>(
      fresh.database.db,
      sql`SELECT v FROM unnest(${`{${awkward.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')},other}`}::text[]) AS t(v)
          WHERE ${anyText(sql`v`, awkward)} ORDER BY v`,
    );
    expect(rows.map((r) => r.v).sort()).toEqual([...awkward].sort());
    const none = await queryRows(fresh.database.db, sql`SELECT 1 WHERE ${anyText(sql`'x'`, [])}`);
    expect(none).toHaveLength(0);
  });

  it('anyUuid takes only uuids, so nothing else can reach the array literal', async () => {
    const id = '0b6f7a3e-8a52-4f2b-9d4e-3f1b2c3d4e5f';
    const rows = await queryRows<{ ok: boolean }>(
      fresh.database.db,
      sql`SELECT ${anyUuid(sql`${id}::uuid`, [id, '11111111-2222-3333-4444-555555555555'])} AS ok`,
    );
    expect(rows[0]!.ok).toBe(true);
    expect(() => anyUuid(sql`x`, [`${id}},{x`])).toThrow(/not a uuid/);
  });

  it('jsonRows keeps order and text, and drops U+0000 (which jsonb cannot hold)', async () => {
    const rows = [
      { n: 1, s: 'plain' },
      { n: 2, s: `nul${String.fromCharCode(0)}here` },
      { n: 3, s: 'Zoë 山田 "q"' },
    ];
    const out = await queryRows<{ n: number; s: string }>(
      fresh.database.db,
      sql`SELECT n, s FROM jsonb_to_recordset(${jsonRows(rows)}) AS v(n int, s text)`,
    );
    expect(out.map((r) => [Number(r.n), r.s])).toEqual([
      [1, 'plain'],
      [2, 'nulhere'],
      [3, 'Zoë 山田 "q"'],
    ]);
  });
});
