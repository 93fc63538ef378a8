import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * Passwords are hashed with Argon2id (memory-hard, Node 24's built-in
 * crypto.argon2: no native addon to build). Stored as a PHC-like string so the
 * parameters can change later without breaking old hashes.
 */
const argon2Async = promisify(argon2);
const params = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 }; // OWASP's minimum for argon2id

export async function hashPassword(password: string): Promise<string> {
  const nonce = randomBytes(16);
  const tag = await argon2Async('argon2id', { message: password, nonce, ...params });
  return `$argon2id$v=19$m=${params.memory},t=${params.passes},p=${params.parallelism}$${nonce.toString('base64url')}$${Buffer.from(tag).toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[5]!, 'base64url');
  const tag = await argon2Async('argon2id', {
    message: password,
    nonce: Buffer.from(m[4]!, 'base64url'),
    memory: Number(m[1]),
    passes: Number(m[2]),
    parallelism: Number(m[3]),
    tagLength: expected.length,
  });
  return timingSafeEqual(Buffer.from(tag), expected);
}

/**
 * What a password is checked against when the email has no account (or no
 * password yet): a hash of the same cost, so the answer takes as long as for
 * a real account and its timing does not tell the two apart. No password
 * matches it (the tag is not the Argon2 output of anything anyone knows).
 */
export const noAccountHash = `$argon2id$v=19$m=${params.memory},t=${params.passes},p=${params.parallelism}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(params.tagLength).toString('base64url')}`;
