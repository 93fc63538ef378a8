import { and, eq, sql } from 'drizzle-orm';
import { requireAdmin } from '../access/authorise.ts';
import type { Actor } from '../accounts/actor.ts';
import { assistantAvatars, assistants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Ctx } from '../platform/context.ts';
import { type AssistantView, assistantView, getAssistantRow } from './assistant-queries.ts';
import { sniffImage } from './image-sniff.ts';

/** SPEC §3 Profile: a small picture, shown in the app (and emails may link it). */
export const avatarMaxBytes = 512 * 1024;
export const avatarMaxSide = 4096;

/** Where the avatar is served; the version makes a changed picture a new URL for caches. */
const avatarUrl = (assistantId: string, version: number) =>
  `/api/v1/assistants/${assistantId}/avatar?v=${version}`;

/**
 * Store an uploaded avatar (admins). What it is comes from its bytes: PNG,
 * JPEG, WebP or GIF, at most 512 KB and 4096 px a side; anything else is
 * refused (field `file`) before the database is touched.
 */
export async function setAssistantAvatar(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
  bytes: Buffer,
): Promise<AssistantView> {
  requireAdmin(actor, "change an assistant's avatar");
  const current = await getAssistantRow(ctx, actor, assistantId);
  if (bytes.length > avatarMaxBytes)
    throw new AppError(
      'TOO_LARGE',
      `file: larger than ${avatarMaxBytes / 1024} KB, the most an avatar may be`,
      {
        field: 'file',
      },
    );
  const image = sniffImage(bytes);
  if (!image)
    throw new AppError('VALIDATION', 'file: not a PNG, JPEG, WebP or GIF image (judged by its content)', {
      field: 'file',
    });
  if (image.width < 1 || image.height < 1 || image.width > avatarMaxSide || image.height > avatarMaxSide)
    throw new AppError(
      'VALIDATION',
      `file: ${image.width}×${image.height} px; an avatar is 1 to ${avatarMaxSide} px a side`,
      { field: 'file' },
    );
  const version = ctx.now().getTime();
  const row = await ctx.db.transaction(async (tx) => {
    await tx
      .insert(assistantAvatars)
      .values({ assistantId: current.id, orgId: actor.orgId, contentType: image.type, data: bytes })
      .onConflictDoUpdate({
        target: assistantAvatars.assistantId,
        set: { contentType: image.type, data: bytes, updatedAt: sql`now()` },
      });
    const [updated] = await tx
      .update(assistants)
      .set({ avatarUrl: avatarUrl(current.id, version), updatedAt: sql`now()` })
      .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
      .returning();
    return updated!;
  });
  ctx.log.info('assistant avatar set', { assistantId, type: image.type, bytes: bytes.length });
  return assistantView(row, ctx.now());
}

/** The stored avatar; 404 when there is none. Anyone who may see the assistant may see it. */
export async function getAssistantAvatar(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
): Promise<{ contentType: string; data: Buffer }> {
  const current = await getAssistantRow(ctx, actor, assistantId);
  const [row] = await ctx.db
    .select({ contentType: assistantAvatars.contentType, data: assistantAvatars.data })
    .from(assistantAvatars)
    .where(eq(assistantAvatars.assistantId, current.id));
  if (!row) throw new AppError('NOT_FOUND', `No avatar for assistant ${assistantId}`, { field: 'id' });
  return row;
}

/** Remove the avatar (admins). */
export async function deleteAssistantAvatar(
  ctx: Ctx,
  actor: Actor,
  assistantId: string,
): Promise<AssistantView> {
  requireAdmin(actor, "change an assistant's avatar");
  const current = await getAssistantRow(ctx, actor, assistantId);
  const row = await ctx.db.transaction(async (tx) => {
    await tx.delete(assistantAvatars).where(eq(assistantAvatars.assistantId, current.id));
    const [updated] = await tx
      .update(assistants)
      .set({ avatarUrl: null, updatedAt: sql`now()` })
      .where(and(eq(assistants.id, current.id), eq(assistants.orgId, actor.orgId)))
      .returning();
    return updated!;
  });
  return assistantView(row, ctx.now());
}
