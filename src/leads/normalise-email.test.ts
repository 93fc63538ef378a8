import { describe, expect, it } from 'vitest';
import { isValidAddress, normaliseEmail } from './normalise-email.ts';

describe('normaliseEmail', () => {
  it('trims and lower-cases the domain only', () => {
    expect(normaliseEmail('  John.Smith@Example.COM ')).toBe('John.Smith@example.com');
  });
  it.each([
    'plainaddress',
    '@no-local.com',
    'no-domain@',
    'a@b',
    'two@@example.com',
    'sp ace@example.com',
    'a@-bad-.com',
    `${'x'.repeat(65)}@example.com`,
  ])('refuses %s naming the field', (bad) => {
    expect(() => normaliseEmail(bad)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'email' }),
    );
  });
  it('accepts plus addressing and subdomains', () => {
    expect(isValidAddress('first.last+tag@mail.sub.example.co.uk')).toBe(true);
  });
});
