import { describe, expect, it } from 'vitest';
import { COUNTRIES, SHARED_CODE_PREFIXES } from './calling-codes.ts';
import { isValidTimeZone } from './send-window.ts';
import { guessCountry, guessTimeZone } from './time-zone-guess.ts';

describe('guessTimeZone from phone', () => {
  it.each([
    ['+1 212 555 0100', 'America/New_York'],
    ['+44 20 7946 0000', 'Europe/London'],
    ['+49 30 1234567', 'Europe/Berlin'],
    ['+33 1 23 45 67 89', 'Europe/Paris'],
    ['+34 912 345 678', 'Europe/Madrid'],
    ['+39 06 1234 5678', 'Europe/Rome'],
    ['+31 20 123 4567', 'Europe/Amsterdam'],
    ['+351 21 123 4567', 'Europe/Lisbon'],
    ['+55 11 91234 5678', 'America/Sao_Paulo'],
    ['+91 98765 43210', 'Asia/Kolkata'],
    ['+61 2 9876 5432', 'Australia/Sydney'],
    ['+81 3 1234 5678', 'Asia/Tokyo'],
    ['+86 10 1234 5678', 'Asia/Shanghai'],
    ['+65 6123 4567', 'Asia/Singapore'],
    ['+971 4 123 4567', 'Asia/Dubai'],
    ['+353 1 234 5678', 'Europe/Dublin'],
    ['+358 9 1234 567', 'Europe/Helsinki'],
    ['+420 212 345 678', 'Europe/Prague'],
    ['+7 495 123 45 67', 'Europe/Moscow'],
    ['+7 727 123 4567', 'Asia/Almaty'],
    ['+972 3 123 4567', 'Asia/Jerusalem'],
    ['+966 11 123 4567', 'Asia/Riyadh'],
    ['+27 21 123 4567', 'Africa/Johannesburg'],
    ['+234 1 234 5678', 'Africa/Lagos'],
    ['+64 9 123 4567', 'Pacific/Auckland'],
  ])('%s → %s', (phone, timeZone) => {
    expect(guessTimeZone({ phone })).toEqual({ timeZone, basis: 'phone' });
  });

  it('accepts 00 as the international prefix and common punctuation', () => {
    expect(guessTimeZone({ phone: '0049-(0)30/123456' })).toEqual({
      timeZone: 'Europe/Berlin',
      basis: 'phone',
    });
    expect(guessTimeZone({ phone: 'tel:+44.20.7946.0000' })).toEqual({
      timeZone: 'Europe/London',
      basis: 'phone',
    });
    expect(guessTimeZone({ phone: '(+351) 912 345 678' })).toEqual({
      timeZone: 'Europe/Lisbon',
      basis: 'phone',
    });
  });

  it('prefers the longest matching prefix', () => {
    expect(guessTimeZone({ phone: '+1 787 555 0100' }).timeZone).toBe('America/Puerto_Rico');
    expect(guessTimeZone({ phone: '+1 416 555 0100' }).timeZone).toBe('America/Toronto');
    expect(guessTimeZone({ phone: '+358 40 123 4567' }).timeZone).toBe('Europe/Helsinki'); // not +35x
    expect(guessTimeZone({ phone: '+36 1 234 5678' }).timeZone).toBe('Europe/Budapest');
  });

  it('ignores national-format and unknown numbers', () => {
    expect(guessTimeZone({ phone: '030 1234567' })).toEqual({ timeZone: 'UTC', basis: 'default' });
    expect(guessTimeZone({ phone: '+999 123' })).toEqual({ timeZone: 'UTC', basis: 'default' });
    expect(guessTimeZone({ phone: '+' })).toEqual({ timeZone: 'UTC', basis: 'default' });
  });
});

describe('guessTimeZone from country', () => {
  it.each([
    ['DE', 'Europe/Berlin'],
    ['de', 'Europe/Berlin'],
    ['Germany', 'Europe/Berlin'],
    ['DEU', 'Europe/Berlin'],
    ['United States', 'America/New_York'],
    ['USA', 'America/New_York'],
    ['U.S.A.', 'America/New_York'],
    ['UK', 'Europe/London'],
    ['united  kingdom', 'Europe/London'],
    ['GB', 'Europe/London'],
    ['The Netherlands', 'Europe/Amsterdam'],
    ['India', 'Asia/Kolkata'],
    ['Brasil', 'America/Sao_Paulo'],
    ['UAE', 'Asia/Dubai'],
  ])('%s → %s', (country, timeZone) => {
    expect(guessTimeZone({ country })).toEqual({ timeZone, basis: 'country' });
  });

  it('falls through on an unknown country', () => {
    expect(guessTimeZone({ country: 'Atlantis' })).toEqual({ timeZone: 'UTC', basis: 'default' });
  });
});

describe('guessTimeZone from email domain', () => {
  it.each([
    ['anna@firma.de', 'Europe/Berlin'],
    ['jean@societe.fr', 'Europe/Paris'],
    ['tom@company.co.uk', 'Europe/London'],
    ['joao@empresa.com.br', 'America/Sao_Paulo'],
    ['raj@company.in', 'Asia/Kolkata'],
    ['yuki@example.co.jp', 'Asia/Tokyo'],
    ['ana@empresa.com.co', 'America/Bogota'],
    ['Mixed@Case.ES.', 'Europe/Madrid'],
  ])('%s → %s', (email, timeZone) => {
    expect(guessTimeZone({ email })).toEqual({ timeZone, basis: 'domain' });
  });

  it('gives nothing for generic and vanity TLDs', () => {
    for (const email of [
      'a@example.com',
      'a@example.org',
      'a@startup.io',
      'a@startup.co',
      'a@x.ai',
      'a@no-tld',
      'a@de',
    ]) {
      expect(guessTimeZone({ email })).toEqual({ timeZone: 'UTC', basis: 'default' });
    }
  });
});

describe('guessTimeZone precedence', () => {
  it('uses phone over country over domain', () => {
    expect(guessTimeZone({ phone: '+44 20 7946 0000', country: 'Germany', email: 'a@firma.fr' })).toEqual({
      timeZone: 'Europe/London',
      basis: 'phone',
    });
    expect(guessTimeZone({ phone: null, country: 'Germany', email: 'a@firma.fr' })).toEqual({
      timeZone: 'Europe/Berlin',
      basis: 'country',
    });
    expect(guessTimeZone({ phone: '', country: '', email: 'a@firma.fr' })).toEqual({
      timeZone: 'Europe/Paris',
      basis: 'domain',
    });
  });

  it('lets a country refine a calling code it shares', () => {
    expect(guessTimeZone({ phone: '+1 604 555 0100', country: 'Canada' })).toEqual({
      timeZone: 'America/Toronto',
      basis: 'country',
    });
    expect(guessTimeZone({ phone: '+7 700 123 4567', country: 'Russia' }).timeZone).toBe('Europe/Moscow');
  });

  it('defaults to UTC with no input', () => {
    expect(guessTimeZone({})).toEqual({ timeZone: 'UTC', basis: 'default' });
  });
});

describe('guessCountry', () => {
  it('prefers the stated country, then phone, then domain', () => {
    expect(guessCountry({ phone: '+44 20 7946 0000', country: 'Germany', email: 'a@firma.fr' })).toBe('DE');
    expect(guessCountry({ phone: '+44 20 7946 0000', email: 'a@firma.fr' })).toBe('GB');
    expect(guessCountry({ email: 'a@firma.co.uk' })).toBe('GB');
    expect(guessCountry({ phone: '+1 787 555 0100' })).toBe('PR');
    expect(guessCountry({ country: 'usa' })).toBe('US');
  });

  it('returns null when nothing matches', () => {
    expect(guessCountry({ phone: '555-0100', country: 'Narnia', email: 'a@example.com' })).toBeNull();
    expect(guessCountry({})).toBeNull();
  });
});

describe('calling-code tables', () => {
  it('name only zones Intl can resolve', () => {
    const invalid = COUNTRIES.filter((row) => !isValidTimeZone(row[3])).map((row) => row[0]);
    expect(invalid).toEqual([]);
  });

  it('have unique alpha-2 codes and shared prefixes that point at known countries', () => {
    const codes = COUNTRIES.map((row) => row[0]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const alpha2 of Object.values(SHARED_CODE_PREFIXES)) expect(codes).toContain(alpha2);
  });

  it('cover the most common calling codes', () => {
    const required = [
      '1 44 49 33 34 39 31 351 55 91 61 81 86 65 971 41 43 32 45 46 47 48 353',
      '358 30 36 420 52 54 56 57 27 234 254 20 90 7 82 62 63 64 66 84 60 972 966',
    ].join(' ');
    for (const code of required.split(' ')) {
      expect(guessTimeZone({ phone: `+${code} 123 4567` }).basis, `+${code}`).toBe('phone');
    }
  });
});
