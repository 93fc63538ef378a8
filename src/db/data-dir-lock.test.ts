import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

describe('data folder lock', () => {
  it('refuses a second holder while the first is alive, and frees the folder on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nurture-lock-'));
    // A live process other than us holds it: our parent.
    writeFileSync(join(dir, 'nurture.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
  });

  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nurture-lock-'));
    writeFileSync(join(dir, 'nurture.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'nurture.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'nurture.lock'))).toBe(false);
  });
});
