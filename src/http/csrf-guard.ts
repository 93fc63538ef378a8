import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Config } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';
import { sessionCookie } from './auth.ts';
import { fromTrustedProxy, proxyTrust } from './client-address.ts';

/**
 * A browser sends the session cookie with any request to Nurture, whichever
 * page made it (SameSite=Lax still lets a page on the same site, another
 * port, through). So a write carried by the cookie must say it comes from
 * Nurture's own pages: its Origin is this server's origin (PUBLIC_URL, else
 * the Host it was asked for), or, from a browser that sent no Origin,
 * `Sec-Fetch-Site: same-origin`. Bodiless and multipart writes included.
 * A call with `Authorization: Bearer` carries no ambient authority and is not
 * checked; a write with a foreign Origin is refused even without a cookie
 * (sign-in and setup from another site's page).
 */
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const refuseCrossSiteWrites = (config: Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>) => {
  const trust = proxyTrust(config.TRUST_PROXY);
  const publicOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : null;
  return createMiddleware(async (c, next) => {
    if (!writeMethods.has(c.req.method) || /^Bearer\s/i.test(c.req.header('authorization') ?? ''))
      return next();
    const origin = c.req.header('origin');
    const forwardedHost = fromTrustedProxy(c, trust) ? c.req.header('x-forwarded-host') : undefined;
    const expected = publicOrigin ?? forwardedHost ?? c.req.header('host') ?? '';
    if (origin !== undefined) {
      if (sameOrigin(origin, expected, publicOrigin !== null)) return next();
      throw refused(`its Origin ${origin} is not this server (${expected})`);
    }
    if (!getCookie(c, sessionCookie)) return next();
    if (c.req.header('sec-fetch-site') === 'same-origin') return next();
    throw refused('it says nothing of where it comes from (no Origin header)');
  });
};

/** With PUBLIC_URL the whole origin must match; without it, the host and port asked for. */
function sameOrigin(origin: string, expected: string, wholeOrigin: boolean): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (a sandboxed frame, a redirect) or garbage
  }
  return wholeOrigin ? url.origin === expected : url.host.toLowerCase() === expected.toLowerCase();
}

const refused = (why: string) =>
  new AppError(
    'FORBIDDEN',
    `Refused: a signed-in change must come from Nurture's own pages, and ${why}. Scripts: use Authorization: Bearer <apiKey>.`,
  );
