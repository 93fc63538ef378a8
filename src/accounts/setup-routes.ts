import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import { setSessionCookie } from '../http/session-cookie.ts';
import type { Ctx } from '../platform/context.ts';
import { completeSetup, setupNeeded } from './first-run.ts';
import { startSession } from './sessions.ts';
import { SetupBody, SetupResult, SetupState } from './setup-schemas.ts';

export const setupStateRoute = createRoute({
  method: 'get',
  path: '/api/v1/setup',
  tags: ['auth'],
  summary: 'Whether this instance still needs its first organisation',
  responses: { 200: json(SetupState, 'Setup state') },
});

export const setupRoute = createRoute({
  method: 'post',
  path: '/api/v1/setup',
  tags: ['auth'],
  summary: 'First run: create the organisation and its admin (as `nurture init`), and sign the admin in',
  request: { body: { content: { 'application/json': { schema: SetupBody } }, required: true } },
  responses: {
    201: json(SetupResult, 'Set up; the session cookie is set'),
    ...errorResponses,
    403: json(ErrorResponse, 'Not the setup token'),
    409: json(ErrorResponse, 'Already set up'),
  },
});

/** Public: the first-run setup, guarded by the token the server logs at start (accounts/first-run.ts). */
export function registerSetupRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(setupStateRoute, async (c) => c.json({ needed: await setupNeeded(ctx.db) }, 200));
  app.openapi(setupRoute, async (c) => {
    const r = await completeSetup(ctx.db, c.req.valid('json'));
    const session = await startSession(ctx.db, r.userId, ctx.config.SESSION_TTL_HOURS, ctx.now());
    setSessionCookie(c, ctx.config, session);
    return c.json(
      { orgId: r.orgId, userId: r.userId, role: 'admin' as const, assistantId: r.assistantId },
      201,
    );
  });
}
