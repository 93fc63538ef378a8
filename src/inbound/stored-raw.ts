import { and, eq, sql } from 'drizzle-orm';
import { analysedBytes } from '../classify/analysis-limits.ts';
import { base64InSlices } from '../db/base64-in-slices.ts';
import { inboundMessageChunks } from '../db/schema.ts';
import type { Ctx } from '../platform/context.ts';

// 192 KB of bytes, 256 KB of base64, per statement: a whole number of base64 quanta, so the head
// and the slices after it join without padding in between. PGlite copies a statement's text
// parameter into its protocol buffer in JavaScript, on the thread that answers HTTP (~120 ms per
// MB measured under the inbound bomb test), so a slice is small enough to be one short hold. The head kept in inbound_messages.raw is
// one slice too; the worker reads the analysed part (analysedBytes) from the head and the slices
// after it, one statement each.
export const sliceBytes = 3 * 64 * 1024;
const headBytes = sliceBytes;
// Slices older than this whose message row never came are left over from a crash mid-ingest.
const orphanAfterSeconds = 60 * 60;

/**
 * Stores a message's bytes past its head as numbered slices for `messageId`,
 * one statement each (migration 0019: one 11 MB statement held PGlite's
 * thread, which answers HTTP, for half a second), and returns the head's
 * base64 for the message row, which the caller writes afterwards.
 */
export async function storeRawSlices(ctx: Ctx, messageId: string, raw: Buffer): Promise<string> {
  if (raw.length > headBytes) {
    await removeOrphanSlices(ctx);
    let seq = 0;
    for (let at = headBytes; at < raw.length; at += sliceBytes) {
      seq += 1;
      await ctx.db
        .insert(inboundMessageChunks)
        .values({ messageId, seq, data: raw.subarray(at, at + sliceBytes).toString('base64') });
    }
  }
  return base64InSlices(raw.subarray(0, headBytes));
}

/**
 * The first `analysedBytes` of a message, given its row's head (base64; a
 * row stored before migration 0019 may hold far more, of which the caller
 * reads a prefix): the head, then slices one statement at a time until
 * enough is read.
 */
export async function readAnalysedPart(ctx: Ctx, messageId: string, headBase64: string): Promise<Buffer> {
  const parts = [Buffer.from(headBase64, 'base64')];
  let have = parts[0]!.length;
  for (let seq = 1; have < analysedBytes; seq++) {
    const [slice] = await ctx.db
      .select({ data: inboundMessageChunks.data })
      .from(inboundMessageChunks)
      .where(and(eq(inboundMessageChunks.messageId, messageId), eq(inboundMessageChunks.seq, seq)));
    if (!slice) break;
    const bytes = Buffer.from(slice.data, 'base64');
    parts.push(bytes);
    have += bytes.length;
  }
  const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return all.length > analysedBytes ? all.subarray(0, analysedBytes) : all;
}

/** Removes the slices written for a message row that was not written after all (a duplicate, an error). */
export async function removeRawSlices(ctx: Ctx, messageId: string): Promise<void> {
  await ctx.db.delete(inboundMessageChunks).where(eq(inboundMessageChunks.messageId, messageId));
}

/** A message's whole bytes: its head and slices, joined (for a human looking at what arrived). */
export async function readWholeRaw(ctx: Ctx, head: Buffer, messageId: string): Promise<Buffer> {
  const slices = await ctx.db
    .select({ data: inboundMessageChunks.data })
    .from(inboundMessageChunks)
    .where(eq(inboundMessageChunks.messageId, messageId))
    .orderBy(inboundMessageChunks.seq);
  return Buffer.concat([head, ...slices.map((s) => Buffer.from(s.data, 'base64'))]);
}

async function removeOrphanSlices(ctx: Ctx): Promise<void> {
  // The database's clock, the one that stamped created_at.
  await ctx.db
    .delete(inboundMessageChunks)
    .where(
      and(
        sql`${inboundMessageChunks.createdAt} < now() - make_interval(secs => ${orphanAfterSeconds})`,
        sql`NOT EXISTS (SELECT 1 FROM inbound_messages m WHERE m.id = ${inboundMessageChunks.messageId})`,
      ),
    );
}
