import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedCtx } from '../../test/helpers/deliverability.ts';
import { freshDatabase } from '../../test/helpers/test-database.ts';
import { createOrgWithAdmin } from '../accounts/org-setup.ts';
import { analysedBytes } from '../classify/analysis-limits.ts';
import { loadConfig } from '../config/config.ts';
import { inboundMessageChunks, inboundMessages } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';
import { ingestRaw } from './ingest.ts';
import { readAnalysedPart, readWholeRaw, sliceBytes, storeRawSlices } from './stored-raw.ts';

// A large message is stored as its analysed head plus slices (migration 0019): every byte comes back.
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let ctx: Ctx;
let orgId: string;
const clock = { now: new Date('2026-12-01T10:00:00Z') };

beforeAll(async () => {
  fresh = await freshDatabase();
  ctx = clockedCtx(fresh.database.db, loadConfig({ LOG_LEVEL: 'error' }), clock);
  orgId = (
    await createOrgWithAdmin(ctx.db, { orgName: 'Acme', email: 'a@acme.test', password: 'password123' })
  ).orgId;
});
afterAll(async () => fresh?.drop());

const message = (id: string, bodyBytes: number) =>
  Buffer.concat([
    Buffer.from(`Message-ID: <${id}@x.test>\r\nFrom: x@x.test\r\nSubject: big\r\n\r\n`),
    randomBytes(bodyBytes),
  ]);

async function stored(id: string) {
  const [row] = await ctx.db
    .select({ head: inboundMessages.raw, size: inboundMessages.sizeBytes })
    .from(inboundMessages)
    .where(eq(inboundMessages.id, id));
  return { head: row!.head, size: row!.size, whole: await readWholeRaw(ctx, row!.head, id) };
}

describe('storing inbound bytes', () => {
  it('keeps a small message whole in its row', async () => {
    const raw = message('small', 10_000);
    const { id } = await ingestRaw(ctx, 'http', raw, { orgId });
    const s = await stored(id);
    expect(s.head.equals(raw)).toBe(true);
    expect(s.whole.equals(raw)).toBe(true);
    const slices = await ctx.db
      .select()
      .from(inboundMessageChunks)
      .where(eq(inboundMessageChunks.messageId, id));
    expect(slices).toHaveLength(0);
  });

  it('keeps the analysed head in the row and the rest in slices that join back to every byte', async () => {
    const raw = message('large', 5 * 1024 * 1024 + 7);
    const { id } = await ingestRaw(ctx, 'http', raw, { orgId });
    const s = await stored(id);
    // The head is one slice; the analysed part is read from it and the slices after it.
    expect(s.head.length).toBe(sliceBytes);
    const analysed = await readAnalysedPart(ctx, id, s.head.toString('base64'));
    expect(analysed.equals(raw.subarray(0, analysedBytes))).toBe(true);
    expect(s.whole.length).toBe(raw.length);
    expect(s.whole.equals(raw)).toBe(true);
    expect(s.size).toBe(raw.length);
    const slices = await ctx.db
      .select()
      .from(inboundMessageChunks)
      .where(eq(inboundMessageChunks.messageId, id));
    expect(slices.length).toBeGreaterThan(3);
    // No statement carries more than one slice's base64.
    expect(Math.max(...slices.map((x) => x.data.length))).toBeLessThanOrEqual((sliceBytes / 3) * 4);
  });

  it('stores a duplicate once and leaves none of its slices behind', async () => {
    const raw = message('twice', 3 * 1024 * 1024);
    const first = await ingestRaw(ctx, 'http', raw, { orgId });
    const count = async () =>
      Number((await ctx.db.select({ n: sql<number>`count(*)` }).from(inboundMessageChunks))[0]!.n);
    const before = await count();
    const again = await ingestRaw(ctx, 'smtp', raw, { orgId });
    expect(again).toEqual({ id: first.id, duplicate: true });
    expect(await count()).toBe(before);
  });

  it('removes slices whose message row never came, once they are an hour old', async () => {
    const orphan = crypto.randomUUID();
    await storeRawSlices(ctx, orphan, message('orphan', 3 * 1024 * 1024));
    const left = () =>
      ctx.db.select().from(inboundMessageChunks).where(eq(inboundMessageChunks.messageId, orphan));
    expect((await left()).length).toBeGreaterThan(0);
    // Another large message an hour later finds them.
    await ctx.db.execute(
      sql`UPDATE inbound_message_chunks SET created_at = created_at - interval '2 hours' WHERE message_id = ${orphan}`,
    );
    await ingestRaw(ctx, 'http', message('later', 3 * 1024 * 1024), { orgId });
    expect(await left()).toHaveLength(0);
  });
});
