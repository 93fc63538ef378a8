import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../http/auth.ts';
import { ErrorResponse, errorResponses, json, serialiseDates } from '../http/openapi-helpers.ts';
import type { Ctx } from '../platform/context.ts';
import { clearAssistantMailbox, setAssistantMailbox } from './assistant-mailbox.ts';
import { type AssistantView, getAssistant, listAssistants } from './assistant-queries.ts';
import { Assistant, AssistantIdParam, MailboxBody } from './assistant-schemas.ts';
import { ListAssistantsQuery } from './assistant-setup-schemas.ts';

const security = [{ bearer: [] }];
const adminOnly = { 403: json(ErrorResponse, 'Only admins may change it') };

export const listAssistantsRoute = createRoute({
  method: 'get',
  path: '/api/v1/assistants',
  tags: ['assistants'],
  summary: "The org's assistants (no secrets); the archived ones with ?archived=true",
  security,
  request: { query: ListAssistantsQuery },
  responses: { 200: json(z.object({ items: z.array(Assistant) }), 'Assistants'), ...errorResponses },
});

export const getAssistantRoute = createRoute({
  method: 'get',
  path: '/api/v1/assistants/{id}',
  tags: ['assistants'],
  summary: 'One assistant, with the state of its mailbox reader',
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(Assistant, 'The assistant'), ...errorResponses },
});

export const putMailboxRoute = createRoute({
  method: 'put',
  path: '/api/v1/assistants/{id}/mailbox',
  tags: ['assistants'],
  summary: "Set the IMAP mailbox the assistant's replies are read from (admins)",
  description:
    'The password is stored encrypted (SECRET_KEY) and never returned. A worker starts reading within IMAP_SCAN_MS; connection problems show in `mailbox.error`.',
  security,
  request: {
    params: AssistantIdParam,
    body: { content: { 'application/json': { schema: MailboxBody } }, required: true },
  },
  responses: { 200: json(Assistant, 'The assistant'), ...errorResponses, ...adminOnly },
});

export const deleteMailboxRoute = createRoute({
  method: 'delete',
  path: '/api/v1/assistants/{id}/mailbox',
  tags: ['assistants'],
  summary: "Stop reading the assistant's mailbox and forget its settings (admins)",
  security,
  request: { params: AssistantIdParam },
  responses: { 200: json(Assistant, 'The assistant'), ...errorResponses, ...adminOnly },
});

export function registerAssistantRoutes(app: OpenAPIHono<ApiEnv>, ctx: Ctx): void {
  app.openapi(listAssistantsRoute, async (c) =>
    c.json(
      {
        items: (
          await listAssistants(ctx, c.get('actor'), { archived: c.req.valid('query').archived === 'true' })
        ).map(assistantJson),
      },
      200,
    ),
  );
  app.openapi(getAssistantRoute, async (c) =>
    c.json(assistantJson(await getAssistant(ctx, c.get('actor'), c.req.valid('param').id)), 200),
  );
  app.openapi(putMailboxRoute, async (c) =>
    c.json(
      assistantJson(
        await setAssistantMailbox(ctx, c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      ),
      200,
    ),
  );
  app.openapi(deleteMailboxRoute, async (c) =>
    c.json(assistantJson(await clearAssistantMailbox(ctx, c.get('actor'), c.req.valid('param').id)), 200),
  );
}

const assistantJson = (a: AssistantView) => serialiseDates(a) as z.infer<typeof Assistant>;
