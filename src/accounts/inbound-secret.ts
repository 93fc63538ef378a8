import { timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { orgs } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

/**
 * Each org's secret for `POST /api/v1/inbound/raw` (header
 * `X-Nurture-Inbound-Secret`): the only credential that endpoint takes, and
 * the message it brings belongs to that org alone. Random and high-entropy
 * like an API key, so only its SHA-256 is stored; it is shown once, when made
 * (org setup) or rotated (an admin), and rotating ends the old one at once.
 */
export async function setNewInboundSecret(db: Db, orgId: string): Promise<string> {
  const secret = newSecretToken('nis');
  await db
    .update(orgs)
    .set({ inboundSecretHash: secret.hash, inboundSecretSetAt: sql`now()` })
    .where(eq(orgs.id, orgId));
  return secret.token;
}

export async function inboundSecretStatus(
  db: Db,
  orgId: string,
): Promise<{ set: boolean; setAt: Date | null }> {
  const [row] = await db
    .select({ hash: orgs.inboundSecretHash, setAt: orgs.inboundSecretSetAt })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  return { set: Boolean(row?.hash), setAt: row?.setAt ?? null };
}

/** The org a presented secret belongs to; UNAUTHENTICATED when none is given or it is no org's. */
export async function orgOfInboundSecret(db: Db, secret: string | undefined): Promise<string> {
  if (!secret)
    throw new AppError(
      'UNAUTHENTICATED',
      'Send the org’s inbound secret in the X-Nurture-Inbound-Secret header',
    );
  const hash = hashToken(secret);
  const [row] = await db
    .select({ id: orgs.id, hash: orgs.inboundSecretHash })
    .from(orgs)
    .where(eq(orgs.inboundSecretHash, hash));
  // The lookup is by hash (an index); the comparison only confirms what the index found.
  if (!row?.hash || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash)))
    throw new AppError('UNAUTHENTICATED', 'Wrong inbound secret');
  return row.id;
}
