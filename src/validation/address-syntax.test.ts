import { describe, expect, it } from 'vitest';
import { checkSyntax } from './address-syntax.ts';

describe('address syntax (RFC 5321/5322, pragmatic)', () => {
  it.each([
    ['jane@example.com', 'example.com'],
    ['first.last+tag@mail.sub.example.co.uk', 'mail.sub.example.co.uk'],
    ["o'brien@example.ie", 'example.ie'],
    ['a!#$%&*/=?^_`{|}~-@example.com', 'example.com'],
    ['x@Example.COM', 'example.com'],
    ['jürgen@bücher.de', null], // non-ASCII local part: refused below
    ['info@bücher.de', 'xn--bcher-kva.de'],
    ['info@BÜCHER.de', 'xn--bcher-kva.de'],
    ['info@xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['a@例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['a@münchen.xn--p1ai', 'xn--mnchen-3ya.xn--p1ai'],
    [`${'x'.repeat(64)}@example.com`, 'example.com'],
    [`a@${'l'.repeat(63)}.com`, `${'l'.repeat(63)}.com`],
  ])('accepts %s (ASCII domain %s)', (address, ascii) => {
    const r = checkSyntax(address);
    if (ascii === null) return expect(r.ok).toBe(false);
    expect(r).toMatchObject({ ok: true, asciiDomain: ascii });
  });

  it.each([
    ['plainaddress', 'has no @'],
    ['@example.com', 'nothing before the @'],
    ['jane@', 'no domain'],
    ['two@@example.com', 'more than one @'],
    ['a@b@example.com', 'more than one @'],
    ['"quoted"@example.com', 'quoted local part'],
    ['jürgen@example.de', 'non-ASCII local part'],
    [`${'x'.repeat(65)}@example.com`, 'local part longer than 64'],
    ['.jane@example.com', 'starting or ending with a dot'],
    ['jane.@example.com', 'starting or ending with a dot'],
    ['ja..ne@example.com', 'two dots in a row in the local part'],
    ['sp ace@example.com', 'not allowed in the local part'],
    ['a,b@example.com', 'not allowed in the local part'],
    ['jane@[192.0.2.1]', 'IP address'],
    ['jane@192.0.2.1', 'IP address'],
    ['jane@example.com.', 'ending with a dot'],
    ['jane@localhost', 'without a dot'],
    ['jane@exa..mple.com', 'two dots in a row in the domain'],
    ['jane@-bad.com', 'inner hyphens'],
    ['jane@bad-.com', 'inner hyphens'],
    ['jane@ex_ample.com', 'inner hyphens'],
    ['jane@example.123', 'top-level domain'],
    ['jane@example.c', 'top-level domain'],
    ['jane@xn--zz.com', 'not valid punycode'],
    ['jane@exa mple.com', 'not a valid (internationalised) domain'],
    [`a@${'l'.repeat(64)}.com`, 'label longer than 63'],
    [`a@${`${'l'.repeat(60)}.`.repeat(5)}com`, 'domain longer than 253'],
    [`${'x'.repeat(64)}@${`${'l'.repeat(60)}.`.repeat(3)}${'m'.repeat(40)}.com`, 'longer than 254'],
    [' jane@example.com', 'spaces around'],
  ])('refuses %s: %s', (address, why) => {
    const r = checkSyntax(address);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(why);
  });
});
