import { describe, expect, it } from 'vitest';
import { exclusionKeys, matchingEntry, parseExclusionEntry } from './exclusions.ts';

describe('exclusion entries', () => {
  it('are stored lower case: an address, or a bare domain', () => {
    expect(parseExclusionEntry(' CEO@Acme.COM ')).toEqual({ pattern: 'ceo@acme.com', kind: 'address' });
    expect(parseExclusionEntry('@Acme.com')).toEqual({ pattern: 'acme.com', kind: 'domain' });
    expect(parseExclusionEntry('eu.acme.co.uk')).toEqual({ pattern: 'eu.acme.co.uk', kind: 'domain' });
    for (const bad of [
      '',
      ' ',
      '@',
      'acme',
      'acme.',
      '-acme.com',
      'a b.com',
      'x@',
      '@x@acme.com',
      'ceo@acme',
    ])
      expect(parseExclusionEntry(bad), bad).toHaveProperty('error');
  });

  it('match an address by itself, its domain or a parent domain, most specific first', () => {
    expect(exclusionKeys('Jo@EU.Acme.com')).toEqual([
      'jo@eu.acme.com',
      'eu.acme.com',
      '@eu.acme.com',
      'acme.com',
      '@acme.com',
    ]);
    const listed = new Set(['acme.com', 'jo@eu.acme.com']);
    expect(matchingEntry('jo@eu.acme.com', listed)).toBe('jo@eu.acme.com');
    expect(matchingEntry('al@eu.acme.com', listed)).toBe('acme.com');
    expect(matchingEntry('al@notacme.com', listed)).toBeUndefined();
    expect(matchingEntry('al@acme.com.evil.example', listed)).toBeUndefined();
    expect(matchingEntry('al@acme.com', undefined)).toBeUndefined();
  });
});
