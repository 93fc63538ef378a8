import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type InboundChannel, inboundMessages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';

export const maxInboundBytes = 40 * 1024 * 1024;

/**
 * The one door into the inbound pipeline (SPEC §6.1): every channel hands the
 * raw RFC 5322 bytes here. They are stored first — before any parsing that
 * could fail — so no message is ever lost; the worker processes them later.
 * The same message arriving twice (by Message-ID, else by content) is stored once.
 */
export async function ingestRaw(
  ctx: Ctx,
  channel: InboundChannel,
  raw: Buffer,
): Promise<{ id: string; duplicate: boolean }> {
  if (!raw.length) throw new AppError('VALIDATION', 'body: the message is empty', { field: 'body' });
  if (raw.length > maxInboundBytes)
    throw new AppError('VALIDATION', `body: the message is larger than ${maxInboundBytes / 1024 / 1024} MB`, {
      field: 'body',
    });
  const messageId = headerValue(raw, 'message-id');
  const dedupeKey = messageId
    ? `mid:${messageId.toLowerCase()}`
    : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const [row] = await ctx.db
    .insert(inboundMessages)
    .values({ channel, dedupeKey, messageId, raw, status: 'received' })
    .onConflictDoNothing()
    .returning({ id: inboundMessages.id });
  if (row) {
    ctx.wake.inbound();
    return { id: row.id, duplicate: false };
  }
  const [existing] = await ctx.db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(eq(inboundMessages.dedupeKey, dedupeKey));
  ctx.log.info('inbound duplicate ignored', { channel, messageId });
  return { id: existing!.id, duplicate: true };
}

/** A header from the raw header block, unfolded, without parsing the whole message. */
export function headerValue(raw: Buffer, name: string): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const re = new RegExp(`^${name.replace(/-/g, '\\-')}:[ \\t]*(.*)$`, 'im');
  const m = re.exec(block);
  const v = m?.[1]?.trim();
  return v ? v : null;
}
