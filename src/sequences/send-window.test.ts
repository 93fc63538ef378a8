import { describe, expect, it } from 'vitest';
import type { SendWindow } from './send-window.ts';
import {
  addLocalDays,
  isInsideWindow,
  isValidTimeZone,
  nextWindowOpening,
  zonedParts,
  zonedTimeToUtc,
} from './send-window.ts';

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);
const weekdays: SendWindow = { days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1080 };
const everyDay = (startMinute: number, endMinute: number): SendWindow => ({
  days: [0, 1, 2, 3, 4, 5, 6],
  startMinute,
  endMinute,
});

describe('zonedParts', () => {
  it('gives the local calendar date, time and weekday', () => {
    expect(zonedParts(at('2026-03-06T17:30:00Z'), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 3,
      day: 6,
      hour: 18,
      minute: 30,
      weekday: 5,
    });
  });

  it('reports midnight as hour 0 and crosses the date line', () => {
    expect(zonedParts(at('2026-01-01T15:00:00Z'), 'Asia/Tokyo')).toMatchObject({
      day: 2,
      hour: 0,
      weekday: 5,
    });
    expect(zonedParts(at('2026-01-01T03:00:00Z'), 'America/New_York')).toMatchObject({
      year: 2025,
      month: 12,
      day: 31,
      hour: 22,
      weekday: 3,
    });
  });

  it('handles half-hour offsets', () => {
    expect(zonedParts(at('2026-01-05T02:30:00Z'), 'Asia/Kolkata')).toMatchObject({ hour: 8, minute: 0 });
  });
});

describe('zonedTimeToUtc', () => {
  it('converts ordinary wall times on both sides of DST', () => {
    expect(iso(zonedTimeToUtc(2026, 1, 15, 9, 0, 'America/New_York'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 7, 15, 9, 0, 'America/New_York'))).toBe('2026-07-15T13:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 1, 5, 8, 0, 'Asia/Kolkata'))).toBe('2026-01-05T02:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 6, 1, 12, 0, 'UTC'))).toBe('2026-06-01T12:00:00.000Z');
  });

  it('shifts a nonexistent time forward by the gap (US spring-forward 2026-03-08)', () => {
    const t = zonedTimeToUtc(2026, 3, 8, 2, 30, 'America/New_York');
    expect(iso(t)).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedParts(t, 'America/New_York')).toMatchObject({ hour: 3, minute: 30 });
    expect(iso(zonedTimeToUtc(2026, 3, 8, 3, 0, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('takes the earlier instant for an ambiguous time (US fall-back 2026-11-01)', () => {
    expect(iso(zonedTimeToUtc(2026, 11, 1, 1, 30, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 11, 1, 2, 0, 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles the European changes (2026-03-29, 2026-10-25)', () => {
    expect(iso(zonedTimeToUtc(2026, 3, 29, 2, 30, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 3, 29, 3, 0, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 10, 25, 2, 30, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 10, 25, 3, 0, 'Europe/Berlin'))).toBe('2026-10-25T02:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 10, 25, 1, 30, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('handles the 30-minute DST of Australia/Lord_Howe', () => {
    // 2026-10-04 02:00 +10:30 jumps to 02:30 +11:00.
    expect(iso(zonedTimeToUtc(2026, 10, 4, 2, 15, 'Australia/Lord_Howe'))).toBe('2026-10-03T15:45:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 10, 4, 2, 30, 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30:00.000Z');
    // 2026-04-05 02:00 +11:00 falls back to 01:30 +10:30; 01:45 happens twice.
    expect(iso(zonedTimeToUtc(2026, 4, 5, 1, 45, 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 4, 5, 9, 0, 'Australia/Lord_Howe'))).toBe('2026-04-04T22:30:00.000Z');
  });

  it('rolls over out-of-range fields like Date.UTC', () => {
    expect(iso(zonedTimeToUtc(2026, 12, 32, 9, 0, 'Europe/Berlin'))).toBe('2027-01-01T08:00:00.000Z');
  });

  it('rejects an unknown zone', () => {
    expect(() => zonedTimeToUtc(2026, 1, 1, 9, 0, 'Mars/Olympus_Mons')).toThrow(/Invalid time zone/);
  });
});

describe('isInsideWindow', () => {
  it('is open on allowed days between start (inclusive) and end (exclusive)', () => {
    expect(isInsideWindow(at('2026-03-06T07:00:00Z'), weekdays, 'Europe/Berlin')).toBe(true); // Fri 08:00
    expect(isInsideWindow(at('2026-03-06T06:59:59Z'), weekdays, 'Europe/Berlin')).toBe(false); // 07:59:59
    expect(isInsideWindow(at('2026-03-06T16:59:59Z'), weekdays, 'Europe/Berlin')).toBe(true); // 17:59:59
    expect(isInsideWindow(at('2026-03-06T17:00:00Z'), weekdays, 'Europe/Berlin')).toBe(false); // 18:00
    expect(isInsideWindow(at('2026-03-07T10:00:00Z'), weekdays, 'Europe/Berlin')).toBe(false); // Saturday
  });

  it('judges by the local day, not the UTC day', () => {
    // Sunday 23:00 UTC is Monday 08:00 in Tokyo.
    expect(isInsideWindow(at('2026-03-08T23:00:00Z'), weekdays, 'Asia/Tokyo')).toBe(true);
    expect(isInsideWindow(at('2026-03-08T23:00:00Z'), weekdays, 'UTC')).toBe(false);
  });

  it('is closed on off dates (local date)', () => {
    const holidays = new Set(['2026-03-09']);
    expect(isInsideWindow(at('2026-03-08T23:00:00Z'), weekdays, 'Asia/Tokyo', holidays)).toBe(false);
    expect(isInsideWindow(at('2026-03-09T08:00:00Z'), weekdays, 'Europe/Berlin', holidays)).toBe(false);
    expect(isInsideWindow(at('2026-03-10T08:00:00Z'), weekdays, 'Europe/Berlin', holidays)).toBe(true);
  });

  it('allows a window running to midnight', () => {
    expect(isInsideWindow(at('2026-03-06T22:59:00Z'), everyDay(1200, 1440), 'Europe/Berlin')).toBe(true);
    expect(isInsideWindow(at('2026-03-06T23:00:00Z'), everyDay(1200, 1440), 'Europe/Berlin')).toBe(false);
  });
});

describe('nextWindowOpening', () => {
  it('returns the instant itself when the window is open', () => {
    const now = at('2026-03-04T10:12:34.567Z');
    expect(iso(nextWindowOpening(now, weekdays, 'Europe/Berlin'))).toBe(iso(now));
  });

  it('moves a Friday 18:30 in Berlin to Monday 08:00 Berlin', () => {
    const next = nextWindowOpening(at('2026-03-06T17:30:00Z'), weekdays, 'Europe/Berlin');
    expect(iso(next)).toBe('2026-03-09T07:00:00.000Z');
    expect(zonedParts(next, 'Europe/Berlin')).toMatchObject({ weekday: 1, hour: 8, minute: 0 });
  });

  it('crosses the European spring-forward weekend to 08:00 CEST', () => {
    expect(iso(nextWindowOpening(at('2026-03-27T17:30:00Z'), weekdays, 'Europe/Berlin'))).toBe(
      '2026-03-30T06:00:00.000Z',
    );
  });

  it('crosses the European fall-back weekend to 08:00 CET', () => {
    expect(iso(nextWindowOpening(at('2026-10-23T16:30:00Z'), weekdays, 'Europe/Berlin'))).toBe(
      '2026-10-26T07:00:00.000Z',
    );
  });

  it('opens later the same day when before the start', () => {
    expect(iso(nextWindowOpening(at('2026-03-04T05:00:00Z'), weekdays, 'Europe/Berlin'))).toBe(
      '2026-03-04T07:00:00.000Z',
    );
  });

  it('skips off dates, including across a year end', () => {
    const easter = new Set(['2026-04-03', '2026-04-06']);
    expect(iso(nextWindowOpening(at('2026-04-02T16:30:00Z'), weekdays, 'Europe/Berlin', easter))).toBe(
      '2026-04-07T06:00:00.000Z',
    );
    const newYear = new Set(['2027-01-01']);
    expect(iso(nextWindowOpening(at('2026-12-31T18:00:00Z'), weekdays, 'Europe/Berlin', newYear))).toBe(
      '2027-01-04T07:00:00.000Z',
    );
  });

  it('handles the US spring-forward day (2026-03-08)', () => {
    const ny = 'America/New_York';
    expect(iso(nextWindowOpening(at('2026-03-08T05:00:00Z'), everyDay(480, 1080), ny))).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    // A 02:30–03:30 window has no 02:30 that day; it is open from 03:00 EDT, the end of the gap.
    expect(iso(nextWindowOpening(at('2026-03-08T05:00:00Z'), everyDay(150, 210), ny))).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    // A window lying wholly inside the gap does not exist that day.
    expect(iso(nextWindowOpening(at('2026-03-08T05:00:00Z'), everyDay(135, 165), ny))).toBe(
      '2026-03-09T06:15:00.000Z',
    );
  });

  it('handles the US fall-back day (2026-11-01)', () => {
    const ny = 'America/New_York';
    expect(iso(nextWindowOpening(at('2026-11-01T04:00:00Z'), everyDay(480, 1080), ny))).toBe(
      '2026-11-01T13:00:00.000Z', // 08:00 EST
    );
    // 01:40 EDT is past a 01:00–01:30 window, but the clock reads 01:00 again 20 minutes later.
    expect(iso(nextWindowOpening(at('2026-11-01T05:40:00Z'), everyDay(60, 90), ny))).toBe(
      '2026-11-01T06:00:00.000Z',
    );
  });

  it('handles Asia/Kolkata (+05:30)', () => {
    // Saturday 2026-01-03 10:00 IST -> Monday 2026-01-05 08:00 IST.
    expect(iso(nextWindowOpening(at('2026-01-03T04:30:00Z'), weekdays, 'Asia/Kolkata'))).toBe(
      '2026-01-05T02:30:00.000Z',
    );
  });

  it('handles Australia/Lord_Howe (30-minute DST)', () => {
    const lh = 'Australia/Lord_Howe';
    // Sunday 2026-10-04 00:00 +10:30; the 02:00–03:00 window opens at 02:30 +11:00, the end of the gap.
    expect(iso(nextWindowOpening(at('2026-10-03T13:30:00Z'), everyDay(120, 180), lh))).toBe(
      '2026-10-03T15:30:00.000Z',
    );
    // Friday 2026-10-02 18:30 +10:30 -> Monday 2026-10-05 08:00 +11:00.
    expect(iso(nextWindowOpening(at('2026-10-02T08:00:00Z'), weekdays, lh))).toBe('2026-10-04T21:00:00.000Z');
  });

  it('throws for a window that can never open', () => {
    const now = at('2026-03-04T10:00:00Z');
    expect(() => nextWindowOpening(now, { days: [], startMinute: 480, endMinute: 1080 }, 'UTC')).toThrow(
      /no days/,
    );
    expect(() => nextWindowOpening(now, { days: [1], startMinute: 600, endMinute: 600 }, 'UTC')).toThrow(
      /must be before its end/,
    );
    expect(() => nextWindowOpening(now, { days: [7], startMinute: 480, endMinute: 1080 }, 'UTC')).toThrow(
      /weekday number/,
    );
    expect(() => nextWindowOpening(now, { days: [1], startMinute: 480, endMinute: 1500 }, 'UTC')).toThrow(
      /0\.\.1440/,
    );
  });

  it('gives up with an error after a bounded search when every allowed day is off', () => {
    const mondays = new Set<string>();
    for (
      let d = new Date('2026-03-09T00:00:00Z');
      d.getUTCFullYear() < 2028;
      d.setUTCDate(d.getUTCDate() + 7)
    ) {
      mondays.add(d.toISOString().slice(0, 10));
    }
    const mondayOnly: SendWindow = { days: [1], startMinute: 480, endMinute: 1080 };
    expect(() => nextWindowOpening(at('2026-03-04T10:00:00Z'), mondayOnly, 'UTC', mondays)).toThrow(
      /never opens within 400 days/,
    );
  });
});

describe('addLocalDays', () => {
  it('keeps 09:00 local across the US spring-forward', () => {
    const friday9 = at('2026-03-06T14:00:00Z'); // 09:00 EST
    const next = addLocalDays(friday9, 7, 'America/New_York');
    expect(iso(next)).toBe('2026-03-13T13:00:00.000Z'); // 09:00 EDT, only 167 hours later
    expect(zonedParts(next, 'America/New_York')).toMatchObject({ hour: 9, minute: 0 });
  });

  it('keeps 09:00 local across the European changes, forwards and backwards', () => {
    expect(iso(addLocalDays(at('2026-03-27T08:00:00Z'), 3, 'Europe/Berlin'))).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(iso(addLocalDays(at('2026-10-24T07:00:00Z'), 1, 'Europe/Berlin'))).toBe(
      '2026-10-25T08:00:00.000Z',
    );
    expect(iso(addLocalDays(at('2026-03-30T07:00:00Z'), -3, 'Europe/Berlin'))).toBe(
      '2026-03-27T08:00:00.000Z',
    );
  });

  it('keeps seconds and milliseconds, and crosses month ends', () => {
    expect(iso(addLocalDays(at('2026-01-31T09:15:42.123Z'), 1, 'UTC'))).toBe('2026-02-01T09:15:42.123Z');
  });

  it('shifts a target time inside a gap forward by the gap', () => {
    // 02:30 on the day before spring-forward; 02:30 does not exist on 2026-03-08.
    expect(iso(addLocalDays(at('2026-03-07T07:30:00Z'), 1, 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('returns the same instant for zero days, even in a repeated hour', () => {
    const secondPass = at('2026-11-01T06:30:00Z'); // 01:30 EST, the later of two 01:30s
    expect(iso(addLocalDays(secondPass, 0, 'America/New_York'))).toBe(iso(secondPass));
  });

  it('rejects fractional days', () => {
    expect(() => addLocalDays(at('2026-01-01T00:00:00Z'), 1.5, 'UTC')).toThrow(/whole number/);
  });
});

describe('isValidTimeZone', () => {
  it('accepts canonical names, UTC and aliases Intl omits from its list', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      expect(isValidTimeZone(tz)).toBe(true);
    }
  });

  it('rejects unknown or malformed names', () => {
    for (const tz of ['', ' ', 'Mars/Olympus_Mons', 'Europe/Berlin ', 'EST5EDT8']) {
      expect(isValidTimeZone(tz)).toBe(false);
    }
  });
});
