import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { resolveSecretKey } from './secret-key-file.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'nurture-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the secret key', () => {
  it('on the embedded database: generated once into the data folder (0600), then reused', () => {
    const dir = tempDir();
    const config = loadConfig({ NURTURE_DATA_DIR: dir });
    const key = resolveSecretKey(config, 'pglite');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir, 'secret.key');
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey(config, 'pglite')).toBe(key);
  });

  it('SECRET_KEY wins; PostgreSQL without it has none; a broken key file is an error, not a new key', () => {
    const dir = tempDir();
    const set = 's'.repeat(40);
    expect(resolveSecretKey(loadConfig({ NURTURE_DATA_DIR: dir, SECRET_KEY: set }), 'pglite')).toBe(set);
    expect(resolveSecretKey(loadConfig({ NURTURE_DATA_DIR: dir }), 'postgres')).toBeUndefined();
    writeFileSync(join(dir, 'secret.key'), 'short\n');
    expect(() => resolveSecretKey(loadConfig({ NURTURE_DATA_DIR: dir }), 'pglite')).toThrow(/holds no key/);
  });

  it('rejects a SECRET_KEY shorter than 32 characters at boot', () => {
    expect(() => loadConfig({ SECRET_KEY: 'too-short' })).toThrow(/SECRET_KEY: at least 32 characters/);
  });
});
