import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { updateSendingSettings } from './assistant-sending.ts';
import { AssistantIdParam, SendingBody, SendingSettings } from './assistant-sending-schemas.ts';

export const patchSendingRoute = createRoute({
  method: 'patch',
  path: '/api/v1/assistants/{id}/sending',
  tags: ['assistants'],
  summary:
    "Change the assistant's send window, daily cap, spacing, fallback time zone and open/click tracking (admins)",
  description: 'Read at dispatch: emails already scheduled follow the new settings at once.',
  security: [{ bearer: [] }],
  request: {
    params: AssistantIdParam,
    body: { content: { 'application/json': { schema: SendingBody } }, required: true },
  },
  responses: {
    200: json(SendingSettings, 'The sending settings now'),
    ...errorResponses,
    403: json(ErrorResponse, 'Only admins may change it'),
  },
});

export function registerAssistantSendingRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(patchSendingRoute, async (c) =>
    c.json(
      await updateSendingSettings(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
}
