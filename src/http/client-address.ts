import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * Who is on the other end of a request, for sign-in throttling and the
 * Secure cookie. Without TRUST_PROXY the socket's peer is the client and
 * forwarding headers are ignored (anyone can send them). With it, a request
 * whose peer is a trusted proxy is taken at its word: X-Forwarded-For is read
 * from the right (each proxy appends the address it saw), skipping trusted
 * proxies; the first address that is not one is the client. The left-most
 * entries are whatever the client chose to send, so they are never trusted.
 */
export type ProxyTrust = { trusts(address: string): boolean };

export function proxyTrust(setting: string | undefined): ProxyTrust | null {
  if (!setting) return null;
  const list = new BlockList();
  for (const item of setting.split(',').map((s) => s.trim())) {
    const [ip, bits] = item.split('/') as [string, string | undefined];
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return {
    trusts: (address) => {
      const a = unmapped(address);
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) → `127.0.0.1`. */
const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/** The socket's peer; null when the request did not come through a socket (app.request in tests). */
export function peerAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return address ? unmapped(address) : null;
}

/** Whether the request came from a trusted proxy (so its forwarding headers count). */
export function fromTrustedProxy(c: Context, trust: ProxyTrust | null): boolean {
  const peer = peerAddress(c);
  return Boolean(trust && peer && trust.trusts(peer));
}

export function clientAddress(c: Context, trust: ProxyTrust | null): string | null {
  const peer = peerAddress(c);
  if (!trust || !peer || !trust.trusts(peer)) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => unmapped(s.trim()))
    .filter((s) => isIP(s) !== 0);
  for (let i = forwarded.length - 1; i >= 0; i--) if (!trust.trusts(forwarded[i]!)) return forwarded[i]!;
  // Every hop is a trusted proxy: the left-most is the nearest thing to a client there is.
  return forwarded[0] ?? peer;
}

/** The request came over https: said by a trusted proxy, since Nurture itself serves plain http. */
export function forwardedHttps(c: Context, trust: ProxyTrust | null): boolean {
  if (!fromTrustedProxy(c, trust)) return false;
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase();
  return proto === 'https';
}
