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
