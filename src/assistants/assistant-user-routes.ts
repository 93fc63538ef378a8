import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { AssistantIdParam } from './assistant-schemas.ts';
import { AssignmentBody, AssistantUser, AssistantUserParams } from './assistant-user-schemas.ts';
import {
  type AssistantUser as AssistantUserRow,
  assignAssistantUser,
  listAssistantUsers,
  unassignAssistantUser,
} from './assistant-users.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may change it') };

export const listAssistantUsersRoute = createRoute({
  method: 'get',
  path: '/api/v1/assistants/{id}/users',
  tags: ['assistants'],
  summary: 'The users assigned to the assistant and its managers (admins, its managers)',
  security,
  request: { params: AssistantIdParam },
  responses: {
    200: json(z.object({ items: z.array(AssistantUser) }), 'Assigned users, managers first'),
    ...errorResponses,
  },
});

export const putAssistantUserRoute = createRoute({
  method: 'put',
  path: '/api/v1/assistants/{id}/users/{userId}',
  tags: ['assistants'],
  summary: 'Assign a user to the assistant, as its manager or not (admins)',
  security,
  request: {
    params: AssistantUserParams,
    body: { content: { 'application/json': { schema: AssignmentBody } }, required: true },
  },
  responses: { 200: json(AssistantUser, 'The assignment'), ...errorResponses, ...adminOnly },
});

export const deleteAssistantUserRoute = createRoute({
  method: 'delete',
  path: '/api/v1/assistants/{id}/users/{userId}',
  tags: ['assistants'],
  summary: 'Take a user off the assistant; their leads stay theirs (admins)',
  security,
  request: { params: AssistantUserParams },
  responses: { 204: { description: 'Removed (or was not assigned)' }, ...errorResponses, ...adminOnly },
});

export function registerAssistantUserRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listAssistantUsersRoute, async (c) =>
    c.json(
      { items: (await listAssistantUsers(ctx, c.get('actor'), c.req.valid('param').id)).map(userJson) },
      200,
    ),
  );
  app.openapi(putAssistantUserRoute, async (c) => {
    const { id, userId } = c.req.valid('param');
    return c.json(
      userJson(await assignAssistantUser(ctx, c.get('actor'), id, userId, c.req.valid('json'))),
      200,
    );
  });
  app.openapi(deleteAssistantUserRoute, async (c) => {
    const { id, userId } = c.req.valid('param');
    await unassignAssistantUser(ctx, c.get('actor'), id, userId);
    return c.body(null, 204);
  });
}

const userJson = (u: AssistantUserRow) => serialiseDates(u) as z.infer<typeof AssistantUser>;
