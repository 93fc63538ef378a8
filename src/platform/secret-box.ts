import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';

/**
 * Short secrets at rest (mailbox passwords): AES-256-GCM under a key derived
 * from SECRET_KEY. A sealed value reads `v1.<iv>.<tag>.<ciphertext>` (base64url):
 * the version lets a later key or algorithm coexist with rows written now, and
 * GCM's tag makes a wrong key or a tampered value fail loudly rather than
 * yield garbage.
 */
const version = 'v1';

/** SECRET_KEY is text of any shape (32+ chars): HKDF turns it into exactly 32 key bytes. */
function keyBytes(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'nurture', 'secret-box v1', 32));
}

export function sealSecret(secretKey: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(secretKey), iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [version, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plaintext, or an error saying why not (another key, or not a sealed value). */
export function openSecret(secretKey: string, sealed: string): string {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== version || iv === undefined || tag === undefined || data === undefined)
    throw new Error('not a sealed secret (unknown format)');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyBytes(secretKey), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (e) {
    throw new Error('cannot decrypt a stored secret: SECRET_KEY differs from the one that sealed it', {
      cause: e,
    });
  }
}

/**
 * The key to seal with. start.ts fills SECRET_KEY in for the embedded database
 * (a generated key file), so only a PostgreSQL deployment without SECRET_KEY
 * lands here: refusing beats storing a password in clear.
 */
export function requireSecretKey(config: { SECRET_KEY?: string | undefined }, field = 'password'): string {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  throw new AppError('VALIDATION', 'SECRET_KEY must be set to store mailbox passwords', {
    field,
    details: { hint: 'Set SECRET_KEY (32+ random characters) in the environment of every process.' },
  });
}
