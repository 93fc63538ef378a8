import { describe, expect, it } from 'vitest';
import { openSecret, requireSecretKey, sealSecret } from './secret-box.ts';

const key = 'k'.repeat(32);

describe('secret box', () => {
  it('round-trips a secret, with a fresh IV each time', () => {
    const a = sealSecret(key, 'pässwörd with spaces');
    const b = sealSecret(key, 'pässwörd with spaces');
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('pässwörd');
    expect(openSecret(key, a)).toBe('pässwörd with spaces');
    expect(openSecret(key, b)).toBe('pässwörd with spaces');
  });

  it('refuses another key, a tampered value and a foreign format', () => {
    const sealed = sealSecret(key, 'secret');
    expect(() => openSecret('x'.repeat(32), sealed)).toThrow(/SECRET_KEY differs/);
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => openSecret(key, [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => openSecret(key, 'plain-text-password')).toThrow(/unknown format/);
  });

  it('says what to set when there is no key', () => {
    expect(requireSecretKey({ SECRET_KEY: key })).toBe(key);
    expect(() => requireSecretKey({})).toThrow('SECRET_KEY must be set to store mailbox passwords');
    try {
      requireSecretKey({ SECRET_KEY: undefined });
    } catch (e) {
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'password' });
    }
  });
});
