import { describe, expect, it } from 'vitest';
import {
  chooseSendMinute,
  circularMedian,
  decideSendTime,
  hhmm,
  leadMinutes,
  preferredSendMinute,
  readingMinute,
} from './send-time-optimization.ts';

const window = { days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1080 };
const zone = 'Europe/Berlin';
const leadId = '3f1e2d3c-4b5a-4698-8776-655443322110';
/** An instant at a local Berlin wall time in December (UTC+1). */
const berlin = (day: number, h: number, m: number) => new Date(Date.UTC(2026, 11, day, h - 1, m));

describe('send time optimization', () => {
  it('the reading time is the circular median of the latest five opens', () => {
    expect(circularMedian([])).toBeNull();
    expect(circularMedian([600, 610, 900])).toBe(610);
    // Around midnight: 23:50, 00:10 and 00:20 read at 00:10, not at noon.
    expect(circularMedian([1430, 10, 20])).toBe(10);
    const opens = [
      berlin(1, 14, 5), // the oldest: out of the sample of five
      berlin(2, 14, 20),
      berlin(3, 13, 50),
      berlin(4, 14, 10),
      berlin(7, 14, 0),
      berlin(8, 7, 0), // one odd early open does not move the median
    ];
    expect(hhmm(readingMinute(opens, zone)!)).toBe('14:00');
    // Once the lead reads early most days, so does its reading time.
    expect(hhmm(readingMinute([...opens, berlin(9, 7, 5), berlin(10, 7, 10)], zone)!)).toBe('07:10');
  });

  it('sends 15–30 minutes before the reading time, fixed per lead', () => {
    const lead = leadMinutes(leadId);
    expect(lead).toBeGreaterThanOrEqual(15);
    expect(lead).toBeLessThanOrEqual(30);
    expect(leadMinutes(leadId)).toBe(lead);
    const choice = chooseSendMinute({
      leadId,
      timeZone: zone,
      window,
      humanOpens: [berlin(1, 14, 5), berlin(2, 14, 20), berlin(3, 13, 50)],
      previousSends: [],
    });
    expect(choice).toMatchObject({
      basis: 'reading_time',
      readingMinute: 14 * 60 + 5,
      minute: 14 * 60 + 5 - lead,
    });
    expect(preferredSendMinute(leadId, [berlin(1, 14, 5)], zone)).toBe(14 * 60 + 5 - lead);
  });

  it('keeps the chosen minute inside the window', () => {
    const early = chooseSendMinute({
      leadId,
      timeZone: zone,
      window,
      humanOpens: [berlin(1, 6, 30)],
      previousSends: [],
    });
    expect(early!.minute).toBe(480);
    const late = chooseSendMinute({
      leadId,
      timeZone: zone,
      window,
      humanOpens: [berlin(1, 21, 0)],
      previousSends: [],
    });
    expect(late!.minute).toBe(1079);
  });

  it('a lead that opened none of its first three emails gets another time of day', () => {
    const sends = [berlin(1, 9, 0), berlin(3, 9, 2), berlin(7, 9, 1)];
    expect(
      chooseSendMinute({ leadId, timeZone: zone, window, humanOpens: [], previousSends: sends.slice(0, 2) }),
    ).toBeNull();
    const choice = chooseSendMinute({
      leadId,
      timeZone: zone,
      window,
      humanOpens: [],
      previousSends: sends,
    })!;
    expect(choice).toMatchObject({ basis: 'no_opens', unopened: 3, usualMinute: 9 * 60 + 1 });
    // Hours away from 09:00, inside the window, and the same for this lead every time.
    expect(Math.abs(choice.minute - 541)).toBeGreaterThanOrEqual(4 * 60);
    expect(choice.minute).toBeGreaterThanOrEqual(480);
    expect(choice.minute).toBeLessThan(1080);
    expect(
      chooseSendMinute({ leadId, timeZone: zone, window, humanOpens: [], previousSends: sends }),
    ).toEqual(choice);
    // Leads sent late in the day get an earlier time.
    const afternoon = [berlin(1, 16, 30), berlin(3, 16, 30), berlin(7, 16, 30)];
    const other = chooseSendMinute({
      leadId,
      timeZone: zone,
      window,
      humanOpens: [],
      previousSends: afternoon,
    })!;
    expect(other.minute).toBeLessThan(13 * 60);
  });

  describe('deciding when', () => {
    const reading = { basis: 'reading_time' as const, observed: [845], readingMinute: 845, minute: 825 };
    const decide = (
      now: Date,
      choice = reading as Parameters<typeof decideSendTime>[0]['choice'],
      dueAt = now,
    ) => decideSendTime({ now, dueAt, timeZone: zone, window, choice });

    it('waits for today’s minute when it is more than 30 minutes ahead', () => {
      expect(decide(berlin(2, 9, 0))).toEqual({ kind: 'later', at: berlin(2, 13, 45), day: 'today' });
    });

    it('goes now when the minute is near, or has passed (never starves a step)', () => {
      expect(decide(berlin(2, 13, 20))).toEqual({ kind: 'now', why: 'at_time' });
      expect(decide(berlin(2, 13, 45))).toEqual({ kind: 'now', why: 'at_time' });
      expect(decide(berlin(2, 16, 0))).toEqual({ kind: 'now', why: 'passed' });
    });

    it('moves a never-opened lead’s step to the next sending day once when its new time has passed', () => {
      const shift = { basis: 'no_opens' as const, unopened: 3, usualMinute: 960, minute: 660 };
      // Friday 16:00 → Monday 11:00 (the window has no weekend).
      expect(decide(berlin(4, 16, 0), shift)).toEqual({
        kind: 'later',
        at: berlin(7, 11, 0),
        day: 'next_allowed_day',
      });
      // Already moved there (due at 11:00), but delayed by something else: it goes.
      expect(decide(berlin(7, 12, 0), shift, berlin(7, 11, 0))).toEqual({ kind: 'now', why: 'passed' });
    });

    it('handles the DST change: the local minute, not the UTC one', () => {
      // 29 March 2026: Berlin springs forward; 13:45 local is 11:45 UTC.
      const now = new Date('2026-03-30T07:00:00Z'); // Monday 09:00 CEST
      expect(decideSendTime({ now, dueAt: now, timeZone: zone, window, choice: reading })).toEqual({
        kind: 'later',
        at: new Date('2026-03-30T11:45:00Z'),
        day: 'today',
      });
    });
  });
});
