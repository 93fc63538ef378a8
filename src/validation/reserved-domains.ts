/**
 * Special-use domain names (RFC 2606, RFC 6761 and kin). Two kinds matter
 * for a lead's address:
 *
 * - `no-mail`: names that can never have a mail host on the internet —
 *   `.invalid` (RFC 6761 §6.4: resolvers answer "no such name" without
 *   asking), `.localhost` (§6.3, this machine), `.local` (RFC 6762,
 *   multicast DNS on one link), `.onion` (RFC 7686, Tor only) and
 *   `home.arpa` (RFC 8375, a home network). An address there is never a
 *   lead's mailbox, whatever the mode or mail route: `ServerUnReachable`
 *   without a DNS query.
 * - `test`: names reserved for documentation and testing — `example.com`,
 *   `example.net`, `example.org` and their subdomains (RFC 2606 §3) and the
 *   `.example` and `.test` top-level domains (§2). RFC 6761 asks software
 *   not to treat them as special, and in production we don't: DNS decides
 *   (example.com publishes a null MX, `.test` does not exist, so both come out
 *   `ServerUnReachable`). Only when the lead's mail goes to the built-in
 *   sandbox, where nothing leaves the machine, are they accepted without DNS:
 *   that is what lets `npm start` be tried with `jane@example.com` offline.
 */
export type ReservedName = { kind: 'no-mail' | 'test'; name: string; rfc: string };

const noMailTlds: Record<string, string> = {
  invalid: 'RFC 6761 §6.4',
  localhost: 'RFC 6761 §6.3',
  local: 'RFC 6762',
  onion: 'RFC 7686',
};
const testTlds: Record<string, string> = { test: 'RFC 2606 §2', example: 'RFC 2606 §2' };
const testDomains = ['example.com', 'example.net', 'example.org'];

/** The reserved name an ASCII domain falls under, if any. */
export function reservedName(asciiDomain: string): ReservedName | null {
  const d = asciiDomain.toLowerCase();
  const tld = d.slice(d.lastIndexOf('.') + 1);
  if (noMailTlds[tld]) return { kind: 'no-mail', name: `.${tld}`, rfc: noMailTlds[tld] };
  if (d === 'home.arpa' || d.endsWith('.home.arpa'))
    return { kind: 'no-mail', name: 'home.arpa', rfc: 'RFC 8375' };
  if (testTlds[tld]) return { kind: 'test', name: `.${tld}`, rfc: testTlds[tld] };
  const second = testDomains.find((t) => d === t || d.endsWith(`.${t}`));
  if (second) return { kind: 'test', name: second, rfc: 'RFC 2606 §3' };
  return null;
}
