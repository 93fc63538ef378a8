import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Config } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * SSRF guard for the mail servers an admin points an assistant at. The
 * settings screen makes the server connect to any host:port and report what
 * it said, so without this an admin (or a stolen admin session) could probe
 * the instance's own network and cloud metadata (169.254.169.254). A host that
 * is, or resolves to (every A/AAAA answer), a special-use address is refused
 * unless ALLOW_PRIVATE_MAIL_HOSTS allows it. Checked on save and again before
 * each connection, since DNS answers change.
 */
const special = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  special.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID…)
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  special.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(v6: string): string | null {
  const lower = v6.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = Number.parseInt(hex[1]!, 16);
    const lo = Number.parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower);
  if (sixToFour) {
    const hi = Number.parseInt(sixToFour[1]!, 16);
    const lo = Number.parseInt(sixToFour[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** True when `ip` (a literal address) is loopback, private, link-local, CGNAT or other special use. */
export function isSpecialUseAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return special.check(ip, 'ipv4');
  if (family === 6) {
    const zone = ip.indexOf('%');
    const bare = zone === -1 ? ip : ip.slice(0, zone); // a zone id (fe80::1%eth0) is link-local anyway
    const v4 = embeddedIpv4(bare);
    if (v4 && isIP(v4) === 4) return special.check(v4, 'ipv4');
    return special.check(bare, 'ipv6');
  }
  return true; // not an address at all: never trusted
}

/** ALLOW_PRIVATE_MAIL_HOSTS, or when unset: allowed while mail goes to the sandbox (no SMTP_URL). */
export function privateMailHostsAllowed(
  config: Pick<Config, 'ALLOW_PRIVATE_MAIL_HOSTS' | 'SMTP_URL'>,
): boolean {
  return config.ALLOW_PRIVATE_MAIL_HOSTS ?? !config.SMTP_URL;
}

/**
 * A host as the connecting libraries will read it: numeric forms the URL
 * parser knows (2130706433, 0x7f.1, 017700000001) become the dotted address,
 * brackets come off an IPv6 literal.
 */
export function canonicalHost(host: string): string {
  const bare = host.trim().replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare)) return bare;
  try {
    return new URL(`http://${bare}/`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return bare;
  }
}

export type HostLookup = (host: string) => Promise<string[]>;

const systemLookup: HostLookup = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Refuse a mail host that is or resolves to a special-use address (unless the
 * instance allows them): a VALIDATION error naming `field`. A name that does
 * not resolve is refused too: nothing could connect to it anyway, and a
 * later answer is checked at connect time.
 */
export async function checkMailHost(
  config: Pick<Config, 'ALLOW_PRIVATE_MAIL_HOSTS' | 'SMTP_URL'>,
  host: string,
  field: string,
  resolve: HostLookup = systemLookup,
): Promise<void> {
  if (privateMailHostsAllowed(config)) return;
  const canonical = canonicalHost(host);
  const refuse = (why: string) =>
    new AppError(
      'VALIDATION',
      `${field}: ${why}; mail servers on loopback, private, link-local or other special-use addresses are refused (ALLOW_PRIVATE_MAIL_HOSTS)`,
      { field },
    );
  if (isIP(canonical)) {
    if (isSpecialUseAddress(canonical)) throw refuse(`${host} is a special-use address`);
    return;
  }
  let addresses: string[];
  try {
    addresses = await resolve(canonical);
  } catch (e) {
    throw new AppError(
      'VALIDATION',
      `${field}: ${host} could not be resolved (${(e as { code?: string }).code ?? 'lookup failed'})`,
      { field },
    );
  }
  if (!addresses.length) throw new AppError('VALIDATION', `${field}: ${host} has no address`, { field });
  const bad = addresses.find(isSpecialUseAddress);
  if (bad) throw refuse(`${host} resolves to ${bad}, a special-use address`);
}
