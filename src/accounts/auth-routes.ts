import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type ApiEnv, sessionCookie } from '../http/auth.ts';
import { errorResponses, json } from '../http/openapi-helpers.ts';
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
          schema: z.object({ email: z.string().min(3), password: z.string().min(1) }).strict(),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(Me, 'Signed in'), ...errorResponses },
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
  app.openapi(loginRoute, async (c) => {
    const s = await login(ctx.db, c.req.valid('json'), ctx.config.SESSION_TTL_HOURS, ctx.now());
    setCookie(c, sessionCookie, s.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: ctx.config.COOKIE_SECURE,
      path: '/',
      expires: s.expiresAt,
    });
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
