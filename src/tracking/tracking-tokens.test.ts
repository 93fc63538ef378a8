import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clickToken, openToken, readClickToken, readOpenToken, trackingLinks } from './tracking-tokens.ts';

const key = randomBytes(32);
const other = randomBytes(32);
const messageId = '0b6f3c52-8d2a-4c1e-9f4e-2a7d1c9e5b10';
const MAC_CHARS = 22;

describe('tracking tokens', () => {
  it('an open token names its message, and only with our key', () => {
    const t = openToken(key, messageId);
    expect(t).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(readOpenToken(key, t)).toBe(messageId);
    expect(readOpenToken(other, t)).toBeNull();
  });

  it('a click token carries the message and the URL it was made for', () => {
    const url = 'https://acme.example/pricing?plan=pro&x=ü#top';
    expect(readClickToken(key, clickToken(key, messageId, url))).toEqual({ messageId, url });
  });

  it('refuses a URL swapped under the signature of another (no open redirect)', () => {
    const good = clickToken(key, messageId, 'https://acme.example/deck.pdf');
    const evil = clickToken(other, messageId, 'https://evil.example/phish');
    const spliced = evil.slice(0, -MAC_CHARS) + good.slice(-MAC_CHARS);
    expect(readClickToken(key, spliced)).toBeNull();
  });

  it('refuses altered, truncated, non-canonical and foreign tokens', () => {
    const t = clickToken(key, messageId, 'https://acme.example/');
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    expect(readClickToken(key, flip(t, 3))).toBeNull();
    expect(readClickToken(key, flip(t, t.length - 1))).toBeNull();
    expect(readClickToken(key, t.slice(0, -1))).toBeNull();
    expect(readClickToken(key, `${t}=`)).toBeNull();
    expect(readClickToken(key, 'not a token')).toBeNull();
    expect(readClickToken(key, '')).toBeNull();
    // An open token is not a click token, and the other way round.
    expect(readClickToken(key, openToken(key, messageId))).toBeNull();
    expect(readOpenToken(key, t)).toBeNull();
  });

  it('never yields anything but an http(s) target', () => {
    expect(readClickToken(key, clickToken(key, messageId, 'javascript:alert(1)'))).toBeNull();
    expect(readClickToken(key, clickToken(key, messageId, 'mailto:x@example.com'))).toBeNull();
  });

  it('builds the public URLs and knows our own ones', () => {
    const links = trackingLinks('https://nurture.example', key);
    expect(links.openPixel(messageId)).toMatch(/^https:\/\/nurture\.example\/t\/o\/[A-Za-z0-9_-]+\.gif$/);
    expect(links.click(messageId, 'https://a.example/')).toMatch(/^https:\/\/nurture\.example\/t\/c\//);
    expect(links.isOwn('https://nurture.example/u/abc')).toBe(true);
    expect(links.isOwn('https://nurture.example/t/c/abc')).toBe(true);
    expect(links.isOwn('https://acme.example/u/abc')).toBe(false);
  });
});
