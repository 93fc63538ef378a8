import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { alertReason, breakerWindowMs, judge, rateOf, thresholdsFor, windowStart } from './breaker-policy.ts';

const config = loadConfig({});
const bounce = thresholdsFor(config, 'hard_bounce');
const complaint = thresholdsFor(config, 'complaint');

describe('breaker policy', () => {
  it('has the SPEC defaults: bounces warn at 2 % and pause at 4 %, complaints at 0.1 % and 0.3 %', () => {
    expect(bounce).toEqual({ warn: 0.02, pause: 0.04, minSends: 50 });
    expect(complaint).toEqual({ warn: 0.001, pause: 0.003, minSends: 50 });
  });

  it('judges by rate once there are enough sends', () => {
    expect(judge('armed', { sends: 100, events: 1 }, bounce)).toMatchObject({
      state: 'armed',
      verdict: 'clear',
    });
    expect(judge('armed', { sends: 100, events: 2 }, bounce)).toMatchObject({ state: 'warn', rate: 0.02 });
    expect(judge('warn', { sends: 100, events: 4 }, bounce)).toMatchObject({
      state: 'tripped',
      verdict: 'pause',
    });
    expect(judge('armed', { sends: 1000, events: 3 }, complaint)).toMatchObject({ state: 'tripped' });
  });

  it('gives no verdict on a small sample, either way', () => {
    expect(judge('armed', { sends: 49, events: 49 }, bounce)).toMatchObject({
      state: 'armed',
      verdict: 'none',
    });
    expect(judge('warn', { sends: 10, events: 0 }, bounce)).toMatchObject({ state: 'warn', verdict: 'none' });
  });

  it('clears a warning when the rate falls, but never un-trips by itself', () => {
    expect(judge('warn', { sends: 500, events: 1 }, bounce)).toMatchObject({ state: 'armed' });
    expect(judge('tripped', { sends: 5000, events: 0 }, bounce)).toMatchObject({ state: 'tripped' });
  });

  it('counts the last 7 days, or from the last resume when that is later', () => {
    const now = new Date('2026-12-10T12:00:00Z');
    expect(windowStart(now, null).getTime()).toBe(now.getTime() - breakerWindowMs);
    const resumed = new Date('2026-12-09T08:00:00Z');
    expect(windowStart(now, resumed)).toEqual(resumed);
    expect(windowStart(now, new Date('2026-11-01T00:00:00Z')).getTime()).toBe(
      now.getTime() - breakerWindowMs,
    );
  });

  it('reads the rate as a ratio and says it in words a user understands', () => {
    expect(rateOf({ sends: 0, events: 3 })).toBe(0);
    expect(rateOf({ sends: 50, events: 2 })).toBe(0.04);
    expect(
      alertReason('hard_bounce', 'mailbox', 'alex@acme.test', { sends: 50, events: 2 }, bounce, 'pause'),
    ).toBe(
      'Hard-bounce breaker of mailbox alex@acme.test: 2 of 50 emails in the last 7 days bounced hard (4.0 %), at or over 4.0 %: tripped. Unverified addresses get no email until an admin resumes it',
    );
  });

  it('refuses rates outside 0..1 and a DKIM selector without its key', () => {
    expect(() => loadConfig({ BOUNCE_BREAKER_PAUSE_RATE: '4' })).toThrow(/BOUNCE_BREAKER_PAUSE_RATE/);
    expect(() => loadConfig({ DKIM_SELECTOR: 'nurture1' })).toThrow(/set both or neither/);
    expect(() => loadConfig({ DKIM_SELECTOR: 'n1', DKIM_PRIVATE_KEY: 'not a key' })).toThrow(
      /DKIM_PRIVATE_KEY: an RSA private key/,
    );
  });
});
