import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie } from 'hono/cookie';
import { type ApiEnv, sessionCookie } from '../http/auth.ts';
import { clientAddress, proxyTrust } from '../http/client-address.ts';
import { oneLine } from '../http/one-line.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import { setSessionCookie } from '../http/session-cookie.ts';
import type { Ctx } from '../platform/context.ts';
import { login, logout } from './authenticate.ts';

const Me = z.object({ orgId: z.uuid(), userId: z.uuid(), role: z.enum(['admin', 'member']) }).openapi('Me');

export const loginRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the session cookie the UI uses',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ email: oneLine().min(3).max(320), password: z.string().min(1).max(1024) })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(Me, 'Signed in'),
    ...errorResponses,
    429: {
      description:
        'Too many failed sign-ins for this email or from this address; `Retry-After` says when to try again',
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
      content: { 'application/json': { schema: ErrorResponse } },
    },
  },
});

export const logoutRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['auth'],
  summary: 'End the session',
  responses: { 204: { description: 'Signed out' } },
});

export const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/me',
  tags: ['auth'],
  summary: 'Who the credentials belong to',
  security: [{ bearer: [] }],
  responses: { 200: json(Me, 'The caller'), ...errorResponses },
});

/** Public: login and logout. */
export function registerAuthRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  const trust = proxyTrust(ctx.config.TRUST_PROXY);
  const policy = {
    maxFailures: ctx.config.SIGNIN_MAX_FAILURES,
    maxFailuresPerAddress: ctx.config.SIGNIN_MAX_FAILURES_PER_ADDRESS,
    windowSeconds: ctx.config.SIGNIN_WINDOW_SECONDS,
    lockSeconds: ctx.config.SIGNIN_LOCK_SECONDS,
    maxLockSeconds: ctx.config.SIGNIN_MAX_LOCK_SECONDS,
    sessionTtlHours: ctx.config.SESSION_TTL_HOURS,
  };
  app.openapi(loginRoute, async (c) => {
    const s = await login(
      ctx.db,
      { ...c.req.valid('json'), clientAddress: clientAddress(c, trust) },
      policy,
      ctx.now(),
    );
    setSessionCookie(c, ctx.config, s);
    return c.json(s.actor, 200);
  });
  app.openapi(logoutRoute, async (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) await logout(ctx.db, token);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  });
}

/** Authenticated: who am I. */
export function registerMeRoute(app: OpenAPIHono<ApiEnv>, _ctx: Ctx): void {
  app.openapi(meRoute, (c) => c.json(c.get('actor'), 200));
}
