import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config/config.ts';
import { sessionCookie } from './auth.ts';
import { forwardedHttps, proxyTrust } from './client-address.ts';

/**
 * The session cookie: HttpOnly, SameSite=Lax (with the Origin check of
 * csrf-guard.ts, not instead of it), and Secure whenever the browser reached
 * Nurture over https: PUBLIC_URL says so, a trusted proxy says so
 * (X-Forwarded-Proto), or COOKIE_SECURE forces it.
 */
export function cookieIsSecure(
  c: Context,
  config: Pick<Config, 'COOKIE_SECURE' | 'PUBLIC_URL' | 'TRUST_PROXY'>,
): boolean {
  if (config.COOKIE_SECURE) return true;
  if (config.PUBLIC_URL?.toLowerCase().startsWith('https:')) return true;
  return forwardedHttps(c, proxyTrust(config.TRUST_PROXY));
}

export function setSessionCookie(
  c: Context,
  config: Pick<Config, 'COOKIE_SECURE' | 'PUBLIC_URL' | 'TRUST_PROXY'>,
  session: { token: string; expiresAt: Date },
): void {
  setCookie(c, sessionCookie, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: cookieIsSecure(c, config),
    path: '/',
    expires: session.expiresAt,
  });
}

/** The session token this request came with, if any (to keep it when ending the others). */
export const currentSessionToken = (c: Context): string | undefined => getCookie(c, sessionCookie);
