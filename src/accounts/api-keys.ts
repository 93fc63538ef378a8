import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { apiKeys } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';
import { newSecretToken } from './secret-tokens.ts';

/**
 * My API keys (SPEC §10.1 "Me"): named, as many as I need, each shown once
 * when made and stored only as its SHA-256 hash (secret-tokens.ts), like the
 * key `nurture init` makes. Revoking one stops it at its next request
 * (authenticate.ts refuses a revoked key); the row stays, for the record.
 */
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const columns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

const mine = (actor: Actor) => and(eq(apiKeys.userId, actor.userId), eq(apiKeys.orgId, actor.orgId));

export async function listApiKeys(db: Db, actor: Actor): Promise<ApiKeyView[]> {
  return db
    .select(columns)
    .from(apiKeys)
    .where(mine(actor))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** A new key; `key` is the only time the secret is seen. */
export async function createApiKey(
  db: Db,
  actor: Actor,
  name: string,
): Promise<ApiKeyView & { key: string }> {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('VALIDATION', 'name: required', { field: 'name' });
  const key = newSecretToken('nk');
  const [row] = await db
    .insert(apiKeys)
    .values({
      orgId: actor.orgId,
      userId: actor.userId,
      name: trimmed,
      prefix: key.displayPrefix,
      keyHash: key.hash,
    })
    .returning(columns);
  return { ...row!, key: key.token };
}

/** Revoke one of my keys (another user's id is not found, as an unknown one). Revoking twice is the same. */
export async function revokeApiKey(db: Db, actor: Actor, id: string, now: Date): Promise<ApiKeyView> {
  const [row] = await db
    .select(columns)
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), mine(actor)));
  if (!row) throw new AppError('NOT_FOUND', `No API key ${id}`);
  if (row.revokedAt) return row;
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning(columns);
  return revoked ?? row;
}
