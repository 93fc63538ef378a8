import { describe, expect, it } from 'vitest';
import { holidaysAhead } from './holidays.ts';
import { nextWindowOpening } from './send-window.ts';

describe('holidaysAhead', () => {
  it('lists the public holidays of the next 400 days across the new year, not bank or school days', () => {
    const de = holidaysAhead('de', new Date('2026-12-01T12:00:00Z'));
    expect(de.get('2026-12-25')).toBe('Christmas Day');
    expect(de.get('2027-01-01')).toBe("New Year's Day");
    expect(de.get('2027-10-03')).toBeDefined(); // German Unity Day, ten months on
    expect(de.has('2026-12-24')).toBe(false); // Christmas Eve is a bank holiday only
    expect([...de.keys()].every((d) => d >= '2026-11-30' && d <= '2028-01-06')).toBe(true);
  });

  it('knows nothing of a country the calendar lacks', () => {
    expect(holidaysAhead('XX', new Date()).size).toBe(0);
  });

  it('makes the send window skip them: a US lead’s Thanksgiving email waits for Friday', () => {
    const off = new Set(holidaysAhead('US', new Date('2026-11-20T00:00:00Z')).keys());
    const window = { days: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1080 };
    const opening = nextWindowOpening(new Date('2026-11-26T15:00:00Z'), window, 'America/New_York', off);
    expect(opening.toISOString()).toBe('2026-11-27T13:00:00.000Z');
  });
});
