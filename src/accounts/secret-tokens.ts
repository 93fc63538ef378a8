import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys and session tokens are random, shown once, and stored only as a
 * SHA-256 hash (they are high-entropy, so a fast hash is enough).
 */
export function newSecretToken(prefix: string): { token: string; hash: string; displayPrefix: string } {
  const token = `${prefix}_${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token), displayPrefix: token.slice(0, prefix.length + 7) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** URL-safe random id for reply and unsubscribe tokens. */
export const randomToken = (bytes = 16): string => randomBytes(bytes).toString('base64url');
