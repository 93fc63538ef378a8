import { createPrivateKey } from 'node:crypto';
import { isIP } from 'node:net';

/** Checks of single setting values that a zod schema cannot say by itself. */

/** A DNS server as node:dns setServers takes it: ip, ip:port or [ipv6]:port. */
export function isDnsServer(s: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(s);
  if (bracketed) return isIP(bracketed[1]!) === 6 && Number(bracketed[2] ?? 53) <= 65535;
  if (isIP(s)) return true;
  const [ip, port, ...rest] = s.split(':');
  return !rest.length && isIP(ip ?? '') === 4 && /^\d{1,5}$/.test(port ?? '') && Number(port) <= 65535;
}

/** nodemailer signs DKIM with RSA only: refuse anything else at boot, not at the first send. */
export function isRsaPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'rsa';
  } catch {
    return false;
  }
}

/** An IP address or CIDR range: `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`. */
export function isAddressOrRange(s: string): boolean {
  const [ip, bits, ...rest] = s.split('/');
  const family = isIP(ip ?? '');
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** TRUST_PROXY: comma-separated addresses or ranges. */
export function isAddressList(s: string): boolean {
  const items = s.split(',').map((x) => x.trim());
  return items.length > 0 && items.every(isAddressOrRange);
}
