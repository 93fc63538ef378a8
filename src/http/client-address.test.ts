import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey } from '../accounts/signin-throttle.ts';
import { isAddressList } from '../config/value-checks.ts';
import { clientAddress, forwardedHttps, proxyTrust } from './client-address.ts';

/** What the server makes of a request from `peer` with these headers, under TRUST_PROXY=`trust`. */
async function seen(trust: string | undefined, peer: string, headers: Record<string, string> = {}) {
  const app = new Hono();
  const t = proxyTrust(trust);
  app.get('/', (c) => c.json({ client: clientAddress(c, t), https: forwardedHttps(c, t) }));
  const res = await app.request('/', { headers }, { incoming: { socket: { remoteAddress: peer } } });
  return res.json();
}

describe('the client address', () => {
  it('is the socket peer, forwarding headers ignored, without TRUST_PROXY or from an untrusted peer', async () => {
    const spoof = { 'x-forwarded-for': '1.2.3.4', 'x-forwarded-proto': 'https' };
    expect(await seen(undefined, '203.0.113.9', spoof)).toEqual({ client: '203.0.113.9', https: false });
    expect(await seen('10.0.0.0/8', '203.0.113.9', spoof)).toEqual({ client: '203.0.113.9', https: false });
    expect(await seen(undefined, '::ffff:127.0.0.1')).toEqual({ client: '127.0.0.1', https: false });
  });

  it('behind trusted proxies, is the right-most X-Forwarded-For entry that is not one of them', async () => {
    // The client wrote "6.6.6.6" itself; the proxies appended what they saw.
    const xff = { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2', 'x-forwarded-proto': 'https' };
    expect(await seen('10.0.0.0/8', '10.0.0.1', xff)).toEqual({ client: '198.51.100.7', https: true });
    expect(await seen('10.0.0.0/8,198.51.100.7', '10.0.0.1', xff)).toEqual({
      client: '6.6.6.6',
      https: true,
    });
    expect(await seen('10.0.0.0/8', '10.0.0.1')).toEqual({ client: '10.0.0.1', https: false });
    expect(await seen('::1', '::1', { 'x-forwarded-for': '2001:db8::5' })).toEqual({
      client: '2001:db8::5',
      https: false,
    });
  });

  it('counts an IPv6 client by its /64', () => {
    expect(addressKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
  });

  it('TRUST_PROXY takes addresses and CIDR ranges only', () => {
    expect(isAddressList('127.0.0.1')).toBe(true);
    expect(isAddressList('10.0.0.0/8, ::1, fd00::/8')).toBe(true);
    expect(isAddressList('true')).toBe(false);
    expect(isAddressList('10.0.0.0/33')).toBe(false);
    expect(isAddressList('')).toBe(false);
  });
});
