import { isIP } from 'node:net';
import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * The syntax check of SPEC §7: RFC 5321/5322, pragmatically. The grammar
 * allows far more than any mailbox a sales team will hand us (quoted local
 * parts, comments, IP literals); those forms are refused because most mail
 * systems refuse them too, and an address we cannot send to through an
 * ordinary relay is no lead. Internationalised domains are accepted and
 * checked in their ASCII (punycode, UTS #46) form, which is what DNS and SMTP
 * see; a non-ASCII local part needs SMTPUTF8 end to end, which we can't
 * promise, so it is refused with that reason.
 */
export type ParsedAddress = {
  local: string;
  /** The domain as given, lower-cased (may be Unicode). */
  domain: string;
  /** The domain's ASCII form (A-labels): what DNS is asked about. */
  asciiDomain: string;
};
export type SyntaxResult = ({ ok: true } & ParsedAddress) | { ok: false; reason: string };

// RFC 5321 §4.5.3.1: local part ≤ 64 octets, domain ≤ 255 (253 as text); the
// whole path ≤ 256 including the angle brackets, so an address ≤ 254.
const maxLocal = 64;
const maxDomain = 253;
const maxAddress = 254;
const maxLabel = 63;
/** RFC 5322 §3.2.3 atext: the characters of a dot-atom. */
const atext = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
/** RFC 1035 §2.3.1 letters, digits, hyphen; no hyphen at either end. */
const ldhLabel = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export function checkSyntax(address: string): SyntaxResult {
  const fail = (reason: string): SyntaxResult => ({ ok: false, reason });
  if (address !== address.trim()) return fail('has spaces around it');
  const at = address.lastIndexOf('@');
  if (at < 0) return fail('has no @');
  const local = address.slice(0, at);
  const given = address.slice(at + 1);
  if (!local) return fail('has nothing before the @');
  if (!given) return fail('has no domain after the @');
  if (local.includes('@')) return fail('has more than one @');

  if (local.startsWith('"')) return fail('has a quoted local part, which most mail systems refuse');
  if ([...local].some((c) => c.charCodeAt(0) > 0x7f))
    return fail('has a non-ASCII local part, which needs SMTPUTF8 all the way (RFC 6531)');
  if (local.length > maxLocal) return fail(`has a local part longer than ${maxLocal} characters`);
  if (local.startsWith('.') || local.endsWith('.'))
    return fail('has a local part starting or ending with a dot');
  if (local.includes('..')) return fail('has two dots in a row in the local part');
  if (!local.split('.').every((atom) => atext.test(atom)))
    return fail('has a character not allowed in the local part (spaces, commas, brackets…)');

  if (given.startsWith('[') || isIP(given)) return fail('has an IP address instead of a domain');
  if (given.endsWith('.')) return fail('has a domain ending with a dot');
  const domain = given.toLowerCase();
  // RFC 3696 §2: a top-level domain is never all-numeric (the URL parser would take it for an IPv4 address).
  if (/\.\d+$/.test(domain))
    return fail(`has "${domain.slice(domain.lastIndexOf('.') + 1)}" as top-level domain`);
  const asciiDomain = domainToASCII(domain);
  if (!asciiDomain) return fail('has a domain that is not a valid (internationalised) domain name');
  if (asciiDomain.length > maxDomain) return fail(`has a domain longer than ${maxDomain} characters`);
  const labels = asciiDomain.split('.');
  if (labels.length < 2) return fail('has a domain without a dot (no top-level domain)');
  for (const label of labels) {
    if (!label) return fail('has two dots in a row in the domain');
    if (label.length > maxLabel) return fail(`has a domain label longer than ${maxLabel} characters`);
    // An A-label must decode (domainToUnicode hands back an undecodable one unchanged).
    if (label.startsWith('xn--') && domainToUnicode(label) === label)
      return fail(`has "${label}", which is not valid punycode`);
    if (!ldhLabel.test(label))
      return fail(
        `has a domain label "${label}" with characters other than letters, digits and inner hyphens`,
      );
  }
  // Real top-level domains are letters or an A-label.
  const tld = labels.at(-1)!;
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return fail(`has "${tld}" as top-level domain`);
  if (local.length + 1 + asciiDomain.length > maxAddress)
    return fail(`is longer than ${maxAddress} characters`);
  return { ok: true, local, domain, asciiDomain };
}
