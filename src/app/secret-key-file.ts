import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.ts';

/**
 * The key that seals stored secrets. SECRET_KEY wins when set. Otherwise, on
 * the embedded database, a random key is generated once and kept beside the
 * data in `<NURTURE_DATA_DIR>/secret.key` (mode 0600), so `npm start` stores
 * mailbox passwords with no setup: whoever can read the data folder could read
 * the database anyway. With PostgreSQL there is no folder that travels with
 * the data, so the key stays unset and storing a password is refused.
 */
export function resolveSecretKey(config: Config, databaseKind: 'pglite' | 'postgres'): string | undefined {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  if (databaseKind !== 'pglite') return undefined;
  // A throwaway in-memory database (tests) gets a throwaway key.
  if (config.NURTURE_DATA_DIR.startsWith('memory://')) return randomBytes(32).toString('hex');
  const file = join(config.NURTURE_DATA_DIR, 'secret.key');
  const existing = readKey(file);
  if (existing) return existing;
  const key = randomBytes(32).toString('hex');
  // `wx`: never overwrite a key that appeared meanwhile; the folder lock makes
  // that unlikely, and losing the key would orphan every sealed password.
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const other = readKey(file);
    if (!other) throw new Error(`${file} exists but holds no key (32+ characters); fix it or set SECRET_KEY`);
    return other;
  }
  chmodSync(file, 0o600);
  return key;
}

function readKey(file: string): string | undefined {
  try {
    const key = readFileSync(file, 'utf8').trim();
    return key.length >= 32 ? key : undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
