import { describe, expect, it } from 'vitest';
import { isInsideWindow } from '../sequences/send-window.ts';
import { decideRetry } from './retry-policy.ts';

const config = {
  SEND_RETRY_BASE_MS: 300_000,
  SEND_RETRY_MAX_MS: 14_400_000,
  SEND_GIVE_UP_AFTER_MS: 259_200_000,
};
const always = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 };
const office = { days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1080 };
const now = new Date('2026-12-02T10:00:00Z'); // a Wednesday

describe('decideRetry', () => {
  it('doubles from the base up to the longest wait', () => {
    const at = (tries: number) =>
      decideRetry(config, { now, since: now, tries, window: always, timeZone: 'UTC' }) as { at: Date };
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((t) => (at(t).at.getTime() - now.getTime()) / 60_000)).toEqual([
      5, 10, 20, 40, 80, 160, 240, 240,
    ]);
  });

  it('moves a retry into the lead’s send window', () => {
    const late = new Date('2026-12-04T16:50:00Z'); // Friday 17:50 UTC, 4 h wait → Friday night
    const d = decideRetry(config, {
      now: late,
      since: now,
      tries: 9,
      window: office,
      timeZone: 'Europe/Paris',
    });
    expect(d).toMatchObject({ kind: 'retry', at: new Date('2026-12-07T07:00:00Z') }); // Monday 08:00 in Paris
    expect(isInsideWindow((d as { at: Date }).at, office, 'Europe/Paris')).toBe(true);
  });

  it('gives up only once the first failure is older than the maximum age; the last try is at that age', () => {
    const since = new Date(now.getTime() - 259_200_000 + 60_000); // a minute short of three days
    const last = decideRetry(config, { now, since, tries: 20, window: always, timeZone: 'UTC' });
    expect(last).toMatchObject({ kind: 'retry', at: new Date(now.getTime() + 60_000) });
    const later = new Date(now.getTime() + 60_000);
    expect(
      decideRetry(config, { now: later, since, tries: 21, window: always, timeZone: 'UTC' }),
    ).toMatchObject({
      kind: 'give-up',
      tries: 21,
      since,
    });
    // The first failure starts the clock.
    expect(
      decideRetry(config, { now, since: null, tries: 1, window: always, timeZone: 'UTC' }),
    ).toMatchObject({
      kind: 'retry',
      since: now,
      giveUpAt: new Date(now.getTime() + 259_200_000),
    });
  });
});
