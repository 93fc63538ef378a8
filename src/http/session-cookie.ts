import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Ctx } from '../platform/context.ts';
import { sessionCookie } from './auth.ts';

/**
 * The session cookie as sign-in sets it, for the other ways a person starts a
 * session (accepting an invitation). Keep in step with accounts/auth-routes.ts.
 */
export function setSessionCookie(c: Context, ctx: Ctx, session: { token: string; expiresAt: Date }): void {
  setCookie(c, sessionCookie, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: ctx.config.COOKIE_SECURE,
    path: '/',
    expires: session.expiresAt,
  });
}

/** The session token this request came with, if any (to keep it when ending the others). */
export const currentSessionToken = (c: Context): string | undefined => getCookie(c, sessionCookie);
