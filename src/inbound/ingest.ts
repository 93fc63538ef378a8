import { eq, sql } from 'drizzle-orm';
import { pgText } from '../db/pg-text.ts';
import { assistants, type InboundChannel, inboundMessages } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { addressIn, scanHeaders } from './raw-header-scan.ts';
import type { SenderAuth } from './sender-auth.ts';
import { removeRawSlices, storeRawSlices } from './stored-raw.ts';

/**
 * The one door into the inbound pipeline (SPEC §6.1): every channel hands the
 * raw RFC 5322 bytes here. They are stored first — before any parsing that
 * could fail — so no message is ever lost; the worker processes them later.
 *
 * A message always belongs to the org it arrived for (issue 9): `assistantId`
 * names the assistant whose channel it came through (its IMAP mailbox, its
 * address on the SMTP listener), `orgId` the org (its inbound secret, the
 * sandbox user's); it is matched only among that org's leads. The same
 * message arriving twice for one org (by Message-ID, else by content) is
 * stored once; arriving for another org it is that org's own message, so no
 * org can pre-empt another's mail by sending its Message-ID first.
 * `senderAuth` is what the SMTP listener found of the sender (DMARC).
 *
 * Everything here is linear in the message and light on the thread that
 * answers HTTP: one bounded scan of the header block, the content hash off
 * the thread (WebCrypto), no parsing.
 */
export async function ingestRaw(
  ctx: Ctx,
  channel: InboundChannel,
  raw: Buffer,
  opts: { assistantId?: string | null; orgId?: string | null; senderAuth?: SenderAuth | null },
): Promise<{ id: string; duplicate: boolean }> {
  if (!raw.length) throw new AppError('VALIDATION', 'body: the message is empty', { field: 'body' });
  const max = ctx.config.INBOUND_MAX_BYTES;
  if (raw.length > max)
    throw new AppError('VALIDATION', `body: the message is larger than ${max} bytes (INBOUND_MAX_BYTES)`, {
      field: 'body',
    });
  const assistantId = opts.assistantId ?? null;
  let orgId = opts.orgId ?? null;
  if (assistantId) {
    const [a] = await ctx.db
      .select({ orgId: assistants.orgId })
      .from(assistants)
      .where(eq(assistants.id, assistantId));
    if (!a || (orgId && a.orgId !== orgId))
      throw new Error(`inbound: assistant ${assistantId} is not of this org`);
    orgId = a.orgId;
  }
  // Every channel knows its org: a message for nobody in particular is a bug, never matched across orgs.
  if (!orgId) throw new Error('inbound: a message must arrive for an org (its assistant, secret or user)');
  const headers = scanHeaders(raw, ['message-id', 'from', 'subject']);
  const messageId = pgText(headers['message-id']);
  const dedupeKey = `${orgId}:${
    messageId
      ? `mid:${messageId.toLowerCase()}`
      : `sha256:${Buffer.from(await crypto.subtle.digest('SHA-256', new Uint8Array(raw.buffer as ArrayBuffer, raw.byteOffset, raw.length))).toString('hex')}`
  }`;
  // Seen already for this org: nothing to store (the insert below still settles a race).
  const [seen] = await ctx.db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(eq(inboundMessages.dedupeKey, dedupeKey));
  if (seen) return duplicateOf(ctx, seen.id, channel, messageId);
  const id = crypto.randomUUID();
  // The bulk past the analysed head first, in slices: the row, once written, is whole.
  let head: string;
  try {
    head = await storeRawSlices(ctx, id, raw);
  } catch (e) {
    await removeRawSlices(ctx, id).catch(() => {});
    throw e;
  }
  const [row] = await ctx.db
    .insert(inboundMessages)
    .values({
      id,
      channel,
      dedupeKey,
      messageId,
      // Base64 made by storeRawSlices, in slices (the column's encoder would do it in one go on this thread).
      raw: sql`${head}`,
      status: 'received',
      assistantId,
      orgId,
      sizeBytes: raw.length,
      senderAuth: opts.senderAuth ?? null,
      // As written, until the worker parses it: what a human sees of a message that never parses.
      fromAddress: pgText(addressIn(headers.from)),
      subject: pgText(headers.subject?.slice(0, 300) ?? null),
    })
    .onConflictDoNothing()
    .returning({ id: inboundMessages.id });
  if (row) {
    ctx.wake.inbound();
    return { id: row.id, duplicate: false };
  }
  // The same message stored by someone else meanwhile: its slices are theirs, these go.
  await removeRawSlices(ctx, id);
  const [existing] = await ctx.db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(eq(inboundMessages.dedupeKey, dedupeKey));
  return duplicateOf(ctx, existing!.id, channel, messageId);
}

function duplicateOf(
  ctx: Ctx,
  id: string,
  channel: InboundChannel,
  messageId: string | null,
): { id: string; duplicate: boolean } {
  ctx.log.info('inbound duplicate ignored', { channel, messageId });
  return { id, duplicate: true };
}
