import { describe, expect, it } from 'vitest';
import { localDateIn, onOrNextWorkingDay, zoneFromDateHeader } from './calendar.ts';
import { headersFromLines, headersFromRaw, normalizeHeaders } from './header-map.ts';

describe('calendar', () => {
  it('reads the local day in fixed offsets and IANA zones', () => {
    const instant = new Date('2025-03-14T23:30:00Z');
    expect(localDateIn(instant, '+02:00')).toEqual({ year: 2025, month: 3, day: 15 });
    expect(localDateIn(instant, '-0500')).toEqual({ year: 2025, month: 3, day: 14 });
    expect(localDateIn(instant, 'Asia/Tokyo')).toEqual({ year: 2025, month: 3, day: 15 });
    expect(localDateIn(instant, 'Not/AZone')).toEqual({ year: 2025, month: 3, day: 14 });
  });
  it('moves weekends to Monday', () => {
    expect(onOrNextWorkingDay({ year: 2025, month: 3, day: 15 })).toEqual({ year: 2025, month: 3, day: 17 });
    expect(onOrNextWorkingDay({ year: 2025, month: 3, day: 14 })).toEqual({ year: 2025, month: 3, day: 14 });
  });
  it('derives the zone from a Date header', () => {
    expect(zoneFromDateHeader('Mon, 4 Jan 2010 16:02:30 +0000')).toBe('+00:00');
    expect(zoneFromDateHeader('Thu, 29 Apr 2005 23:34:45 +0900')).toBe('+09:00');
    expect(zoneFromDateHeader('Mon, 5 Jul 2010 08:57:06 EDT')).toBe('-04:00');
    expect(zoneFromDateHeader('Mon, 20 Sep 2021 21:29:21 +0200 (CEST)')).toBe('+02:00');
    expect(zoneFromDateHeader('garbage')).toBeNull();
  });
});

describe('header maps', () => {
  it('unfolds raw header blocks and lower-cases names', () => {
    const raw =
      'From: a@b.example\r\nAuto-Submitted: auto-replied\r\n (zimbra; vacation)\r\nX-A: 1\r\nX-A: 2\r\n\r\nbody: no';
    const headers = headersFromRaw(raw);
    expect(headers.get('auto-submitted')).toEqual(['auto-replied (zimbra; vacation)']);
    expect(headers.get('x-a')).toEqual(['1', '2']);
    expect(headers.has('body')).toBe(false);
  });
  it('reads mailparser headerLines', () => {
    const headers = headersFromLines([{ key: 'precedence', line: 'Precedence:\r\n bulk' }]);
    expect(headers.get('precedence')).toEqual(['bulk']);
  });
  it('flattens mailparser structured values', () => {
    const headers = normalizeHeaders(
      new Map<string, unknown>([
        ['Content-Type', { value: 'multipart/report', params: { 'report-type': 'delivery-status' } }],
        ['from', { value: [{ address: 'x@y.example', name: '' }], text: 'x@y.example' }],
      ]),
    );
    expect(headers.get('content-type')).toEqual(['multipart/report; report-type=delivery-status']);
    expect(headers.get('from')).toEqual(['x@y.example']);
  });
});
