import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { headerValue } from '../classify/raw-headers.ts';
import { pgText } from '../db/pg-text.ts';
import { type InboundChannel, inboundMessages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';

export const maxInboundBytes = 40 * 1024 * 1024;

/**
 * The one door into the inbound pipeline (SPEC §6.1): every channel hands the
 * raw RFC 5322 bytes here. They are stored first — before any parsing that
 * could fail — so no message is ever lost; the worker processes them later.
 * The same message arriving twice (by Message-ID, else by content) is stored once.
 * `assistantId` names the assistant whose channel it came through (its IMAP
 * mailbox, its address on the SMTP listener), when the channel knows.
 */
export async function ingestRaw(
  ctx: Ctx,
  channel: InboundChannel,
  raw: Buffer,
  opts: { assistantId?: string } = {},
): Promise<{ id: string; duplicate: boolean }> {
  if (!raw.length) throw new AppError('VALIDATION', 'body: the message is empty', { field: 'body' });
  if (raw.length > maxInboundBytes)
    throw new AppError('VALIDATION', `body: the message is larger than ${maxInboundBytes / 1024 / 1024} MB`, {
      field: 'body',
    });
  const messageId = pgText(headerValue(raw, 'message-id'));
  const dedupeKey = messageId
    ? `mid:${messageId.toLowerCase()}`
    : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const [row] = await ctx.db
    .insert(inboundMessages)
    .values({ channel, dedupeKey, messageId, raw, status: 'received', assistantId: opts.assistantId ?? null })
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
