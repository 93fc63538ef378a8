import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import { currentSessionToken } from '../http/session-cookie.ts';
import type { Ctx } from '../platform/context.ts';
import {
  ApiKey,
  ApiKeyBody,
  ApiKeyIdParam,
  ApiKeyList,
  NewApiKey,
  PasswordChange,
  Profile,
  ProfilePatch,
  ResetCompletion,
  ResetRequest,
} from './account-schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { completePasswordReset, requestPasswordReset } from './password-reset.ts';
import { changePassword, getProfile, updateProfile } from './profile.ts';

const security = [{ bearer: [] }];
const tags = ['me'];
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export const getProfileRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/profile',
  tags,
  summary: 'My profile: name, email, phone, role, org',
  security,
  responses: { 200: json(Profile, 'My profile'), ...errorResponses },
});

export const patchProfileRoute = createRoute({
  method: 'patch',
  path: '/api/v1/me/profile',
  tags,
  summary: 'Change my name and/or phone (E.164)',
  security,
  request: body(ProfilePatch),
  responses: { 200: json(Profile, 'My profile now'), ...errorResponses },
});

export const changePasswordRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/password',
  tags,
  summary: 'Change my password (the current one first); my other sessions end',
  security,
  request: body(PasswordChange),
  responses: { 204: { description: 'Changed' }, ...errorResponses },
});

export const listApiKeysRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/api-keys',
  tags,
  summary: 'My API keys: name, prefix, created, last used, revoked (never the key)',
  security,
  responses: { 200: json(ApiKeyList, 'My keys, newest first'), ...errorResponses },
});

export const createApiKeyRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/api-keys',
  tags,
  summary: 'Make a named API key; the key is in this answer only',
  security,
  request: body(ApiKeyBody),
  responses: { 201: json(NewApiKey, 'The new key, shown once'), ...errorResponses },
});

export const revokeApiKeyRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/api-keys/{id}/revoke',
  tags,
  summary: 'Revoke one of my API keys: it stops working at once',
  security,
  request: { params: ApiKeyIdParam },
  responses: { 200: json(ApiKey, 'Revoked'), ...errorResponses },
});

export const requestResetRoute = createRoute({
  method: 'post',
  path: '/api/v1/password-resets',
  tags: ['auth'],
  summary: 'Forgot password: if the address has an account, it gets a one-time reset link. Always 202',
  request: body(ResetRequest),
  responses: { 202: { description: 'Accepted (the same answer whether or not the address has an account)' } },
});

export const completeResetRoute = createRoute({
  method: 'post',
  path: '/api/v1/password-resets/complete',
  tags: ['auth'],
  summary: "Set a new password with a reset link's token; every session of the account ends",
  request: body(ResetCompletion),
  responses: { 204: { description: 'Password set; sign in with it' }, ...errorResponses },
});

const out = <T>(v: T) => serialiseDates(v) as never;

/** Me: my profile, password and API keys (rule `self`). */
export function registerAccountRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(getProfileRoute, async (c) => c.json(await getProfile(ctx.db, c.get('actor')), 200));
  app.openapi(patchProfileRoute, async (c) =>
    c.json(await updateProfile(ctx.db, c.get('actor'), c.req.valid('json')), 200),
  );
  app.openapi(changePasswordRoute, async (c) => {
    // Signed in by an API key, no session is "this one": all of them end.
    const keep = c.req.header('authorization') ? undefined : currentSessionToken(c);
    await changePassword(ctx.db, c.get('actor'), c.req.valid('json'), keep);
    return c.body(null, 204);
  });
  app.openapi(listApiKeysRoute, async (c) =>
    c.json(out({ items: await listApiKeys(ctx.db, c.get('actor')) }), 200),
  );
  app.openapi(createApiKeyRoute, async (c) =>
    c.json(out(await createApiKey(ctx.db, c.get('actor'), c.req.valid('json').name)), 201),
  );
  app.openapi(revokeApiKeyRoute, async (c) =>
    c.json(out(await revokeApiKey(ctx.db, c.get('actor'), c.req.valid('param').id, ctx.now())), 200),
  );
}

/** Public: forgot password. The request answers before doing anything, so its timing tells nothing. */
export function registerPasswordResetRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(requestResetRoute, async (c) => {
    const { email } = c.req.valid('json');
    requestPasswordReset(ctx, email).catch((e) =>
      ctx.log.error('password reset request failed', { error: e instanceof Error ? e.message : String(e) }),
    );
    return c.body(null, 202);
  });
  app.openapi(completeResetRoute, async (c) => {
    await completePasswordReset(ctx, c.req.valid('json'));
    return c.body(null, 204);
  });
}
