import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './config.ts';
import { configEntries } from './config-entries.ts';

describe('config', () => {
  it('gives every key its default', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      NURTURE_DATA_DIR: './data',
      SANDBOX_SMTP_PORT: 2525,
      SANDBOX_SENDS_ANYTIME: true,
    });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('lists every problem at once, by key', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'http://x',
        COOKIE_SECURE: 'perhaps',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const keys = (e as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(keys).toEqual(['PORT', 'DATABASE_URL', 'SMTP_URL', 'COOKIE_SECURE']);
    }
  });

  it('refuses a retired key left set, saying what replaced it', () => {
    try {
      loadConfig({ SEND_MAX_ATTEMPTS: '5', PORT: '8080' });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        expect.stringMatching(/^SEND_MAX_ATTEMPTS: .*SEND_GIVE_UP_AFTER_MS/),
      ]);
    }
    expect(loadConfig({ SEND_MAX_ATTEMPTS: '' }).PORT).toBe(3000);
  });

  it('marks secrets, and the README documents every key', () => {
    const secret = describeConfig()
      .filter((e) => e.secret)
      .map((e) => e.key);
    expect(secret).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'SMTP_URL', 'TRACKING_SECRET', 'SECRET_KEY']),
    );
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const key of Object.keys(configEntries)) expect(readme).toContain(`| \`${key}\` |`);
  });
});
