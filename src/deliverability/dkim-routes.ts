import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { AssistantIdParam, Dkim, DkimBody } from './deliverability-schemas.ts';
import { clearAssistantDkim, getAssistantDkim, setAssistantDkim } from './dkim-keys.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may do this') };

export const getDkimRoute = createRoute({
  method: 'get',
  path: '/api/v1/deliverability/dkim/{assistantId}',
  tags: ['deliverability'],
  summary: "Which key DKIM-signs the assistant's mail, and the DNS record to publish",
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(Dkim, 'DKIM'), ...errorResponses },
});

export const putDkimRoute = createRoute({
  method: 'put',
  path: '/api/v1/deliverability/dkim/{assistantId}',
  tags: ['deliverability'],
  summary: 'Give the assistant its own DKIM key, generated or uploaded; again to rotate it (admins)',
  description:
    'The key is stored encrypted (SECRET_KEY) and never returned; publish `dnsValue` at `dnsName`. An empty body generates a key under a new selector.',
  security,
  request: {
    params: AssistantIdParam,
    body: { content: { 'application/json': { schema: DkimBody } }, required: true },
  },
  responses: { 200: json(Dkim, 'DKIM'), ...errorResponses, ...adminOnly },
});

export const deleteDkimRoute = createRoute({
  method: 'delete',
  path: '/api/v1/deliverability/dkim/{assistantId}',
  tags: ['deliverability'],
  summary: "Forget the assistant's own DKIM key (admins)",
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(Dkim, 'DKIM'), ...errorResponses, ...adminOnly },
});

export function registerDkimRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(getDkimRoute, async (c) =>
    c.json(await getAssistantDkim(ctx, c.get('actor'), c.req.valid('param').assistantId), 200),
  );
  app.openapi(putDkimRoute, async (c) =>
    c.json(
      await setAssistantDkim(ctx, c.get('actor'), c.req.valid('param').assistantId, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(deleteDkimRoute, async (c) =>
    c.json(await clearAssistantDkim(ctx, c.get('actor'), c.req.valid('param').assistantId), 200),
  );
}
