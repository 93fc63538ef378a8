/**
 * Best-effort guess of a lead's time zone and country from what an import usually carries.
 * A guess only: callers should let a stated time zone win and keep the basis for display.
 */
import type { CountryRow } from './calling-codes.ts';
import {
  COUNTRIES,
  NATIONAL_SECOND_LEVELS,
  SHARED_CODE_PREFIXES,
  TLD_ALIASES,
  VANITY_TLDS,
} from './calling-codes.ts';

export type GuessInput = { phone?: string | null; country?: string | null; email?: string | null };
export type TimeZoneBasis = 'phone' | 'country' | 'domain' | 'default';
export type TimeZoneGuess = { timeZone: string; basis: TimeZoneBasis };

const byAlpha2 = new Map<string, CountryRow>();
const byName = new Map<string, CountryRow>();
const byCallingCode = new Map<string, CountryRow>();
for (const row of COUNTRIES) {
  const [alpha2, alpha3, code, , ...names] = row;
  byAlpha2.set(alpha2, row);
  for (const key of [alpha2.toLowerCase(), alpha3.toLowerCase(), ...names]) {
    if (!byName.has(key)) byName.set(key, row);
  }
  // First row per code is the default for shared codes (+1 → US, +7 → RU).
  if (!byCallingCode.has(code)) byCallingCode.set(code, row);
}
const LONGEST_PREFIX = Math.max(...Object.keys(SHARED_CODE_PREFIXES).map((p) => p.length), 3);

function normalizeCountry(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

function countryFromField(country: string | null | undefined): CountryRow | undefined {
  if (!country) return undefined;
  return byName.get(normalizeCountry(country));
}

/** Digits after the international prefix (+ or 00); national numbers say nothing about the country. */
function internationalDigits(phone: string): string | undefined {
  const compact = phone
    .trim()
    .replace(/^tel:/i, '')
    .replace(/[\s().\-/]/g, '');
  let rest: string;
  if (compact.startsWith('+')) rest = compact.slice(1);
  else if (compact.startsWith('00')) rest = compact.slice(2);
  else return undefined;
  const digits = /^\d+/.exec(rest)?.[0];
  return digits && digits.length > 0 ? digits : undefined;
}

function countryFromPhone(phone: string | null | undefined): CountryRow | undefined {
  if (!phone) return undefined;
  const digits = internationalDigits(phone);
  if (!digits) return undefined;
  for (let len = Math.min(LONGEST_PREFIX, digits.length); len >= 1; len--) {
    const prefix = digits.slice(0, len);
    const shared = SHARED_CODE_PREFIXES[prefix];
    const row = shared ? byAlpha2.get(shared) : byCallingCode.get(prefix);
    if (row) return row;
  }
  return undefined;
}

function countryFromEmail(email: string | null | undefined): CountryRow | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const labels = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .split('.')
    .filter((l) => l !== '');
  const tld = labels.at(-1);
  if (labels.length < 2 || !tld || tld.length !== 2) return undefined;
  const secondLevel = labels.at(-2) ?? '';
  if (VANITY_TLDS.has(tld) && !(labels.length >= 3 && NATIONAL_SECOND_LEVELS.has(secondLevel))) {
    return undefined;
  }
  return byAlpha2.get(TLD_ALIASES[tld] ?? tld.toUpperCase());
}

/**
 * Phone calling code first (it follows the person, while a stated country is often the company's),
 * then the country field, then the email's country-code TLD; UTC when nothing matches.
 * A stated country sharing the phone's calling code refines it (+1 with country Canada → Toronto).
 */
export function guessTimeZone(input: GuessInput): TimeZoneGuess {
  const fromPhone = countryFromPhone(input.phone);
  const fromCountry = countryFromField(input.country);
  if (fromPhone) {
    if (fromCountry && fromCountry[2] === fromPhone[2]) return { timeZone: fromCountry[3], basis: 'country' };
    return { timeZone: fromPhone[3], basis: 'phone' };
  }
  if (fromCountry) return { timeZone: fromCountry[3], basis: 'country' };
  const fromDomain = countryFromEmail(input.email);
  if (fromDomain) return { timeZone: fromDomain[3], basis: 'domain' };
  return { timeZone: 'UTC', basis: 'default' };
}

/**
 * ISO 3166 alpha-2 country, or null. Unlike guessTimeZone a stated country wins here: the question
 * is which country's holidays apply, and the field answers it directly.
 */
export function guessCountry(input: GuessInput): string | null {
  const row =
    countryFromField(input.country) ?? countryFromPhone(input.phone) ?? countryFromEmail(input.email);
  return row ? row[0] : null;
}
